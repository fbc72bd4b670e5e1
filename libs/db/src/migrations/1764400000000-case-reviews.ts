import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ASB Case Reviews ("community trigger"): an application on a case, with the statutory clock worked out in
 * working days when it is received (acknowledge, decide whether the threshold is met, meet).
 */
export class CaseReviews1764400000000 implements MigrationInterface {
  name = 'CaseReviews1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        received_at timestamptz(3) NOT NULL,
        acknowledge_by timestamptz(3) NOT NULL,
        decide_by timestamptz(3) NOT NULL,
        meet_by timestamptz(3) NOT NULL,
        acknowledged_at timestamptz(3),
        decided_at timestamptz(3),
        threshold_met boolean,
        decision_reason text,
        requested_by_id uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX case_reviews_case_idx ON case_reviews (case_id, received_at);
      -- Complaints per person across agencies: incidents of cases where they are the victim or complainant.
      CREATE INDEX incidents_occurred_idx ON incidents (occurred_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_reviews; DROP INDEX incidents_occurred_idx;`);
  }
}
