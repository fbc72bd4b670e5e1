import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Known to the partnership, locked (issue 18, item 2). A case says whether a person search by another agency may
 * learn that it exists (`discoverable`: on for ASB, off for domestic abuse, where even "known to the police" can
 * put a victim at risk). Names are matched with trigrams (pg_trgm) on the same key parties are matched on
 * elsewhere (`lower(btrim(full_name))`). A search is kept for the searcher's agency; each locked record it
 * revealed gets an opaque handle (`person_search_hits`) that the searcher alone may turn into an access request
 * for a short while, so no case id ever leaves. An access request keeps its reason and the owner's decision.
 */
export class KnownTo1765490000000 implements MigrationInterface {
  name = 'KnownTo1765490000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      ALTER TABLE cases ADD COLUMN discoverable boolean;
      UPDATE cases SET discoverable = (category <> 'DOMESTIC_ABUSE');
      ALTER TABLE cases ALTER COLUMN discoverable SET NOT NULL;
      -- A row inserted without saying (the demo's loader, a bulk import) gets the category's default, never a
      -- plain true that would make a domestic-abuse case findable by accident.
      CREATE FUNCTION cases_discoverable_default() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.discoverable IS NULL THEN NEW.discoverable := NEW.category <> 'DOMESTIC_ABUSE'; END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER cases_discoverable_default BEFORE INSERT ON cases
        FOR EACH ROW EXECUTE FUNCTION cases_discoverable_default();
      CREATE INDEX IF NOT EXISTS parties_name_trgm_idx ON parties USING gin (lower(btrim(full_name)) gin_trgm_ops)
        WHERE full_name IS NOT NULL;

      CREATE TABLE person_searches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        searched_by_id uuid NOT NULL REFERENCES users(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        full_name text NOT NULL,
        date_of_birth date,
        reason text NOT NULL,
        visible_count integer NOT NULL,
        locked_count integer NOT NULL,
        at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX person_searches_user_idx ON person_searches (searched_by_id, at DESC);
      CREATE INDEX person_searches_agency_idx ON person_searches (agency_id, at DESC);

      CREATE TABLE person_search_hits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        search_id uuid NOT NULL REFERENCES person_searches(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        expires_at timestamptz(3) NOT NULL
      );
      CREATE INDEX person_search_hits_search_idx ON person_search_hits (search_id);
      CREATE INDEX person_search_hits_case_idx ON person_search_hits (case_id);

      CREATE TABLE access_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        requested_by_id uuid NOT NULL REFERENCES users(id),
        requester_agency_id uuid NOT NULL REFERENCES agencies(id),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'GRANTED', 'REFUSED')),
        requested_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz(3),
        decided_by_id uuid REFERENCES users(id),
        decision_reason text,
        granted_access text CHECK (granted_access IN ('FULL', 'LIMITED'))
      );
      -- One open request per case and asking agency: a second is the first one again.
      CREATE UNIQUE INDEX access_requests_pending_key ON access_requests (case_id, requester_agency_id) WHERE status = 'PENDING';
      CREATE INDEX access_requests_owner_idx ON access_requests (owner_agency_id, status, requested_at DESC);
      CREATE INDEX access_requests_requester_idx ON access_requests (requested_by_id, requested_at DESC);
    `);
    // The second wall, as on the case tables: a request is its owner agency's and its requester agency's, a search
    // its searcher's agency's. (A handle is read only through the unscoped connection, by the service.)
    const system = `(SELECT public.portal_scope_is_system())`;
    const agency = `(SELECT public.portal_agency())`;
    const requestRule = `${system} OR owner_agency_id = ${agency} OR requester_agency_id = ${agency}`;
    const searchRule = `${system} OR agency_id = ${agency}`;
    await db.query(`
      ALTER TABLE access_requests ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON access_requests USING (${requestRule}) WITH CHECK (${requestRule});
      ALTER TABLE person_searches ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON person_searches USING (${searchRule}) WITH CHECK (${searchRule});
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE access_requests; DROP TABLE person_search_hits; DROP TABLE person_searches;
      DROP TRIGGER cases_discoverable_default ON cases; DROP FUNCTION cases_discoverable_default();
      ALTER TABLE cases DROP COLUMN discoverable;
    `);
  }
}
