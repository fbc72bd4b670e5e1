import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN, codeOf, PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const LOG = `query($first: Int, $after: String, $agencyId: ID) { administrationLog(first: $first, after: $after, agencyId: $agencyId) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id at action detail crossAgency roles previousRoles actor { id displayName email agency { name } } agency { id name } user { id displayName email active } } } } }`;

type LogEvent = {
  id: string;
  action: string;
  detail: string;
  crossAgency: boolean;
  roles: string[];
  previousRoles: string[] | null;
  actor: { id: string; displayName: string; email: string | null; agency: { name: string } } | null;
  agency: { id: string; name: string };
  user: { id: string; displayName: string; email: string | null; active: boolean | null } | null;
};

describe('the administration log: every agency, account and role change, append-only, shown to the agency it is about', () => {
  let portal: TestPortal;
  let people: Partnership;
  let admin: string;
  let adminId: string;
  let police: string;
  let landlord: string;
  let policeManager: Persona;
  let policeCaseworker: Persona;
  let landlordManager: Persona;
  const log = async (
    token: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ totalCount: number; events: LogEvent[] }> => {
    const page = (await portal.ok(LOG, { first: 100, ...variables }, token)).administrationLog;
    return { totalCount: page.totalCount, events: page.edges.map((e: { node: LogEvent }) => e.node) };
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await portal.db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    admin = await people.admin();
    adminId = (await portal.ok(`{ me { id } }`, {}, admin)).me.id;
    police = await people.agency('Log Police', 'POLICE');
    landlord = await people.agency('Log Homes', 'LANDLORD');
    policeManager = await people.user(police, ['MANAGER'], 'police-manager');
    policeCaseworker = await people.user(police, ['CASEWORKER'], 'police-caseworker');
    landlordManager = await people.user(landlord, ['MANAGER'], 'landlord-manager');
  });
  afterAll(() => portal.close());

  it('records who created which agency and account, when, in the same transaction as the change', async () => {
    const { events } = await log(admin);
    const created = events.find((e) => e.action === 'USER_CREATED' && e.user?.id === policeManager.id)!;
    expect(created).toMatchObject({
      agency: { id: police, name: 'Log Police' },
      actor: { id: adminId, agency: { name: 'Partnership administration' } },
      roles: ['MANAGER'],
      previousRoles: null,
      crossAgency: true,
      detail: 'Created the account of police-manager 1 with roles MANAGER (by an administrator of another agency)',
    });
    expect(events.find((e) => e.action === 'AGENCY_CREATED' && e.agency.id === police)).toMatchObject({
      detail: 'Created the agency Log Police (POLICE)',
      crossAgency: false,
      user: null,
      actor: { id: adminId },
    });
    const { rows } = await portal.db.query(
      `SELECT actor_id, actor_agency_id, agency_id, cross_agency, at FROM admin_events WHERE user_id = $1`,
      [policeManager.id],
    );
    expect(rows).toEqual([
      {
        actor_id: adminId,
        actor_agency_id: expect.any(String),
        agency_id: police,
        cross_agency: true,
        at: expect.any(Date),
      },
    ]);

    // A refused change leaves no record: the event and the change commit together or not at all.
    const before = await count(`SELECT count(*) AS n FROM admin_events`);
    const taken = await portal.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email: policeManager.email,
          displayName: 'Someone else',
          agencyId: police,
          roles: ['CASEWORKER'],
          password: PASSWORD,
        },
      },
      admin,
    );
    expect(codeOf(taken)).toBe('BAD_USER_INPUT');
    expect(await count(`SELECT count(*) AS n FROM admin_events`)).toBe(before);
  });

  it('records the first administrator the portal created at start, with no actor', async () => {
    const { events } = await log(admin);
    const start = events.filter((e) => e.actor === null);
    expect(start.map((e) => e.action).sort()).toEqual(['AGENCY_CREATED', 'USER_CREATED']);
    expect(start.find((e) => e.action === 'USER_CREATED')).toMatchObject({
      user: { id: adminId, email: ADMIN.email },
      roles: ['ADMIN'],
      detail:
        'Created the account of Partnership administrator with roles ADMIN (the portal, at start, from ADMIN_EMAIL)',
    });
  });

  it('shows an agency’s managers the account an administrator made in their agency, with a password the administrator chose', async () => {
    // The attack: an administrator creates a police caseworker with a password of its choosing and signs in as them.
    const planted = await portal.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email: 'planted@partnership.test',
          displayName: 'Planted Officer',
          agencyId: police,
          roles: ['CASEWORKER'],
          password: 'Admin-chosen-password-1',
        },
      },
      admin,
    );
    expect(await portal.login('planted@partnership.test', 'Admin-chosen-password-1')).toEqual(expect.any(String));

    const { events, totalCount } = await log(policeManager.token);
    expect(events[0]).toMatchObject({
      action: 'USER_CREATED',
      crossAgency: true,
      agency: { id: police },
      user: {
        id: planted.createUser.id,
        displayName: 'Planted Officer',
        email: 'planted@partnership.test',
        active: true,
      },
      // The administrator is named; as staff of another agency, their email is not shown.
      actor: { id: adminId, displayName: 'Partnership administrator', email: null },
      detail: 'Created the account of Planted Officer with roles CASEWORKER (by an administrator of another agency)',
    });
    // Only the police's own events: no other agency's accounts, and the count says the same.
    expect(new Set(events.map((e) => e.agency.id))).toEqual(new Set([police]));
    expect(totalCount).toBe(events.length);
    expect(totalCount).toBe(await count(`SELECT count(*) AS n FROM admin_events WHERE agency_id = $1`, [police]));

    const landlordLog = await log(landlordManager.token);
    expect(landlordLog.events.some((e) => e.user?.id === planted.createUser.id)).toBe(false);
    expect(new Set(landlordLog.events.map((e) => e.agency.id))).toEqual(new Set([landlord]));
    // Asking for another agency's events by id answers as if there were none.
    const asked = await log(landlordManager.token, { agencyId: police });
    expect(asked).toMatchObject({ totalCount: 0, events: [] });
  });

  it('records a deactivation, for the administrators and the agency’s managers', async () => {
    const victim = await people.user(police, ['CASEWORKER'], 'leaver');
    await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id active } }`, { id: victim.id }, admin);
    const { events } = await log(policeManager.token);
    expect(events[0]).toMatchObject({
      action: 'USER_DEACTIVATED',
      user: { id: victim.id, active: false },
      crossAgency: true,
      detail: expect.stringMatching(/^Deactivated the account of leaver/),
    });
    expect((await log(admin, { agencyId: police })).events[0]).toMatchObject({
      action: 'USER_DEACTIVATED',
      user: { id: victim.id },
    });
  });

  it('is not readable by caseworkers, and pages newest first', async () => {
    const refused = await portal.gql(LOG, { first: 10 }, policeCaseworker.token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();

    const all = await log(admin);
    const first = (await portal.ok(LOG, { first: 2 }, admin)).administrationLog;
    const second = (await portal.ok(LOG, { first: 2, after: first.pageInfo.endCursor }, admin)).administrationLog;
    expect([...first.edges, ...second.edges].map((e: { node: LogEvent }) => e.node.id)).toEqual(
      all.events.slice(0, 4).map((e) => e.id),
    );
    expect(all.events.map((e) => Number(e.id))).toEqual([...all.events.map((e) => Number(e.id))].sort((a, b) => b - a));
    expect(codeOf(await portal.gql(LOG, { first: 2, after: 'not-a-cursor' }, admin))).toBe('BAD_USER_INPUT');
  });

  it('cannot be altered or emptied, even by the database user the portal runs as', async () => {
    const [{ id }] = (await portal.db.query(`SELECT id FROM admin_events ORDER BY id LIMIT 1`)).rows;
    await expect(portal.db.query(`UPDATE admin_events SET detail = '{}' WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(portal.db.query(`DELETE FROM admin_events WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(portal.db.query(`TRUNCATE admin_events`)).rejects.toThrow(/append-only/);
    expect(await count(`SELECT count(*) AS n FROM admin_events WHERE id = $1`, [id])).toBe(1);
  });
});

describe('staff of other agencies on a shared case: names and agency, not their email or account status', () => {
  let portal: TestPortal;
  let officer: Persona;
  let colleague: Persona;
  let council: Persona;
  let caseId: string;
  const READ = `query($id: ID!) { case(id: $id) { id leadOfficer { id displayName email active agency { name } } incidents { loggedBy { id displayName email active agency { name } } } } }`;

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Contact Homes', 'LANDLORD');
    const councilAgency = await people.agency('Contact Council', 'COUNCIL');
    officer = await people.user(landlord, ['CASEWORKER'], 'officer');
    colleague = await people.user(landlord, ['CASEWORKER'], 'colleague');
    council = await people.user(councilAgency, ['CASEWORKER'], 'council');
    caseId = (
      await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        { input: { category: 'NOISE', summary: 'Music at night', ward: 'Riverside', riskLevel: 'MEDIUM' } },
        officer.token,
      )
    ).createCase.id;
    const [{ version }] = (await portal.db.query(`SELECT version FROM cases WHERE id = $1`, [caseId])).rows;
    await portal.ok(
      `mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, expectedVersion: $v, input: $input) { id } }`,
      { id: caseId, v: version, input: { leadOfficerId: officer.id } },
      officer.token,
    );
    await portal.ok(
      `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-05-12T23:10:00Z", category: NOISE, description: "Music until 2am" }) { id } }`,
      { c: caseId },
      officer.token,
    );
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "ASB partnership agreement") { id } }`,
      { c: caseId, a: councilAgency },
      officer.token,
    );
  });
  afterAll(() => portal.close());

  it('gives a council officer on a shared landlord case the lead officer’s and the incident logger’s names, with null email and active', async () => {
    const kase = (await portal.ok(READ, { id: caseId }, council.token)).case;
    const hidden = {
      id: officer.id,
      displayName: expect.any(String),
      email: null,
      active: null,
      agency: { name: 'Contact Homes' },
    };
    expect(kase.leadOfficer).toEqual(hidden);
    expect(kase.incidents[0].loggedBy).toEqual(hidden);
  });

  it('still shows them to a colleague in the same agency, and to the user themself through me', async () => {
    const kase = (await portal.ok(READ, { id: caseId }, colleague.token)).case;
    expect(kase.leadOfficer).toMatchObject({ id: officer.id, email: officer.email, active: true });
    expect(kase.incidents[0].loggedBy).toMatchObject({ email: officer.email, active: true });
    expect((await portal.ok(`{ me { id email } }`, {}, council.token)).me).toEqual({
      id: council.id,
      email: council.email,
    });
    const login = await portal.ok(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } } }`,
      { e: council.email, p: PASSWORD },
    );
    expect(login.login.user.email).toBe(council.email);
  });
});
