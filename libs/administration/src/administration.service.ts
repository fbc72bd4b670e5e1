import { Injectable } from '@nestjs/common';
import type { Queryable, RequestContext } from '#libs/context';
import { AccountsService, type InviteUserInput } from '#libs/accounts';
import { type Agency, AgenciesService, type CreateAgencyInput } from '#libs/agencies';
import { SessionsService } from '#libs/auth';
import { BadInputError, decodeCursor, encodeCursor, type Page, pageSize, parseId, withLazyTotal } from '#libs/common';
import { MfaService } from '#libs/mfa';
import { type CreateUserInput, type User, UsersService } from '#libs/users';
import { AdminAction, type AdminEvent, type AdminEventDetail } from './admin-event.model.js';
import { AdministrationRepository } from './administration.repository.js';
import { isCrossAgency, toAdminEvent } from './administration.rules.js';

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

  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const user = await this.users.create(ctx, input);
    await this.record(ctx, {
      action: AdminAction.USER_CREATED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles },
    });
    return user;
  }

  /**
   * Creates the user with a password nobody knows and queues their invitation, in one transaction with the log's
   * record: the invited user chooses their own password from the link.
   */
  async inviteUser(ctx: RequestContext, input: InviteUserInput): Promise<User> {
    const user = await this.users.create(ctx, { ...input, password: AccountsService.unusablePassword() });
    await this.accounts.invite(ctx, user);
    await this.record(ctx, {
      action: AdminAction.USER_INVITED,
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles },
    });
    return user;
  }

  /** The account can no longer sign in, and every session of theirs ends with it (their sockets close at once). */
  async deactivateUser(ctx: RequestContext, id: string): Promise<User> {
    const user = await this.users.deactivate(ctx, id);
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
   * Signs a user out everywhere (a lost laptop, a shared password), short of deactivating them: any account
   * of the partnership but one's own (signOutEverywhere is for that). Recorded with how many sessions ended.
   */
  async endSessionsOfUser(ctx: RequestContext, id: string): Promise<number> {
    const userId = parseId(id, 'userId');
    if (userId === ctx.user?.id) throw new BadInputError('userId', 'To end your own sessions, use signOutEverywhere');
    const user = await this.users.byId(ctx, userId);
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
