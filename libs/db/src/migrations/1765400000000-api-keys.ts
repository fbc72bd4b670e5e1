import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner-system keys (issue 16). Each agency's case system reaches the API as the agency's service account: a
 * users row marked `system`, one per agency, that no password or provider signs in to. Its keys are kept as the
 * SHA-256 of their secret only; the secret is shown once, when the key is made. `last_used_at` moves at most once
 * a minute per key (see key-bearers.service.ts), so a busy key costs no write per request.
 */
export class ApiKeys1765400000000 implements MigrationInterface {
  name = 'ApiKeys1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users ADD COLUMN system boolean NOT NULL DEFAULT false;
      CREATE UNIQUE INDEX users_system_per_agency_key ON users (agency_id) WHERE system;
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        user_id uuid NOT NULL REFERENCES users(id),
        name text NOT NULL,
        access text NOT NULL CHECK (access IN ('READ_ONLY', 'READ_WRITE')),
        secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz(3) NOT NULL,
        last_used_at timestamptz(3),
        revoked_at timestamptz(3),
        revoked_by uuid REFERENCES users(id),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      );
      CREATE INDEX api_keys_agency_idx ON api_keys (agency_id, created_at DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE api_keys;
      DROP INDEX users_system_per_agency_key;
      ALTER TABLE users DROP COLUMN system;
    `);
  }
}
