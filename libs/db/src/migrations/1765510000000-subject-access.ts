import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subject access requests (issue 18, item 4). A request names the person by one of their parties on a case the
 * agency owns; the export gathers that person's parties across the agency's owned cases when it is made, so
 * nothing about the person is copied here. Dates are calendar days (the statutory month runs from the day
 * received); `extension_months` is the up-to-two further months the law allows for a complex request.
 */
export class SubjectAccess1765510000000 implements MigrationInterface {
  name = 'SubjectAccess1765510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE subject_access_requests (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        party_id uuid NOT NULL REFERENCES parties(id),
        reference text NOT NULL,
        received_on date NOT NULL,
        due_on date NOT NULL,
        extension_months int NOT NULL DEFAULT 0 CHECK (extension_months BETWEEN 0 AND 2),
        extension_reason text,
        requester text,
        notes text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by uuid NOT NULL REFERENCES users(id),
        completed_at timestamptz(3),
        completed_by uuid REFERENCES users(id),
        exported_at timestamptz(3),
        exported_by uuid REFERENCES users(id),
        UNIQUE (agency_id, reference)
      );
      CREATE INDEX subject_access_requests_open_idx ON subject_access_requests (agency_id, due_on) WHERE completed_at IS NULL;
      CREATE INDEX subject_access_requests_case_idx ON subject_access_requests (case_id);

      -- A second wall under the service's own agency condition: a request sees its own agency's requests only.
      ALTER TABLE subject_access_requests ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON subject_access_requests
        USING ((SELECT public.portal_scope_is_system()) OR agency_id = (SELECT public.portal_agency()))
        WITH CHECK ((SELECT public.portal_scope_is_system()) OR agency_id = (SELECT public.portal_agency()));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE subject_access_requests;`);
  }
}
