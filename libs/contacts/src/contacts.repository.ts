import { Injectable } from '@nestjs/common';
import type { ClosingContact } from '#libs/cases';
import { type Database, one, rows } from '#libs/db';
import type { ContactRow } from './contact.model.js';

/** The columns every read of the table answers, in the row type's names. */
export const CONTACT_COLUMNS = 'id, case_id, contacted_at, channel, note, recorded_at';

/** A contact with the reporter, as it is recorded (the shape closing a case gives one in, too). */
export type NewContact = ClosingContact;

/** The contacts table. Stateless; the caller picks the `db`. */
@Injectable()
export class ContactsRepository {
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
    return rows<ContactRow>(db, `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE case_id = ANY($1::uuid[]) ORDER BY contacted_at, id`, [caseIds]);
  }
}
