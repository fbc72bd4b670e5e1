import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letter templates (issue 19, item 4): each agency's own, kept by its managers. Every saved text is a new row of
 * `letter_template_versions`, never changed afterwards, so a letter produced from version 3 still says (on the
 * case's trail and in its evidence description) which words made it after the template is edited or retired. A
 * produced letter is an evidence file and an action or contact on the case: no table of its own here.
 */
export class Letters1765550000000 implements MigrationInterface {
  name = 'Letters1765550000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE letter_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        kind text NOT NULL CHECK (kind IN ('WARNING_LETTER', 'COMMUNITY_PROTECTION_WARNING',
          'ACCEPTABLE_BEHAVIOUR_CONTRACT', 'CLOSURE_LETTER', 'CASE_REVIEW_OUTCOME')),
        name text NOT NULL,
        body text NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_by uuid NOT NULL REFERENCES users(id),
        retired_at timestamptz(3),
        retired_by uuid REFERENCES users(id)
      );
      CREATE INDEX letter_templates_agency_idx ON letter_templates (agency_id, kind, name);

      CREATE TABLE letter_template_versions (
        template_id uuid NOT NULL REFERENCES letter_templates(id),
        version int NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        name text NOT NULL,
        body text NOT NULL,
        saved_at timestamptz(3) NOT NULL DEFAULT now(),
        saved_by uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (template_id, version)
      );

      -- The second wall under the services' own agency condition: another agency's templates do not exist.
      ALTER TABLE letter_templates ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON letter_templates
        USING ((SELECT public.portal_scope_is_system()) OR agency_id = (SELECT public.portal_agency()))
        WITH CHECK ((SELECT public.portal_scope_is_system()) OR agency_id = (SELECT public.portal_agency()));
      ALTER TABLE letter_template_versions ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON letter_template_versions
        USING ((SELECT public.portal_scope_is_system()) OR agency_id = (SELECT public.portal_agency()))
        WITH CHECK ((SELECT public.portal_scope_is_system()) OR agency_id = (SELECT public.portal_agency()));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE letter_template_versions; DROP TABLE letter_templates;`);
  }
}
