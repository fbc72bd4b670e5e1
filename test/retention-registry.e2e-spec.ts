import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnonymiserRegistry } from '#libs/retention';
import { TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Tables that hold rows about a case but keep them whole when the case is anonymised, each with the reason. A new
 * table that refers to a case needs an anonymiser in its library's repository (`@AnonymisesCases`) or a line here.
 */
const KEPT_WHOLE: Record<string, string> = {
  case_shares:
    'the record of disclosure (which agency saw the case, at what access, shared by whom and why) outlives the case, as the audit does',
  legal_holds: 'a case under a hold is never anonymised, and releasing the hold deletes the row',
  service_standard_alerts: 'which standard fell due when: no person in it',
  case_review_cases: 'which cases a Case Review application concerns, linked by whom and when: no person in it',
  case_review_breaches: 'which step of a Case Review ran late and when it was alerted: no person in it',
};

/**
 * Every table whose rows belong to a case, read from the database's own catalogue: those with a foreign key to
 * cases or parties, and the rows that cascade from those (deleted with them, so theirs too).
 */
const CASE_TABLES = `
  WITH RECURSIVE belongs(tbl) AS (
    SELECT 'cases'::regclass
    UNION
    SELECT c.conrelid::regclass FROM pg_constraint c JOIN belongs b ON c.confrelid = b.tbl
     WHERE c.contype = 'f' AND (b.tbl IN ('cases'::regclass, 'parties'::regclass) OR c.confdeltype = 'c')
  )
  SELECT DISTINCT t.relname AS name FROM belongs b JOIN pg_class t ON t.oid = b.tbl ORDER BY 1`;

describe('retention asks every library that keeps data about a case, and forgets no table', () => {
  let portal: TestPortal;
  let registry: AnonymiserRegistry;
  let dataDir: string;
  let manager: Persona;
  let caseworker: Persona;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portal-retention-'));
    portal = await TestPortal.start({ RETENTION_YEARS: '6', DATA_DIR: dataDir });
    registry = portal.app.get(AnonymiserRegistry);
    const people = new Partnership(portal);
    const landlord = await people.agency('Registry Homes', 'LANDLORD');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
  }, 90_000);

  afterAll(async () => {
    await portal.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has an anonymiser for every table that holds rows about a case, or a stated reason to keep it whole', async () => {
    const inCatalogue: string[] = (await portal.db.query(CASE_TABLES)).rows.map((row: { name: string }) => row.name);
    expect(inCatalogue).toContain('agenda_research');
    const covered = registry.tables();
    expect([...covered, ...Object.keys(KEPT_WHOLE)].sort()).toEqual(inCatalogue);
  });

  it('runs the trail’s scrub after the cases are marked anonymised, and removes evidence files last', () => {
    const order = registry.all().map((entry) => entry.tables.join('+'));
    expect(order.indexOf('audit_events')).toBeGreaterThan(order.indexOf('cases'));
    expect(order.at(-1)).toBe('evidence_files');
  });

  it('a failing anonymiser leaves every table of the case whole and its evidence file in the store', async () => {
    const { createCase } = await portal.ok(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
      {
        input: {
          category: 'HARASSMENT',
          summary: 'Threats from Mr Kept',
          ward: 'Northgate',
          riskLevel: 'MEDIUM',
          parties: [{ role: 'VICTIM', fullName: 'Victim Kept' }],
        },
      },
      caseworker.token,
    );
    const id = createCase.id as string;
    const form = new FormData();
    form.append('file', new Blob(['Diary: shouting again\n'], { type: 'text/plain' }), 'diary.txt');
    expect(
      (
        await fetch(`${portal.url}/evidence/cases/${id}`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${caseworker.token}` },
        })
      ).status,
    ).toBe(201);
    await portal.ok(
      `mutation($id: ID!) { closeCase(id: $id, expectedVersion: 1, input: { outcome: RESOLVED, reason: "Mr Kept moved away" }) { id } }`,
      { id },
      caseworker.token,
    );
    await portal.db.query(`UPDATE cases SET closed_at = '2019-03-01T10:00:00Z' WHERE id = $1`, [id]);
    await portal.ok(
      `mutation($c: ID!) { recordSatisfaction(caseId: $c, input: { serviceScore: 4, outcomeScore: 4, comment: "Mr Kept has gone" }) { id } }`,
      { c: id },
      caseworker.token,
    );
    const stored = () =>
      readdirSync(join(dataDir, 'evidence', 'files')).flatMap((fan) =>
        readdirSync(join(dataDir, 'evidence', 'files', fan)),
      );
    expect(stored()).toHaveLength(1);

    // The last anonymiser to run before the evidence fails: everything before it must roll back.
    await portal.db.query(`
      CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
      CREATE TRIGGER refuse_update BEFORE UPDATE ON satisfaction_surveys FOR EACH STATEMENT EXECUTE FUNCTION refuse_update();`);
    const failed = await portal.gql(
      `mutation($ids: [ID!]) { applyRetention(expectedCount: 1, caseIds: $ids) }`,
      { ids: [id] },
      manager.token,
    );
    expect(failed.errors).toHaveLength(1);
    expect(JSON.stringify(failed)).not.toMatch(/refused for the test|satisfaction_surveys/);

    const q = async (sql: string) => (await portal.db.query(sql, [id])).rows;
    expect(await q(`SELECT summary, anonymised_at FROM cases WHERE id = $1`)).toEqual([
      { summary: 'Threats from Mr Kept', anonymised_at: null },
    ]);
    expect(await q(`SELECT full_name FROM parties WHERE case_id = $1`)).toEqual([{ full_name: 'Victim Kept' }]);
    expect(await q(`SELECT count(*)::int AS n FROM evidence_files WHERE case_id = $1`)).toEqual([{ n: 1 }]);
    expect(
      await q(`SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND detail = '{"removed": "retention"}'`),
    ).toEqual([{ n: 0 }]);
    expect(stored()).toHaveLength(1);

    await portal.db.query(`DROP TRIGGER refuse_update ON satisfaction_surveys; DROP FUNCTION refuse_update();`);
    expect(
      (
        await portal.ok(
          `mutation($ids: [ID!]) { applyRetention(expectedCount: 1, caseIds: $ids) }`,
          { ids: [id] },
          manager.token,
        )
      ).applyRetention,
    ).toBe(1);
    expect(await q(`SELECT comment FROM satisfaction_surveys WHERE case_id = $1`)).toEqual([{ comment: null }]);
    expect(await q(`SELECT count(*)::int AS n FROM evidence_files WHERE case_id = $1`)).toEqual([{ n: 0 }]);
    expect(existsSync(join(dataDir, 'evidence', 'files')) ? stored() : []).toEqual([]);
  });
});
