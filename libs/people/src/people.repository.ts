import { Injectable } from '@nestjs/common';
import { type Database, one, rows } from '#libs/db';

export interface PersonMergeRow {
  id: string;
  kept_person_id: string;
  merged_person_id: string;
  party_ids: string[];
  reason: string;
  merged_at: Date;
  undone_at: Date | null;
}

const MERGE_COLUMNS = 'id, kept_person_id, merged_person_id, party_ids, reason, merged_at, undone_at';

/** The only code that names the people and person_merges tables. */
@Injectable()
export class PeopleRepository {
  async insert(db: Database, by: { userId: string; agencyId: string }): Promise<string> {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO people (created_by_user_id, created_by_agency_id) VALUES ($1, $2) RETURNING id`,
      [by.userId, by.agencyId],
    );
    return row!.id;
  }

  async insertMerge(
    db: Database,
    merge: { kept: string; merged: string; partyIds: string[]; reason: string; userId: string; agencyId: string },
  ): Promise<PersonMergeRow> {
    const row = await one<PersonMergeRow>(
      db,
      `INSERT INTO person_merges (kept_person_id, merged_person_id, party_ids, reason, merged_by_user_id, merged_by_agency_id)
       VALUES ($1, $2, $3::uuid[], $4, $5, $6) RETURNING ${MERGE_COLUMNS}`,
      [merge.kept, merge.merged, merge.partyIds, merge.reason, merge.userId, merge.agencyId],
    );
    return row!;
  }

  /** A merge made by the agency, locked until the transaction ends so that two undos cannot both run. */
  lockAgencyMerge(db: Database, id: string, agencyId: string): Promise<PersonMergeRow | undefined> {
    return one<PersonMergeRow>(
      db,
      `SELECT ${MERGE_COLUMNS} FROM person_merges WHERE id = $1 AND merged_by_agency_id = $2 FOR UPDATE`,
      [id, agencyId],
    );
  }

  async markUndone(db: Database, id: string, userId: string): Promise<PersonMergeRow> {
    const row = await one<PersonMergeRow>(
      db,
      `UPDATE person_merges SET undone_at = now(), undone_by_user_id = $2 WHERE id = $1 RETURNING ${MERGE_COLUMNS}`,
      [id, userId],
    );
    return row!;
  }

  /** The agency's merges, newest first. */
  agencyMerges(db: Database, agencyId: string, limit: number): Promise<PersonMergeRow[]> {
    return rows<PersonMergeRow>(
      db,
      `SELECT ${MERGE_COLUMNS} FROM person_merges WHERE merged_by_agency_id = $1 ORDER BY merged_at DESC LIMIT ${limit}`,
      [agencyId],
    );
  }
}
