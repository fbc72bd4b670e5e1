import { hasRole, type SessionUser } from '../../session';

// The API decides; these only keep the page from asking for what it would refuse.

/** Case figures: managers. */
export function seesCaseFigures(user: SessionUser): boolean {
  return hasRole(user, 'MANAGER');
}

/** MARAC figures: managers, MARAC chairs and MARAC coordinators. */
export function seesMaracFigures(user: SessionUser): boolean {
  return ['MANAGER', 'MARAC_CHAIR', 'MARAC_COORDINATOR'].some((r) => hasRole(user, r));
}
