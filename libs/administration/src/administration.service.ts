import { Injectable } from '@nestjs/common';
import { accessibleSql } from '#libs/access';
import { SqlParams } from '#libs/db';
import type { RequestContext } from '#libs/context';
import { type Agency, AgenciesService, type CreateAgencyInput } from '#libs/agencies';
import { SessionsService } from '#libs/auth';
import { BadInputError, decodeCursor, encodeCursor, type Page, pageSize, parseId, type Role, withLazyTotal } from '#libs/common';
import { type CreateUserInput, type User, UsersService } from '#libs/users';
import { AdminAction, type AdminEvent, type AdminEventDetail } from './admin-event.model.js';
import { recordAdminEvent } from './admin-log.js';

interface AdminEventRow {
  id: string;
  at: Date;
  action: AdminAction;
  actor_id: string | null;
  agency_id: string;
  user_id: string | null;
  cross_agency: boolean;
  detail: AdminEventDetail;
}

const listed = (roles: readonly Role[] | undefined) => (roles?.length ? roles.join(', ') : 'none');

function describe(row: AdminEventRow): string {
  const d = row.detail;
  const by = d.source === 'start' ? ' (the portal, at start, from ADMIN_EMAIL)' : row.cross_agency ? ' (by an administrator of another agency)' : '';
  switch (row.action) {
    case AdminAction.AGENCY_CREATED:
      return `Created the agency ${d.agencyName} (${d.agencyKind})${by}`;
    case AdminAction.USER_CREATED:
      return `Created the account of ${d.displayName} with roles ${listed(d.roles)}${by}`;
    case AdminAction.USER_DEACTIVATED:
      return `Deactivated the account of ${d.displayName}${by}`;
    case AdminAction.ROLES_CHANGED:
      return `Changed the roles of ${d.displayName} from ${listed(d.previousRoles)} to ${listed(d.roles)}${by}`;
    case AdminAction.SESSIONS_ENDED:
      return `Signed ${d.displayName} out everywhere (${d.sessionsEnded ?? 0} ${d.sessionsEnded === 1 ? 'session' : 'sessions'} ended)${by}`;
    default:
      return row.action;
  }
}

const toEvent = (row: AdminEventRow): AdminEvent => ({
  id: row.id,
  at: row.at,
  action: row.action,
  detail: describe(row),
  crossAgency: row.cross_agency,
  roles: row.detail.roles ?? [],
  previousRoles: row.detail.previousRoles ?? null,
  actorId: row.actor_id,
  agencyId: row.agency_id,
  userId: row.user_id,
});

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
  ) {}

  private actor(ctx: RequestContext): { id: string; agencyId: string } {
    return { id: ctx.user!.id, agencyId: ctx.user!.agencyId };
  }

  async createAgency(ctx: RequestContext, input: CreateAgencyInput): Promise<Agency> {
    const agency = await this.agencies.create(ctx, input);
    await recordAdminEvent(ctx.db, {
      action: AdminAction.AGENCY_CREATED,
      actor: this.actor(ctx),
      agencyId: agency.id,
      detail: { agencyName: agency.name, agencyKind: agency.kind },
    });
    return agency;
  }

  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const user = await this.users.create(ctx, input);
    await recordAdminEvent(ctx.db, {
      action: AdminAction.USER_CREATED,
      actor: this.actor(ctx),
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
    await recordAdminEvent(ctx.db, {
      action: AdminAction.USER_DEACTIVATED,
      actor: this.actor(ctx),
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
    await recordAdminEvent(ctx.db, {
      action: AdminAction.SESSIONS_ENDED,
      actor: this.actor(ctx),
      agencyId: user.agencyId,
      userId: user.id,
      detail: { displayName: user.displayName, roles: user.roles, sessionsEnded: ended },
    });
    return ended;
  }

  /**
   * The log, newest first: every agency's for administrators, their own agency's for managers (row scope in
   * SQL from the same rules). `agencyId` narrows it further; an agency the reader may not read is empty.
   */
  async log(ctx: RequestContext, first?: number | null, after?: string | null, agencyId?: string | null): Promise<Page<AdminEvent>> {
    const limit = pageSize(first);
    const params = new SqlParams();
    const where = [accessibleSql(ctx.ability, 'read', 'AdminEvent', 'e', params, 'set')];
    if (agencyId) where.push(`e.agency_id = ${params.add(parseId(agencyId, 'agencyId'))}::uuid`);
    const scope = [...where];
    const scopeParams = [...params.values];
    if (after) {
      const [id] = decodeCursor(after, ['string']);
      if (!/^\d+$/.test(String(id))) throw new BadInputError('after', 'The cursor is not one this server issued');
      where.push(`e.id < ${params.add(id)}::bigint`);
    }
    const rows: AdminEventRow[] = await ctx.db.query(
      `SELECT e.id::text AS id, e.at, e.action, e.actor_id, e.agency_id, e.user_id, e.cross_agency, e.detail
         FROM admin_events e WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT ${limit + 1}`,
      params.values,
    );
    const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor([row.id]), node: toEvent(row) }));
    return withLazyTotal({ edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } }, async () => {
      const [{ total }] = await ctx.db.query(`SELECT count(*)::int AS total FROM admin_events e WHERE ${scope.join(' AND ')}`, scopeParams);
      return total as number;
    });
  }
}
