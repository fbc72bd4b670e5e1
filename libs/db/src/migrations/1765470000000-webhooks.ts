import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks for partners' systems (issue 17, item 5). An agency's endpoint and the alert kinds it wants; its signing
 * secret is sealed (AES-256-GCM, ENCRYPTION_KEY) because the portal must sign with it again, unlike an API key's.
 * A delivery is written when the alert is taken from the outbox (one per matching endpoint, with the alert's facts
 * copied so the sender reads nothing else of the alerts table), then claimed, leased and retried until `give_up_at`.
 * `last_response` is the start of what the endpoint answered, for its agency to see in the portal.
 */
export class Webhooks1765470000000 implements MigrationInterface {
  name = 'Webhooks1765470000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        url text NOT NULL,
        kinds text[] NOT NULL CHECK (cardinality(kinds) > 0),
        secret_sealed text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX webhooks_agency_idx ON webhooks (agency_id, created_at DESC);
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        alert_id bigint NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        kind text NOT NULL,
        case_id uuid,
        meeting_id uuid,
        action_id uuid,
        target_agency_id uuid,
        occurred_at timestamptz(3) NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        give_up_at timestamptz(3) NOT NULL,
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_attempt_at timestamptz(3),
        last_status integer,
        last_response text,
        last_error text,
        finished_at timestamptz(3),
        UNIQUE (webhook_id, alert_id)
      );
      CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX webhook_deliveries_case_idx ON webhook_deliveries (case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX webhook_deliveries_alert_idx ON webhook_deliveries (alert_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_deliveries; DROP TABLE webhooks;`);
  }
}
