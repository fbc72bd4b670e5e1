import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email notifications (issue 17, item 4). One row per user who has either chosen something or been reached by the
 * daily digest: `deliveries` holds only the kinds the user chose (a kind absent from it takes the default, so a new
 * default reaches everyone who never chose), the digest's wall-clock time in Europe/London, and the digest's mark:
 * the last alert a digest covered and the London date it was sent on. A digest is claimed by moving the mark, so two
 * instances never send the same one, and is sent at most once per London calendar day whatever the clocks do.
 *
 * Mail gains headers (List-Unsubscribe and List-Unsubscribe-Post, RFC 8058, for one-click unsubscribing).
 */
export class Notifications1765460000000 implements MigrationInterface {
  name = 'Notifications1765460000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        deliveries jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(deliveries) = 'object'),
        digest_hour smallint NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
        digest_minute smallint NOT NULL DEFAULT 0 CHECK (digest_minute BETWEEN 0 AND 59),
        digest_after_id bigint NOT NULL,
        last_digest_on date,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      );
      ALTER TABLE mail_outbox ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'::jsonb;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mail_outbox DROP COLUMN headers;
      DROP TABLE notification_settings;
    `);
  }
}
