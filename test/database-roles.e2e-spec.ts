import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const MARKER = { removed: 'retention' };

/**
 * The trail is append-only in the database itself, not by the application's good manners: the portal's
 * requests run as a role that owns nothing and may only add to and read the trail. Each attack here is what
 * someone holding the portal's own database credentials (a leaked environment, an injected statement) tries.
 */
describe("the application's database role cannot rewrite the audit trail", () => {
  let portal: TestPortal;
  let caseworker: Persona;
  let app: pg.Pool;
  let appRole: string;
  let ownerRole: string;
  let caseId: string;

  /** Every event of the file's database, as the owner sees it. */
  const trail = async () =>
    (
      await portal.db.query(
        `SELECT id, at, case_id, actor_id, actor_agency_id, action, detail FROM audit_events ORDER BY id`,
      )
    ).rows;
  const openCase = async (summary: string) =>
    (
      await portal.ok(
        CREATE,
        {
          input: { category: 'HARASSMENT', summary, ward: 'Northgate', riskLevel: 'MEDIUM', address: '3 Lime Street' },
        },
        caseworker.token,
      )
    ).createCase.id as string;

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Roles Homes', 'LANDLORD');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    caseId = await openCase('Shouting at the neighbours');
    app = new pg.Pool({ connectionString: portal.appDatabaseUrl, max: 1 });
    appRole = decodeURIComponent(new URL(portal.appDatabaseUrl).username);
    ownerRole = decodeURIComponent(new URL(portal.databaseUrl).username);
  }, 60_000);

  afterAll(async () => {
    await app?.end();
    await portal?.close();
  });

  it('the portal connects as a role of its own: not the owner, no superuser, owning nothing', async () => {
    expect(appRole).not.toBe(ownerRole);
    const { rows } = await app.query(
      `SELECT current_user AS me, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns,
              has_database_privilege(current_database(), 'CREATE') AS create_schema,
              has_schema_privilege('public', 'CREATE') AS create_table
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      me: appRole,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      owns: 0,
      create_schema: false,
      create_table: false,
    });
    // And it is the role the portal's own requests use: their events are written under it.
    const { rows: sessions } = await portal.db.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'partnership-portal%'`,
    );
    expect(sessions.map((s: { usename: string }) => s.usename)).toEqual([appRole]);
  });

  it('may add to the trail and read it', async () => {
    const before = (await trail()).length;
    await app.query(
      `INSERT INTO audit_events (case_id, actor_id, actor_agency_id, action, detail) VALUES ($1, $2, $3, 'CASE_VIEWED', '{}')`,
      [caseId, caseworker.id, caseworker.agencyId],
    );
    expect((await app.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBe(before + 1);
  });

  it.each([
    ['change an event', `UPDATE audit_events SET action = 'CASE_VIEWED'`],
    ['delete an event', `DELETE FROM audit_events`],
    ['truncate the trail', `TRUNCATE audit_events`],
    ['disable the trigger', `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`],
    ['disable every trigger', `ALTER TABLE audit_events DISABLE TRIGGER ALL`],
    ['drop the trigger', `DROP TRIGGER audit_events_no_update_or_delete ON audit_events`],
    [
      'replace the trigger function',
      `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    ],
    ['drop the trail', `DROP TABLE audit_events CASCADE`],
    ['rename the trail away', `ALTER TABLE audit_events RENAME TO audit_events_old`],
    [
      'replace the retention function',
      `CREATE OR REPLACE FUNCTION portal_retention_scrub(case_ids uuid[]) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$`,
    ],
    ['create a table of its own', `CREATE TABLE audit_shadow (id int)`],
    ['create a schema to shadow the trail', `CREATE SCHEMA shadow`],
    ['rewrite the migrations record', `DELETE FROM migrations`],
    ['turn off replication-role triggers', `SET session_replication_role = replica`],
  ])('cannot %s', async (_label, sql) => {
    const before = await trail();
    await expect(app.query(sql)).rejects.toMatchObject({ code: expect.stringMatching(/^42501$|^42P01$/) });
    expect(await trail()).toEqual(before);
  });

  it('cannot become the owner', async () => {
    await expect(app.query(`SET ROLE ${pg.escapeIdentifier(ownerRole)}`)).rejects.toMatchObject({ code: '42501' });
    await expect(app.query(`SET SESSION AUTHORIZATION ${pg.escapeIdentifier(ownerRole)}`)).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('cannot say it is applying retention and then rewrite the trail (portal.retention is no longer a key)', async () => {
    const before = await trail();
    const client = await app.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('portal.retention', 'on', true)`);
      await expect(
        client.query(`UPDATE audit_events SET detail = '{"removed": "retention"}' WHERE case_id = $1`, [caseId]),
      ).rejects.toMatchObject({ code: '42501' });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    // Nor can the owner itself, outside the retention function: the setting alone opens nothing.
    const owner = await portal.db.connect();
    try {
      await owner.query('BEGIN');
      await owner.query(`SELECT set_config('portal.retention', 'on', true)`);
      await expect(
        owner.query(`UPDATE audit_events SET action = 'CASE_VIEWED' WHERE case_id = $1`, [caseId]),
      ).rejects.toThrow(/append-only/);
      await owner.query('ROLLBACK');
    } finally {
      owner.release();
    }
    expect(await trail()).toEqual(before);
  });

  it('the only definer functions it may call are the retention scrub and the move of person links', async () => {
    // The second (issue 18, people): a merge moves links of parties on cases the merging agency does not hold. It
    // sets `parties.person_id` and nothing else, and answers only party and case ids.
    const { rows } = await app.query(
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND has_function_privilege(p.oid, 'EXECUTE')
        ORDER BY p.proname`,
    );
    expect(rows).toEqual([{ proname: 'portal_move_person_links' }, { proname: 'portal_retention_scrub' }]);
    const { rows: config } = await portal.db.query(
      `SELECT proconfig FROM pg_proc WHERE proname IN ('portal_retention_scrub', 'portal_move_person_links')`,
    );
    for (const row of config)
      expect(row.proconfig).toEqual(expect.arrayContaining([expect.stringMatching(/^search_path=/)]));
  });

  describe('the retention scrub makes exactly the one permitted change', () => {
    let anonymised: string;
    let held: string;

    beforeAll(async () => {
      anonymised = await openCase('Closed long ago');
      held = await openCase('Closed long ago, held');
      await portal.db.query(`UPDATE cases SET anonymised_at = now() WHERE id = ANY($1)`, [[anonymised, held]]);
      await portal.db.query(
        `INSERT INTO legal_holds (case_id, reason, placed_by_id) VALUES ($1, 'Possession proceedings', $2)`,
        [held, caseworker.id],
      );
    });

    it('leaves the trail of a case that has not been anonymised (or is held) untouched', async () => {
      const before = await trail();
      expect((await app.query(`SELECT portal_retention_scrub($1::uuid[]) AS n`, [[caseId, held]])).rows[0].n).toBe(0);
      expect(await trail()).toEqual(before);
    });

    it("replaces an anonymised case's event details with the marker, and nothing else about any event", async () => {
      const before = await trail();
      const { rows } = await app.query(`SELECT portal_retention_scrub($1::uuid[]) AS n`, [[anonymised]]);
      const after = await trail();
      const ofCase = before.filter((e) => e.case_id === anonymised);
      expect(ofCase.length).toBeGreaterThan(0);
      expect(rows[0].n).toBe(ofCase.length);
      expect(after).toEqual(before.map((e) => (e.case_id === anonymised ? { ...e, detail: MARKER } : e)));
      // A second call has nothing left to do.
      expect((await app.query(`SELECT portal_retention_scrub($1::uuid[]) AS n`, [[anonymised]])).rows[0].n).toBe(0);
    });

    it('does not leave the retention setting on for the rest of the transaction', async () => {
      const client = await app.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT portal_retention_scrub($1::uuid[])`, [[anonymised]]);
        expect((await client.query(`SELECT current_setting('portal.retention', true) AS s`)).rows[0].s ?? '').not.toBe(
          'on',
        );
        await expect(
          client.query(`UPDATE audit_events SET detail = '{"removed": "retention"}' WHERE case_id = $1`, [caseId]),
        ).rejects.toMatchObject({ code: '42501' });
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    });
  });

  describe('APP_DATABASE_URL: a role the operator manages', () => {
    it("refuses to start with the owner's own credentials as the application role", async () => {
      await expect(portal.another({ APP_DATABASE_URL: portal.databaseUrl })).rejects.toThrow(/must not be a superuser/);
    });

    it('runs as a role the operator created, granted the same and no more', async () => {
      const role = `operator_app_${Date.now().toString(36)}`;
      await portal.db.query(`CREATE ROLE ${role} LOGIN PASSWORD 'operator-chosen-password'`);
      const url = new URL(portal.databaseUrl);
      url.username = role;
      url.password = 'operator-chosen-password';
      const second = await portal.another({ APP_DATABASE_URL: url.toString() });
      const operator = new pg.Pool({ connectionString: second.appDatabaseUrl, max: 1 });
      try {
        expect(decodeURIComponent(new URL(second.appDatabaseUrl).username)).toBe(role);
        await second.login(caseworker.email);
        await expect(operator.query(`DELETE FROM audit_events`)).rejects.toMatchObject({ code: '42501' });
        expect((await operator.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBeGreaterThan(0);
      } finally {
        await operator.end();
        await second.close();
        await portal.db.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
      }
    });
  });
});
