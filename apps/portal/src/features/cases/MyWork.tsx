import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { MyWorkQuery } from '../../gql/graphql';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { useUnreadCount } from '../alert-feed/alerts';
import { formatDate, formatDateTime, humanise } from '../../format';
import { SummaryList, Table, Tag } from '../../ui/govuk';
import { RiskTag } from './CaseTags';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { ActionStatusTag } from '../actions/ActionsTab';
import { TriageCountQuery } from '../intake/queries';
import { useSubjectAccessRow } from '../subject-access/MyWorkRow';
import { doneText, STANDARD_NAMES } from '../service-standards/ServiceClocks';

/**
 * Everything on My work in one request: the open cases the agency owns or holds by a share (the contract's
 * `cases`, which follows shares only), the actions the agency owns or the user is given on any case (`myActions`:
 * a meeting's actions on cases the agency does not hold included, named only as far as the rules allow), and the
 * meetings the agency attends. The service standards come with the cases (owner and FULL shares read them).
 */
/** What an action row of My work shows, for the agency's actions and those assigned to me alike. */
export const MyWorkAction = graphql(`
  fragment MyWorkAction on CaseAction {
    id
    kind
    description
    status
    dueAt
    caseReference
    case {
      id
    }
    meeting {
      id
      title
      startsAt
    }
    assignee {
      id
      displayName
    }
  }
`);

const MyWork = graphql(`
  query MyWork {
    cases(filter: { status: [OPEN] }, first: 100) {
      totalCount
      edges {
        node {
          id
          reference
          category
          riskLevel
          ward
          openedAt
          access
          ownerAgency {
            id
            name
          }
          serviceClocks {
            standard
            state
            dueAt
            doneAt
          }
        }
      }
    }
    agencyActions: myActions {
      totalCount
      overdueCount
      actions {
        ...MyWorkAction
      }
    }
    assignedActions: myActions(assignedToMe: true) {
      totalCount
      overdueCount
      actions {
        ...MyWorkAction
      }
    }
    meetings(upcoming: true) {
      id
      kind
      title
      startsAt
      publishedAt
    }
  }
`);

type WorkAction = MyWorkQuery['agencyActions']['actions'][number];
type OpenCase = MyWorkQuery['cases']['edges'][number]['node'];

/** How many upcoming meetings the page lists; the Meetings page has the rest. */
const NEXT_MEETINGS = 5;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The caller's relation to a case, in words: the owner, or the access of the share it holds. */
function relationText(kase: OpenCase, agencyId: string): string {
  if (kase.ownerAgency.id === agencyId) return 'Owner';
  return kase.access === 'FULL' ? 'Full share' : 'Limited share';
}

/**
 * Which case an action is on, as far as the reader may know it: a link where the agency holds the case; the
 * reference alone where only the meeting that agreed it opens the case to them; else that it is not shared.
 */
function ActionCase({ action }: { action: WorkAction }) {
  if (action.case)
    return (
      <Link href={`/cases/${action.case.id}/actions`} className="govuk-link app-nowrap">
        {action.caseReference}
      </Link>
    );
  if (action.caseReference) return <span className="app-nowrap">{action.caseReference}</span>;
  return <span className="govuk-hint govuk-!-margin-0">Not shared with your agency</span>;
}

/** Where the action came from: the meeting that agreed it (while the agency attends), or the case itself. */
function ActionSource({ action }: { action: WorkAction }) {
  if (!action.meeting) return <>Added on the case</>;
  return (
    <Link href={`/meetings/${action.meeting.id}`} className="govuk-link">
      {action.meeting.title}, {formatDate(action.meeting.startsAt)}
    </Link>
  );
}

function ActionsTable({ caption, actions }: { caption: string; actions: WorkAction[] }) {
  return (
    <Table
      caption={caption}
      captionClass="govuk-table__caption--s"
      head={['Due', 'Case', 'Action', 'Agreed at', 'Assigned to', 'Status']}
      rows={actions}
      rowKey={(a) => a.id}
      cells={(a) => [
        a.dueAt ? formatDate(a.dueAt) : 'No date',
        <ActionCase action={a} />,
        `${humanise(a.kind)}: ${a.description}`,
        <ActionSource action={a} />,
        a.assignee?.displayName ?? 'Nobody yet',
        <ActionStatusTag action={a} />,
      ]}
    />
  );
}

