import { Injectable } from '@nestjs/common';
import { type Database, rows } from '#libs/db';

/**
 * The agencies table: the only code that names it. Stateless; the caller picks the `db`. A static `…Sql`
 * method is a piece of another library's statement (a read across libraries stays one statement).
 */
@Injectable()
export class AgenciesRepository {
  // for meetings

  /** Those of `ids` that are agencies. */
  async existingIds(db: Database, ids: readonly string[]): Promise<string[]> {
    return (await rows<{ id: string }>(db, `SELECT id FROM agencies WHERE id = ANY($1::uuid[])`, [ids])).map((row) => row.id);
  }

  /** `JOIN LATERAL` the agency `agencyIdSql` names as `alias`, with its `name` and `kind`. */
  static joinSql(alias: string, agencyIdSql: string): string {
    return `JOIN LATERAL (SELECT a.name, a.kind FROM agencies a WHERE a.id = ${agencyIdSql}) ${alias} ON true`;
  }
}
