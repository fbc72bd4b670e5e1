import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, REMOVED_BY_RETENTION } from '#libs/db';

/** The only code that names the contacts table. */
@Injectable()
export class ContactsRepository {
  // anonymising, for retention

  /** When and how the reporter was contacted stays (the service standards count it); what was said goes. */
  @AnonymisesCases({ tables: ['contacts'] })
  anonymiseContacts(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE contacts SET note = '${REMOVED_BY_RETENTION}' WHERE case_id = ANY($1)`, [caseIds]);
  }
}
