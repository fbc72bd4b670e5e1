import { BadInputError, ForbiddenError, Role } from '#libs/common';
import { AdminAction, type AdminEvent } from './admin-event.model.js';
import { type AdminGrant, AdminGrantStatus } from './admin-grant.model.js';
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
    case AdminAction.USER_REACTIVATED:
      return `Reactivated the account of ${d.displayName}${by}`;
    case AdminAction.SECOND_FACTOR_RESET:
      return `Reset the second factor of ${d.displayName}: they set one up again (${d.hadSecondFactor ? 'one was set up' : 'none was set up'}; ${d.sessionsEnded ?? 0} ${d.sessionsEnded === 1 ? 'session' : 'sessions'} ended)${by}`;
    case AdminAction.ADMIN_GRANT_REQUESTED:
      return `Asked for ${d.displayName} to be given ADMIN: another administrator decides${by}`;
    case AdminAction.ADMIN_GRANT_APPROVED:
      return `Approved giving ADMIN to ${d.displayName}: roles from ${listed(d.previousRoles)} to ${listed(d.roles)}${by}`;
    case AdminAction.ADMIN_GRANT_REFUSED:
      return `Refused giving ADMIN to ${d.displayName}${by}`;
    case AdminAction.WEBHOOK_REGISTERED:
      return `Registered the webhook ${d.webhookUrl} for ${(d.webhookKinds ?? []).join(', ')}${by}`;
    case AdminAction.WEBHOOK_CHANGED:
      return `Changed the webhook ${d.webhookUrl}: now for ${(d.webhookKinds ?? []).join(', ')}${by}`;
    case AdminAction.WEBHOOK_SECRET_ROTATED:
      return `Gave the webhook ${d.webhookUrl} a new signing secret${by}`;
    case AdminAction.WEBHOOK_REMOVED:
      return `Removed the webhook ${d.webhookUrl}${by}`;
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

/** How long a request to give ADMIN waits for a second administrator. */
export const ADMIN_GRANT_DAYS = 7;

/** Roles that manage accounts: given or taken by the partnership administrator alone. */
const ADMINISTRATIVE_ROLES: readonly Role[] = [Role.ADMIN, Role.AGENCY_ADMIN];

const isAdmin = (roles: readonly Role[]) => roles.includes(Role.ADMIN);

/** `roles` as given, each once; at least one (a user always holds a role). */
export function distinctRoles(roles: readonly Role[], field = 'roles'): Role[] {
  const distinct = [...new Set(roles)];
  if (distinct.length === 0) throw new BadInputError(field, 'roles must name at least one role');
  return distinct;
}

/**
 * An agency's administrator manages its accounts but never an administrator's: the partnership administrator's
 * account (which may sit in any agency) is the partnership administrators' alone.
 */
export function checkMayManage(callerRoles: readonly Role[], target: { roles: readonly Role[] }): void {
  if (isAdmin(target.roles) && !isAdmin(callerRoles))
    throw new ForbiddenError('An administrator’s account is managed by the partnership’s administrators');
}

/**
 * Giving or taking ADMIN or AGENCY_ADMIN is the partnership administrator's: an agency's administrator changes
 * their agency's casework roles only. Checked on what changes, so an agency's administrator may still change the
 * other roles of a colleague who is also one.
 */
export function checkRolesWithinPower(
  callerRoles: readonly Role[],
  before: readonly Role[],
  after: readonly Role[],
  field = 'roles',
): void {
  if (isAdmin(callerRoles)) return;
  for (const role of ADMINISTRATIVE_ROLES)
    if (before.includes(role) !== after.includes(role))
      throw new ForbiddenError(`Only the partnership’s administrators give or take ${role}`, field);
}

/**
 * Whether giving ADMIN waits for a second administrator: while two or more are active. With one (the first,
 * from ADMIN_EMAIL) it cannot, or the partnership would never have a second.
 */
export const grantNeedsSecondAdministrator = (approvalOn: boolean, activeAdministrators: number): boolean =>
  approvalOn && activeAdministrators >= 2;

export interface AdminGrantRow {
  id: string;
  user_id: string;
  requested_by: string;
  requested_at: Date;
  expires_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  outcome: 'APPROVED' | 'REFUSED' | null;
}

export function grantStatus(row: Pick<AdminGrantRow, 'outcome' | 'expires_at'>, now: Date): AdminGrantStatus {
  if (row.outcome) return AdminGrantStatus[row.outcome];
  return row.expires_at.getTime() <= now.getTime() ? AdminGrantStatus.EXPIRED : AdminGrantStatus.PENDING;
}

export const toAdminGrant = (row: AdminGrantRow, now: Date): AdminGrant => ({
  id: row.id,
  status: grantStatus(row, now),
  requestedAt: row.requested_at,
  expiresAt: row.expires_at,
  decidedAt: row.decided_at,
  userId: row.user_id,
  requestedById: row.requested_by,
  decidedById: row.decided_by,
});
