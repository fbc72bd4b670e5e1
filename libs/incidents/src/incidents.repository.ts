import { Injectable } from '@nestjs/common';

/**
 * The incidents table: the only code that names it. Stateless; the caller picks the `db`. A static `…Sql`
 * method is a piece of another library's statement (a read across libraries stays one statement).
 */
@Injectable()
export class IncidentsRepository {
  // for meetings

  /** How many incidents the case `caseIdSql` had in the last `interval` (an SQL interval literal such as `12 months`). */
  static countSinceSql(caseIdSql: string, interval: string): string {
    return `(SELECT count(*) FROM incidents i WHERE i.case_id = ${caseIdSql} AND i.occurred_at > now() - interval '${interval}')`;
  }

  /** The case's latest incident, as a row of `at` (null when it has none). */
  static latestAtSql(caseIdSql: string): string {
    return `SELECT max(i.occurred_at) AS at FROM incidents i WHERE i.case_id = ${caseIdSql}`;
  }

  // for case-reviews

  /**
   * Complaints on the cases `caseIdsSql` (a uuid array) in the last `months` months; one incident reported to
   * several agencies (the same hour, the same category) counts once.
   */
  static distinctComplaintsSinceSql(caseIdsSql: string, months: number): string {
    return `(SELECT count(DISTINCT (date_trunc('hour', i.occurred_at), i.category)) FROM incidents i
              WHERE i.case_id = ANY(${caseIdsSql}) AND i.occurred_at > now() - interval '${months} months')`;
  }
}
