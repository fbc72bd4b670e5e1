import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables that hang off one case by `case_id`, each admitting exactly the rows of cases the caller may read. */
const CASE_CHILD_TABLES = [
  'parties',
  'incidents',
  'contacts',
  'evidence_files',
  'dash_assessments',
  'asb_risk_assessments',
  'action_plans',
  'legal_holds',
  'satisfaction_surveys',
  'case_reviews',
] as const;

/**
 * The second wall: row-level security on the case tables, beneath the CASL rules every query already applies.
 * A request's statements run with `portal.scope = 'agency'` and `portal.agency` set for that transaction only
 * (agency-scoped-db.ts); a case row is then admitted only if the agency owns it, holds a live share of it, or
 * attends a meeting whose published agenda carries it as MARAC material (referred by its owner, not withdrawn,
 * until the meeting closes or `portal.material_days` after it starts). Each child table admits the rows of the
 * cases so admitted, and case_actions also the actions a meeting gave the agency. An unset agency admits nothing.
 *
 * The portal's own work outside requests (alert delivery, the scheduler, sign-in, seeding) connects with
 * `portal.scope = 'system'` and is not narrowed. RLS is enabled, not forced: the owner, which migrates and owns
 * the SECURITY DEFINER retention function, is unaffected. The policies name their tables directly (resolved
 * now, not by search_path at run time), and the helper functions read only settings, so nothing a session can
 * create shadows them.
 */
export class RowSecurity1765350000000 implements MigrationInterface {
  name = 'RowSecurity1765350000000';

  async up(db: QueryRunner): Promise<void> {
    // Plain SQL, STABLE, no SET clause. The policies call them as `(SELECT f())`: an InitPlan, read once per
    // statement rather than once per row, and still usable as an index condition.
    await db.query(`
      CREATE FUNCTION portal_scope_is_system() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT coalesce(current_setting('portal.scope', true) = 'system', false) $$;
      CREATE FUNCTION portal_agency() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT nullif(current_setting('portal.agency', true), '')::uuid $$;
      CREATE FUNCTION portal_material_days() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT coalesce(nullif(current_setting('portal.material_days', true), '')::integer, 30) $$;
    `);
    // Correlated EXISTS, each answered by an index probe (case_shares_live_key, agenda_items_case_idx), so a
    // policy costs a few probes for one case; over many rows the planner may hash the agency's set instead.
    // Written per row rather than as one uncorrelated IN list, which the planner would otherwise build by
    // scanning every case for a child table's one-case lookup.
    const caseRule = `
      (SELECT public.portal_scope_is_system())
      OR owner_agency_id = (SELECT public.portal_agency())
      OR EXISTS (SELECT 1 FROM public.case_shares s
                  WHERE s.case_id = cases.id AND s.agency_id = (SELECT public.portal_agency()) AND s.revoked_at IS NULL)
      OR EXISTS (SELECT 1 FROM public.agenda_items i
                   JOIN public.meetings m ON m.id = i.meeting_id
                   JOIN public.meeting_agencies ma ON ma.meeting_id = m.id AND ma.agency_id = (SELECT public.portal_agency())
                  WHERE i.case_id = cases.id
                    AND i.referred_by_agency_id = cases.owner_agency_id
                    AND i.withdrawn_at IS NULL
                    AND m.published_at IS NOT NULL
                    AND now() < least(coalesce(m.closed_at, 'infinity'::timestamptz), m.starts_at + make_interval(days => (SELECT public.portal_material_days()))))`;
    await db.query(`
      ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON cases USING (${caseRule}) WITH CHECK (${caseRule});
    `);
    // One probe of cases by primary key per row, which applies the cases policy above.
    const childRule = (table: string, extra = '') =>
      `(SELECT public.portal_scope_is_system()) OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = ${table}.case_id)${extra}`;
    for (const table of CASE_CHILD_TABLES) {
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY agency_rows ON ${table} USING (${childRule(table)}) WITH CHECK (${childRule(table)});
      `);
    }
    // An agency keeps the actions a meeting gave it, on a case it does not hold (as ability.ts reads them).
    const actionRule = childRule(
      'case_actions',
      ` OR (case_actions.owner_agency_id = (SELECT public.portal_agency()) AND case_actions.agenda_item_id IS NOT NULL)`,
    );
    await db.query(`
      ALTER TABLE case_actions ENABLE ROW LEVEL SECURITY;
      CREATE POLICY agency_rows ON case_actions USING (${actionRule}) WITH CHECK (${actionRule});
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['case_actions', ...CASE_CHILD_TABLES, 'cases']) {
      await db.query(`DROP POLICY agency_rows ON ${table}; ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY;`);
    }
    await db.query(
      `DROP FUNCTION portal_material_days(); DROP FUNCTION portal_agency(); DROP FUNCTION portal_scope_is_system();`,
    );
  }
}
