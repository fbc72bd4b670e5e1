import type { Role } from '#libs/common';
import { AdminAction, type AdminEvent } from './admin-event.model.js';
import type { AdminEventRow } from './administration.repository.js';

/** An account created or given roles by someone outside its agency is flagged for that agency. */
export function isCrossAgency(event: {
  actor: { agencyId: string } | null;
  agencyId: string;
  userId?: string | null;
}): boolean {
  return event.userId != null && event.actor != null && event.actor.agencyId !== event.agencyId;
}

const listed = (roles: readonly Role[] | undefined) => (roles?.length ? roles.join(', ') : 'none');

/** The event in words, from the names kept with it (the log reads the same after a rename). */
export function describeAdminEvent(row: Pick<AdminEventRow, 'action' | 'cross_agency' | 'detail'>): string {
  const d = row.detail;
  const by =
    d.source === 'start'
      ? ' (the portal, at start, from ADMIN_EMAIL)'
      : d.source === 'sso'
        ? ' (at their first single sign-on, as the agency allows)'
        : row.cross_agency
          ? ' (by an administrator of another agency)'
          : '';
  switch (row.action) {
    case AdminAction.AGENCY_CREATED:
      return `Created the agency ${d.agencyName} (${d.agencyKind})${by}`;
    case AdminAction.USER_CREATED:
      return `Created the account of ${d.displayName} with roles ${listed(d.roles)}${by}`;
    case AdminAction.USER_INVITED:
      return `Invited ${d.displayName} with roles ${listed(d.roles)}: they set their own password${by}`;
    case AdminAction.USER_DEACTIVATED:
      return `Deactivated the account of ${d.displayName}${by}`;
    case AdminAction.ROLES_CHANGED:
      return `Changed the roles of ${d.displayName} from ${listed(d.previousRoles)} to ${listed(d.roles)}${by}`;
    case AdminAction.SESSIONS_ENDED:
      return `Signed ${d.displayName} out everywhere (${d.sessionsEnded ?? 0} ${d.sessionsEnded === 1 ? 'session' : 'sessions'} ended)${by}`;
    case AdminAction.IDENTITY_PROVIDER_CONFIGURED:
      return `Set the agency's identity provider to ${d.issuer} for ${(d.emailDomains ?? []).join(', ')}${by}`;
    case AdminAction.IDENTITY_PROVIDER_REMOVED:
      return `Removed the agency's identity provider ${d.issuer ?? ''}${by}`.trimEnd();
    case AdminAction.API_KEY_CREATED:
      return `Made the ${d.keyAccess === 'READ_ONLY' ? 'read-only' : 'read-write'} key “${d.keyName}” for ${d.displayName}, expiring ${d.keyExpiresAt?.slice(0, 10)}${by}`;
    case AdminAction.API_KEY_REVOKED:
      return `Revoked the key “${d.keyName}” of ${d.displayName}${by}`;
    case AdminAction.MFA_REQUIREMENT_CHANGED:
      return `${d.mfaRequired ? 'Required' : 'Stopped requiring'} a second factor of everyone in ${d.agencyName}${by}`;
    default:
      return row.action;
  }
}

export const toAdminEvent = (row: AdminEventRow): AdminEvent => ({
  id: row.id,
  at: row.at,
  action: row.action,
  detail: describeAdminEvent(row),
  crossAgency: row.cross_agency,
  roles: row.detail.roles ?? [],
  previousRoles: row.detail.previousRoles ?? null,
  actorId: row.actor_id,
  agencyId: row.agency_id,
  userId: row.user_id,
});
