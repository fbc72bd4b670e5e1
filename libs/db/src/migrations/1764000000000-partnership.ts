import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partnership's first schema: agencies and users, cases with their parties, incidents, actions and
 * contacts, and shares. Visibility ("owner agency or an active share") is the hottest predicate in the
 * system, so the share table is indexed for it from agency to case.
 */
export class Partnership1764000000000 implements MigrationInterface {
  name = 'Partnership1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );

      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('LANDLORD','POLICE','COUNCIL','SUPPORT','HEALTH','SOCIAL_CARE','PROBATION','OTHER')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX agencies_name_key ON agencies (lower(name));

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0
          AND roles <@ ARRAY['CASEWORKER','MANAGER','MARAC_CHAIR','MARAC_COORDINATOR','ADMIN']::text[]),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));
      CREATE INDEX users_agency_idx ON users (agency_id);

      CREATE TABLE sign_in_failures (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX sign_in_failures_email_idx ON sign_in_failures (email, at);
      CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address, at);

      CREATE SEQUENCE case_reference_seq;

      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        category text NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED_RESOLVED','CLOSED_UNRESOLVED')),
        risk_level text NOT NULL CHECK (risk_level IN ('STANDARD','MEDIUM','HIGH')),
        ward text NOT NULL,
        address text,
        summary text NOT NULL,
        police_intelligence text,
        support_needs text,
        opened_at timestamptz(3) NOT NULL DEFAULT now(),
        closed_at timestamptz(3),
        close_reason text,
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        lead_officer_id uuid REFERENCES users(id),
        created_by_id uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'OPEN') = (closed_at IS NULL))
      );
      -- Keyset paging walks (opened_at, id) newest first; the owner's own list starts from its agency.
      CREATE INDEX cases_opened_idx ON cases (opened_at DESC, id DESC);
      CREATE INDEX cases_owner_opened_idx ON cases (owner_agency_id, opened_at DESC, id DESC);

      CREATE TABLE parties (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        position integer NOT NULL,
        role text NOT NULL CHECK (role IN ('COMPLAINANT','VICTIM','WITNESS','SUBJECT')),
        full_name text,
        address text,
        phone text,
        date_of_birth date,
        anonymous boolean NOT NULL DEFAULT false,
        tenant boolean NOT NULL DEFAULT false
      );
      CREATE INDEX parties_case_idx ON parties (case_id, position);

      CREATE TABLE case_shares (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        access text NOT NULL CHECK (access IN ('FULL','LIMITED')),
        reason text NOT NULL,
        shared_by_id uuid NOT NULL REFERENCES users(id),
        shared_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        revoked_by_id uuid REFERENCES users(id)
      );
      -- At most one live share per case and agency; revoked ones stay as the disclosure history.
      CREATE UNIQUE INDEX case_shares_live_key ON case_shares (case_id, agency_id) WHERE revoked_at IS NULL;
      -- Visibility: "is this case shared with my agency" answered from the agency side.
      CREATE INDEX case_shares_agency_live_idx ON case_shares (agency_id, case_id) INCLUDE (access) WHERE revoked_at IS NULL;

      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        occurred_at timestamptz(3) NOT NULL,
        category text NOT NULL,
        description text NOT NULL,
        location text,
        ward text,
        logged_by_id uuid NOT NULL REFERENCES users(id),
        logged_by_agency_id uuid NOT NULL REFERENCES agencies(id),
        logged_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX incidents_case_idx ON incidents (case_id, occurred_at);

      CREATE TABLE case_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind text NOT NULL,
        legal boolean NOT NULL,
        description text NOT NULL,
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        assignee_id uuid REFERENCES users(id),
        due_at timestamptz(3),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','IN_PROGRESS','DONE','CANCELLED')),
        outcome text,
        created_by_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        completed_at timestamptz(3)
      );
      CREATE INDEX case_actions_case_idx ON case_actions (case_id, created_at);
      CREATE INDEX case_actions_owner_due_idx ON case_actions (owner_agency_id, due_at) WHERE status IN ('OPEN','IN_PROGRESS');

      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        contacted_at timestamptz(3) NOT NULL,
        channel text NOT NULL,
        note text NOT NULL,
        recorded_by_id uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX contacts_case_idx ON contacts (case_id, contacted_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE contacts, case_actions, incidents, case_shares, parties, cases,
        sign_in_failures, users, agencies, app_settings;
      DROP SEQUENCE case_reference_seq;
    `);
  }
}
