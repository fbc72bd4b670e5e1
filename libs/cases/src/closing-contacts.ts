import { Injectable } from '@nestjs/common';
import type { ContactChannel } from '#libs/common';
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
export class ClosingContacts {
  private recorder?: (db: Database, contact: ClosingContact) => Promise<void>;

  use(recorder: (db: Database, contact: ClosingContact) => Promise<void>): void {
    this.recorder = recorder;
  }

  record(db: Database, contact: ClosingContact): Promise<void> {
    if (!this.recorder) throw new Error('No contacts library is loaded to record the reporter contact');
    return this.recorder(db, contact);
  }
}
