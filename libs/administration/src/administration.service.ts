import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { loaderFor, type Queryable, type RequestContext } from '#libs/context';
import { AccountsService, type InviteUserInput } from '#libs/accounts';
import { type Agency, AgenciesService, type CreateAgencyInput } from '#libs/agencies';
import { SessionsService } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import {
  BadInputError,
  decodeCursor,
  encodeCursor,
  ForbiddenError,
  NotFoundError,
  type Page,
  pageSize,
  parseId,
  Role,
  StateConflictError,
  withLazyTotal,
} from '#libs/common';
import { MfaService } from '#libs/mfa';
import { type CreateUserInput, type User, UsersService } from '#libs/users';
import { AdminAction, type AdminEvent, type AdminEventDetail } from './admin-event.model.js';
import { type AdminGrant, AdminGrantStatus } from './admin-grant.model.js';
import { AdministrationRepository } from './administration.repository.js';
import {
  ADMIN_GRANT_DAYS,
  checkMayManage,
  checkRolesWithinPower,
  distinctRoles,
  grantNeedsSecondAdministrator,
  grantStatus,
  isCrossAgency,
  toAdminEvent,
  toAdminGrant,
} from './administration.rules.js';

export interface AdminEventInput {
  action: AdminAction;
  agencyId: string;
  userId?: string | null;
  detail: AdminEventDetail;
}

/**
 * The partnership's administration: each change is made and recorded in the one transaction, so no agency,
 * account or role exists that the log does not name.
 */
@Injectable()
export class AdministrationService {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly mfa: MfaService,
    private readonly repository: AdministrationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Recorded through the change's own transaction, with the caller as the one who acted. */
  record(ctx: RequestContext, event: AdminEventInput): Promise<void> {
    const actor = { id: ctx.user!.id, agencyId: ctx.user!.agencyId };
    return this.repository.insert(ctx.db, { ...event, actor, crossAgency: isCrossAgency({ ...event, actor }) });
  }

  /** A step no administrator took at that moment (an account made at its first single sign-on, as its agency allows). */
  recordWithoutActor(db: Queryable, event: AdminEventInput): Promise<void> {
    return this.repository.insert(db, { ...event, actor: null, crossAgency: false });
  }

  async createAgency(ctx: RequestContext, input: CreateAgencyInput): Promise<Agency> {
    const agency = await this.agencies.create(ctx, input);
    await this.record(ctx, {
      action: AdminAction.AGENCY_CREATED,
      agencyId: agency.id,
      detail: { agencyName: agency.name, agencyKind: agency.kind },
    });
    return agency;
  }

