import { useEffect, useState } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import { changedHereWithin, errorCode } from '../../apollo';
import { followCase, refreshScreen } from '../../live';
import type { SessionUser } from '../../session';

const CaseUpdates = graphql(`
  subscription CaseUpdates($caseId: ID!) {
    caseUpdates(caseId: $caseId) {
      caseId
      what
      at
      byAgency {
        id
        name
      }
    }
  }
`);

/** How soon an open case page reads again after a change on it. */
const CASE_DELAY_MS = 300;
/** How long "just now" stays true. */
const NOTE_MS = 60_000;

/**
 * An open case page kept live: each change on the case reads the page again in place, with a note saying who
 * changed it; `gone` once the case is no longer the viewer's to see (a share revoked), when the page must go.
 */
export function useLiveCase(id: string, user: SessionUser, open: boolean): { gone: boolean; note: string | null } {
  const client = useApolloClient();
  const [gone, setGone] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    setGone(false);
    setNote(null);
    return followCase(id);
  }, [id]);
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), NOTE_MS);
    return () => clearTimeout(timer);
  }, [note]);

  const leave = () => {
    setGone(true);
    // Nothing of the case stays in this tab's memory for another screen to show.
    client.cache.evict({ id: client.cache.identify({ __typename: 'Case', id }) });
    client.cache.gc();
  };

  useSubscription(CaseUpdates, {
    variables: { caseId: id },
    skip: !open || gone,
    onData: ({ data }) => {
      if (data.data === undefined) return;
      const update = data.data?.caseUpdates;
      if (!update) return leave();
      refreshScreen(client, CASE_DELAY_MS);
      const by = update.byAgency;
      // This tab's own change needs no note: its form already said so.
      if (by?.id === user.agency.id && changedHereWithin(5000)) return;
      setNote(`Updated by ${by?.name ?? 'the portal'} just now`);
    },
    // Subscribed again after the socket came back, to a case that stopped being shared meanwhile.
    onError: (error) => {
      if (errorCode(error) === 'NOT_FOUND') leave();
    },
  });

  return { gone, note };
}
