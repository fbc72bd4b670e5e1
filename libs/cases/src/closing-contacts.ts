import { Injectable } from '@nestjs/common';
import { type ContactChannel, Lent } from '#libs/common';
import type { Database } from '#libs/db';

/** The contact telling the reporter a case is closing. */
export interface ClosingContact {
  caseId: string;
  contactedAt: Date;
  channel: ContactChannel;
  note: string;
  recordedById: string;
}

/**
 * Where closing a case records its "reporter told" contact. Contacts are the contacts library's table, and that
 * library builds on cases (a contact is on a case), so cases cannot call it: the contacts library registers how
 * it records one when the application starts.
 */
@Injectable()
export class ClosingContacts extends Lent<(db: Database, contact: ClosingContact) => Promise<void>> {
  protected readonly missing = 'No contacts library is loaded to record the reporter contact';

  record(db: Database, contact: ClosingContact): Promise<void> {
    return this.borrowed()(db, contact);
  }
}
