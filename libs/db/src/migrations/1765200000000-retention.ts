import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention: closed cases are anonymised once their retention period has passed, unless a legal hold stops
 * it. The audit trail stays append-only for everyone else; in a transaction that has said it is applying
 * retention (`portal.retention`), an event's detail — the old and new values, which name people — may be
 * replaced by a marker, and nothing else about the event may change.
 */
export class Retention1765200000000 implements MigrationInterface {
  name = 'Retention1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cases ADD COLUMN anonymised_at timestamptz(3);
      CREATE INDEX cases_retention_idx ON cases (owner_agency_id, closed_at) WHERE status <> 'OPEN' AND anonymised_at IS NULL;

      CREATE TABLE legal_holds (
        case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        reason text NOT NULL,
        placed_by_id uuid NOT NULL REFERENCES users(id),
        placed_at timestamptz(3) NOT NULL DEFAULT now()
      );

      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND current_setting('portal.retention', true) = 'on'
             AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.case_id = OLD.case_id AND NEW.actor_id = OLD.actor_id
             AND NEW.actor_agency_id = OLD.actor_agency_id AND NEW.action = OLD.action
             AND NEW.detail = '{"removed": "retention"}'::jsonb THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
        END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
        END $$;
      DROP TABLE legal_holds;
      DROP INDEX cases_retention_idx;
      ALTER TABLE cases DROP COLUMN anonymised_at;
    `);
  }
}
