import type { Database } from '#libs/db';
import { type NewMail, MailRepository } from './mail.repository.js';
import { isOneLine } from './mail.rules.js';

/** Stateless, so the static `enqueue` needs no injection (a service of any library calls it with its `ctx.db`). */
const repository = new MailRepository();

/**
 * Mail to send, queued in the caller's transaction: a mutation that rolls back sends nothing, one that commits is
 * sent even if the process dies a moment later (MailSender, from the table). Mail never carries case content: a
 * link, and a reference at most, so what sits in a mailbox or a mail server's logs reveals nothing of a case.
 */
export class MailOutbox {
  static async enqueue(db: Database, message: NewMail): Promise<void> {
    if (!isOneLine(message.to) || !isOneLine(message.subject))
      throw new Error('A mail address or subject must be one line');
    await repository.insert(db, message);
  }
}