  /**
   * The contract's createUser, for anyone by the partnership's administrators and for their own agency by an
   * agency's administrator. ADMIN asked for while two or more administrators are active is a request another
   * decides: the account is made without it.
   */
  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const { roles, grantAdmin } = await this.newAccountRoles(ctx, input);
    const user = await this.users.create(ctx, { ...input, roles });
    await this.record(ctx, {
      action: AdminAction.USER_CREATED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles },
    });
    if (grantAdmin) await this.requestAdminGrant(ctx, user);
    return user;
  }

  /**
   * Creates the user with a password nobody knows and queues their invitation, in one transaction with the log's
   * record: the invited user chooses their own password from the link. ADMIN as createUser.
   */
  async inviteUser(ctx: RequestContext, input: InviteUserInput): Promise<User> {
    const { roles, grantAdmin } = await this.newAccountRoles(ctx, input);
    const user = await this.users.create(ctx, { ...input, roles, password: AccountsService.unusablePassword() });
    await this.accounts.invite(ctx, user);
    await this.record(ctx, {
      action: AdminAction.USER_INVITED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles },
    });
    if (grantAdmin) await this.requestAdminGrant(ctx, user);
    return user;
  }

  /**
   * The roles a new account starts with: within the caller's power, in an agency the caller may add users to
   * (an agency's administrator naming another agency is refused outright: they asked for it by name), and without
   * ADMIN when it needs a second administrator.
   */
  private async newAccountRoles(
    ctx: RequestContext,
    input: { agencyId: string; roles: Role[] },
  ): Promise<{ roles: Role[]; grantAdmin: boolean }> {
    const agencyId = parseId(input.agencyId, 'agencyId');
    if (!ctx.ability.can('create', subject('User', { agencyId })))
      throw new ForbiddenError('You may add users to your own agency only', 'agencyId');
    const roles = distinctRoles(input.roles);
    checkRolesWithinPower(ctx.user!.roles, [], roles);
    if (!roles.includes(Role.ADMIN)) return { roles, grantAdmin: false };
    await this.users.lockAdministrators(ctx);
    if (!(await this.adminGrantNeedsApproval(ctx))) return { roles, grantAdmin: false };
    const others = roles.filter((role) => role !== Role.ADMIN);
    if (others.length === 0)
      throw new BadInputError(
        'roles',
        'ADMIN needs a second administrator’s approval: give the account another role as well (AGENCY_ADMIN gives no casework), and it is asked for',
      );
    return { roles: others, grantAdmin: true };
  }

  /** Whether giving ADMIN now waits for a second administrator (under the administrators' lock). */
  private async adminGrantNeedsApproval(ctx: RequestContext): Promise<boolean> {
    return grantNeedsSecondAdministrator(
      this.config.adminGrantApproval,
      await this.users.countActiveAdministrators(ctx),
    );
  }

  /** Refuses taking away the last active administrator's ADMIN (by a change of roles or a deactivation), under the administrators' lock. */
  private async keepAnAdministrator(ctx: RequestContext, user: User, field: string): Promise<void> {
    if (!user.active || !user.roles.includes(Role.ADMIN)) return;
    if ((await this.users.countActiveAdministrators(ctx)) <= 1)
      throw new StateConflictError('This is the last active administrator: give ADMIN to another first', field);
  }

  /** Opens a request to give `user` ADMIN (unless one is waiting already), recorded in the log. */
  private async requestAdminGrant(ctx: RequestContext, user: User): Promise<void> {
    const grant = await this.repository.openGrant(ctx.db, user.id, ctx.user!.id, ADMIN_GRANT_DAYS);
    if (!grant) return;
    await this.record(ctx, {
      action: AdminAction.ADMIN_GRANT_REQUESTED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles },
    });
  }

  /**
   * An account the caller may `action`, locked; another agency's does not exist for an agency's administrator.
   * The administrators' lock is taken first, always in that order, so a change of roles and a decision on a
   * request for ADMIN queue rather than deadlock.
   */
  private async manageable(
    ctx: RequestContext,
    action: 'update' | 'deactivate' | 'signOut',
    id: string,
    field: string,
    serviceAccount = false,
  ): Promise<User> {
    if (action !== 'signOut') await this.users.lockAdministrators(ctx);
    const user = await this.users.lockManageable(ctx, action, id, field, serviceAccount);
    checkMayManage(ctx.user!.roles, user);
    return user;
  }

  /** The account can no longer sign in, and every session of theirs ends with it (their sockets close at once). */
  async deactivateUser(ctx: RequestContext, id: string): Promise<User> {
    const target = await this.manageable(ctx, 'deactivate', id, 'id', true);
    await this.keepAnAdministrator(ctx, target, 'id');
    const user = await this.users.deactivate(ctx, target.id);
    await this.sessions.endUserSessions(ctx.db, user.id, 'USER_DEACTIVATED');
    await this.record(ctx, {
      action: AdminAction.USER_DEACTIVATED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles },
    });
    return user;
  }

  /**
   * The account can sign in again. An account holding ADMIN comes back without it while ADMIN needs a second
   * administrator, and it is asked for: reactivating is giving ADMIN again.
   */
  async reactivateUser(ctx: RequestContext, id: string): Promise<User> {
    const target = await this.manageable(ctx, 'update', id, 'id', true);
    if (target.active) return target;
    let roles = target.roles;
    const grantAdmin = roles.includes(Role.ADMIN) && (await this.adminGrantNeedsApproval(ctx));
    if (grantAdmin) {
      roles = roles.filter((role) => role !== Role.ADMIN);
      if (roles.length === 0)
        throw new StateConflictError(
          'This account holds ADMIN only, which needs a second administrator: change its roles first, then ask for ADMIN',
          'id',
        );
      await this.users.setRoles(ctx, target.id, roles);
      await this.record(ctx, {
        action: AdminAction.ROLES_CHANGED,
        agencyId: target.agencyId,
        userId: target.id,
        detail: { displayName: target.displayName, roles, previousRoles: target.roles },
      });
    }
    const user = await this.users.reactivate(ctx, target.id);
    await this.record(ctx, {
      action: AdminAction.USER_REACTIVATED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles },
    });
    if (grantAdmin) await this.requestAdminGrant(ctx, user);
    return user;
  }

  /**
   * Sets a user's roles, recorded with those before and after. ADMIN while two or more administrators are active
   * is asked for instead (the user is answered without it until another administrator approves); the last active
   * administrator keeps theirs.
   */
  async setUserRoles(ctx: RequestContext, id: string, wanted: Role[]): Promise<User> {
    const target = await this.manageable(ctx, 'update', id, 'userId');
    let roles = distinctRoles(wanted);
    checkRolesWithinPower(ctx.user!.roles, target.roles, roles);
    const hadAdmin = target.roles.includes(Role.ADMIN);
    if (hadAdmin && !roles.includes(Role.ADMIN)) await this.keepAnAdministrator(ctx, target, 'roles');
    const grantAdmin = !hadAdmin && roles.includes(Role.ADMIN) && (await this.adminGrantNeedsApproval(ctx));
    if (grantAdmin) {
      roles = roles.filter((role) => role !== Role.ADMIN);
      // Asking for ADMIN alone keeps the roles held meanwhile: a user always holds one.
      if (roles.length === 0) roles = target.roles;
    }
    let user = target;
    if (!sameRoles(target.roles, roles)) {
      user = await this.users.setRoles(ctx, target.id, roles);
      await this.record(ctx, {
        action: AdminAction.ROLES_CHANGED,
        agencyId: user.agencyId,
        userId: user.id,
        detail: { displayName: user.displayName, roles: user.roles, previousRoles: target.roles },
      });
    }
    if (grantAdmin) await this.requestAdminGrant(ctx, user);
    return user;
  }

  /**
   * Takes away a user's second factor (a lost phone) so they set one up again, and ends their sessions: whoever
   * holds them now must sign in afresh. Not one's own: turning that off takes a current code. Answers whether
   * they had one.
   */
  async resetSecondFactor(ctx: RequestContext, id: string): Promise<boolean> {
    const user = await this.manageable(ctx, 'update', id, 'userId');
    if (user.id === ctx.user!.id)
      throw new BadInputError('userId', 'To turn off your own second factor, use disableSecondFactor with a code');
    const hadSecondFactor = await this.mfa.resetFor(ctx, user.id);
    const ended = await this.sessions.endUserSessions(ctx.db, user.id, 'ENDED_BY_ADMINISTRATOR');
    await this.record(ctx, {
      action: AdminAction.SECOND_FACTOR_RESET,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles, sessionsEnded: ended, hadSecondFactor },
    });
    return hadSecondFactor;
  }

  /** Requests to give ADMIN still waiting for a second administrator (partnership administrators). */
  async adminGrants(ctx: RequestContext): Promise<AdminGrant[]> {
    const now = new Date();
    return (await this.repository.openGrants(ctx.db)).map((row) => toAdminGrant(row, now));
  }

  /**
   * The request for ADMIN waiting for `userId`, for administrators (null to anyone else): batched per request, so
   * a list of users costs one statement.
   */
  async pendingAdminGrantOf(ctx: RequestContext, userId: string): Promise<AdminGrant | null> {
    if (!ctx.ability.can('read', 'AdminGrant')) return null;
    const loader = loaderFor(
      ctx,
      'pendingAdminGrant',
      () =>
        new DataLoader<string, AdminGrant | null>(async (ids) => {
          const now = new Date();
          const byUser = new Map(
            (await this.repository.openGrantsOf(ctx.db, ids)).map((row) => [row.user_id, toAdminGrant(row, now)]),
          );
          return ids.map((id) => byUser.get(id) ?? null);
        }),
    );
    return loader.load(userId);
  }

  /**
   * A second administrator decides a request to give ADMIN: never the one who asked, and only while it waits.
   * Approved, the account holds ADMIN at once (if it is still active).
   */
  async decideAdminGrant(ctx: RequestContext, id: string, approve: boolean): Promise<AdminGrant> {
    const grantId = parseId(id, 'id');
    await this.users.lockAdministrators(ctx);
    const grant = await this.repository.lockGrant(ctx.db, grantId);
    if (!grant) throw new NotFoundError('Request for ADMIN', 'id');
    const status = grantStatus(grant, new Date());
    if (status !== AdminGrantStatus.PENDING)
      throw new StateConflictError(`This request is ${status.toLowerCase()} already`, 'id');
    if (grant.requested_by === ctx.user!.id)
      throw new ForbiddenError('You asked for this: another administrator decides it', 'id');
    const target = await this.users.lockManageable(ctx, 'update', grant.user_id, 'id');
    if (approve && !target.active)
      throw new StateConflictError('The account is deactivated: reactivate it, then ask again', 'id');
    const decided = await this.repository.decideGrant(ctx.db, grant.id, ctx.user!.id, approve ? 'APPROVED' : 'REFUSED');
    let user = target;
    if (approve && !target.roles.includes(Role.ADMIN))
      user = await this.users.setRoles(ctx, target.id, [...target.roles, Role.ADMIN]);
    await this.record(ctx, {
      action: approve ? AdminAction.ADMIN_GRANT_APPROVED : AdminAction.ADMIN_GRANT_REFUSED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles, previousRoles: target.roles },
    });
    return toAdminGrant(decided, new Date());
  }

  /**
   * Signs a user out everywhere (a lost laptop, a shared password), short of deactivating them: any account
   * of the partnership but one's own (signOutEverywhere is for that). Recorded with how many sessions ended.
   */
  async endSessionsOfUser(ctx: RequestContext, id: string): Promise<number> {
    const userId = parseId(id, 'userId');
    if (userId === ctx.user?.id) throw new BadInputError('userId', 'To end your own sessions, use signOutEverywhere');
    const user = await this.manageable(ctx, 'signOut', userId, 'userId', true);
    const ended = await this.sessions.endUserSessions(ctx.db, user.id, 'ENDED_BY_ADMINISTRATOR');
    await this.record(ctx, {
      action: AdminAction.SESSIONS_ENDED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles, sessionsEnded: ended },
    });
    return ended;
  }

  /**
   * Whether everyone in the agency is expected to use a second factor (ADMIN and MANAGER always are). The portal
   * sends such a user to enrol before anything else; the API does not refuse them. Recorded when it changes.
   */
  async setAgencyMfaRequired(ctx: RequestContext, agencyId: string, required: boolean): Promise<boolean> {
    const agency = await this.agencies.require(ctx, agencyId, 'agencyId');
    const previous = await this.mfa.setAgencyRequirement(ctx, agency.id, required);
    if (previous !== required)
      await this.record(ctx, {
        action: AdminAction.MFA_REQUIREMENT_CHANGED,
        agencyId: agency.id,
        detail: { agencyName: agency.name, mfaRequired: required },
      });
    return required;
  }

  /**
   * The log, newest first: every agency's for administrators, their own agency's for managers (row scope in
   * SQL from the same rules). `agencyId` narrows it further; an agency the reader may not read is empty.
   */
  async log(
    ctx: RequestContext,
    first?: number | null,
    after?: string | null,
    agencyId?: string | null,
  ): Promise<Page<AdminEvent>> {
    const limit = pageSize(first);
    const agency = agencyId ? parseId(agencyId, 'agencyId') : null;
    let beforeId: string | null = null;
    if (after) {
      const [id] = decodeCursor(after, ['string']);
      if (!/^\d+$/.test(String(id))) throw new BadInputError('after', 'The cursor is not one this server issued');
      beforeId = String(id);
    }
    const rows = await this.repository.page(ctx.db, ctx.ability, agency, beforeId, limit + 1);
    const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor([row.id]), node: toAdminEvent(row) }));
    return withLazyTotal(
      { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } },
      () => this.repository.count(ctx.db, ctx.ability, agency),
    );
  }
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((role) => b.includes(role));
