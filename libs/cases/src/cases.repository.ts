import { Injectable } from '@nestjs/common';
import { AuditRepository } from '#libs/audit';
import { AnonymisesCases, type Database, exec, REMOVED_BY_RETENTION, rows, type SqlParams } from '#libs/db';
import { CASE_COLUMNS, type CaseRow } from './case-record.js';
import type { RequestContext } from '#libs/context';
import { readablePersonSql, samePersonSql } from './party-match.js';

/** A case with the agencies that hold a live share of it now, and at what access. */
export type CaseWithShares = CaseRow & { shares: { agency_id: string; access: 'FULL' | 'LIMITED' }[] };

/** The only code that names the cases and parties tables; other libraries call it. */
@Injectable()
export class CasesRepository {
  // for service-standards, reports and actions
  /**
   * The cases table under `alias`, for a statement of another library that reads its rows alongside a case (a
   * figure, a clock, a scope): the statement stays one, and the table's name stays here.
   */
  static tableAs(alias: string): string {
    return `cases ${alias}`;
  }

  /** Whether the case `caseRef` names has a complainant or victim recorded: an anonymous report has nobody to contact. */
  static hasReporterSql(caseRef: string): string {
    return `EXISTS (SELECT 1 FROM parties p WHERE p.case_id = ${caseRef} AND p.role IN ('COMPLAINANT', 'VICTIM'))`;
  }

  // for reports
  /** The agency's own open cases, seen as their owner, each with the last change recorded on it (or its opening). */
  openOwnedWithLastActivity(db: Database, agencyId: string): Promise<(CaseRow & { last_activity_at: Date })[]> {
    return rows(
      db,
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation,
              greatest(c.opened_at, ${AuditRepository.lastChangeAtSql('c.id')}) AS last_activity_at
         FROM cases c WHERE c.owner_agency_id = $1 AND c.status = 'OPEN'`,
      [agencyId],
    );
  }

  /** The agency's cases closed in the last 90 days with a reporter who was never told, latest first. */
  closedWithoutTellingReporter(db: Database, agencyId: string, limit: number): Promise<CaseRow[]> {
    return rows(
      db,
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation FROM cases c
        WHERE c.owner_agency_id = $1 AND c.status <> 'OPEN' AND c.reporter_told_at IS NULL AND c.closed_at > now() - interval '90 days'
          AND ${CasesRepository.hasReporterSql('c.id')}
        ORDER BY c.closed_at DESC LIMIT ${limit}`,
      [agencyId],
    );
  }

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

  // for meetings

  /** Cases by id as an attendee without a share reads them: a LIMITED relation whoever the caller is. */
  findAsLimitedShare(db: Database, ids: readonly string[]): Promise<CaseRow[]> {
    return rows<CaseRow>(db, `SELECT ${CASE_COLUMNS}, 'LIMITED' AS relation FROM cases c WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  /** The cases among `idsParam` the `db` admits, as the FROM item `alias`, every column. */
  static amongIdsSql(alias: string, idsParam: string): string {
    return `(SELECT * FROM cases WHERE id = ANY(${idsParam}::uuid[])) ${alias}`;
  }

  /** `JOIN LATERAL` the case `caseIdSql` names as `alias` with its `owner_agency_id`: no row where the `db` does not admit the case. */
  static ownerJoinSql(alias: string, caseIdSql: string): string {
    return `JOIN LATERAL (SELECT c.owner_agency_id FROM cases c WHERE c.id = ${caseIdSql}) ${alias} ON true`;
  }

  /**
   * The cases (as rows of `case_id`) where the victim of the case `caseIdSql` and its subject are the same two
   * people (samePersonSql), the case itself among them; matched only where the caller may read both names on
   * both cases, so a name typed into one's own case learns nothing of a case one could not look at.
   */
  static sameVictimAndSubjectSql(ctx: RequestContext, caseIdSql: string, caseAlias: string, params: SqlParams): string {
    return `SELECT same.case_id
              FROM parties v
              JOIN parties s ON s.case_id = v.case_id AND s.role = 'SUBJECT' AND s.full_name IS NOT NULL
              CROSS JOIN LATERAL (
                SELECT v.case_id
                UNION
                SELECT v2.case_id
                  FROM parties v2
                  JOIN cases c2 ON c2.id = v2.case_id
                  JOIN parties s2 ON s2.case_id = v2.case_id AND s2.role = 'SUBJECT' AND s2.full_name IS NOT NULL
                       AND ${samePersonSql('s2', 's')}
                 WHERE v2.role = 'VICTIM' AND v2.full_name IS NOT NULL AND ${samePersonSql('v2', 'v')}
                   AND ${readablePersonSql(ctx, 'v', caseAlias, params)} AND ${readablePersonSql(ctx, 's', caseAlias, params)}
                   AND ${readablePersonSql(ctx, 'v2', 'c2', params)} AND ${readablePersonSql(ctx, 's2', 'c2', params)}
              ) same
             WHERE v.case_id = ${caseIdSql} AND v.role = 'VICTIM' AND v.full_name IS NOT NULL`;
  }

  // for case-reviews

  /**
   * Each named victim and complainant of the cases `idsParam` (rows of `case_id`, `id`), with `case_ids`: their
   * case and every case where the caller may read the same person's name here and there (samePersonSql).
   */
  static samePersonCasesSql(ctx: RequestContext, idsParam: string, params: SqlParams): string {
    return `SELECT p.case_id, p.id, ARRAY(
               SELECT p.case_id
               UNION
               SELECT p2.case_id FROM parties p2 JOIN cases c2 ON c2.id = p2.case_id
                WHERE p2.role IN ('VICTIM','COMPLAINANT') AND p2.full_name IS NOT NULL AND ${samePersonSql('p2', 'p')}
                  AND ${readablePersonSql(ctx, 'p', 'c', params)} AND ${readablePersonSql(ctx, 'p2', 'c2', params)}
             ) AS case_ids
              FROM parties p
              JOIN cases c ON c.id = p.case_id
             WHERE p.case_id = ANY(${idsParam}::uuid[]) AND p.role IN ('VICTIM','COMPLAINANT') AND p.full_name IS NOT NULL`;
  }

  /** The ids of the cases, as `alias`, that `condition` (written over `alias`) admits. */
  static idsWhereSql(alias: string, condition: string): string {
    return `SELECT ${alias}.id FROM cases ${alias} WHERE ${condition}`;
  }
}
