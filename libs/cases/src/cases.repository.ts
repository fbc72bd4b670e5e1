import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, REMOVED_BY_RETENTION, rows } from '#libs/db';
import { CASE_COLUMNS, type CaseRow } from './case-record.js';

/** The only code that names the cases library's tables (cases, parties). */
@Injectable()
export class CasesRepository {
  // anonymising, for retention

  /**
   * The agency's closed cases not yet anonymised, closed before `closedBefore`, oldest first; `lock` takes
   * them FOR UPDATE so a real run anonymises exactly what it counted.
   */
  closedNotAnonymisedBefore(db: Database, agencyId: string, closedBefore: Date, lock: boolean): Promise<CaseRow[]> {
    return rows<CaseRow>(
      db,
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation
         FROM cases c
        WHERE c.owner_agency_id = $1 AND c.status <> 'OPEN' AND c.anonymised_at IS NULL AND c.closed_at < $2
        ORDER BY c.closed_at, c.id
        ${lock ? 'FOR UPDATE OF c' : ''}`,
      [agencyId, closedBefore],
    );
  }

  /** What the figures count (category, ward, dates, outcome, risk) stays; the words about people go. */
  @AnonymisesCases({ tables: ['cases'] })
  anonymiseCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE cases SET address = NULL, summary = '${REMOVED_BY_RETENTION}', police_intelligence = NULL, support_needs = NULL, close_reason = NULL,
          anonymised_at = now(), version = version + 1, updated_at = now() WHERE id = ANY($1)`,
      [caseIds],
    );
  }

  /** A party keeps its role; who they are and where they live go. */
  @AnonymisesCases({ tables: ['parties'] })
  anonymiseParties(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE parties SET full_name = NULL, address = NULL, phone = NULL, date_of_birth = NULL, tenancy_type = NULL, rent_arrears = NULL,
          tenancy_breaches = NULL WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }
}
