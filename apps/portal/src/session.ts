import { useSyncExternalStore } from 'react';
import type { ViewerCanQuery } from './gql/graphql';

/** What the API says the signed-in user may do (`me.viewerCan`): pages and navigation ask this, never the roles. */
export type ViewerCan = NonNullable<ViewerCanQuery['me']['viewerCan']>;

/** What the portal keeps of a signed-in session (sessionStorage: gone when the tab closes). */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  agency: { id: string; name: string; kind: string };
  can: ViewerCan;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

interface SessionState {
  session: Session | null;
  /** Set when a session ended by expiry (not by signing out), so the sign-in page can say so. */
  expiredUser: SessionUser | null;
  /** What the sign-in page says once after signing out on purpose (signed out of every device); not stored. */
  notice: string | null;
}

const KEY = 'portal.session';
const EXPIRED_KEY = 'portal.expiredUser';
const DRAFT_PREFIX = 'portal.draft.';

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

let state: SessionState = { session: read<Session>(KEY), expiredUser: read<SessionUser>(EXPIRED_KEY), notice: null };
// A session kept by an earlier portal holds no `can`: sign in again (drafts are kept) rather than guess it from roles.
if (state.session && (Date.parse(state.session.expiresAt) <= Date.now() || !state.session.user.can)) {
  state = { session: null, expiredUser: state.session.user, notice: null };
}
/** The server is ending this session on purpose: its socket closing (4403) and refusals are expected, not an expiry. */
let ending = false;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  if (next.session) sessionStorage.setItem(KEY, JSON.stringify(next.session));
  else sessionStorage.removeItem(KEY);
  if (next.expiredUser) sessionStorage.setItem(EXPIRED_KEY, JSON.stringify(next.expiredUser));
  else sessionStorage.removeItem(EXPIRED_KEY);
  listeners.forEach((l) => l());
}

export function getSession(): Session | null {
  return state.session;
}

/**
 * When the token ends, on this computer's clock: its lifetime (exp − iat) counted from now. The server's
 * `expiresAt` is on the server's clock, and a computer whose clock is off would warn and sign out at the
 * wrong time.
 */
function localExpiry(token: string, serverExpiresAt: string): string {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      iat?: unknown;
      exp?: unknown;
    };
    if (typeof claims.iat === 'number' && typeof claims.exp === 'number')
      return new Date(Date.now() + (claims.exp - claims.iat) * 1000).toISOString();
  } catch {
    // Not a token we can read: fall back to the server's word.
  }
  return serverExpiresAt;
}

export function signedIn(session: Session): void {
  // Drafts belong to the person who typed them; another user signing in on this tab must not see them.
  const previous = state.session?.user ?? state.expiredUser;
  if (previous && previous.id !== session.user.id) clearDrafts();
  set({
    session: { ...session, expiresAt: localExpiry(session.token, session.expiresAt) },
    expiredUser: null,
    notice: null,
  });
}

/**
 * Asks the server to end the session (`signOut`, `signOutEverywhere`) before this tab forgets the token, so the
 * token is refused everywhere from then on, not merely dropped here. Call `signOut` next; on an error nothing
 * is forgotten, so the caller can say what went wrong.
 */
export async function endingSession<T>(end: () => Promise<T>): Promise<T> {
  ending = true;
  try {
    return await end();
  } catch (error) {
    ending = false;
    throw error;
  }
}

/** Signing out on purpose discards unsaved text too: the next person at this machine must not read it. */
export function signOut(notice: string | null = null): void {
  ending = false;
  clearDrafts();
  set({ session: null, expiredUser: null, notice });
}

/** The token ran out (or the API refused it): keep drafts so nothing typed is lost. */
export function sessionExpired(): void {
  if (!state.session || ending) return;
  set({ session: null, expiredUser: state.session.user, notice: null });
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export function draftKey(name: string): string {
  return `${DRAFT_PREFIX}${name}`;
}

export function clearDrafts(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (k?.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(k);
  }
}
