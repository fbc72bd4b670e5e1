import { useQuery } from '@apollo/client/react';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { formatDateTime, humanise } from '../../format';
import { Table, Tag } from '../../ui/govuk';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { MeetingList } from './queries';
import { ScheduleMeetingForm } from './ScheduleMeetingForm';

export function MeetingsPage({ user }: { user: SessionUser }) {
  usePageTitle('Meetings');
  const { data, loading, error } = useQuery(MeetingList, {
    skip: !user.can.readCases,
    fetchPolicy: 'cache-and-network',
  });
  if (!user.can.readCases) return <NoCaseAccess />;
  const upcoming = data?.upcoming ?? [];
  const past = data?.past ?? [];
  const title = (m: { id: string; title: string }) => (
    <Link href={`/meetings/${m.id}`} className="govuk-link">
      {m.title}
    </Link>
  );

  return (
    <>
      <h1 className="govuk-heading-l">Meetings</h1>
      <p className="govuk-body">MARAC, ASB panels and ASB Case Reviews that your agency attends.</p>
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading meetings…
        </p>
      )}
      {error && !data && <p className="govuk-body">Meetings could not be loaded. Try again later.</p>}
      {data && (
        <>
          {upcoming.length === 0 ? (
            <>
              <h2 className="govuk-heading-m">Upcoming meetings</h2>
              <p className="govuk-body">No meetings are scheduled.</p>
            </>
          ) : (
            <Table
              caption="Upcoming meetings"
              head={['Meeting', 'Kind', 'Starts', 'Chair', 'Agenda']}
              rows={upcoming}
              rowKey={(m) => m.id}
              cells={(m) => [
                title(m),
                humanise(m.kind),
                formatDateTime(m.startsAt),
                m.chair.displayName,
                m.publishedAt ? <Tag colour="green">Published</Tag> : <Tag colour="grey">Draft</Tag>,
              ]}
            />
          )}
          {past.length === 0 ? (
            <>
              <h2 className="govuk-heading-m">Past meetings</h2>
              <p className="govuk-body">No meetings have been held yet.</p>
            </>
          ) : (
            <Table
              caption="Past meetings"
              head={['Meeting', 'Kind', 'Started', 'Chair', 'Closed']}
              rows={past}
              rowKey={(m) => m.id}
              cells={(m) => [
                title(m),
                humanise(m.kind),
                formatDateTime(m.startsAt),
                m.chair.displayName,
                m.closedAt ? formatDateTime(m.closedAt) : 'Not closed',
              ]}
            />
          )}
        </>
      )}
      {user.can.createMeeting && <ScheduleMeetingForm user={user} />}
    </>
  );
}
