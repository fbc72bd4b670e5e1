import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorMessages } from '../../apollo';
import type { SessionUser } from '../../session';
import { formatDate, humanise } from '../../format';
import { ErrorSummary, SummaryList, Tag } from '../../ui/govuk';
import { RiskTag, StatusTag } from '../cases/CaseTags';
import { Link } from '../../router';
import { MeetingDetail } from './queries';
import type { AgendaItemData, MeetingData } from './types';
import { ResearchPanel } from './ResearchPanel';
import { ItemActions } from './ItemActions';
import { MinutesPanel } from './MinutesPanel';
import { WithdrawForm } from './WithdrawForm';

const SetCurrentItem = graphql(`
  mutation SetCurrentAgendaItem($meetingId: ID!, $agendaItemId: ID) {
    setCurrentAgendaItem(meetingId: $meetingId, agendaItemId: $agendaItemId) {
      id
      currentItemId
    }
  }
`);

/** Why the case material is not shown, in words the reader can act on. */
function materialClosed(m: MeetingData): string {
  if (!m.confidentialityAgreed) return 'Agree the confidentiality statement to see the case material.';
  if (!m.publishedAt) return 'The case material opens when the agenda is published.';
  return 'The case material is not available to you.';
}

interface Props {
  m: MeetingData;
  item: AgendaItemData;
  user: SessionUser;
  organiser: boolean;
  chair: boolean;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}

export function AgendaItemPanel({ m, item, user, organiser, chair, onMoveUp, onMoveDown }: Props) {
  const current = m.currentItemId === item.id;
  const headingId = `item-${item.id}-heading`;
  const label = `item ${item.position}`;
  const [errors, setErrors] = useState<string[]>([]);
  const [setCurrent, { loading }] = useMutation(SetCurrentItem, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }],
    awaitRefetchQueries: true,
  });
  const discuss = async (agendaItemId: string | null) => {
    setErrors([]);
    try {
      await setCurrent({ variables: { meetingId: m.id, agendaItemId } });
    } catch (err) {
      setErrors(errorMessages(err));
    }
  };
  const c = item.case;

  return (
    <section
      className={`app-agenda-item${current ? ' app-agenda-item--current' : ''}`}
      aria-labelledby={headingId}
      aria-current={current ? 'step' : undefined}
    >
      <h3 className="govuk-heading-m" id={headingId}>
        Item {item.position}: {c ? c.reference : humanise(item.reason)}
        {current && (
          <>
            {' '}
            <Tag colour="blue">Under discussion</Tag>
          </>
        )}
      </h3>
      {errors.length > 0 && <ErrorSummary errors={errors.map((text) => ({ text }))} />}
      <SummaryList
        rows={[
          { key: 'Reason for referral', value: humanise(item.reason) },
          { key: 'DASH score', value: item.dashScore ?? 'Not given' },
          { key: 'Referred by', value: `${item.referredByAgency.name} on ${formatDate(item.referredAt)}` },
          ...(c
            ? [
                {
                  key: 'Case',
                  value: (
                    <Link href={`/cases/${c.id}`} className="govuk-link">
                      {c.reference}
                    </Link>
                  ),
                },
                { key: 'Category and ward', value: `${humanise(c.category)}, ${c.ward}` },
                {
                  key: 'Status and risk',
                  value: (
                    <>
                      <StatusTag status={c.status} /> <RiskTag risk={c.riskLevel} />
                    </>
                  ),
                },
                { key: 'Summary', value: c.summary },
                ...(item.dashAssessment
                  ? [
                      {
                        key: 'DASH assessment',
                        value: `Score ${item.dashAssessment.score}${item.dashAssessment.highRisk ? ', high risk' : ''}`,
                      },
                    ]
                  : []),
                ...(item.concerns ? [{ key: 'Concerns', value: item.concerns }] : []),
              ]
            : []),
        ]}
      />
      {!c && <div className="govuk-inset-text">{materialClosed(m)}</div>}

      {(chair || organiser) && (
        <div className="govuk-button-group">
          {chair && !current && (
            <button
              type="button"
              className="govuk-button"
              disabled={loading}
              data-module="govuk-button"
              onClick={() => discuss(item.id)}
            >
              Discuss now<span className="govuk-visually-hidden">: {label}</span>
            </button>
          )}
          {chair && current && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={loading}
              data-module="govuk-button"
              onClick={() => discuss(null)}
            >
              Finish discussing<span className="govuk-visually-hidden"> {label}</span>
            </button>
          )}
          {onMoveUp && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={onMoveUp}
            >
              Move up<span className="govuk-visually-hidden"> {label}</span>
            </button>
          )}
          {onMoveDown && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={onMoveDown}
            >
              Move down<span className="govuk-visually-hidden"> {label}</span>
            </button>
          )}
        </div>
      )}

      {item.research && <ResearchPanel m={m} item={item} user={user} />}
      {item.actions && <ItemActions m={m} item={item} chair={chair} />}
      {(item.minutes !== null || c) && <MinutesPanel m={m} item={item} chair={chair} />}
      {organiser && <WithdrawForm m={m} item={item} />}
    </section>
  );
}
