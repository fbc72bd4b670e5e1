import { useEffect, useSyncExternalStore } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseAlertsSubscription } from '../../gql/graphql';
import { errorCode } from '../../apollo';
import type { SessionUser } from '../../session';

export type LiveAlert = CaseAlertsSubscription['caseAlerts'];

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

const InboxChanges = graphql(`
  subscription AlertInboxChanges {
    alertInboxChanges {
      unreadCount
    }
  }
`);

// The inbox itself is kept on the server (alertInbox); this tab keeps only what makes it live: the server's unread
// count (pushed by alertInboxChanges, so every tab and device agrees), the latest arrival for the polite live
// region, and a counter that tells an open inbox to read the server again.
interface AlertState {
  /** The server's count of unread alerts; null until it has answered. */
  unread: number | null;
  /** The most recent arrival, for the polite live region */
  latest: LiveAlert | null;
  /** Bumped whenever the inbox may have changed (an arrival, a change in another tab). */
  changes: number;
}
let state: AlertState = { unread: null, latest: null, changes: 0 };
const listeners = new Set<() => void>();
const emit = (next: AlertState) => {
  state = next;
  listeners.forEach((l) => l());
};

const sinceKey = (userId: string) => `portal.alerts.since.${userId}`;

function receive(alert: LiveAlert, userId: string): void {
  if (state.latest?.id === alert.id) return;
  localStorage.setItem(sinceKey(userId), alert.id);
  emit({ ...state, latest: alert, changes: state.changes + 1 });
}

/** The server's count, as a mutation or the subscription answered it. */
export function setUnreadCount(unread: number): void {
  if (unread !== state.unread) emit({ ...state, unread, changes: state.changes + 1 });
}

export function resetAlerts(): void {
  emit({ unread: null, latest: null, changes: state.changes + 1 });
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

/** Unread alerts in the user's inbox, counted by the server. */
export function useUnreadCount(): number {
  return useAlerts().unread ?? 0;
}

/**
 * Keeps the caseAlerts subscription (live arrivals) and the inbox's unread count open for the whole signed-in
 * session.
 */
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
    const badge = client.subscribe({ query: InboxChanges }).subscribe({
      next: (result) => {
        if (result.data?.alertInboxChanges) setUnreadCount(result.data.alertInboxChanges.unreadCount);
      },
      error: () => {
        /* as above */
      },
    });
    return () => {
      stopped = true;
      sub?.unsubscribe();
      badge.unsubscribe();
    };
  }, [client, user.id]);
  return null;
}
