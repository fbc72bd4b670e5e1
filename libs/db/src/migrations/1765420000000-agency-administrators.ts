import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency administrators (issue 16, item 4): the AGENCY_ADMIN role, and ADMIN granted by two administrators.
 * `admin_grants` is a request to give a user ADMIN, made by one administrator and decided (approved or refused)
 * by another; it lapses at `expires_at`. At most one request per user is open at a time.
 */
export class AgencyAdministrators1765420000000 implements MigrationInterface {
  name = 'AgencyAdministrators1765420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users DROP CONSTRAINT users_roles_check;
      ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['CASEWORKER','MANAGER','MARAC_CHAIR','MARAC_COORDINATOR','ADMIN','AGENCY_ADMIN']::text[]);
      -- Administrators are made in the portal by an administrator, never at an identity provider's word.
      ALTER TABLE identity_providers ADD CONSTRAINT identity_providers_default_role_not_agency_admin
        CHECK (default_role <> 'AGENCY_ADMIN');
      CREATE TABLE admin_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz(3),
        outcome text CHECK (outcome IN ('APPROVED', 'REFUSED')),
        CHECK ((outcome IS NULL) = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)),
        -- The second person is a second person.
        CHECK (decided_by IS DISTINCT FROM requested_by)
      );
      CREATE UNIQUE INDEX admin_grants_open_key ON admin_grants (user_id) WHERE outcome IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE admin_grants;
      ALTER TABLE identity_providers DROP CONSTRAINT identity_providers_default_role_not_agency_admin;
      ALTER TABLE users DROP CONSTRAINT users_roles_check;
      ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['CASEWORKER','MANAGER','MARAC_CHAIR','MARAC_COORDINATOR','ADMIN']::text[]);
    `);
  }
}
