import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { type Database, rows, type SqlParams } from '#libs/db';
import { CASE_COLUMNS, type CaseRow } from './case-record.js';
import { readablePersonSql, samePersonSql } from './party-match.js';

/**
 * The cases and parties tables: the only code that names them. Stateless; the caller picks the `db`. A static
 * `…Sql` method is a piece of another library's statement (a read across libraries stays one statement).
 */
@Injectable()
export class CasesRepository {
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
