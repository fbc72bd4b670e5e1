import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail goes out from a table written in the transaction of the change that asks for it (an invitation, a reset):
 * a change that rolls back sends nothing, one that commits is never lost to a crash. A sender claims due rows
 * (`next_attempt_at`), sends, and marks them sent; a failure pushes `next_attempt_at` back. Sent rows are kept a
 * while as a record of what went to whom (never case content: a link, a reference at most), then pruned.
 */
export class MailOutbox1765380000000 implements MigrationInterface {
  name = 'MailOutbox1765380000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mail_outbox (
        id bigserial PRIMARY KEY,
        "to" text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
      CREATE INDEX mail_outbox_sent_idx ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_outbox`);
  }
}
