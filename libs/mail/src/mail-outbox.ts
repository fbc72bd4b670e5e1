import type { Database } from '#libs/db';
import { type NewMail, MailRepository } from './mail.repository.js';
import { isHeader, isOneLine } from './mail.rules.js';

/** Stateless, so the static `enqueue` needs no injection (a service of any library calls it with its `ctx.db`). */
const repository = new MailRepository();

/**
 * Mail to send, queued in the caller's transaction: a mutation that rolls back sends nothing, one that commits is
 * sent even if the process dies a moment later (MailSender, from the table). Mail never carries case content: a
 * link, and a reference at most, so what sits in a mailbox or a mail server's logs reveals nothing of a case.
 */
export class MailOutbox {
  static async enqueue(db: Database, message: NewMail): Promise<void> {
    await MailOutbox.enqueueMany(db, [message]);
  }

  /** Many messages in one statement: for notifications, where one alert may be mail to a thousand people. */
  static async enqueueMany(db: Database, messages: readonly NewMail[]): Promise<void> {
    for (const message of messages) {
      const headers = Object.entries(message.headers ?? {});
      if (!isOneLine(message.to) || !isOneLine(message.subject) || !headers.every(([k, v]) => isHeader(k, v)))
        throw new Error('A mail address, subject or header must be one line');
    }
    await repository.insertMany(db, messages);
  }

  /** Seconds the oldest message still to send has waited (0 when none): how far behind mail is. */
  static oldestUnsentSeconds(db: Database): Promise<number> {
    return repository.oldestUnsentSeconds(db);
  }
}
