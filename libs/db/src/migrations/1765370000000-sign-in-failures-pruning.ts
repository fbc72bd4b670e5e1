import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each sign-in attempt drops a bounded batch of failures older than the throttle's window, oldest first. */
export class SignInFailuresPruning1765370000000 implements MigrationInterface {
  name = 'SignInFailuresPruning1765370000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX sign_in_failures_at_idx ON sign_in_failures (at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sign_in_failures_at_idx`);
  }
}
