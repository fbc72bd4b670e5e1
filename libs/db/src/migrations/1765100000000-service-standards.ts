import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agency's service standards (working days to contact the reporter and to agree an action plan; the
 * defaults apply until a manager sets them) and the homes it manages, for cases per 1,000 homes, and one claim per breached deadline so every breach alerts
 * once. The single contact-breach column this replaces becomes a claim of its own.
 */
export class ServiceStandards1765100000000 implements MigrationInterface {
  name = 'ServiceStandards1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE service_standards (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id) ON DELETE CASCADE,
        contact_working_days integer NOT NULL CHECK (contact_working_days BETWEEN 1 AND 10),
        action_plan_working_days integer NOT NULL CHECK (action_plan_working_days BETWEEN 1 AND 40),
        homes integer CHECK (homes > 0),
        updated_by_id uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      );

      CREATE TABLE service_standard_alerts (
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        standard text NOT NULL CHECK (standard IN ('CONTACT_REPORTER','ACTION_PLAN_AGREED','REPORTER_UPDATED','RISK_REVIEWED')),
        due_at timestamptz(3) NOT NULL,
        alerted_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, standard, due_at)
      );
      INSERT INTO service_standard_alerts (case_id, standard, due_at, alerted_at)
        SELECT id, 'CONTACT_REPORTER', contact_breach_alerted_at, contact_breach_alerted_at FROM cases WHERE contact_breach_alerted_at IS NOT NULL;
      DROP INDEX cases_contact_breach_idx;
      ALTER TABLE cases DROP COLUMN contact_breach_alerted_at;
      CREATE INDEX cases_open_opened_idx ON cases (opened_at) WHERE status = 'OPEN';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX cases_open_opened_idx;
      ALTER TABLE cases ADD COLUMN contact_breach_alerted_at timestamptz(3);
      UPDATE cases c SET contact_breach_alerted_at = a.alerted_at FROM service_standard_alerts a WHERE a.case_id = c.id AND a.standard = 'CONTACT_REPORTER';
      CREATE INDEX cases_contact_breach_idx ON cases (opened_at) WHERE contact_breach_alerted_at IS NULL AND status = 'OPEN';
      DROP TABLE service_standard_alerts;
      DROP TABLE service_standards;
    `);
  }
}
