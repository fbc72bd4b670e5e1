import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each share's lawful basis from a list and the victim's consent (issue 18, item 3), so a disclosure log can be
 * read and counted without parsing free text. Shares made before keep their words as the basis OTHER, and their
 * consent as NOT_RECORDED: nothing is guessed about what was asked then. The words a basis or consent state
 * needs (OTHER, NOT_SOUGHT, REFUSED_OVERRIDDEN) are required here too, so no path can store the state without them.
 */
export class SharingBasis1765500000000 implements MigrationInterface {
  name = 'SharingBasis1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_shares
        ADD COLUMN lawful_basis text NOT NULL DEFAULT 'OTHER' CHECK (lawful_basis IN
          ('PUBLIC_TASK', 'CRIME_AND_DISORDER_ACT_S115', 'CARE_ACT_S45', 'CONSENT', 'VITAL_INTERESTS', 'OTHER')),
        ADD COLUMN lawful_basis_detail text,
        ADD COLUMN consent_state text NOT NULL DEFAULT 'NOT_RECORDED' CHECK (consent_state IN
          ('GIVEN', 'NOT_SOUGHT', 'REFUSED_OVERRIDDEN', 'NOT_RECORDED')),
        ADD COLUMN consent_detail text;
      -- A reason of blanks (none is taken now) would fail the check below: it says so rather than nothing.
      UPDATE case_shares SET lawful_basis_detail = CASE WHEN btrim(reason) = '' THEN '(no reason was recorded)' ELSE reason END;
      ALTER TABLE case_shares
        ALTER COLUMN lawful_basis DROP DEFAULT,
        ALTER COLUMN consent_state DROP DEFAULT,
        ADD CONSTRAINT case_shares_basis_named CHECK (lawful_basis <> 'OTHER' OR nullif(btrim(lawful_basis_detail), '') IS NOT NULL),
        ADD CONSTRAINT case_shares_consent_explained CHECK (
          consent_state NOT IN ('NOT_SOUGHT', 'REFUSED_OVERRIDDEN') OR nullif(btrim(consent_detail), '') IS NOT NULL),
        ADD CONSTRAINT case_shares_consent_basis CHECK (lawful_basis <> 'CONSENT' OR consent_state = 'GIVEN');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_shares DROP COLUMN lawful_basis, DROP COLUMN lawful_basis_detail,
        DROP COLUMN consent_state, DROP COLUMN consent_detail;
    `);
  }
}
