/**
 * A caller's relation to a case (or a meeting) in SQL, written once: the row scope (accessible-sql.ts), the field
 * rules' `access` and the relation every case read returns are all built from these. The one place outside a
 * library's repository that names `case_shares` and `meeting_agencies` (test/table-ownership.spec.ts exempts it),
 * because the access rules are about those tables whoever's statement they sit in.
 */

/** The caller's agency's relation to the case `caseAlias`: 'OWNER', the access of its live share, or NULL. */
export const relationToCaseSql = (caseAlias: string, agencyParam: string): string =>
  `CASE WHEN ${caseAlias}.owner_agency_id = ${agencyParam}::uuid THEN 'OWNER'
        ELSE (SELECT s.access FROM case_shares s
               WHERE s.case_id = ${caseAlias}.id AND s.agency_id = ${agencyParam}::uuid AND s.revoked_at IS NULL) END`;

/**
 * The case `caseAlias` has a live share with an agency matching `agencyMatch` (`= $1::uuid`, `= ANY($1::uuid[])`),
 * probed per row through case_shares_agency_live_idx (for paging).
 */
export const liveShareExistsSql = (caseAlias: string, agencyMatch: string): string =>
  `EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = ${caseAlias}.id AND s.agency_id ${agencyMatch} AND s.revoked_at IS NULL)`;

/**
 * The same as a set: the case `caseAlias` is among those shared live with an agency matching `agencyMatch`, as an
 * array, so an OR with the owner column becomes a BitmapOr of two index scans (for a count).
 */
export const inLiveSharesSql = (caseAlias: string, agencyMatch: string): string =>
  `${caseAlias}.id = ANY(ARRAY(SELECT s.case_id FROM case_shares s WHERE s.agency_id ${agencyMatch} AND s.revoked_at IS NULL))`;

/**
 * The ids of the cases the agency `agencyParam` owns or holds a live share of: the union of two index-only scans
 * (cases_owner_opened_idx, case_shares_agency_live_idx), for counting the visible set without reading a case row.
 * A case both owned and shared counts once.
 */
export const ownedOrSharedCaseIdsSql = (agencyParam: string): string =>
  `SELECT c.id FROM cases c WHERE c.owner_agency_id = ${agencyParam}::uuid
   UNION SELECT s.case_id FROM case_shares s WHERE s.agency_id = ${agencyParam}::uuid AND s.revoked_at IS NULL`;

/** The agencies the case `caseAlias` is shared with now, as a uuid array (what `can(action, Case)` looks at). */
export const liveShareAgencyIdsSql = (caseAlias: string): string =>
  `ARRAY(SELECT s.agency_id FROM case_shares s WHERE s.case_id = ${caseAlias}.id AND s.revoked_at IS NULL)`;

/** The live shares of the case `caseAlias`, as a JSON array of `{ agency_id, access }` (who may see it now, and how). */
export const liveSharesJsonSql = (caseAlias: string): string =>
  `coalesce((SELECT json_agg(json_build_object('agency_id', s.agency_id, 'access', s.access))
              FROM case_shares s WHERE s.case_id = ${caseAlias}.id AND s.revoked_at IS NULL), '[]')`;

/** The agency `agencyParam` attends the meeting `meetingAlias`. */
export const attendsMeetingSql = (meetingAlias: string, agencyParam: string): string =>
  `EXISTS (SELECT 1 FROM meeting_agencies ma WHERE ma.meeting_id = ${meetingAlias}.id AND ma.agency_id = ${agencyParam}::uuid)`;
