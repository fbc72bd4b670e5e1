import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alert outbox: alerts are written in the same transaction as the change that raises them, each with an
 * increasing id that subscribers use as their cursor. At commit one NOTIFY tells every instance's listener
 * that alerts up to that id exist (the notification carries only the cursor; the table is the truth). The
 * claim columns let the scheduler raise time-driven alerts exactly once across instances.
 */
export class AlertOutbox1764200000000 implements MigrationInterface {
  name = 'AlertOutbox1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alerts (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        case_id uuid REFERENCES cases(id),
        action_id uuid REFERENCES case_actions(id),
        target_agency_id uuid REFERENCES agencies(id),
        actor_id uuid REFERENCES users(id),
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX alerts_occurred_idx ON alerts (occurred_at);

      -- Deferred to commit, so a rolled-back change notifies nobody; identical payloads within one transaction
      -- are folded by PostgreSQL into one notification, so a transaction sends one however many alerts it raises.
      CREATE FUNCTION alerts_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('case_alerts', (SELECT max(id)::text FROM alerts));
          RETURN NULL;
        END $$;
      CREATE CONSTRAINT TRIGGER alerts_notify AFTER INSERT ON alerts
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION alerts_notify();

      ALTER TABLE case_actions ADD COLUMN overdue_alerted_at timestamptz(3);
      ALTER TABLE cases ADD COLUMN contact_breach_alerted_at timestamptz(3);
      CREATE INDEX case_actions_overdue_idx ON case_actions (due_at)
        WHERE overdue_alerted_at IS NULL AND status IN ('OPEN', 'IN_PROGRESS') AND due_at IS NOT NULL;
      CREATE INDEX cases_contact_breach_idx ON cases (opened_at) WHERE contact_breach_alerted_at IS NULL AND status = 'OPEN';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE alerts;
      DROP FUNCTION alerts_notify();
      ALTER TABLE case_actions DROP COLUMN overdue_alerted_at;
      ALTER TABLE cases DROP COLUMN contact_breach_alerted_at;
    `);
  }
}
