import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorMessages } from '../../apollo';
import type { SessionUser } from '../../session';
import { formatDateTime } from '../../format';
import { ErrorSummary } from '../../ui/govuk';
import { MeetingDetail } from './queries';
import type { MeetingData } from './types';
import { AgendaItemPanel } from './AgendaItemPanel';

const ReorderAgenda = graphql(`
  mutation ReorderAgenda($meetingId: ID!, $itemIds: [ID!]!) {
    reorderAgenda(meetingId: $meetingId, itemIds: $itemIds) {
      id
    }
  }
`);

/** The live agenda in the meeting's order, then anything withdrawn from it. */
export function AgendaPanel({
  m,
  user,
  organiser,
  chair,
}: {
  m: MeetingData;
  user: SessionUser;
  organiser: boolean;
  chair: boolean;
}) {
  const live = m.agenda.filter((i) => !i.withdrawnAt).sort((a, b) => a.position - b.position);
  const withdrawn = m.agenda.filter((i) => i.withdrawnAt);
  const [errors, setErrors] = useState<string[]>([]);
  const [reorder, { loading }] = useMutation(ReorderAgenda, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }],
    awaitRefetchQueries: true,
  });

  const move = async (index: number, by: -1 | 1) => {
    const ids = live.map((i) => i.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    setErrors([]);
    try {
      await reorder({ variables: { meetingId: m.id, itemIds: ids } });
    } catch (err) {
      setErrors(errorMessages(err));
    }
  };

  return (
    <section aria-labelledby="agenda-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="agenda-heading">
        Agenda
      </h2>
      {errors.length > 0 && <ErrorSummary errors={errors.map((text) => ({ text }))} />}
      {live.length === 0 && <p className="govuk-body">No cases have been referred to this meeting yet.</p>}
      {live.map((item, index) => (
        <AgendaItemPanel
          key={item.id}
          m={m}
          item={item}
          user={user}
          organiser={organiser}
          chair={chair}
          onMoveUp={organiser && index > 0 && !loading ? () => move(index, -1) : undefined}
          onMoveDown={organiser && index < live.length - 1 && !loading ? () => move(index, 1) : undefined}
        />
      ))}
      {withdrawn.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Withdrawn from the agenda</h3>
          <ul className="govuk-list govuk-list--bullet">
            {withdrawn.map((i) => (
              <li key={i.id}>
                {i.case?.reference ?? 'A referred case'}, withdrawn {formatDateTime(i.withdrawnAt)}: {i.withdrawnReason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
