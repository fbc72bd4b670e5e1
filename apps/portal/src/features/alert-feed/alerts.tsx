import { useEffect, useSyncExternalStore } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseAlertsSubscription } from '../../gql/graphql';
import { errorCode } from '../../apollo';
import type { SessionUser } from '../../session';

export type Alert = CaseAlertsSubscription['caseAlerts'] & { unread: boolean };

const CaseAlerts = graphql(`
  subscription CaseAlerts($since: String) {
    caseAlerts(since: $since) {
      id
      kind
      caseId
      actionId
      meetingId
      occurredAt
      case {
        id
        reference
        riskLevel
      }
    }
  }
`);

// Alerts live in memory for the tab's session (not in the Apollo cache, which is rebuilt on
// every sign-in); only the last id is kept in localStorage, to resume with `since`.
interface AlertState {
  alerts: Alert[];
  /** The most recent arrival, for the polite live region */
  latest: Alert | null;
}
let state: AlertState = { alerts: [], latest: null };
const listeners = new Set<() => void>();
const emit = (next: AlertState) => {
  state = next;
  listeners.forEach((l) => l());
};

const sinceKey = (userId: string) => `portal.alerts.since.${userId}`;

function receive(alert: CaseAlertsSubscription['caseAlerts'], userId: string): void {
  if (state.alerts.some((a) => a.id === alert.id)) return;
  const item: Alert = { ...alert, unread: true };
  // Newest first; ids increase, so compare them rather than trusting arrival order on replay.
  const alerts = [item, ...state.alerts].sort((a, b) =>
    a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0,
  );
  localStorage.setItem(sinceKey(userId), alert.id);
  emit({ alerts, latest: item });
}

export function markRead(id?: string): void {
  emit({ ...state, alerts: state.alerts.map((a) => (id === undefined || a.id === id ? { ...a, unread: false } : a)) });
}

export function resetAlerts(): void {
  emit({ alerts: [], latest: null });
}

export function useAlerts(): AlertState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export function useUnreadCount(): number {
  return useAlerts().alerts.filter((a) => a.unread).length;
}

/** Keeps one caseAlerts subscription open for the whole signed-in session. */
export function AlertsFeed({ user }: { user: SessionUser }) {
  const client = useApolloClient();
  useEffect(() => {
    let stopped = false;
    let sub: { unsubscribe(): void } | undefined;
    const start = (since: string | null) => {
      sub = client.subscribe({ query: CaseAlerts, variables: { since } }).subscribe({
        next: (result) => {
          if (result.data?.caseAlerts) receive(result.data.caseAlerts, user.id);
          else if (result.error && errorCode(result.error) === 'BAD_USER_INPUT' && since && !stopped) {
            // A cursor the API no longer accepts: forget it and listen live.
            localStorage.removeItem(sinceKey(user.id));
            sub?.unsubscribe();
            start(null);
          }
        },
        error: () => {
          /* the WebSocket link retries by itself; a refused token ends the session elsewhere */
        },
      });
    };
    start(localStorage.getItem(sinceKey(user.id)));
    return () => {
      stopped = true;
      sub?.unsubscribe();
    };
  }, [client, user.id]);
  return null;
}
