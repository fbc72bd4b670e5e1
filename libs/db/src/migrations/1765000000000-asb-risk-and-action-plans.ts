import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ASB risk matrix (likelihood × impact, raised a band for a vulnerable victim) for cases that are not
 * domestic abuse, and action plans agreed with the reporter. Both are kept whole: a new one supersedes the
 * last without changing it.
 */
export class AsbRiskAndActionPlans1765000000000 implements MigrationInterface {
  name = 'AsbRiskAndActionPlans1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE asb_risk_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
        vulnerabilities text[] NOT NULL DEFAULT '{}',
        score integer NOT NULL CHECK (score = likelihood * impact),
        judged_high_risk boolean NOT NULL DEFAULT false,
        risk_level text NOT NULL CHECK (risk_level IN ('STANDARD','MEDIUM','HIGH')),
        concerns text,
        review_due_at timestamptz(3) NOT NULL,
        assessed_by_id uuid NOT NULL REFERENCES users(id),
        assessed_by_agency_id uuid NOT NULL REFERENCES agencies(id),
        assessed_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX asb_risk_assessments_case_idx ON asb_risk_assessments (case_id, assessed_at DESC);

      CREATE TABLE action_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agreed_at timestamptz(3) NOT NULL,
        agreed_with text NOT NULL,
        our_commitments text[] NOT NULL,
        reporter_commitments text[] NOT NULL DEFAULT '{}',
        update_every_days integer NOT NULL CHECK (update_every_days BETWEEN 1 AND 91),
        update_channel text NOT NULL,
        recorded_by_id uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX action_plans_case_idx ON action_plans (case_id, agreed_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE action_plans; DROP TABLE asb_risk_assessments`);
  }
}
