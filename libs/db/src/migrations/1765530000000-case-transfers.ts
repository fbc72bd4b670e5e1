import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, item 2: a case offered by its owner agency to another agency, which accepts or declines it. The
 * receiving agency may not hold the case while it decides, so the offer keeps what deciding needs (the case's
 * reference and category, the reason) and no more; nothing of the case changes until it is accepted.
 */
export class CaseTransfers1765530000000 implements MigrationInterface {
  name = 'CaseTransfers1765530000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        reference text NOT NULL,
        category text NOT NULL,
        from_agency_id uuid NOT NULL REFERENCES agencies(id),
        to_agency_id uuid NOT NULL REFERENCES agencies(id),
        reason text NOT NULL,
        -- The share the offering agency keeps once the case is accepted; NULL keeps none.
        kept_access text CHECK (kept_access IN ('FULL', 'LIMITED')),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
        offered_by_id uuid NOT NULL REFERENCES users(id),
        offered_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_by_id uuid REFERENCES users(id),
        decided_at timestamptz(3),
        decision_reason text,
        CHECK (from_agency_id <> to_agency_id),
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      );
      -- One open offer per case: a second, or the same one made twice at once, is refused by the index.
      CREATE UNIQUE INDEX case_transfers_pending_key ON case_transfers (case_id) WHERE status = 'PENDING';
      CREATE INDEX case_transfers_to_idx ON case_transfers (to_agency_id, status, offered_at DESC);
      CREATE INDEX case_transfers_from_idx ON case_transfers (from_agency_id, status, offered_at DESC);
    `);
    // The second wall, as on access requests: an offer is its offering and its receiving agency's.
    const rule = `(SELECT public.portal_scope_is_system()) OR from_agency_id = (SELECT public.portal_agency()) OR to_agency_id = (SELECT public.portal_agency())`;
    await db.query(`
      ALTER TABLE case_transfers ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON case_transfers USING (${rule}) WITH CHECK (${rule});
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_transfers`);
  }
}
