import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoAbility } from '@casl/ability';
import { getDataSourceToken } from '@nestjs/typeorm';
import { parse } from 'graphql';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PortalAbility } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { SessionsService } from '#libs/auth';
import { ReaderQueries } from '#libs/downloads';
import { scopeTransaction } from '#libs/db';
import { TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const DAY = 86_400_000;
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const INCIDENT = `mutation($c: ID!, $t: DateTime!) { logIncident(caseId: $c, input: { category: NOISE, description: "Music until 3am", occurredAt: $t, location: "Flat 4" }) { id } }`;
const CONTACT = `mutation($c: ID!, $t: DateTime!) { recordContact(caseId: $c, input: { channel: PHONE, contactedAt: $t, note: "Called the complainant back" }) { id } }`;
const ACTION = `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: OTHER_ACTION, description: "Visit the address", ownerAgencyId: $a }) { id } }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const REFER = `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Escalating threats") { id } }`;
const MEETING_ACTION = `mutation($i: ID!, $a: ID!) { recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: "Safety plan with the victim", dueAt: "${new Date(Date.now() + 14 * DAY).toISOString()}" }) { id } }`;
const CASES = parse(
  `{ cases(first: 100) { totalCount edges { node { id parties { fullName } incidents { id } actions { id } } } } }`,
);

/** Every table row security covers, with the case each row belongs to. */
const TABLES = [
  ['cases', 'id'],
  ['parties', 'case_id'],
  ['incidents', 'case_id'],
  ['case_actions', 'case_id'],
  ['contacts', 'case_id'],
  ['evidence_files', 'case_id'],
  ['dash_assessments', 'case_id'],
  ['asb_risk_assessments', 'case_id'],
  ['action_plans', 'case_id'],
  ['legal_holds', 'case_id'],
  ['satisfaction_surveys', 'case_id'],
  ['case_reviews', 'case_id'],
  ['case_review_cases', 'case_id'],
] as const;
/**
 * Tables walled by their own agency columns rather than by a case: each agency's assignments of alerts, access
 * requests (their owner and requester agencies'), person searches (the searcher's agency's), subject access requests,
 * and offers of a case to another agency (the offering and the receiving agency's).
 */
const AGENCY_TABLES = [
  'alert_assignments',
  'access_requests',
  'person_searches',
  'subject_access_requests',
  'letter_templates',
  'letter_template_versions',
  'case_transfers',
] as const;

/**
 * The second wall. The CASL rules narrow every query the services write (the first wall); beneath them the
 * database itself admits a request's statements only to the rows of cases the caller's agency owns or holds a
 * live share of, or reads as MARAC material. Each test takes the first wall away (an ability that may do
 * anything, or plain SQL with no WHERE at all, through the request's own database access) and shows the
 * database still refuses.
 */
describe('row security: the database admits a request only to its agency’s cases', () => {
  let portal: TestPortal;
  let sessions: SessionsService;
  let reader: ReaderQueries;
  let police: string;
  let homes: string;
  let council: string;
  let idvaAgency: string;
  let outsiderAgency: string;
  let officer: Persona;
  let coordinator: Persona;
  let chair: Persona;
  let homesWorker: Persona;
  let councilWorker: Persona;
  let idva: Persona;
  let outsider: Persona;
  let sharedCase: string;
  let outsiderCase: string;

  const newCase = async (owner: Persona, category: string, victim: string) =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category,
            summary: 'Reported by the victim',
            ward: 'Riverside',
            riskLevel: 'HIGH',
            address: '12 Canal Row',
            parties: [
              { role: 'VICTIM', fullName: victim, phone: '07700 900123' },
              { role: 'SUBJECT', fullName: 'Sol Subject' },
            ],
          },
        },
        owner.token,
      )
    ).createCase.id as string;
  const fillIn = async (caseId: string, owner: Persona) => {
    await portal.ok(INCIDENT, { c: caseId, t: new Date(Date.now() - DAY).toISOString() }, owner.token);
    await portal.ok(CONTACT, { c: caseId, t: new Date().toISOString() }, owner.token);
    await portal.ok(ACTION, { c: caseId, a: owner.agencyId }, owner.token);
  };
  /** One row of every other case table, written as the schema's owner (no API makes them all in one place). */
  const fillTheRest = async (caseId: string, by: Persona) => {
    const row = (sql: string, ...more: unknown[]) => portal.db.query(sql, [caseId, by.id, ...more]);
    await row(
      `INSERT INTO dash_assessments (case_id, answers, score, high_risk, review_due_at, assessed_by_id, assessed_by_agency_id)
       VALUES ($1, '[]', 3, false, now() + interval '90 days', $2, $3)`,
      by.agencyId,
    );
    await row(
      `INSERT INTO asb_risk_assessments (case_id, likelihood, impact, score, risk_level, review_due_at, assessed_by_id, assessed_by_agency_id)
       VALUES ($1, 2, 2, 4, 'STANDARD', now() + interval '90 days', $2, $3)`,
      by.agencyId,
    );
    await row(
      `INSERT INTO action_plans (case_id, agreed_at, agreed_with, our_commitments, update_every_days, update_channel, recorded_by_id)
       VALUES ($1, now(), 'The complainant', ARRAY['Call weekly'], 7, 'PHONE', $2)`,
    );
    await row(`INSERT INTO legal_holds (case_id, reason, placed_by_id) VALUES ($1, 'Civil claim pending', $2)`);
    await row(
      `INSERT INTO satisfaction_surveys (case_id, token_hash, expires_at, created_by_id) VALUES ($1::uuid, md5($1::text), now() + interval '28 days', $2)`,
    );
    await row(
      `INSERT INTO case_reviews (case_id, received_at, acknowledge_by, decide_by, meet_by, requested_by_id) VALUES ($1, now(), now(), now(), now(), $2)`,
    );
    await row(
      `INSERT INTO case_review_cases (review_id, case_id, linked_by_id) SELECT id, case_id, $2 FROM case_reviews WHERE case_id = $1`,
    );
    await row(
      `INSERT INTO evidence_files (case_id, file_name, media_type, byte_size, sha256, storage_key, uploaded_by_id, uploaded_by_agency_id)
       VALUES ($1::uuid, 'diary.txt', 'text/plain', 10, repeat('a', 64), $1::text, $2, $3)`,
      by.agencyId,
    );
  };
  /** A persona's request context, exactly as an HTTP request of theirs gets it. */
  const contextOf = async (persona: Persona | null): Promise<RequestContext> =>
    sessions.contextFor(persona ? await sessions.activeUser(persona.id) : null, 'test');
  /** The same, with the first wall gone: an ability that may do anything to anything. */
  const withoutFirstWall = async (persona: Persona) => ({
    ...(await contextOf(persona)),
    ability: createMongoAbility([{ action: 'manage', subject: 'all' }]) as unknown as PortalAbility,
  });
  /** The case ids of every row of `table` the context's own database access returns, with no WHERE at all. */
  const caseIdsIn = async (ctx: RequestContext, table: string, column: string) =>
    (await ctx.db.query<{ id: string }[]>(`SELECT DISTINCT ${column} AS id FROM ${table}`)).map((r) => r.id).sort();
  const ownerCount = async (sql: string, params: unknown[] = []) =>
    (await portal.db.query(sql, params)).rows[0].n as number;

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    sessions = portal.app.get(SessionsService);
    reader = portal.app.get(ReaderQueries);
    const people = new Partnership(portal);
    police = await people.agency('Walls Police', 'POLICE');
    homes = await people.agency('Walls Homes', 'LANDLORD');
    council = await people.agency('Walls Council', 'COUNCIL');
    idvaAgency = await people.agency('Walls IDVA Service', 'SUPPORT');
    outsiderAgency = await people.agency('Walls Elsewhere', 'OTHER');
    officer = await people.user(police, ['CASEWORKER'], 'officer');
    coordinator = await people.user(police, ['MARAC_COORDINATOR'], 'coordinator');
    chair = await people.user(police, ['MARAC_CHAIR'], 'chair');
    homesWorker = await people.user(homes, ['CASEWORKER', 'MANAGER'], 'homes');
    councilWorker = await people.user(council, ['CASEWORKER'], 'council');
    idva = await people.user(idvaAgency, ['CASEWORKER'], 'idva');
    outsider = await people.user(outsiderAgency, ['CASEWORKER'], 'outsider');

    // The police's case, shared FULL with the landlord; shared with the council and then revoked.
    sharedCase = await newCase(officer, 'HARASSMENT', 'Vera Victim');
    await fillIn(sharedCase, officer);
    await fillTheRest(sharedCase, officer);
    await portal.ok(SHARE, { c: sharedCase, a: homes, x: 'FULL' }, officer.token);
    await portal.ok(SHARE, { c: sharedCase, a: council, x: 'LIMITED' }, officer.token);
    await portal.ok(REVOKE, { c: sharedCase, a: council }, officer.token);
    // Another agency's case that nobody here holds.
    outsiderCase = await newCase(outsider, 'NOISE', 'Otto Other');
    await fillIn(outsiderCase, outsider);
    await fillTheRest(outsiderCase, outsider);
  }, 60_000);

  afterAll(() => portal?.close());

  it('gives a partner, with no CASL rule in the way, only its own and shared cases through the whole API', async () => {
    const ownCase = await newCase(homesWorker, 'NOISE', 'Hana Home');
    const data = await reader.run<{
      cases: { totalCount: number; edges: { node: { id: string; parties: unknown[]; incidents: unknown[] } }[] };
    }>(await withoutFirstWall(homesWorker), CASES, {});
    expect(data.cases.edges.map((e) => e.node.id).sort()).toEqual([ownCase, sharedCase].sort());
    expect(data.cases.totalCount).toBe(2);
    // The nested lists are the held cases' own, and the outsider's case was there to be found.
    expect(data.cases.edges.find((e) => e.node.id === sharedCase)!.node.incidents).toHaveLength(1);
    expect(await ownerCount(`SELECT count(*)::int AS n FROM cases`)).toBeGreaterThanOrEqual(3);

    // A revoked share and an agency that never held the case: nothing, not even counted.
    for (const persona of [councilWorker, idva]) {
      const none = await reader.run<{ cases: { totalCount: number; edges: unknown[] } }>(
        await withoutFirstWall(persona),
        CASES,
        {},
      );
      expect(none.cases).toEqual({ totalCount: 0, edges: [] });
    }
  });

  it.each(TABLES)('reads only held cases’ rows of %s in plain SQL with no WHERE', async (table, column) => {
    const every = (await portal.db.query(`SELECT DISTINCT ${column} AS id FROM ${table}`)).rows.map(
      (r: { id: string }) => r.id,
    );
    const mine = await caseIdsIn(await contextOf(homesWorker), table, column);
    const ownedByHomes = (await portal.db.query(`SELECT id FROM cases WHERE owner_agency_id = $1`, [homes])).rows.map(
      (r: { id: string }) => r.id,
    );
    expect(mine.every((id) => id === sharedCase || ownedByHomes.includes(id))).toBe(true);
    // Both cases have rows here; the partner reads the shared case's and never the outsider's.
    expect(every).toEqual(expect.arrayContaining([sharedCase, outsiderCase]));
    expect(mine).toContain(sharedCase);
    expect(mine).not.toContain(outsiderCase);
    expect(await caseIdsIn(await contextOf(councilWorker), table, column)).toEqual([]);
    expect(await caseIdsIn(await contextOf(null), table, column)).toEqual([]);
  });

  it('gives the owner agency its own rows of each table through the same access', async () => {
    const ctx = await contextOf(officer);
    for (const table of ['cases', 'parties', 'incidents', 'case_actions', 'contacts'] as const) {
      const column = table === 'cases' ? 'id' : 'case_id';
      expect(await caseIdsIn(ctx, table, column)).toEqual([sharedCase]);
    }
  });

  it('refuses a write for another agency’s case in the database itself: an insert fails its check, an update or delete finds nothing', async () => {
    const ctx = await contextOf(homesWorker);
    const before = await ownerCount(`SELECT count(*)::int AS n FROM incidents WHERE case_id = $1`, [outsiderCase]);
    await expect(
      ctx.db.query(
        `INSERT INTO incidents (case_id, occurred_at, category, description, logged_by_id, logged_by_agency_id) VALUES ($1, now(), 'NOISE', 'Planted', $2, $3)`,
        [outsiderCase, homesWorker.id, homes],
      ),
    ).rejects.toMatchObject({ driverError: { code: '42501', message: expect.stringContaining('row-level security') } });
    await expect(
      ctx.db.query(
        `INSERT INTO parties (case_id, position, role, full_name) VALUES ($1, 9, 'WITNESS', 'Planted Witness')`,
        [outsiderCase],
      ),
    ).rejects.toMatchObject({ driverError: { code: '42501' } });
    // A case of its own cannot be made over to another agency either: the changed row must still be its own.
    const own = await newCase(homesWorker, 'NOISE', 'Moving Mo');
    await expect(
      ctx.db.query(`UPDATE cases SET owner_agency_id = $2 WHERE id = $1`, [own, outsiderAgency]),
    ).rejects.toMatchObject({
      driverError: { code: '42501' },
    });
    // TypeORM answers UPDATE and DELETE with [rows, count]: nothing found, nothing changed.
    expect(await ctx.db.query(`UPDATE cases SET summary = 'Overwritten' WHERE id = $1`, [outsiderCase])).toEqual([
      [],
      0,
    ]);
    expect(await ctx.db.query(`DELETE FROM contacts WHERE case_id = $1`, [outsiderCase])).toEqual([[], 0]);
    expect(await ownerCount(`SELECT count(*)::int AS n FROM incidents WHERE case_id = $1`, [outsiderCase])).toBe(
      before,
    );
    expect(await ownerCount(`SELECT count(*)::int AS n FROM cases WHERE summary = 'Overwritten'`)).toBe(0);
    expect(await ownerCount(`SELECT count(*)::int AS n FROM contacts WHERE case_id = $1`, [outsiderCase])).toBe(1);
  });

  it('opens a case on a published agenda to an attending agency only while the material is open, and keeps its meeting action after', async () => {
    const kase = await newCase(officer, 'DOMESTIC_ABUSE', 'Mara Victim');
    const meetingId = (
      await portal.ok(
        SCHEDULE,
        {
          input: {
            kind: 'MARAC',
            title: 'Walls MARAC',
            startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
            chairId: chair.id,
            agencyIds: [idvaAgency],
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id as string;
    const itemId = (await portal.ok(REFER, { m: meetingId, c: kase }, coordinator.token)).referCase.id as string;
    const idvaCases = async () => caseIdsIn(await contextOf(idva), 'cases', 'id');

    // Referred but not yet published: nothing.
    expect(await idvaCases()).toEqual([]);
    await portal.ok(`mutation($m: ID!) { publishAgenda(meetingId: $m) { id } }`, { m: meetingId }, coordinator.token);
    expect(await idvaCases()).toEqual([kase]);
    expect(await caseIdsIn(await contextOf(idva), 'parties', 'case_id')).toEqual([kase]);
    // A non-attending agency reads nothing of it, published or not.
    expect(await caseIdsIn(await contextOf(outsider), 'cases', 'id')).toEqual([outsiderCase]);

    const actionId = (await portal.ok(MEETING_ACTION, { i: itemId, a: idvaAgency }, chair.token)).recordMeetingAction
      .id as string;
    await portal.ok(`mutation($m: ID!) { closeMeeting(meetingId: $m) { closedAt } }`, { m: meetingId }, chair.token);
    // Closed: the case is gone, the action the meeting gave the IDVA service is still its own.
    expect(await idvaCases()).toEqual([]);
    const actions = await (await contextOf(idva)).db.query<{ id: string }[]>(`SELECT id FROM case_actions`);
    expect(actions.map((a) => a.id)).toEqual([actionId]);
  });

  it('narrows a mutation’s transaction the same way, to the end of that transaction only', async () => {
    const dataSource = portal.app.get<DataSource>(getDataSourceToken());
    const inside = await dataSource.transaction(async (db) => {
      await scopeTransaction(db, homes);
      return (await db.query<{ id: string }[]>(`SELECT id FROM cases`)).map((r) => r.id);
    });
    expect(inside).toContain(sharedCase);
    expect(inside).not.toContain(outsiderCase);
    // A transaction left unscoped would read as the portal's own work: the interceptor scopes before any service runs.
    const outside = (await dataSource.query<{ id: string }[]>(`SELECT id FROM cases`)).map((r) => r.id);
    expect(outside).toEqual(expect.arrayContaining([sharedCase, outsiderCase]));
  });

  it('hands every connection back to the pool as it came: the portal’s own work still reads every case', async () => {
    // Requests of several agencies, reads and mutations, then the pool's connections as the portal's own work finds them.
    await Promise.all(
      [officer, homesWorker, councilWorker].map((p) => portal.ok(`{ cases(first: 5) { totalCount } }`, {}, p.token)),
    );
    await portal.ok(INCIDENT, { c: sharedCase, t: new Date().toISOString() }, homesWorker.token);
    const dataSource = portal.app.get<DataSource>(getDataSourceToken());
    const scopes = await Promise.all(
      Array.from({ length: 10 }, () =>
        dataSource.query(
          `SELECT current_setting('portal.scope', true) AS scope, current_setting('portal.agency', true) AS agency, (SELECT count(*)::int FROM cases) AS n`,
        ),
      ),
    );
    const all = await ownerCount(`SELECT count(*)::int AS n FROM cases`);
    for (const [row] of scopes) {
      expect(row).toMatchObject({ scope: 'system', n: all });
      expect([null, '']).toContain(row.agency);
    }
  });

  it('narrows a request-pool connection to one caller at a time: taken in turn by other agencies and by no one, each reads only its own', async () => {
    const owned = async (agency: string) =>
      (await portal.db.query(`SELECT id FROM cases WHERE owner_agency_id = $1`, [agency])).rows.map(
        (r: { id: string }) => r.id,
      );
    const callers = [
      { ctx: await contextOf(officer), sees: await owned(police) },
      { ctx: await contextOf(homesWorker), sees: [sharedCase, ...(await owned(homes))] },
      { ctx: await contextOf(councilWorker), sees: await owned(council) },
      { ctx: await contextOf(outsider), sees: await owned(outsiderAgency) },
      { ctx: await contextOf(null), sees: [] as string[] },
    ];
    expect(callers[3].sees).toContain(outsiderCase);
    const read = async ({ ctx }: (typeof callers)[number]) => ({
      ids: (await ctx.db.query<{ id: string }[]>(`SELECT id FROM cases ORDER BY id`)).map((r) => r.id),
      scope: (await ctx.db.query<{ s: string }[]>(`SELECT current_setting('portal.scope') AS s`))[0].s,
    });
    // One after another (each connection passes from agency to agency), then all at once, many times over.
    for (let round = 0; round < 4; round++) {
      for (const caller of callers)
        expect(await read(caller)).toEqual({ ids: [...caller.sees].sort(), scope: 'agency' });
      const together = await Promise.all(callers.flatMap((caller) => [read(caller), read(caller)]));
      together.forEach((answer, i) => {
        expect(answer).toEqual({ ids: [...callers[Math.floor(i / 2)].sees].sort(), scope: 'agency' });
      });
    }
  });

  it('refuses a malformed agency id rather than write it into SQL', () => {
    expect(() =>
      sessions.contextFor(
        {
          id: 'x',
          email: 'x',
          displayName: 'x',
          agencyId: "'; SET portal.scope = 'system",
          agencyKind: 'OTHER' as never,
          roles: [],
        },
        'test',
      ),
    ).toThrow('An agency scope must be a uuid');
  });

  describe('the application role cannot take the wall down', () => {
    let app: pg.Pool;
    beforeAll(() => {
      // The portal's credentials, without the pool's start-up setting: as an injected statement or a leaked
      // environment would connect.
      app = new pg.Pool({ connectionString: portal.appDatabaseUrl, max: 1 });
    });
    afterAll(() => app?.end());

    it('reads no case with no agency set: deny by default', async () => {
      expect((await app.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(0);
      expect((await app.query(`SELECT count(*)::int AS n FROM parties`)).rows[0].n).toBe(0);
    });

    it.each([
      ['disable row security', `ALTER TABLE cases DISABLE ROW LEVEL SECURITY`],
      ['unforce row security', `ALTER TABLE cases NO FORCE ROW LEVEL SECURITY`],
      ['drop the policy', `DROP POLICY agency_rows ON cases`],
      ['widen the policy', `ALTER POLICY agency_rows ON cases USING (true)`],
      ['add a permissive policy', `CREATE POLICY everyone ON cases USING (true)`],
      [
        'replace the scope function',
        `CREATE OR REPLACE FUNCTION portal_agency() RETURNS uuid LANGUAGE sql AS $$ SELECT NULL::uuid $$`,
      ],
      ['disable it on a child table', `ALTER TABLE incidents DISABLE ROW LEVEL SECURITY`],
      ['grant itself bypass', `ALTER ROLE CURRENT_USER BYPASSRLS`],
    ])('cannot %s', async (_name, sql) => {
      await expect(app.query(sql)).rejects.toMatchObject({ code: expect.stringMatching(/^42/) });
      expect(await ownerCount(`SELECT count(*)::int AS n FROM pg_policies WHERE policyname = 'agency_rows'`)).toBe(
        TABLES.length + AGENCY_TABLES.length,
      );
      expect(
        await ownerCount(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'cases' AND relrowsecurity`),
      ).toBe(1);
    });

    it('cannot turn row_security off to read past the policies: the query fails instead', async () => {
      const client = await app.connect();
      try {
        await client.query(`SET row_security = off`);
        await expect(client.query(`SELECT id FROM cases`)).rejects.toMatchObject({ code: '42501' });
      } finally {
        client.release(true);
      }
    });
  });
});
