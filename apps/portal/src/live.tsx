import { useEffect } from 'react';
import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { graphql } from './gql';

const CaseActivity = graphql(`
  subscription CaseActivity {
    caseActivity {
      caseId
      what
    }
  }
`);

/** A burst of changes (a meeting working through its agenda, an import) is one refetch, not one per change. */
const LIST_DELAY_MS = 1000;

let pending: { timer: ReturnType<typeof setTimeout>; due: number } | null = null;

/**
 * Reads again every query the open screen is showing, once, within `delayMs`: what the screen shows comes from
 * the API, read with the viewer's own rights, and nothing of it travels in the signal. Forms keep their own
 * state (drafts.ts), so a refetch changes what is displayed, never what is being typed.
 */
export function refreshScreen(client: ApolloClient, delayMs = LIST_DELAY_MS): void {
  const due = Date.now() + delayMs;
  if (pending && pending.due <= due) return;
  if (pending) clearTimeout(pending.timer);
  pending = {
    due,
    timer: setTimeout(() => {
      pending = null;
      void client.refetchQueries({ include: 'active' }).catch(() => undefined);
    }, delayMs),
  };
}

/** Cases an open case page follows itself (caseUpdates), with how many pages follow each. */
const followed = new Map<string, number>();

/** While a case page is open, its own subscription brings its case's changes: the lists' signal is not needed. */
export function followCase(id: string): () => void {
  followed.set(id, (followed.get(id) ?? 0) + 1);
  return () => {
    const left = (followed.get(id) ?? 1) - 1;
    if (left > 0) followed.set(id, left);
    else followed.delete(id);
  };
}

/**
 * Keeps every open screen live: one `caseActivity` subscription for the signed-in session, and each change on a
 * case the agency holds (or in its triage queue) refetches what the screen shows. Catching up after the socket
 * drops is apollo.ts's.
 */
export function LiveScreens() {
  const client = useApolloClient();
  useEffect(() => {
    const sub = client.subscribe({ query: CaseActivity }).subscribe({
      next: (result) => {
        const caseId = result.data?.caseActivity.caseId;
        if (caseId && followed.has(caseId)) return;
        if (result.data) refreshScreen(client);
      },
      error: () => {
        /* the WebSocket link retries by itself; a refused token ends the session elsewhere */
      },
    });
    return () => sub.unsubscribe();
  }, [client]);
  return null;
}
