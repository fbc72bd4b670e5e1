import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each session began: with the portal's own password (and its second factor, if enrolled) or through the
 * agency's identity provider, whose own second factor is the agency's business. The web app asks a person to set
 * up the portal's second factor only for the first kind.
 */
export class SessionSignInMethod1765415000000 implements MigrationInterface {
  name = 'SessionSignInMethod1765415000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sessions ADD COLUMN signed_in_with text NOT NULL DEFAULT 'PASSWORD'
        CHECK (signed_in_with IN ('PASSWORD', 'SINGLE_SIGN_ON'))
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions DROP COLUMN signed_in_with`);
  }
}
