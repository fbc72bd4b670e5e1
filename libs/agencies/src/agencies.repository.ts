import { Injectable } from '@nestjs/common';
import type { AgencyKind } from '#libs/common';
import { type Database, one, rows } from '#libs/db';
import type { AgencyRow } from './agency.model.js';

const COLUMNS = 'id, name, kind';

/** The one place that names `agencies` in SQL. */
@Injectable()
export class AgenciesRepository {
  /**
   * The agencies table under `alias`, for another library's statement that reads a user's agency beside its own
   * row (the session lookup): the statement stays one, and the table's name stays here.
   */
  static tableAs(alias: string): string {
    return `agencies ${alias}`;
  }

  /** Every agency, by name whatever its case. */
  list(db: Database): Promise<AgencyRow[]> {
    return rows<AgencyRow>(db, `SELECT ${COLUMNS} FROM agencies ORDER BY lower(name)`);
  }

  /** Names are unique whatever their case. */
  findByName(db: Database, name: string): Promise<AgencyRow | undefined> {
    return one<AgencyRow>(db, `SELECT ${COLUMNS} FROM agencies WHERE lower(name) = lower($1)`, [name]);
  }

  async insert(db: Database, name: string, kind: AgencyKind): Promise<AgencyRow> {
    const [row] = await rows<AgencyRow>(db, `INSERT INTO agencies (name, kind) VALUES ($1, $2) RETURNING ${COLUMNS}`, [
      name,
      kind,
    ]);
    return row;
  }

  findById(db: Database, id: string): Promise<AgencyRow | undefined> {
    return one<AgencyRow>(db, `SELECT ${COLUMNS} FROM agencies WHERE id = $1`, [id]);
  }

  findByIds(db: Database, ids: readonly string[]): Promise<AgencyRow[]> {
    return rows<AgencyRow>(db, `SELECT ${COLUMNS} FROM agencies WHERE id = ANY($1::uuid[])`, [ids]);
  }

  // for meetings

  /** Those of `ids` that are agencies. */
  async existingIds(db: Database, ids: readonly string[]): Promise<string[]> {
    return (await rows<{ id: string }>(db, `SELECT id FROM agencies WHERE id = ANY($1::uuid[])`, [ids])).map(
      (row) => row.id,
    );
  }

  /** `JOIN LATERAL` the agency `agencyIdSql` names as `alias`, with its `name` and `kind`. */
  static joinSql(alias: string, agencyIdSql: string): string {
    return `JOIN LATERAL (SELECT a.name, a.kind FROM agencies a WHERE a.id = ${agencyIdSql}) ${alias} ON true`;
  }
}
