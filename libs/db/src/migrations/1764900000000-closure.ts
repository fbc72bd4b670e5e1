import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the reporter was told a case was closing: closure is discussed with the reporter first. */
export class Closure1764900000000 implements MigrationInterface {
  name = 'Closure1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN reporter_told_at timestamptz(3)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases DROP COLUMN reporter_told_at`);
  }
}
