import { Injectable } from '@nestjs/common';
import { type Database, exec, rows } from '#libs/db';

/** Every instance's sender listens here; an enqueue notifies when its transaction commits, never before. */
export const MAIL_CHANNEL = 'portal_mail';

export interface NewMail {
  to: string;
  subject: string;
  text: string;
}

/** A message claimed for sending, with the attempt this is (1 for the first). */
export interface ClaimedMail extends NewMail {
  id: string;
  attempts: number;
}

/** The one place that names `mail_outbox`. */
@Injectable()
export class MailRepository {
  /** In `db`'s transaction, with the wake-up that PostgreSQL delivers only if it commits. */
  async insert(db: Database, mail: NewMail): Promise<void> {
    await exec(db, `INSERT INTO mail_outbox ("to", subject, text) VALUES ($1, $2, $3)`, [
      mail.to,
      mail.subject,
      mail.text,
    ]);
    await exec(db, `SELECT pg_notify('${MAIL_CHANNEL}', '')`);
  }

  /**
   * Claims up to `limit` due messages in one statement that commits on its own: each is leased for `leaseSeconds`
   * (its next attempt moved past the time a send can take) and counted as attempted. A row another sender is
   * claiming is skipped (SKIP LOCKED), and one it has claimed is no longer due, so no message is sent twice; a
   * sender that dies mid-send leaves its rows to be claimed again when the lease runs out.
   */
  claimDue(db: Database, limit: number, leaseSeconds: number): Promise<ClaimedMail[]> {
    return rows<ClaimedMail>(
      db,
      `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= now()
                      ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id::text, "to", subject, text, attempts`,
      [limit, leaseSeconds],
    );
  }

  /**
   * The text goes once sent: it may hold a working link (an invitation, a reset) that a copy of the database must
   * not hand to its reader. Whom it went to, the subject and when are kept as the record.
   */
  async markSent(db: Database, id: string): Promise<void> {
    await exec(db, `UPDATE mail_outbox SET sent_at = now(), last_error = NULL, text = '' WHERE id = $1::bigint`, [id]);
  }

  /** Tried again after `retrySeconds`; never, when it is null (the message stays, with its error, for an operator). */
  async markFailed(db: Database, id: string, error: string, retrySeconds: number | null): Promise<void> {
    await exec(
      db,
      `UPDATE mail_outbox SET last_error = $2,
              next_attempt_at = CASE WHEN $3::int IS NULL THEN 'infinity'::timestamptz ELSE now() + make_interval(secs => $3::int) END
        WHERE id = $1::bigint`,
      [id, error, retrySeconds],
    );
  }

  async deleteSentBefore(db: Database, days: number): Promise<void> {
    await exec(db, `DELETE FROM mail_outbox WHERE sent_at < now() - make_interval(days => $1)`, [days]);
  }
}
