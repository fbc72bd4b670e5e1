import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each background consumer of the alert outbox (email notifications, webhooks) has got to. A consumer's row is
 * locked while one instance works through the alerts after `last_id`, and moved on in the same transaction that
 * records what those alerts led to: across instances, each alert is taken by each consumer exactly once.
 */
export class AlertConsumers1765425000000 implements MigrationInterface {
  name = 'AlertConsumers1765425000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alert_consumers (
        name text PRIMARY KEY,
        last_id bigint NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE alert_consumers;`);
  }
}