const AlertsAssigned = graphql(`
  query AlertsAssignedToMe {
    alertInbox(filter: { assignedToMe: true }, first: 20) {
      totalCount
      edges {
        node {
          id
          kind
          occurredAt
          read
          caseId
          meetingId
          case {
            id
            reference
          }
        }
      }
    }
  }
`);

/** Alerts a colleague (or the user) assigned to the user in the inbox, newest first. */
function AlertsAssignedToMe() {
  const { data } = useQuery(AlertsAssigned, { fetchPolicy: 'cache-and-network' });
  const inbox = data?.alertInbox;
  if (!inbox) return null;
  if (inbox.totalCount === 0) return <p className="govuk-body">No alerts are assigned to you.</p>;
  const alerts = inbox.edges.map((e) => e.node);
  return (
    <>
      <Table
        caption="Alerts assigned to you, newest first"
        captionClass="govuk-table__caption--s"
        head={['When', 'Alert', 'About', 'Read']}
        rows={alerts}
        rowKey={(a) => a.id}
        cells={(a) => [
          formatDateTime(a.occurredAt),
          humanise(a.kind),
          a.case ? (
            <Link href={`/cases/${a.case.id}`} className="govuk-link app-nowrap">
              {a.case.reference}
            </Link>
          ) : a.meetingId ? (
            <Link href={`/meetings/${a.meetingId}`} className="govuk-link">
              A meeting
            </Link>
          ) : (
            'Not shared with your agency'
          ),
          a.read ? 'Read' : 'Unread',
        ]}
      />
      {inbox.totalCount > alerts.length && (
        <p className="govuk-body">
          Showing the newest {alerts.length} of {inbox.totalCount}.{' '}
          <Link href="/alerts" className="govuk-link">
            See them all in your alerts
          </Link>
        </p>
      )}
    </>
  );
}

