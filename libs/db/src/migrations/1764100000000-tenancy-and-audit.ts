import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy information on parties (a class of its own: landlords and councils only), and the audit trail:
 * every view of sensitive fields, every change, share, revocation and export of a case. The trail is
 * append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks, the application's own database
 * user included.
 */
export class TenancyAndAudit1764100000000 implements MigrationInterface {
  name = 'TenancyAndAudit1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE parties
        ADD COLUMN tenancy_type text CHECK (tenancy_type IN
          ('SECURE','ASSURED','ASSURED_SHORTHOLD','INTRODUCTORY','STARTER','FLEXIBLE','DEMOTED','LICENCE','LEASEHOLD','OTHER')),
        ADD COLUMN rent_arrears numeric(10, 2) CHECK (rent_arrears >= 0),
        ADD COLUMN tenancy_breaches text;

      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz(3) NOT NULL DEFAULT now(),
        case_id uuid NOT NULL REFERENCES cases(id),
        actor_id uuid NOT NULL REFERENCES users(id),
        actor_agency_id uuid NOT NULL REFERENCES agencies(id),
        action text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX audit_events_case_idx ON audit_events (case_id, id DESC);

      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
        END $$;
      CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE audit_events;
      DROP FUNCTION audit_events_append_only();
      ALTER TABLE parties DROP COLUMN tenancy_type, DROP COLUMN rent_arrears, DROP COLUMN tenancy_breaches;
    `);
  }
}
