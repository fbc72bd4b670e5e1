import { Injectable } from '@nestjs/common';
import { type Database, rows } from '#libs/db';
import { CASE_COLUMNS, type CaseRow } from './case-record.js';

/** A case with the agencies that hold a live share of it now, and at what access. */
export type CaseWithShares = CaseRow & { shares: { agency_id: string; access: 'FULL' | 'LIMITED' }[] };

/** The one place that names `cases` and `parties` in SQL. */
@Injectable()
export class CasesRepository {
  // for alert-feed

  /**
   * The cases of a batch of alerts with who holds them now, in one statement however many cases: the alert hub
   * decides each alert's recipients from this, as the cases stand at delivery, not as they stood when raised.
   */
  withLiveShares(db: Database, caseIds: readonly string[]): Promise<CaseWithShares[]> {
    return rows<CaseWithShares>(
      db,
      `SELECT ${CASE_COLUMNS}, coalesce((SELECT json_agg(json_build_object('agency_id', s.agency_id, 'access', s.access))
                FROM case_shares s WHERE s.case_id = c.id AND s.revoked_at IS NULL), '[]') AS shares
         FROM cases c WHERE c.id = ANY($1::uuid[])`,
      [caseIds],
    );
  }
}
