import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AlertInboxFilter, AlertInboxQuery, AlertKind, RiskLevel } from '../../gql/graphql';
import { setUnreadCount, useAlerts, type LiveAlert } from './alerts';
import { Link, usePageTitle } from '../../router';
import { ALERT_KINDS, RISK_LEVELS, formatDateTime, humanise, options } from '../../format';
import type { SessionUser } from '../../session';
import { Button, Checkbox, ErrorSummary, Select, Tag, TextInput } from '../../ui/govuk';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { RiskTag } from '../cases/CaseTags';

const AlertInbox = graphql(`
  query AlertInbox($filter: AlertInboxFilter, $first: Int, $after: String) {
    alertInbox(filter: $filter, first: $first, after: $after) {
      totalCount
      unreadCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          caseId
          meetingId
          occurredAt
          read
          assignee {
            id
            displayName
          }
          case {
            id
            reference
            riskLevel
          }
        }
      }
    }
  }
`);

const Assignees = graphql(`
  query AlertAssignees {
    alertAssignees {
      id
      displayName
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkAlertsRead($ids: [ID!]!) {
    markAlertsRead(alertIds: $ids) {
      unreadCount
    }
  }
`);

const MarkAllRead = graphql(`
  mutation MarkAllAlertsRead($filter: AlertInboxFilter) {
    markAllAlertsRead(filter: $filter) {
      unreadCount
    }
  }
`);

const MarkUnread = graphql(`
  mutation MarkAlertUnread($id: ID!) {
    markAlertUnread(alertId: $id) {
      id
      read
    }
  }
`);

const Assign = graphql(`
  mutation AssignAlert($id: ID!, $userId: ID) {
    assignAlert(alertId: $id, userId: $userId) {
      id
      assignee {
        id
        displayName
      }
    }
  }
`);

type Entry = AlertInboxQuery['alertInbox']['edges'][number]['node'];

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Filters {
  kind: string;
  minRisk: string;
  caseText: string;
  unreadOnly: boolean;
  assignedToMe: boolean;
}
const NO_FILTERS: Filters = { kind: '', minRisk: '', caseText: '', unreadOnly: false, assignedToMe: false };

/** The form's fields as the API's filter; a case is given by its reference or its id. */
function toFilter(f: Filters): AlertInboxFilter {
  const text = f.caseText.trim();
  return {
    kinds: f.kind ? [f.kind as AlertKind] : null,
    minRisk: f.minRisk ? (f.minRisk as RiskLevel) : null,
    caseId: UUID.test(text) ? text : null,
    caseReference: text && !UUID.test(text) ? text : null,
    unreadOnly: f.unreadOnly || null,
    assignedToMe: f.assignedToMe || null,
  };
}

function describe(a: LiveAlert): string {
  return `${humanise(a.kind)}${a.case ? ` on ${a.case.reference}` : ''}`;
}

export function AlertsPage({ user }: { user: SessionUser }) {
  usePageTitle('Alerts');
  if (!user.can.readCases) {
    return (
      <>
        <h1 className="govuk-heading-l">Alerts</h1>
        <NoCaseAccess />
      </>
    );
  }
  return <Inbox user={user} />;
}

