import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AgenciesService } from '#libs/agencies';
import { BadInputError, NotFoundError, parseId } from '#libs/common';
import type { CreateUserInput } from './create-user.input.js';
import { hashPassword } from './passwords.js';
import { type User, USER_COLUMNS, type UserRow, toUser } from './user.model.js';

@Injectable()
export class UsersService {
  constructor(private readonly agencies: AgenciesService) {}

  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    await this.agencies.require(ctx, input.agencyId, 'agencyId');
    const email = input.email.trim().toLowerCase();
    const [taken] = await ctx.db.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]);
    if (taken) throw new BadInputError('email', 'A user with this email already exists');
    const [row]: UserRow[] = await ctx.db.query(
      `INSERT INTO users (email, display_name, agency_id, roles, password_hash)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
      [email, input.displayName.trim(), input.agencyId.toLowerCase(), input.roles, await hashPassword(input.password)],
    );
    return toUser(row);
  }

  /**
   * Takes effect at once: every request re-reads the user, so tokens already issued stop working (and the
   * administration ends their sessions, which closes their sockets on every instance).
   */
  async deactivate(ctx: RequestContext, id: string): Promise<User> {
    const userId = parseId(id, 'id');
    if (userId === ctx.user?.id) throw new BadInputError('id', 'You cannot deactivate yourself');
    const [rows]: [UserRow[], number] = await ctx.db.query(
      `UPDATE users SET active = false, deactivated_at = coalesce(deactivated_at, now()) WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [userId],
    );
    if (!rows[0]) throw new NotFoundError('User', 'id');
    return toUser(rows[0]);
  }

  async list(ctx: RequestContext, agencyId?: string | null): Promise<User[]> {
    const rows: UserRow[] = agencyId
      ? await ctx.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE agency_id = $1 ORDER BY display_name`, [parseId(agencyId, 'agencyId')])
      : await ctx.db.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY display_name`);
    return rows.map(toUser);
  }

  /** For inputs naming a person who must be an active member of an agency (a lead officer, an assignee). */
  async requireMember(ctx: RequestContext, userId: string, agencyId: string, field: string): Promise<void> {
    const [row] = await ctx.db.query(`SELECT 1 FROM users WHERE id = $1 AND agency_id = $2 AND active`, [parseId(userId, field), agencyId]);
    if (!row) throw new NotFoundError('Active user of that agency', field);
  }

  /** Colleagues named on cases (lead officers, who logged an incident): batched per request. */
  byId(ctx: RequestContext, id: string): Promise<User> {
    const loader = loaderFor(
      ctx,
      'user',
      () =>
        new DataLoader<string, User>(async (ids) => {
          const rows: UserRow[] = await ctx.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = ANY($1::uuid[])`, [ids]);
          const byId = new Map(rows.map((row) => [row.id, toUser(row)]));
          return ids.map((userId) => byId.get(userId) ?? new NotFoundError('User'));
        }),
    );
    return loader.load(id);
  }
}
