import { Injectable } from '@nestjs/common';
import { accessibleSql, type Action, CASEWORK_ROLES, type PortalAbility } from '#libs/access';
import { type Database, exec, one, rows, SqlParams } from '#libs/db';
import type { Role } from '#libs/common';
import type { UserRow } from './user.model.js';
import { AgenciesRepository } from '#libs/agencies';

/** The columns every read of a user answers, as `UserRow` names them. */
const USER_COLUMNS = 'id, email, display_name, roles, active, agency_id';

/**
 * Someone who may hold a case (a lead officer, an action's assignee): active, a person rather than an agency's
 * service account, and with a casework role (an administrator alone reads no case). `$3` is CASEWORK_ROLES.
 */
const HOLDS_CASES = `active AND NOT system AND roles && $3::text[]`;

export interface NewUser {
  email: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  passwordHash: string;
}

export type AdministratorRow = Pick<UserRow, 'id' | 'display_name' | 'agency_id' | 'roles'>;

/** The only code that names the users table. */
@Injectable()
export class UsersRepository {
  /**
   * The users table under `alias`, for another library's statement that shows or checks the user beside its own
   * row (the session lookup, who did what): the statement stays one, and the table's name stays here.
   */
  static tableAs(alias: string): string {
    return `users ${alias}`;
  }

  // for retention

  /**
   * A scalar subquery for the display name of the user whose id is in `column`, for a library that shows who did
   * something beside its own row in the same statement (so one statement stays one, and the users table is still
   * named only here).
   */
  static displayNameOf(column: string): string {
    return `(SELECT display_name FROM users WHERE id = ${column})`;
  }

  /** Emails are unique whatever their case; `email` is already lower case. */
  async emailTaken(db: Database, email: string): Promise<boolean> {
    return (await one(db, `SELECT 1 FROM users WHERE lower(email) = $1`, [email])) !== undefined;
  }

  async insert(db: Database, user: NewUser): Promise<UserRow> {
    const [row] = await rows<UserRow>(
      db,
      `INSERT INTO users (email, display_name, agency_id, roles, password_hash)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
      [user.email, user.displayName, user.agencyId, user.roles, user.passwordHash],
    );
    return row;
  }

  /** The user as deactivated now (the first deactivation's time is kept); undefined if `db` sees no such user. */
  deactivate(db: Database, userId: string): Promise<UserRow | undefined> {
    return one<UserRow>(
      db,
      `UPDATE users SET active = false, deactivated_at = coalesce(deactivated_at, now()) WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [userId],
    );
  }

  /**
   * By name, those the reader's rules let them read (an agency administrator: their own agency's), of one agency
   * when `agencyId` is given.
   */
  list(db: Database, ability: PortalAbility, agencyId?: string | null): Promise<UserRow[]> {
    const params = new SqlParams();
    const where = [accessibleSql(ability, 'read', 'User', 'u', params)];
    if (agencyId) where.push(`u.agency_id = ${params.add(agencyId)}::uuid`);
    return rows<UserRow>(
      db,
      `SELECT ${USER_COLUMNS} FROM users u WHERE ${where.join(' AND ')} ORDER BY display_name`,
      params.values,
    );
  }

  // for administration (issue 16, item 4)

  /**
   * The user the caller's rules let them `action`, locked until the transaction ends so two administrators'
   * changes to one account queue; undefined when the caller may not see them (another agency's, for an agency's
   * administrator). `system` marks an agency's service account, which only its keys act as.
   */
  lockManageable(
    db: Database,
    ability: PortalAbility,
    action: Action,
    userId: string,
  ): Promise<(UserRow & { system: boolean }) | undefined> {
    const params = new SqlParams();
    const id = params.add(userId);
    const scope = accessibleSql(ability, action, 'User', 'u', params);
    return one(db, `SELECT ${USER_COLUMNS}, system FROM users u WHERE u.id = ${id}::uuid AND ${scope} FOR UPDATE`, [
      ...params.values,
    ]);
  }

  /**
   * Held until the transaction ends by every change that gives or takes ADMIN or an administrator's access: the
   * count of active administrators it reads stays true until it commits.
   */
  async lockAdministrators(db: Database): Promise<void> {
    await exec(db, `SELECT pg_advisory_xact_lock(hashtext('partnership-administrators'))`);
  }

