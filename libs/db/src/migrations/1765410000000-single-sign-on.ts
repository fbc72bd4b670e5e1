import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on per agency (OpenID Connect). `identity_providers` holds an agency's provider, its client secret
 * encrypted (AES-256-GCM, never stored in the clear). `sso_attempts` is a sign-in under way between the redirect
 * to the provider and its answer: the state, nonce and PKCE verifier, found by a digest of the HttpOnly cookie
 * that binds them to the browser that started it. `sso_handoffs` carries a signed-in user from the callback to
 * the portal's one exchange, found by a digest of another HttpOnly cookie. Both are single use and short-lived.
 */
export class SingleSignOn1765410000000 implements MigrationInterface {
  name = 'SingleSignOn1765410000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE identity_providers (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id) ON DELETE CASCADE,
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret_encrypted text NOT NULL,
        email_domains text[] NOT NULL CHECK (cardinality(email_domains) > 0),
        roles_claim text,
        create_users boolean NOT NULL DEFAULT false,
        default_role text NOT NULL CHECK (default_role <> 'ADMIN'),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE TABLE sso_attempts (
        id text PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
        state text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        redirect_uri text NOT NULL,
        expires_at timestamptz(3) NOT NULL
      );
      CREATE INDEX sso_attempts_expiry_idx ON sso_attempts (expires_at);
      CREATE TABLE sso_handoffs (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz(3) NOT NULL
      );
      CREATE INDEX sso_handoffs_expiry_idx ON sso_handoffs (expires_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sso_handoffs; DROP TABLE sso_attempts; DROP TABLE identity_providers;`);
  }
}
