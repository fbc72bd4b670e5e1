import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alert inbox (issue 17, item 2). Which alerts a user sees is decided at read time from the alerts table and
 * who holds each case now, so only what a user did to an alert is stored: that they read it (one row per user and
 * alert read), and to whom their agency assigned it (one row per agency and alert). Both go with their alert, when
 * retention deletes it (alertRetentionDays, or the case anonymised), by ON DELETE CASCADE.
 */
export class AlertInbox1765440000000 implements MigrationInterface {
  name = 'AlertInbox1765440000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alert_reads (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        alert_id bigint NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        read_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, alert_id)
      );
      CREATE INDEX alert_reads_alert_idx ON alert_reads (alert_id);
      CREATE TABLE alert_assignments (
        alert_id bigint NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        assigned_by uuid NOT NULL REFERENCES users(id),
        assigned_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (alert_id, agency_id)
      );
      CREATE INDEX alert_assignments_user_idx ON alert_assignments (user_id, alert_id);
      -- The inbox reads an agency's alerts by case, by the action's agency and by meeting, newest first.
      CREATE INDEX alerts_case_idx ON alerts (case_id, id);
      CREATE INDEX alerts_target_agency_idx ON alerts (target_agency_id, id) WHERE target_agency_id IS NOT NULL;
      CREATE INDEX alerts_meeting_idx ON alerts (meeting_id, id) WHERE meeting_id IS NOT NULL;

      -- A second wall under the service's own agency condition: a request sees its own agency's assignments only.
      ALTER TABLE alert_assignments ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON alert_assignments
        USING ((SELECT public.portal_scope_is_system()) OR agency_id = (SELECT public.portal_agency()))
        WITH CHECK ((SELECT public.portal_scope_is_system()) OR agency_id = (SELECT public.portal_agency()));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE alert_assignments;
      DROP TABLE alert_reads;
      DROP INDEX alerts_case_idx;
      DROP INDEX alerts_target_agency_idx;
      DROP INDEX alerts_meeting_idx;
    `);
  }
}
