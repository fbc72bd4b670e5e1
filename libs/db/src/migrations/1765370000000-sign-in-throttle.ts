import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling without lockouts. Each attempt drops a bounded batch of failures older than the window,
 * oldest first (hence the index on `at`). And the addresses each account has signed in from lately: there, the
 * account's wait counts only the failures made from that address, so an attacker elsewhere cannot hold up an
 * officer at the office (OWASP's "device cookie" idea, keyed by address for an API that has no cookies).
 */
export class SignInThrottle1765370000000 implements MigrationInterface {
  name = 'SignInThrottle1765370000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX sign_in_failures_at_idx ON sign_in_failures (at);
      -- An attempt is recorded on admission and is "pending" until its password is checked.
      ALTER TABLE sign_in_failures ADD COLUMN pending boolean NOT NULL DEFAULT false;
      CREATE TABLE sign_in_known_addresses (
        email text NOT NULL,
        address text NOT NULL,
        at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (email, address)
      );
      CREATE INDEX sign_in_known_addresses_at_idx ON sign_in_known_addresses (at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE sign_in_known_addresses; DROP INDEX sign_in_failures_at_idx; ALTER TABLE sign_in_failures DROP COLUMN pending;`,
    );
  }
}