export function MyWorkPage({ user }: { user: SessionUser }) {
  usePageTitle('My work');
  const unread = useUnreadCount();
  // Kept fresh by the portal's one liveness mechanism, which refetches active queries on case activity.
  const { data, loading, error } = useQuery(MyWork, { skip: !user.can.readCases, fetchPolicy: 'cache-and-network' });
  const triage = useQuery(TriageCountQuery, { skip: !user.can.readCases, fetchPolicy: 'cache-and-network' });
  const subjectAccess = useSubjectAccessRow(user);
  const waiting = triage.data?.triageQueue.length;

  const cases = data?.cases.edges.map((e) => e.node) ?? [];
  const owned = cases.filter((c) => c.ownerAgency.id === user.agency.id).length;
  const agencyActions = data?.agencyActions;
  const assigned = data?.assignedActions;
  const meetings = (data?.meetings ?? []).slice(0, NEXT_MEETINGS);
  // Missed deadlines still standing: a standard done late is history, not work.
  const breaches = cases.flatMap((c) =>
    (c.serviceClocks ?? [])
      .filter(
        (clock) => clock.state === 'BREACHED' && !(clock.doneAt && Date.parse(clock.doneAt) > Date.parse(clock.dueAt)),
      )
      .map((clock) => ({ ...clock, kase: c })),
  );
  const counting = loading && !data ? 'Counting…' : null;

  return (
    <>
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">My work</h1>
      {!user.can.readCases ? (
        <NoCaseAccess />
      ) : (
        <>
          {error && !data && <p className="govuk-body">Your work could not be loaded. Try again later.</p>}
          <SummaryList
            rows={[
              {
                key: 'Alerts',
                value: (
                  <Link href="/alerts" className="govuk-link">
                    {plural(unread, 'unread alert')}
                  </Link>
                ),
              },
              ...(waiting !== undefined
                ? [
                    {
                      key: 'Triage',
                      value: (
                        <Link href="/triage" className="govuk-link">
                          {plural(waiting, 'report')} waiting in triage
                        </Link>
                      ),
                    },
                  ]
                : []),
              {
                key: 'Open cases',
                value:
                  counting ??
                  `${data?.cases.totalCount ?? 0}: ${owned} owned by your agency, ${cases.length - owned} shared with it`,
              },
              {
                key: 'Assigned to you',
                value: counting ?? plural(assigned?.totalCount ?? 0, 'action'),
              },
              {
                key: "Your agency's actions",
                value:
                  counting ??
                  `${plural(agencyActions?.totalCount ?? 0, 'open action')}, ${agencyActions?.overdueCount ?? 0} overdue`,
              },
              {
                key: 'Service standards',
                value: counting ?? `${plural(breaches.length, 'breach', 'breaches')} on your open cases`,
              },
              {
                key: 'Next meetings',
                value: counting ?? plural(data?.meetings.length ?? 0, 'upcoming meeting'),
              },
              ...subjectAccess,
            ]}
          />

          <h2 className="govuk-heading-m">Assigned to you</h2>
          <AlertsAssignedToMe />
          {data && (assigned?.actions.length ?? 0) === 0 ? (
            <p className="govuk-body">No open actions are assigned to you.</p>
          ) : (
            <ActionsTable caption="Actions assigned to you, soonest due first" actions={assigned?.actions ?? []} />
          )}

          <h2 className="govuk-heading-m">Your agency's actions</h2>
          {data && (agencyActions?.actions.length ?? 0) === 0 ? (
            <p className="govuk-body">Your agency has no open actions on any case.</p>
          ) : (
            <>
              <ActionsTable
                caption="Open actions your agency carries out, on its own cases, shared cases and those agreed at meetings, soonest due first"
                actions={agencyActions?.actions ?? []}
              />
              {agencyActions && agencyActions.totalCount > agencyActions.actions.length && (
                <p className="govuk-body">
                  Showing the {agencyActions.actions.length} due soonest of {agencyActions.totalCount}.
                </p>
              )}
            </>
          )}

          <h2 className="govuk-heading-m">Open cases</h2>
          {data && cases.length === 0 ? (
            <p className="govuk-body">Your agency owns no open cases and none are shared with it.</p>
          ) : (
            <>
              <Table
                caption="Open cases your agency owns or that are shared with it, newest first"
                captionClass="govuk-table__caption--s"
                head={['Reference', 'Category', 'Risk', 'Ward', 'Your access', 'Owner', 'Opened']}
                rows={cases}
                rowKey={(c) => c.id}
                cells={(c) => [
                  <Link href={`/cases/${c.id}`} className="govuk-link app-nowrap">
                    {c.reference}
                  </Link>,
                  humanise(c.category),
                  <RiskTag risk={c.riskLevel} short />,
                  c.ward,
                  relationText(c, user.agency.id),
                  c.ownerAgency.name,
                  formatDate(c.openedAt),
                ]}
              />
              {data && data.cases.totalCount > cases.length && (
                <p className="govuk-body">
                  Showing the newest {cases.length} of {data.cases.totalCount}.{' '}
                  <Link href="/cases" className="govuk-link">
                    See all cases
                  </Link>
                </p>
              )}
            </>
          )}

          <h2 className="govuk-heading-m">Service standards breached</h2>
          {data && breaches.length === 0 ? (
            <p className="govuk-body">No service standard is breached on the open cases your agency reads them on.</p>
          ) : (
            <Table
              caption="Missed service standards on open cases (owners and full shares see them)"
              captionClass="govuk-table__caption--s"
              head={['Case', 'Standard', 'Was due', 'Done']}
              rows={breaches}
              rowKey={(b) => `${b.kase.id}-${b.standard}`}
              cells={(b) => [
                <Link href={`/cases/${b.kase.id}`} className="govuk-link app-nowrap">
                  {b.kase.reference}
                </Link>,
                STANDARD_NAMES[b.standard],
                formatDateTime(b.dueAt),
                doneText(b),
              ]}
            />
          )}

          <h2 className="govuk-heading-m">Next meetings</h2>
          {data && meetings.length === 0 ? (
            <p className="govuk-body">Your agency is not invited to any upcoming meeting.</p>
          ) : (
            <Table
              caption="Meetings your agency attends, soonest first"
              captionClass="govuk-table__caption--s"
              head={['Meeting', 'Kind', 'Starts', 'Agenda']}
              rows={meetings}
              rowKey={(m) => m.id}
              cells={(m) => [
                <Link href={`/meetings/${m.id}`} className="govuk-link">
                  {m.title}
                </Link>,
                humanise(m.kind),
                formatDateTime(m.startsAt),
                m.publishedAt ? <Tag colour="green">Published</Tag> : <Tag colour="grey">Draft</Tag>,
              ]}
            />
          )}
          {data && data.meetings.length > meetings.length && (
            <p className="govuk-body">
              <Link href="/meetings" className="govuk-link">
                See all {data.meetings.length} upcoming meetings
              </Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
