import { Injectable } from '@nestjs/common';
import { type Database, one, rows } from '#libs/db';
import { UsersRepository } from '#libs/users';
import type { ShareAccess } from '#libs/common';
import type { CaseShareRow, ConsentState, LawfulBasis } from './case-share.model.js';
import type { RecordedBasis } from './shares.rules.js';

/** A share of a case, live or revoked, with who made it and who revoked it (their names read in the same statement). */
export interface DisclosureRow {
  id: string;
  agency_id: string;
  access: string;
  reason: string;
  lawful_basis: LawfulBasis;
  lawful_basis_detail: string | null;
  consent_state: ConsentState;
  consent_detail: string | null;
  shared_at: Date;
  revoked_at: Date | null;
  shared_by_id: string;
  shared_by_name: string;
  shared_by_agency: string;
  revoked_by_id: string | null;
  revoked_by_name: string | null;
  revoked_by_agency: string | null;
}

/** The columns every read of the table answers, in the row type's names. */
export const SHARE_COLUMNS =
  'id, case_id, agency_id, access, reason, lawful_basis, lawful_basis_detail, consent_state, consent_detail, shared_at, revoked_at';

/** The only code that names the case_shares table; other libraries call it. */
@Injectable()
export class SharesRepository {
  // for actions
  /** Whether the case `caseRef` names is shared, and not revoked, with the agency `agencyParam` names. */
  static liveShareSql(caseRef: string, agencyParam: string): string {
    return `EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = ${caseRef} AND s.agency_id = ${agencyParam} AND s.revoked_at IS NULL)`;
  }

  // for alert-inbox
  /**
   * The live share of the case `caseRef` with the agency `agencyParam` as a subquery of one row or none (`access`,
   * `shared_at`), for a LATERAL join: the inbox shows a partner only what happened since the share was made.
   */
  static liveShareOfSql(caseRef: string, agencyParam: string): string {
    return `(SELECT s.access, s.shared_at FROM case_shares s WHERE s.case_id = ${caseRef} AND s.agency_id = ${agencyParam} AND s.revoked_at IS NULL)`;
  }

  // for reports
  /**
   * The shares made from `from` up to `to` of the cases `casesAs` (aliased `alias`) names, as `s`: the rows the
   * figures count by lawful basis and consent. A re-share is a share made, as the disclosure log lists it.
   */
  static madeOfCasesSql(casesAs: string, alias: string, from: string, to: string): string {
    return `case_shares s JOIN ${casesAs} ON ${alias}.id = s.case_id WHERE s.shared_at >= ${from} AND s.shared_at < ${to}`;
  }

  // for meetings (MARAC figures)
  /** The agencies the case `caseRef` is or ever was shared with, as a subquery of `agency_id`. */
  static everSharedWithSql(caseRef: string): string {
    return `SELECT s.agency_id FROM case_shares s WHERE s.case_id = ${caseRef}`;
  }

  // for audit-trail

  /** Every share of the case, live and revoked, oldest first. */
  disclosuresOfCase(db: Database, caseId: string): Promise<DisclosureRow[]> {
    return rows<DisclosureRow>(
      db,
      `SELECT s.id, s.agency_id, s.access, s.reason, s.lawful_basis, s.lawful_basis_detail, s.consent_state, s.consent_detail,
              s.shared_at, s.revoked_at,
              s.shared_by_id, sb.display_name AS shared_by_name, sb.agency_id AS shared_by_agency,
              s.revoked_by_id, rb.display_name AS revoked_by_name, rb.agency_id AS revoked_by_agency
         FROM case_shares s JOIN ${UsersRepository.tableAs('sb')} ON sb.id = s.shared_by_id LEFT JOIN ${UsersRepository.tableAs('rb')} ON rb.id = s.revoked_by_id
        WHERE s.case_id = $1 ORDER BY s.shared_at, s.id`,
      [caseId],
    );
  }

  /** Revokes the agency's live share of the case, if it has one; answers the access it had (none: empty). */
  revokeLive(db: Database, caseId: string, agencyId: string, revokedById: string): Promise<{ access: string }[]> {
    return rows<{ access: string }>(
      db,
      `UPDATE case_shares SET revoked_at = now(), revoked_by_id = $3 WHERE case_id = $1 AND agency_id = $2 AND revoked_at IS NULL RETURNING access`,
      [caseId, agencyId, revokedById],
    );
  }

  async insert(
    db: Database,
    share: {
      caseId: string;
      agencyId: string;
      access: ShareAccess;
      reason: string;
      basis: RecordedBasis;
      sharedById: string;
    },
  ): Promise<CaseShareRow> {
    const row = await one<CaseShareRow>(
      db,
      `INSERT INTO case_shares (case_id, agency_id, access, reason, lawful_basis, lawful_basis_detail, consent_state, consent_detail, shared_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SHARE_COLUMNS}`,
      [
        share.caseId,
        share.agencyId,
        share.access,
        share.reason,
        share.basis.lawfulBasis,
        share.basis.lawfulBasisDetail,
        share.basis.consent,
        share.basis.consentDetail,
        share.sharedById,
      ],
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
