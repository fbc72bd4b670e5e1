import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { useUnreadCount } from '../alert-feed/alerts';
import { formatDate, humanise } from '../../format';
import { Table } from '../../ui/govuk';
import { RiskTag } from './CaseTags';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { ActionStatusTag, isOverdue } from '../actions/ActionsTab';
import { TriageCountQuery } from '../intake/queries';

const MyWork = graphql(`
  query MyWork {
    cases(filter: { owned: true, status: [OPEN] }, first: 100) {
      totalCount
      edges {
        node {
          id
          reference
          category
          riskLevel
          ward
          openedAt
          actions {
            id
            kind
            description
            status
            dueAt
            ownerAgency {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const SOON_MS = 14 * 24 * 3600 * 1000;

export function MyWorkPage({ user }: { user: SessionUser }) {
  usePageTitle('My work');
  const unread = useUnreadCount();
  const { data, loading, error } = useQuery(MyWork, { skip: !user.can.readCases, fetchPolicy: 'cache-and-network' });
  const triage = useQuery(TriageCountQuery, { skip: !user.can.readCases, fetchPolicy: 'cache-and-network' });
  const waiting = triage.data?.triageQueue.length;

  const cases = data?.cases.edges.map((e) => e.node) ?? [];
  const now = Date.now();
  const due = cases
    .flatMap((c) => c.actions.map((a) => ({ ...a, caseRef: c.reference, caseId: c.id })))
    .filter(
      (a) => (a.status === 'OPEN' || a.status === 'IN_PROGRESS') && a.dueAt && Date.parse(a.dueAt) < now + SOON_MS,
    )
    .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
  const overdue = due.filter((a) => isOverdue(a, now)).length;

  return (
    <>
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">My work</h1>
      {!user.can.readCases ? (
        <NoCaseAccess />
      ) : (
        <>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              <Link href="/alerts" className="govuk-link">
                {unread} unread {unread === 1 ? 'alert' : 'alerts'}
              </Link>
            </li>
            {waiting !== undefined && (
              <li>
                <Link href="/triage" className="govuk-link">
                  {waiting} {waiting === 1 ? 'report' : 'reports'} waiting in triage
                </Link>
              </li>
            )}
            <li>
              {loading && !data
                ? 'Counting open cases…'
                : `${data?.cases.totalCount ?? 0} open cases owned by your agency`}
            </li>
            <li>
              {overdue} overdue {overdue === 1 ? 'action' : 'actions'}
            </li>
          </ul>
          {error && <p className="govuk-body">Your cases could not be loaded. Try again later.</p>}

          <h2 className="govuk-heading-m">Actions due and overdue</h2>
          {due.length === 0 ? (
            <p className="govuk-body">No actions on your open cases are due in the next 14 days.</p>
          ) : (
            <Table
              caption="Actions due in the next 14 days or overdue, soonest first"
              captionClass="govuk-table__caption--s"
              head={['Due', 'Case', 'Action', 'Agency responsible', 'Status']}
              rows={due}
              rowKey={(a) => a.id}
              cells={(a) => [
                formatDate(a.dueAt),
                <Link href={`/cases/${a.caseId}/actions`} className="govuk-link app-nowrap">
                  {a.caseRef}
                </Link>,
                `${humanise(a.kind)}: ${a.description}`,
                a.ownerAgency.name,
                <ActionStatusTag action={a} />,
              ]}
            />
          )}

          <h2 className="govuk-heading-m">Open cases</h2>
          {cases.length === 0 && !loading ? (
            <p className="govuk-body">Your agency has no open cases.</p>
          ) : (
            <Table
              caption="Open cases owned by your agency, newest first"
              captionClass="govuk-table__caption--s"
              head={['Reference', 'Category', 'Risk', 'Ward', 'Opened']}
              rows={cases}
              rowKey={(c) => c.id}
              cells={(c) => [
                <Link href={`/cases/${c.id}`} className="govuk-link app-nowrap">
                  {c.reference}
                </Link>,
                humanise(c.category),
                <RiskTag risk={c.riskLevel} short />,
                c.ward,
                formatDate(c.openedAt),
              ]}
            />
          )}
        </>
      )}

      <h2 className="govuk-heading-m">Next meetings</h2>
      <div className="govuk-inset-text">
        Meetings are coming soon. Your next MARAC and ASB panel meetings will be listed here.
      </div>
    </>
  );
}
