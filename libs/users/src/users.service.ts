import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Action } from '#libs/access';
import { loaderFor, type RequestContext } from '#libs/context';
import { AgenciesService } from '#libs/agencies';
import { BadInputError, groupBy, NotFoundError, parseId, type Role } from '#libs/common';
import type { CreateUserInput } from './users.inputs.js';
import { hashPassword } from './passwords.js';
import { type CaseHolder, type User, toUser } from './user.model.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly repository: UsersRepository,
  ) {}

  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    await this.agencies.require(ctx, input.agencyId, 'agencyId');
    const email = input.email.trim().toLowerCase();
    if (await this.repository.emailTaken(ctx.db, email))
      throw new BadInputError('email', 'A user with this email already exists');
    const row = await this.repository.insert(ctx.db, {
      email,
      displayName: input.displayName.trim(),
      agencyId: input.agencyId.toLowerCase(),
      roles: input.roles,
      passwordHash: await hashPassword(input.password),
    });
    return toUser(row);
  }

  /**
   * Takes effect at once: every request re-reads the user, so tokens already issued stop working (and the
   * administration ends their sessions, which closes their sockets on every instance).
   */
  async deactivate(ctx: RequestContext, id: string): Promise<User> {
    const userId = parseId(id, 'id');
    if (userId === ctx.user?.id) throw new BadInputError('id', 'You cannot deactivate yourself');
    const row = await this.repository.deactivate(ctx.db, userId);
    if (!row) throw new NotFoundError('User', 'id');
    return toUser(row);
  }

  async list(ctx: RequestContext, agencyId?: string | null): Promise<User[]> {
    const rows = await this.repository.list(ctx.db, ctx.ability, agencyId ? parseId(agencyId, 'agencyId') : null);
    return rows.map(toUser);
  }

  /**
   * The account the caller may `action`, locked for the change; another agency's account (for an agency's
   * administrator) does not exist for this. Nor, unless `serviceAccount`, does an agency's service account: its keys
   * act as it, so its roles and the like are not anyone's to change (it may still be deactivated, which stops them).
   */
  async lockManageable(
    ctx: RequestContext,
    action: Action,
    id: string,
    field: string,
    serviceAccount = false,
  ): Promise<User> {
    const row = await this.repository.lockManageable(ctx.db, ctx.ability, action, parseId(id, field));
    if (!row || (row.system && !serviceAccount)) throw new NotFoundError('User', field);
    return toUser(row);
  }

  async setRoles(ctx: RequestContext, userId: string, roles: Role[]): Promise<User> {
    return toUser(await this.repository.setRoles(ctx.db, userId, roles));
  }

  async reactivate(ctx: RequestContext, userId: string): Promise<User> {
    return toUser(await this.repository.reactivate(ctx.db, userId));
  }

  lockAdministrators(ctx: RequestContext): Promise<void> {
    return this.repository.lockAdministrators(ctx.db);
  }

  countActiveAdministrators(ctx: RequestContext): Promise<number> {
    return this.repository.countActiveAdministrators(ctx.db);
  }

  /** The people who may hold an agency's cases (lead officers, assignees), batched per request over agencies. */
  caseHoldersOf(ctx: RequestContext, agencyId: string): Promise<CaseHolder[]> {
    const loader = loaderFor(
      ctx,
      'user.caseHolders',
      () =>
        new DataLoader<string, CaseHolder[]>(async (agencyIds) => {
          const rows = await this.repository.caseHoldersOf(ctx.db, agencyIds);
          const holders = rows.map((row) => ({ id: row.id, displayName: row.display_name, agencyId: row.agency_id }));
          return groupBy(agencyIds, holders, (holder) => holder.agencyId);
        }),
    );
    return loader.load(agencyId);
  }

  /**
   * For inputs naming a person who must be able to hold the agency's cases (a lead officer, an assignee): active,
   * not a service account, with a casework role; anyone else is as if they did not exist.
   */
  async requireMember(ctx: RequestContext, userId: string, agencyId: string, field: string): Promise<void> {
    if (!(await this.repository.isActiveMember(ctx.db, parseId(userId, field), agencyId)))
      throw new NotFoundError('Active user of that agency', field);
  }

  /** Colleagues named on cases (lead officers, who logged an incident): batched per request. */
  byId(ctx: RequestContext, id: string): Promise<User> {
    const loader = loaderFor(
      ctx,
      'user',
      () =>
        new DataLoader<string, User>(async (ids) => {
          const rows = await this.repository.findByIds(ctx.db, ids);
          const byId = new Map(rows.map((row) => [row.id, toUser(row)]));
          return ids.map((userId) => byId.get(userId) ?? new NotFoundError('User'));
        }),
    );
    return loader.load(id);
  }
}
