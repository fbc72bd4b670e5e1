import { Injectable } from '@nestjs/common';

/** The only code that names the audit_events table; other libraries call it. */
@Injectable()
export class AuditRepository {
  // for reports
  /** When the case `caseRef` names last had a change recorded (views and exports are not changes); null if never. */
  static lastChangeAtSql(caseRef: string): string {
    return `(SELECT max(e.at) FROM audit_events e WHERE e.case_id = ${caseRef} AND e.action NOT IN ('CASE_VIEWED', 'CASE_EXPORTED'))`;
  }
}
