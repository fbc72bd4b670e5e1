import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorMessages } from '../../apollo';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { formatDateTime, humanise } from '../../format';
import { ErrorSummary, SummaryList, Tag } from '../../ui/govuk';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { MeetingDetail, MeetingUpdates } from './queries';
import type { MeetingData } from './types';
import { ConfidentialityPanel } from './ConfidentialityPanel';
import { AttendancePanel } from './AttendancePanel';
import { AgendaPanel } from './AgendaPanel';
import { ReferCaseForm } from './ReferCaseForm';
import { PackLinks } from './PackLinks';

const PublishAgenda = graphql(`
  mutation PublishAgenda($meetingId: ID!) {
    publishAgenda(meetingId: $meetingId) {
      id
      publishedAt
    }
  }
`);

const CloseMeeting = graphql(`
  mutation CloseMeeting($meetingId: ID!) {
    closeMeeting(meetingId: $meetingId) {
      id
      closedAt
      currentItemId
    }
  }
`);

export function MeetingPage({ id, user }: { id: string; user: SessionUser }) {
  const { data, loading, error } = useQuery(MeetingDetail, {
    variables: { id },
    skip: !user.can.readCases,
    fetchPolicy: 'cache-and-network',
  });
  // Each change to the meeting arrives read with this user's rules and lands in the cache by id.
  useSubscription(MeetingUpdates, { variables: { meetingId: id }, skip: !user.can.readCases || !data?.meeting });
  const m = data?.meeting;
  usePageTitle(m ? m.title : 'Meeting');

  if (!user.can.readCases) return <NoCaseAccess />;
  if (loading && !m)
    return (
      <p className="govuk-body" role="status">
        Loading meeting…
      </p>
    );
  if (error && !m) {
    return (
      <>
        <h1 className="govuk-heading-l">Meeting could not be loaded</h1>
        <p className="govuk-body">Try again later.</p>
      </>
    );
  }
  // A meeting the user's agency does not attend reads the same as one that does not exist.
  if (!m) {
    return (
      <>
        <h1 className="govuk-heading-l">Meeting not found</h1>
        <p className="govuk-body">The meeting does not exist or your agency does not attend it.</p>
        <p className="govuk-body">
          <Link href="/meetings" className="govuk-link">
            Back to meetings
          </Link>
        </p>
      </>
    );
  }
  return <MeetingView m={m} user={user} />;
}

function MeetingView({ m, user }: { m: MeetingData; user: SessionUser }) {
  const open = !m.closedAt;
  const organiser = m.viewerCan.organise && open;
  const chair = m.viewerCan.chair && open;
  const [errors, setErrors] = useState<string[]>([]);
  const refetch = { refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }], awaitRefetchQueries: true };
  const [publish, { loading: publishing }] = useMutation(PublishAgenda, refetch);
  const [close, { loading: closing }] = useMutation(CloseMeeting, refetch);
  const run = async (action: () => Promise<unknown>) => {
    setErrors([]);
    try {
      await action();
    } catch (err) {
      setErrors(errorMessages(err));
    }
  };

  return (
    <>
      <Link href="/meetings" className="govuk-back-link govuk-!-margin-top-0">
        Meetings
      </Link>
      <span className="govuk-caption-l">{humanise(m.kind)} meeting</span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{m.title}</h1>
      <p className="govuk-body">
        {m.closedAt ? (
          <Tag colour="grey">Closed</Tag>
        ) : m.publishedAt ? (
          <Tag colour="green">Agenda published</Tag>
        ) : (
          <Tag colour="yellow">Agenda not published</Tag>
        )}
      </p>
      {errors.length > 0 && <ErrorSummary errors={errors.map((text) => ({ text }))} />}
      <SummaryList
        rows={[
          { key: 'Starts', value: formatDateTime(m.startsAt) },
          { key: 'Chair', value: m.chair.displayName },
          { key: 'Attending agencies', value: m.agencies.map((a) => a.name).join(', ') },
          { key: 'Agenda published', value: m.publishedAt ? formatDateTime(m.publishedAt) : 'Not yet' },
          ...(m.closedAt ? [{ key: 'Closed', value: formatDateTime(m.closedAt) }] : []),
        ]}
      />
      <PackLinks meetingId={m.id} />
      <ConfidentialityPanel m={m} />
      <AttendancePanel m={m} user={user} />
      <AgendaPanel m={m} user={user} organiser={organiser} chair={chair} />
      {organiser && <ReferCaseForm meetingId={m.id} />}
      {(organiser || chair) && (
        <section aria-labelledby="running-heading" className="govuk-!-margin-top-8">
          <h2 className="govuk-heading-m" id="running-heading">
            {organiser ? 'Publish and close' : 'Close the meeting'}
          </h2>
          <div className="govuk-button-group">
            {organiser && (
              <button
                type="button"
                className="govuk-button"
                disabled={publishing}
                data-module="govuk-button"
                onClick={() => run(() => publish({ variables: { meetingId: m.id } }))}
              >
                {m.publishedAt ? 'Publish the agenda again' : 'Publish agenda'}
              </button>
            )}
            {chair && (
              <button
                type="button"
                className="govuk-button govuk-button--warning"
                disabled={closing}
                data-module="govuk-button"
                onClick={() => run(() => close({ variables: { meetingId: m.id } }))}
              >
                Close meeting
              </button>
            )}
          </div>
          {organiser && (
            <p className="govuk-hint">
              Publishing alerts the attending agencies and opens the case material to those who agree the statement.
            </p>
          )}
        </section>
      )}
    </>
  );
}
