import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor for local accounts (issue 16, item 2): one TOTP enrolment per user, its secret sealed with
 * AES-256-GCM (never stored in the clear), pending until a first code confirms it; ten single-use recovery codes,
 * kept as digests only; the key generated on first start when MFA_KEY is not set; and each agency's choice to
 * require a second factor of everyone (ADMIN and MANAGER always need one: that is a rule, not a row).
 */
export class SecondFactor1765390000000 implements MigrationInterface {
  name = 'SecondFactor1765390000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE totp_enrolments (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        secret_sealed text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        confirmed_at timestamptz(3),
        -- The latest 30-second step whose code was accepted: no code of that step or an earlier one is accepted again.
        last_used_step bigint
      );
      CREATE TABLE totp_recovery_codes (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_digest text NOT NULL,
        used_at timestamptz(3),
        PRIMARY KEY (user_id, code_digest)
      );
      CREATE TABLE mfa_keys (
        id text PRIMARY KEY,
        key text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE TABLE agency_mfa_requirements (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id) ON DELETE CASCADE,
        required boolean NOT NULL,
        changed_at timestamptz(3) NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE agency_mfa_requirements; DROP TABLE mfa_keys; DROP TABLE totp_recovery_codes; DROP TABLE totp_enrolments;`,
    );
  }
}
