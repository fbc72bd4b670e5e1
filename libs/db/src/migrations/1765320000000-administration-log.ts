import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The administration log: every agency created, account created or deactivated and role granted, by whom and
 * when, append-only like the audit trail. `agency_id` is the agency the change is about, whose managers read
 * it; `cross_agency` marks an account created or changed by an administrator of another agency.
 */
export class AdministrationLog1765320000000 implements MigrationInterface {
  name = 'AdministrationLog1765320000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE admin_events (
        id bigserial PRIMARY KEY,
        at timestamptz(3) NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users(id),
        actor_agency_id uuid REFERENCES agencies(id),
        action text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        user_id uuid REFERENCES users(id),
        cross_agency boolean NOT NULL DEFAULT false,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- Only the portal itself, at start, acts without a signed-in administrator.
        CHECK ((actor_id IS NULL) = (actor_agency_id IS NULL))
      );
      CREATE INDEX admin_events_agency_idx ON admin_events (agency_id, id DESC);

      CREATE FUNCTION admin_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'administration events are append-only' USING ERRCODE = 'insufficient_privilege';
        END $$;
      CREATE TRIGGER admin_events_no_update_or_delete BEFORE UPDATE OR DELETE ON admin_events
        FOR EACH ROW EXECUTE FUNCTION admin_events_append_only();
      CREATE TRIGGER admin_events_no_truncate BEFORE TRUNCATE ON admin_events
        FOR EACH STATEMENT EXECUTE FUNCTION admin_events_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE admin_events;
      DROP FUNCTION admin_events_append_only();
    `);
  }
}
