import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows } from '#libs/db';
import type { ClosingContact } from '#libs/cases';
import type { ContactRow } from './contact.model.js';

/** The columns every read of the table answers, in the row type's names. */
export const CONTACT_COLUMNS = 'id, case_id, contacted_at, channel, note, recorded_at';

/** A contact with the reporter, as it is recorded (the shape closing a case gives one in, too). */
export type NewContact = ClosingContact;

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

  async insert(db: Database, contact: NewContact): Promise<ContactRow> {
    const row = await one<ContactRow>(
      db,
      `INSERT INTO contacts (case_id, contacted_at, channel, note, recorded_by_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${CONTACT_COLUMNS}`,
      [contact.caseId, contact.contactedAt, contact.channel, contact.note, contact.recordedById],
    );
    return row!;
  }

  /** The contacts of these cases, oldest first. */
  findOfCases(db: Database, caseIds: readonly string[]): Promise<ContactRow[]> {
    return rows<ContactRow>(
      db,
      `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE case_id = ANY($1::uuid[]) ORDER BY contacted_at, id`,
      [caseIds],
    );
  }
}