function Inbox({ user }: { user: SessionUser }) {
  const { latest, changes } = useAlerts();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  // The cursors of the pages before this one, so "Previous" goes back without counting offsets.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const filter = toFilter(applied);
  const { data, error, refetch } = useQuery(AlertInbox, {
    variables: { filter, first: PAGE_SIZE, after },
    fetchPolicy: 'cache-and-network',
  });
  const assignees = useQuery(Assignees);
  const [markRead] = useMutation(MarkRead);
  const [markAllRead, markingAll] = useMutation(MarkAllRead);
  const [markUnread] = useMutation(MarkUnread);
  const [assign] = useMutation(Assign);
  const [failed, setFailed] = useState<string | null>(null);

  // A new alert, or a change made in another tab or device: read the inbox again (the server's is the truth).
  const seenChanges = useRef(changes);
  useEffect(() => {
    if (changes === seenChanges.current) return;
    seenChanges.current = changes;
    void refetch().catch(() => undefined);
  }, [changes, refetch]);

  const act = async (run: () => Promise<unknown>) => {
    setFailed(null);
    try {
      await run();
      await refetch();
    } catch {
      setFailed('That could not be saved. Try again.');
    }
  };
  const open = (entry: Entry) => {
    if (entry.read) return;
    // Marked read as the case opens; the badge follows from the answer.
    void markRead({ variables: { ids: [entry.id] } })
      .then((result) => result.data && setUnreadCount(result.data.markAlertsRead.unreadCount))
      .catch(() => undefined);
  };

  const inbox = data?.alertInbox;
  const entries = inbox?.edges.map((e) => e.node) ?? [];
  const filtered = JSON.stringify(applied) !== JSON.stringify(NO_FILTERS);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    setCursors([null]);
  };

  return (
    <>
      <h1 className="govuk-heading-l">Alerts</h1>
      <p className="govuk-body">
        Alerts about cases your agency holds and meetings it attends, newest first. They are kept for you, read or
        unread, on every device you sign in on, until the retention period ends.
      </p>
      {/* Polite: screen readers hear new alerts when they pause, and focus never moves. */}
      <div className="govuk-visually-hidden" aria-live="polite" aria-atomic="true">
        {latest ? `New alert: ${describe(latest)}` : ''}
      </div>
      {failed && <ErrorSummary errors={[{ text: failed }]} />}
      {error && !data && <ErrorSummary errors={[{ text: 'Your alerts could not be loaded. Try again.' }]} />}

      <form onSubmit={apply} aria-label="Filter alerts">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="alerts-kind"
              label="Kind"
              value={draft.kind}
              onChange={(kind) => setDraft({ ...draft, kind })}
              options={[{ value: '', text: 'Any kind' }, ...options(ALERT_KINDS)]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="alerts-risk"
              label="Minimum risk"
              value={draft.minRisk}
              onChange={(minRisk) => setDraft({ ...draft, minRisk })}
              options={[{ value: '', text: 'Any risk' }, ...options(RISK_LEVELS)]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput
              id="alerts-case"
              label="Case reference or id"
              value={draft.caseText}
              onChange={(caseText) => setDraft({ ...draft, caseText })}
              spellCheck={false}
            />
          </div>
        </div>
        <Checkbox
          id="alerts-unread"
          label="Unread only"
          checked={draft.unreadOnly}
          onChange={(unreadOnly) => setDraft({ ...draft, unreadOnly })}
        />
        <Checkbox
          id="alerts-mine"
          label="Assigned to me"
          checked={draft.assignedToMe}
          onChange={(assignedToMe) => setDraft({ ...draft, assignedToMe })}
        />
        <Button secondary>Apply filters</Button>
      </form>

      {inbox && (
        <p className="govuk-body" id="alerts-summary">
          {inbox.unreadCount} unread of {inbox.totalCount} {inbox.totalCount === 1 ? 'alert' : 'alerts'}
          {filtered && ' matching the filter'}
        </p>
      )}
      {inbox && inbox.unreadCount > 0 && (
        <Button
          secondary
          type="button"
          disabled={markingAll.loading}
          onClick={() =>
            void act(async () => {
              const result = await markAllRead({ variables: { filter } });
              if (result.data) setUnreadCount(result.data.markAllAlertsRead.unreadCount);
            })
          }
        >
          {filtered ? 'Mark all matching as read' : 'Mark all as read'}
        </Button>
      )}

      {inbox && entries.length === 0 ? (
        <p className="govuk-body">
          {filtered
            ? 'No alerts match the filter.'
            : 'No alerts yet. New alerts will appear here without reloading the page.'}
        </p>
      ) : (
        <ul className="app-alert-list" aria-label="Alerts, newest first">
          {entries.map((a) => (
            <li key={a.id}>
              <p className="govuk-body govuk-!-margin-bottom-1">
                {!a.read && (
                  <>
                    <Tag colour="blue">New</Tag>{' '}
                  </>
                )}
                <strong>{humanise(a.kind)}</strong>
                {a.case ? (
                  <>
                    {' '}
                    on{' '}
                    <Link href={`/cases/${a.case.id}`} className="govuk-link" onClick={() => open(a)}>
                      {a.case.reference}
                    </Link>{' '}
                    <RiskTag risk={a.case.riskLevel} />
                  </>
                ) : (
                  a.meetingId && (
                    <>
                      {' '}
                      for{' '}
                      <Link href={`/meetings/${a.meetingId}`} className="govuk-link" onClick={() => open(a)}>
                        a meeting
                      </Link>
                    </>
                  )
                )}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <time dateTime={a.occurredAt}>{formatDateTime(a.occurredAt)}</time>
                {a.assignee && <> · Assigned to {a.assignee.id === user.id ? 'you' : a.assignee.displayName}</>}
              </p>
              <AlertActions
                entry={a}
                user={user}
                colleagues={assignees.data?.alertAssignees ?? []}
                onRead={() =>
                  act(async () => {
                    const result = await markRead({ variables: { ids: [a.id] } });
                    if (result.data) setUnreadCount(result.data.markAlertsRead.unreadCount);
                  })
                }
                onUnread={() => act(() => markUnread({ variables: { id: a.id } }))}
                onAssign={(userId) => act(() => assign({ variables: { id: a.id, userId } }))}
              />
            </li>
          ))}
        </ul>
      )}

      {(cursors.length > 1 || inbox?.pageInfo.hasNextPage) && (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of alerts">
          {cursors.length > 1 && (
            <div className="govuk-pagination__prev">
              <button
                type="button"
                className="govuk-link app-link-button"
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                Newer alerts
              </button>
            </div>
          )}
          {inbox?.pageInfo.hasNextPage && (
            <div className="govuk-pagination__next">
              <button
                type="button"
                className="govuk-link app-link-button"
                onClick={() => setCursors([...cursors, inbox.pageInfo.endCursor])}
              >
                Older alerts
              </button>
            </div>
          )}
        </nav>
      )}
    </>
  );
}

/** Read state is the user's own; assignment is their agency's, to one of its caseworkers. */
function AlertActions({
  entry,
  user,
  colleagues,
  onRead,
  onUnread,
  onAssign,
}: {
  entry: Entry;
  user: SessionUser;
  colleagues: { id: string; displayName: string }[];
  onRead: () => Promise<void>;
  onUnread: () => Promise<void>;
  onAssign: (userId: string | null) => Promise<void>;
}) {
  const [colleague, setColleague] = useState('');
  const label = `${humanise(entry.kind)}${entry.case ? ` on ${entry.case.reference}` : ''}`;
  return (
    <div className="govuk-button-group govuk-!-margin-bottom-2">
      {entry.read ? (
        <button type="button" className="govuk-link app-link-button" onClick={() => void onUnread()}>
          Mark as unread<span className="govuk-visually-hidden">: {label}</span>
        </button>
      ) : (
        <button type="button" className="govuk-link app-link-button" onClick={() => void onRead()}>
          Mark as read<span className="govuk-visually-hidden">: {label}</span>
        </button>
      )}
      {entry.assignee?.id !== user.id && (
        <button type="button" className="govuk-link app-link-button" onClick={() => void onAssign(user.id)}>
          Assign to me<span className="govuk-visually-hidden">: {label}</span>
        </button>
      )}
      {entry.assignee && (
        <button type="button" className="govuk-link app-link-button" onClick={() => void onAssign(null)}>
          Unassign<span className="govuk-visually-hidden">: {label}</span>
        </button>
      )}
      {colleagues.length > 1 && (
        <form
          className="app-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (colleague) void onAssign(colleague).then(() => setColleague(''));
          }}
        >
          <Select
            id={`assign-${entry.id}`}
            label={`Assign to a colleague: ${label}`}
            labelClass="govuk-visually-hidden"
            value={colleague}
            onChange={setColleague}
            options={[
              { value: '', text: 'Choose a colleague' },
              ...colleagues.filter((c) => c.id !== user.id).map((c) => ({ value: c.id, text: c.displayName })),
            ]}
          />
          <Button secondary small>
            Assign<span className="govuk-visually-hidden">: {label}</span>
          </Button>
        </form>
      )}
    </div>
  );
}
