import { hasRole, type SessionUser } from '../../session';

// The API decides; this only keeps the page from asking for what it would refuse.

/** Retention and legal holds: managers, over their own agency's cases. */
export function managesRetention(user: SessionUser): boolean {
  return hasRole(user, 'MANAGER');
}
