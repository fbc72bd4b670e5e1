import { Injectable } from '@nestjs/common';
import { type Database, exec, rows } from '#libs/db';
import { MAX_ATTEMPTS } from './mail.rules.js';

/** Every instance's sender listens here; an enqueue notifies when its transaction commits, never before. */
export const MAIL_CHANNEL = 'portal_mail';

export interface NewMail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers (List-Unsubscribe…), each one line. */
  headers?: Record<string, string>;
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
    await this.insertMany(db, [mail]);
  }

  /** Many messages in one statement (a thousand notifications cost one insert), with one wake-up. */
  async insertMany(db: Database, mails: readonly NewMail[]): Promise<void> {
    if (mails.length === 0) return;
    await exec(
      db,
      `INSERT INTO mail_outbox ("to", subject, text, headers)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`,
      [
        mails.map((m) => m.to),
        mails.map((m) => m.subject),
        mails.map((m) => m.text),
        mails.map((m) => JSON.stringify(m.headers ?? {})),
      ],
    );
    await exec(db, `SELECT pg_notify('${MAIL_CHANNEL}', '')`);
  }

  /** Seconds the oldest message still to send has waited (0 when none), for the benchmark and health. */
  async oldestUnsentSeconds(db: Database): Promise<number> {
    const [row] = await rows<{ age: number }>(
      db,
      `SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS age FROM mail_outbox WHERE sent_at IS NULL AND attempts < ${MAX_ATTEMPTS}`,
    );
    return row.age;
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
        RETURNING id::text, "to", subject, text, headers, attempts`,
      [limit, leaseSeconds],
    );
  }

  /**
   * The text goes once sent: it may hold a working link (an invitation, a reset, an unsubscribe header) that a copy of the database must
   * not hand to its reader. Whom it went to, the subject and when are kept as the record.
   */
  async markSent(db: Database, ids: string[]): Promise<void> {
    await exec(
      db,
      `UPDATE mail_outbox SET sent_at = now(), last_error = NULL, text = '', headers = '{}' WHERE id = ANY($1::bigint[])`,
      [ids],
    );
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
