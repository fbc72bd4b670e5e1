import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, REMOVED_BY_RETENTION } from '#libs/db';

/** The only code that names the contacts table; other libraries call it. */
@Injectable()
export class ContactsRepository {
  // for service-standards
  /** When the reporter of the case `caseRef` names was first contacted; null if never. */
  static firstContactAtSql(caseRef: string): string {
    return `(SELECT min(k.contacted_at) FROM contacts k WHERE k.case_id = ${caseRef})`;
  }

  /** The latest contact with the reporter of the case `caseRef` names, as one row with `at` (null if never), for a lateral join. */
  static latestContactSql(caseRef: string): string {
    return `(SELECT max(k.contacted_at) AS at FROM contacts k WHERE k.case_id = ${caseRef})`;
  }

  /** Whether the reporter of the case `caseRef` names was contacted at or before `by` (an SQL timestamp). */
  static contactedBySql(caseRef: string, by: string): string {
    return `EXISTS (SELECT 1 FROM contacts k WHERE k.case_id = ${caseRef}
                              AND k.contacted_at <= ${by})`;
  }

  // anonymising, for retention

  /** When and how the reporter was contacted stays (the service standards count it); what was said goes. */
  @AnonymisesCases({ tables: ['contacts'] })
  anonymiseContacts(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE contacts SET note = '${REMOVED_BY_RETENTION}' WHERE case_id = ANY($1)`, [caseIds]);
  }
}
