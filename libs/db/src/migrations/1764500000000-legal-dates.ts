import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Legal and formal interventions keep their dates (served, hearing, expiry) for the interventions register. */
export class LegalDates1764500000000 implements MigrationInterface {
  name = 'LegalDates1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_actions ADD COLUMN served_at timestamptz(3), ADD COLUMN hearing_at timestamptz(3), ADD COLUMN expires_at timestamptz(3);
      CREATE INDEX case_actions_register_idx ON case_actions (owner_agency_id, expires_at) WHERE status IN ('OPEN','IN_PROGRESS');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX case_actions_register_idx;
      ALTER TABLE case_actions DROP COLUMN served_at, DROP COLUMN hearing_at, DROP COLUMN expires_at;
    `);
  }
}
