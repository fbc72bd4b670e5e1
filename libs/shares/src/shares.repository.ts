import { Injectable } from '@nestjs/common';
import type { ShareAccess } from '#libs/common';
import { type Database, one, rows } from '#libs/db';
import type { CaseShareRow } from './case-share.model.js';

/** The columns every read of the table answers, in the row type's names. */
export const SHARE_COLUMNS = 'id, case_id, agency_id, access, reason, shared_at, revoked_at';

/** The case_shares table: the disclosure history, one row per share, revoked rather than deleted. Stateless. */
@Injectable()
export class SharesRepository {
  /** Revokes the agency's live share of the case, if it has one; answers the access it had (none: empty). */
  revokeLive(db: Database, caseId: string, agencyId: string, revokedById: string): Promise<{ access: string }[]> {
    return rows<{ access: string }>(
      db,
      `UPDATE case_shares SET revoked_at = now(), revoked_by_id = $3 WHERE case_id = $1 AND agency_id = $2 AND revoked_at IS NULL RETURNING access`,
      [caseId, agencyId, revokedById],
    );
  }

  async insert(db: Database, share: { caseId: string; agencyId: string; access: ShareAccess; reason: string; sharedById: string }): Promise<CaseShareRow> {
    const row = await one<CaseShareRow>(
      db,
      `INSERT INTO case_shares (case_id, agency_id, access, reason, shared_by_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${SHARE_COLUMNS}`,
      [share.caseId, share.agencyId, share.access, share.reason, share.sharedById],
    );
    return row!;
  }

  /** The live shares of these cases, oldest first. */
  findLiveOfCases(db: Database, caseIds: readonly string[]): Promise<CaseShareRow[]> {
    return rows<CaseShareRow>(
      db,
      `SELECT ${SHARE_COLUMNS} FROM case_shares WHERE case_id = ANY($1::uuid[]) AND revoked_at IS NULL ORDER BY shared_at`,
      [caseIds],
    );
  }
}