  async countActiveAdministrators(db: Database): Promise<number> {
    const row = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM users WHERE 'ADMIN' = ANY(roles) AND active AND NOT system`,
    );
    return row!.n;
  }

  setRoles(db: Database, userId: string, roles: Role[]): Promise<UserRow> {
    return one<UserRow>(db, `UPDATE users SET roles = $2 WHERE id = $1 RETURNING ${USER_COLUMNS}`, [
      userId,
      roles,
    ]) as Promise<UserRow>;
  }

  reactivate(db: Database, userId: string): Promise<UserRow> {
    return one<UserRow>(
      db,
      `UPDATE users SET active = true, deactivated_at = NULL WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [userId],
    ) as Promise<UserRow>;
  }

  /** Whether the user may hold the agency's cases: an active person (not a service account) with a casework role. */
  async isActiveMember(db: Database, userId: string, agencyId: string): Promise<boolean> {
    return (
      (await one(db, `SELECT 1 FROM users WHERE id = $1 AND agency_id = $2 AND ${HOLDS_CASES}`, [
        userId,
        agencyId,
        CASEWORK_ROLES,
      ])) !== undefined
    );
  }

  /** The people of these agencies who may hold their cases (as isActiveMember), by name. */
  caseHoldersOf(
    db: Database,
    agencyIds: readonly string[],
  ): Promise<Pick<UserRow, 'id' | 'display_name' | 'agency_id'>[]> {
    return rows(
      db,
      `SELECT id, display_name, agency_id FROM users WHERE agency_id = ANY($1::uuid[]) AND ${HOLDS_CASES.replace('$3', '$2')}
        ORDER BY display_name, id`,
      [agencyIds, CASEWORK_ROLES],
    );
  }

  findByIds(db: Database, ids: readonly string[]): Promise<UserRow[]> {
    return rows<UserRow>(db, `SELECT ${USER_COLUMNS} FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** The account an email signs in to, with its password hash (for the check only, never answered). */
  findForSignIn(db: Database, email: string): Promise<(UserRow & { password_hash: string }) | undefined> {
    // A service account (issue 16) is reached by its agency's keys only, never by a password.
    return one(db, `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(email) = $1 AND NOT system`, [email]);
  }

  /** The password hash of an active user, for checking their current password (never answered). */
  async passwordHashOf(db: Database, userId: string): Promise<string | undefined> {
    return (
      await one<{ password_hash: string }>(db, `SELECT password_hash FROM users WHERE id = $1 AND active`, [userId])
    )?.password_hash;
  }

  /** Sets an active user's password hash; undefined when `db` sees no such active user. */
  setPasswordHash(db: Database, userId: string, passwordHash: string): Promise<UserRow | undefined> {
    return one<UserRow>(db, `UPDATE users SET password_hash = $2 WHERE id = $1 AND active RETURNING ${USER_COLUMNS}`, [
      userId,
      passwordHash,
    ]);
  }

  async anyActiveAdministrator(db: Database): Promise<boolean> {
    return (await one(db, `SELECT 1 FROM users WHERE 'ADMIN' = ANY(roles) AND active`)) !== undefined;
  }

  /** The roles held by the account with this email, if there is one. */
  async rolesOfEmail(db: Database, email: string): Promise<Role[] | undefined> {
    return (await one<{ roles: Role[] }>(db, `SELECT roles FROM users WHERE lower(email) = lower($1)`, [email]))?.roles;
  }

  /** Creates the administrator from ADMIN_EMAIL, or makes the account of that email an active administrator. */
  async upsertAdministrator(
    db: Database,
    email: string,
    agencyId: string,
    passwordHash: string,
  ): Promise<AdministratorRow> {
    const [row] = await rows<AdministratorRow>(
      db,
      `INSERT INTO users (email, display_name, agency_id, roles, password_hash) VALUES ($1, 'Partnership administrator', $2, ARRAY['ADMIN'], $3)
       ON CONFLICT (lower(email)) DO UPDATE SET roles = array_append(array_remove(users.roles, 'ADMIN'), 'ADMIN'), active = true
       RETURNING id, display_name, agency_id, roles`,
      [email, agencyId, passwordHash],
    );
    return row;
  }

  // for meetings

  /** The agency of an active user, or undefined; with `roles`, only a user holding one of them. */
  async activeAgencyOf(
    db: Database,
    userId: string,
    roles: readonly string[] | null = null,
  ): Promise<string | undefined> {
    const row = roles
      ? await one<{ agency_id: string }>(
          db,
          `SELECT agency_id FROM users WHERE id = $1 AND active AND roles && $2::text[]`,
          [userId, roles],
        )
      : await one<{ agency_id: string }>(db, `SELECT agency_id FROM users WHERE id = $1 AND active`, [userId]);
    return row?.agency_id;
  }

  /** The active users holding `role`, with their agency's name, by name. */
  activeWithRole(db: Database, role: string): Promise<{ id: string; display_name: string; agency_name: string }[]> {
    return rows(
      db,
      `SELECT u.id, u.display_name, a.name AS agency_name FROM users u ${AgenciesRepository.joinSql('a', 'u.agency_id')}
        WHERE u.active AND $1 = ANY(u.roles) ORDER BY u.display_name, u.id`,
      [role],
    );
  }

  // for api-keys

  /** The agency's service account (issue 16: what its case system acts as), if it has one yet. */
  async serviceAccountOf(db: Database, agencyId: string): Promise<string | undefined> {
    return (await one<{ id: string }>(db, `SELECT id FROM users WHERE agency_id = $1 AND system`, [agencyId]))?.id;
  }

  /**
   * Makes the agency's one service account, unless a concurrent request just did; its id either way, and whether
   * this call made it. Its email is in the reserved `.invalid` domain, so no mail reaches it, and sign-in never looks
   * at it (findForSignIn).
   */
  async insertServiceAccount(db: Database, account: Omit<NewUser, 'email'>): Promise<{ id: string; created: boolean }> {
    const created = await exec(
      db,
      `INSERT INTO users (email, display_name, agency_id, roles, password_hash, system) VALUES ($1, $2, $3, $4, $5, true)
       ON CONFLICT (agency_id) WHERE system DO NOTHING`,
      [
        `case-system+${account.agencyId}@service.invalid`,
        account.displayName,
        account.agencyId,
        account.roles,
        account.passwordHash,
      ],
    );
    return { id: (await this.serviceAccountOf(db, account.agencyId))!, created: created > 0 };
  }

  /** `JOIN LATERAL` the user `userIdSql` names as `alias`, with their `display_name`. */
  static joinSql(alias: string, userIdSql: string): string {
    return `JOIN LATERAL (SELECT u.display_name FROM users u WHERE u.id = ${userIdSql}) ${alias} ON true`;
  }
}
