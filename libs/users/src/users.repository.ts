import { Injectable } from '@nestjs/common';
import { AgenciesRepository } from '#libs/agencies';
import { type Database, one, rows } from '#libs/db';

/**
 * The users table: the only code that names it. Stateless; the caller picks the `db`. A static `…Sql` method
 * is a piece of another library's statement (a read across libraries stays one statement).
 */
@Injectable()
export class UsersRepository {
  // for meetings

  /** The agency of an active user, or undefined; with `roles`, only a user holding one of them. */
  async activeAgencyOf(db: Database, userId: string, roles: readonly string[] | null = null): Promise<string | undefined> {
    const row = roles
      ? await one<{ agency_id: string }>(db, `SELECT agency_id FROM users WHERE id = $1 AND active AND roles && $2::text[]`, [userId, roles])
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

  /** `JOIN LATERAL` the user `userIdSql` names as `alias`, with their `display_name`. */
  static joinSql(alias: string, userIdSql: string): string {
    return `JOIN LATERAL (SELECT u.display_name FROM users u WHERE u.id = ${userIdSql}) ${alias} ON true`;
  }
}
