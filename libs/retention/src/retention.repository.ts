import { Injectable } from '@nestjs/common';
import { type Database, exec, one, rows } from '#libs/db';
import { UsersRepository } from '#libs/users';
import type { LegalHoldRow } from './retention.model.js';

/** The only code that names the legal_holds table. */
@Injectable()
export class RetentionRepository {
  /** The holds on these cases, with who placed them. */
  holdsOn(db: Database, caseIds: readonly string[]): Promise<LegalHoldRow[]> {
    return rows<LegalHoldRow>(
      db,
      `SELECT h.case_id, h.reason, h.placed_at, ${UsersRepository.displayNameOf('h.placed_by_id')} AS placed_by
         FROM legal_holds h WHERE h.case_id = ANY($1::uuid[])`,
      [caseIds],
    );
  }

  /** False when the case has a hold already. */
  async placeHold(db: Database, hold: { caseId: string; reason: string; placedById: string }): Promise<boolean> {
    const placed = await one<{ case_id: string }>(
      db,
      `INSERT INTO legal_holds (case_id, reason, placed_by_id) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [hold.caseId, hold.reason, hold.placedById],
    );
    return placed !== undefined;
  }

  /** False when the case has no hold. */
  async releaseHold(db: Database, caseId: string): Promise<boolean> {
    return (await exec(db, `DELETE FROM legal_holds WHERE case_id = $1 RETURNING case_id`, [caseId])) > 0;
  }
}
