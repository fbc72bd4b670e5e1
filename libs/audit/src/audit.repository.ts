import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec } from '#libs/db';

/** The only code that names the audit_events table; other libraries call it. */
@Injectable()
export class AuditRepository {
  // for reports
  /** When the case `caseRef` names last had a change recorded (views and exports are not changes); null if never. */
  static lastChangeAtSql(caseRef: string): string {
    return `(SELECT max(e.at) FROM audit_events e WHERE e.case_id = ${caseRef} AND e.action NOT IN ('CASE_VIEWED', 'CASE_EXPORTED'))`;
  }

  // anonymising, for retention

  /**
   * The trail keeps who did what and when; the values it kept (names, addresses, notes) go. The portal's role
   * cannot change the trail: the owner's function makes this one change, and only for cases already anonymised,
   * so it runs after the cases' anonymiser.
   */
  @AnonymisesCases({ tables: ['audit_events'], after: ['cases'] })
  scrubTrailOfCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `SELECT portal_retention_scrub($1::uuid[])`, [caseIds]);
  }
}
