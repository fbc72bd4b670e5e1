import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People across the partnership (issue 18, item 1). A person record holds no personal data: it is only what the
 * parties typed into many cases point to, so everything a person "has" is read from those parties under each one's
 * own field rules. A merge keeps the party ids it moved, so undoing it puts back exactly those links.
 *
 * `portal_move_person_links` runs as the owner: a manager merging two people moves links of parties on cases their
 * agency does not hold (row security would hide them), inside the mutation's own transaction. It moves only links,
 * never reads or writes personal data, and the service decides first that the caller may merge both people.
 */
export class People1765480000000 implements MigrationInterface {
  name = 'People1765480000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_by_agency_id uuid NOT NULL REFERENCES agencies(id)
      );
      ALTER TABLE parties
        ADD COLUMN person_id uuid NULL REFERENCES people(id),
        ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';
      CREATE INDEX parties_person_idx ON parties (person_id) WHERE person_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS parties_name_trgm_idx ON parties USING gin (lower(btrim(full_name)) gin_trgm_ops)
        WHERE full_name IS NOT NULL;
      CREATE TABLE person_merges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kept_person_id uuid NOT NULL REFERENCES people(id),
        merged_person_id uuid NOT NULL REFERENCES people(id),
        party_ids uuid[] NOT NULL,
        reason text NOT NULL,
        merged_at timestamptz(3) NOT NULL DEFAULT now(),
        merged_by_user_id uuid NOT NULL REFERENCES users(id),
        merged_by_agency_id uuid NOT NULL REFERENCES agencies(id),
        undone_at timestamptz(3),
        undone_by_user_id uuid REFERENCES users(id),
        CHECK (kept_person_id <> merged_person_id)
      );
      CREATE INDEX person_merges_agency_idx ON person_merges (merged_by_agency_id, merged_at DESC);

      CREATE FUNCTION portal_move_person_links(from_person uuid, to_person uuid, only_parties uuid[])
        RETURNS TABLE (party_id uuid, case_id uuid)
        LANGUAGE sql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
      AS $$
        UPDATE public.parties p SET person_id = to_person
         WHERE p.person_id = from_person AND (only_parties IS NULL OR p.id = ANY (only_parties))
        RETURNING p.id, p.case_id
      $$;
      REVOKE ALL ON FUNCTION portal_move_person_links(uuid, uuid, uuid[]) FROM PUBLIC;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION portal_move_person_links(uuid, uuid, uuid[]);
      DROP TABLE person_merges;
      DROP INDEX parties_person_idx;
      ALTER TABLE parties DROP COLUMN person_id, DROP COLUMN aliases;
      DROP TABLE people;
    `);
  }
}
