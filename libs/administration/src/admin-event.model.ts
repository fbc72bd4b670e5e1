import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, Role } from '#libs/common';

/** What an administrator (or the portal itself, at start) did to the partnership. */
export enum AdminAction {
  AGENCY_CREATED = 'AGENCY_CREATED',
  USER_CREATED = 'USER_CREATED',
  USER_INVITED = 'USER_INVITED',
  USER_DEACTIVATED = 'USER_DEACTIVATED',
  ROLES_CHANGED = 'ROLES_CHANGED',
  SESSIONS_ENDED = 'SESSIONS_ENDED',
  IDENTITY_PROVIDER_CONFIGURED = 'IDENTITY_PROVIDER_CONFIGURED',
  IDENTITY_PROVIDER_REMOVED = 'IDENTITY_PROVIDER_REMOVED',
  API_KEY_CREATED = 'API_KEY_CREATED',
  API_KEY_REVOKED = 'API_KEY_REVOKED',
  MFA_REQUIREMENT_CHANGED = 'MFA_REQUIREMENT_CHANGED',
  USER_REACTIVATED = 'USER_REACTIVATED',
  SECOND_FACTOR_RESET = 'SECOND_FACTOR_RESET',
  ADMIN_GRANT_REQUESTED = 'ADMIN_GRANT_REQUESTED',
  ADMIN_GRANT_APPROVED = 'ADMIN_GRANT_APPROVED',
  ADMIN_GRANT_REFUSED = 'ADMIN_GRANT_REFUSED',
  WEBHOOK_REGISTERED = 'WEBHOOK_REGISTERED',
  WEBHOOK_CHANGED = 'WEBHOOK_CHANGED',
  WEBHOOK_SECRET_ROTATED = 'WEBHOOK_SECRET_ROTATED',
  WEBHOOK_REMOVED = 'WEBHOOK_REMOVED',
}

registerEnumType(AdminAction, {
  name: 'AdminAction',
  description:
    'What an administration event did: an agency or account created, an account invited (it sets its own password), an account deactivated, roles changed, an account’s sessions ended, an agency’s identity provider configured or removed, a partner system’s key made or revoked, an agency’s second-factor requirement changed, an account reactivated, an account’s second factor reset (they enrol again), ADMIN asked for, approved or refused by a second administrator, a webhook endpoint registered, changed, given a new secret or removed',
});

@ObjectType({
  description:
    'One change to the partnership: who made it, when, to which agency and account. Append-only; administrators read every agency’s, managers and agency administrators their own agency’s.',
})
export class AdminEvent {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => AdminAction)
  action: AdminAction;

  @Field({ description: 'What happened, in words' })
  detail: string;

  @Field({
    description:
      'True when an administrator of another agency created, changed or deactivated this agency’s account: someone outside the agency chose its password or its powers',
  })
  crossAgency: boolean;

  @Field(() => [Role], { description: 'For account events: the roles the account holds after the change' })
  roles: Role[];

  @Field(() => [Role], { nullable: true, description: 'For a change of roles: those held before' })
  previousRoles: Role[] | null;

  /** Null when the portal itself acted at start (the first administrator, from ADMIN_EMAIL). */
  actorId: string | null;
  agencyId: string;
  userId: string | null;
}

export const AdminEventConnection = Connection(AdminEvent, 'AdminEvent');

/** As kept in `admin_events.detail`: the names at the time, so the log reads the same after a rename. */
export interface AdminEventDetail {
  agencyName?: string;
  agencyKind?: string;
  displayName?: string;
  roles?: Role[];
  previousRoles?: Role[];
  /** For sessions ended: how many were open. */
  sessionsEnded?: number;
  /** For an identity provider: its issuer and the email domains it vouches for (never its secret). */
  issuer?: string;
  emailDomains?: string[];
  /** For a partner system's key: its name, access and expiry (never anything of its secret). */
  keyName?: string;
  keyAccess?: string;
  keyExpiresAt?: string;
  /** For a second-factor requirement changed: whether the agency now requires one of everyone. */
  mfaRequired?: boolean;
  /** For a second factor reset: whether the account had one. */
  hadSecondFactor?: boolean;
  /** For a webhook endpoint: its URL and the alert kinds it receives (never its secret). */
  webhookUrl?: string;
  webhookKinds?: string[];
  /** 'start' when the portal itself acted (ADMIN_EMAIL); 'sso' for an account made at its first single sign-on. */
  source?: 'start' | 'sso';
}
