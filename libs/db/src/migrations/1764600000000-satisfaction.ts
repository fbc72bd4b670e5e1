import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction with the service and with the outcome (1–5), recorded by the owner or answered by the
 * reporter through a one-time link; only the link's hash is kept.
 */
export class Satisfaction1764600000000 implements MigrationInterface {
  name = 'Satisfaction1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE satisfaction_surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        token_hash text UNIQUE,
        expires_at timestamptz(3),
        created_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        answered_at timestamptz(3),
        service_score integer CHECK (service_score BETWEEN 1 AND 5),
        outcome_score integer CHECK (outcome_score BETWEEN 1 AND 5),
        comment text,
        CHECK ((answered_at IS NULL) = (service_score IS NULL AND outcome_score IS NULL))
      );
      CREATE INDEX satisfaction_surveys_case_idx ON satisfaction_surveys (case_id, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE satisfaction_surveys`);
  }
}
