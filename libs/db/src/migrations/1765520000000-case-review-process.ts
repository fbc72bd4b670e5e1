import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, item 1: the ASB Case Review end to end. An application is logged by a single point of contact
 * (`spoc_agency_id`) with the applicant's details, linked to one or more cases (`case_review_cases`, the first
 * being `case_id` as before), heard at a CASE_REVIEW meeting, concluded with recommendations (case actions),
 * told to the applicant, and perhaps appealed and heard again by a different chair. Each step has a deadline
 * worked out in working days; `case_review_breaches` claims each overdue step once for its alert.
 *
 * Row security: an application is the SPOC agency's, and is seen by whoever may see one of its cases.
 */
export class CaseReviewProcess1765520000000 implements MigrationInterface {
  name = 'CaseReviewProcess1765520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users DROP CONSTRAINT users_roles_check;
      ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['CASEWORKER','MANAGER','MARAC_CHAIR','MARAC_COORDINATOR','ADMIN','AGENCY_ADMIN','CASE_REVIEW_SPOC']::text[]);
      ALTER TABLE case_reviews
        ADD COLUMN spoc_agency_id uuid REFERENCES agencies(id),
        ADD COLUMN applicant_name text,
        ADD COLUMN applicant_contact text,
        ADD COLUMN applicant_relationship text,
        ADD COLUMN third_party boolean NOT NULL DEFAULT false,
        ADD COLUMN consent_recorded_at timestamptz(3),
        ADD COLUMN meeting_id uuid REFERENCES meetings(id),
        ADD COLUMN tell_by timestamptz(3),
        ADD COLUMN conclusion text,
        ADD COLUMN outcome_at timestamptz(3),
        ADD COLUMN recommendation_action_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN told_at timestamptz(3),
        ADD COLUMN told_how text,
        ADD COLUMN appeal_by timestamptz(3),
        ADD COLUMN appealed_at timestamptz(3),
        ADD COLUMN appeal_grounds text,
        ADD COLUMN appeal_meeting_id uuid REFERENCES meetings(id),
        ADD COLUMN appeal_heard_by timestamptz(3),
        ADD COLUMN appeal_upheld boolean,
        ADD COLUMN appeal_outcome text,
        ADD COLUMN appeal_decided_at timestamptz(3),
        ADD CONSTRAINT case_reviews_third_party_consent CHECK (NOT third_party OR consent_recorded_at IS NOT NULL);
      CREATE INDEX case_reviews_spoc_idx ON case_reviews (spoc_agency_id, received_at) WHERE spoc_agency_id IS NOT NULL;

      CREATE TABLE case_review_cases (
        review_id uuid NOT NULL REFERENCES case_reviews(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        linked_at timestamptz(3) NOT NULL DEFAULT now(),
        linked_by_id uuid NOT NULL REFERENCES users(id),
        -- The application's agency, copied so this table's policy need not read case_reviews (whose policy reads this).
        spoc_agency_id uuid REFERENCES agencies(id),
        PRIMARY KEY (review_id, case_id)
      );
      CREATE INDEX case_review_cases_case_idx ON case_review_cases (case_id);
      INSERT INTO case_review_cases (review_id, case_id, linked_at, linked_by_id)
        SELECT id, case_id, requested_at, requested_by_id FROM case_reviews;

      CREATE TABLE case_review_breaches (
        review_id uuid NOT NULL REFERENCES case_reviews(id) ON DELETE CASCADE,
        step text NOT NULL,
        alerted_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (review_id, step)
      );

      DROP POLICY agency_rows ON case_reviews;
      CREATE POLICY agency_rows ON case_reviews
        USING ((SELECT public.portal_scope_is_system())
               OR spoc_agency_id = (SELECT public.portal_agency())
               OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = case_reviews.case_id)
               OR EXISTS (SELECT 1 FROM public.case_review_cases l JOIN public.cases c ON c.id = l.case_id
                           WHERE l.review_id = case_reviews.id))
        WITH CHECK ((SELECT public.portal_scope_is_system())
               OR spoc_agency_id = (SELECT public.portal_agency())
               OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = case_reviews.case_id)
               OR EXISTS (SELECT 1 FROM public.case_review_cases l JOIN public.cases c ON c.id = l.case_id
                           WHERE l.review_id = case_reviews.id));
      -- A link is seen by whoever sees its case, and by the application's own agency.
      ALTER TABLE case_review_cases ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON case_review_cases
        USING ((SELECT public.portal_scope_is_system())
               OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = case_review_cases.case_id)
               OR spoc_agency_id = (SELECT public.portal_agency()))
        WITH CHECK ((SELECT public.portal_scope_is_system())
               OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = case_review_cases.case_id));
      ALTER TABLE case_review_breaches ENABLE ROW LEVEL SECURITY;
      CREATE POLICY system_only ON case_review_breaches
        USING ((SELECT public.portal_scope_is_system())) WITH CHECK ((SELECT public.portal_scope_is_system()));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users DROP CONSTRAINT users_roles_check;
      ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['CASEWORKER','MANAGER','MARAC_CHAIR','MARAC_COORDINATOR','ADMIN','AGENCY_ADMIN']::text[]);
      DROP TABLE case_review_breaches;
      DROP TABLE case_review_cases;
      DROP POLICY agency_rows ON case_reviews;
      CREATE POLICY agency_rows ON case_reviews
        USING ((SELECT public.portal_scope_is_system()) OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = case_reviews.case_id))
        WITH CHECK ((SELECT public.portal_scope_is_system()) OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = case_reviews.case_id));
      DROP INDEX case_reviews_spoc_idx;
      ALTER TABLE case_reviews DROP CONSTRAINT case_reviews_third_party_consent,
        DROP COLUMN spoc_agency_id, DROP COLUMN applicant_name, DROP COLUMN applicant_contact,
        DROP COLUMN applicant_relationship, DROP COLUMN third_party, DROP COLUMN consent_recorded_at,
        DROP COLUMN meeting_id, DROP COLUMN tell_by, DROP COLUMN conclusion, DROP COLUMN outcome_at, DROP COLUMN recommendation_action_ids,
        DROP COLUMN told_at, DROP COLUMN told_how, DROP COLUMN appeal_by, DROP COLUMN appealed_at,
        DROP COLUMN appeal_grounds, DROP COLUMN appeal_meeting_id, DROP COLUMN appeal_heard_by,
        DROP COLUMN appeal_upheld, DROP COLUMN appeal_outcome, DROP COLUMN appeal_decided_at;
    `);
  }
}
