import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per access token issued, keyed by the token's `jti`: a token is honoured only while its row says the
 * session is open and was used within the idle limit, so signing out, an administrator or a deactivation ends
 * it at once, not when it expires. `last_seen_at` moves at most once a minute per session (see sessions.service.ts).
 * A row outlives its token by one token lifetime, as a record of who was signed in, and is then pruned.
 */
export class Sessions1765360000000 implements MigrationInterface {
  name = 'Sessions1765360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        issued_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
        ended_at timestamptz(3),
        ended_reason text CHECK (ended_reason IN ('SIGNED_OUT', 'SIGNED_OUT_EVERYWHERE', 'ENDED_BY_ADMINISTRATOR', 'USER_DEACTIVATED', 'IDLE')),
        address text NOT NULL,
        CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
      );
      CREATE INDEX sessions_open_by_user_idx ON sessions (user_id) WHERE ended_at IS NULL;
      CREATE INDEX sessions_expiry_idx ON sessions (expires_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sessions`);
  }
}
