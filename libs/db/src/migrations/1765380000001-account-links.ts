import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations and password resets. A link's token is 32 random bytes; only its SHA-256 is kept, so the table
 * opens nothing. A token works once (`used_at`), until `expires_at` by the database's clock, and only for an
 * active user. Reset requests are recorded alike whether or not the email has an account, and turned into mail
 * afterwards (`processed_at`), so the answer to the request never depends on whether it does. A password set or
 * changed ends the user's sessions, recorded as PASSWORD_CHANGED.
 */
export class AccountLinks1765380000001 implements MigrationInterface {
  name = 'AccountLinks1765380000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account_tokens (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET')),
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3)
      );
      CREATE INDEX account_tokens_open_by_user_idx ON account_tokens (user_id) WHERE used_at IS NULL;
      CREATE INDEX account_tokens_expiry_idx ON account_tokens (expires_at);

      CREATE TABLE password_reset_requests (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        requested_at timestamptz(3) NOT NULL DEFAULT now(),
        -- Past the per-email limit: recorded (and counted) like any other, never mailed.
        suppressed boolean NOT NULL DEFAULT false,
        processed_at timestamptz(3)
      );
      CREATE INDEX password_reset_requests_email_idx ON password_reset_requests (email, requested_at);
      CREATE INDEX password_reset_requests_address_idx ON password_reset_requests (address, requested_at);
      CREATE INDEX password_reset_requests_waiting_idx ON password_reset_requests (id) WHERE processed_at IS NULL;

      ALTER TABLE sessions DROP CONSTRAINT sessions_ended_reason_check;
      ALTER TABLE sessions ADD CONSTRAINT sessions_ended_reason_check CHECK (ended_reason IN
        ('SIGNED_OUT', 'SIGNED_OUT_EVERYWHERE', 'ENDED_BY_ADMINISTRATOR', 'USER_DEACTIVATED', 'IDLE', 'PASSWORD_CHANGED'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE password_reset_requests;
      DROP TABLE account_tokens;
      ALTER TABLE sessions DROP CONSTRAINT sessions_ended_reason_check;
      ALTER TABLE sessions ADD CONSTRAINT sessions_ended_reason_check CHECK (ended_reason IN
        ('SIGNED_OUT', 'SIGNED_OUT_EVERYWHERE', 'ENDED_BY_ADMINISTRATOR', 'USER_DEACTIVATED', 'IDLE'));
    `);
  }
}
