import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $access: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $access, reason: "Information-sharing protocol") { id access } }`;
const LIST = `query($filter: CaseFilter, $first: Int, $after: String) { cases(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id category status ward riskLevel } } } }`;

describe('case lists and the rules on shared cases', () => {
  let portal: TestPortal;
  let people: Partnership;
  let landlord: string;
  let police: string;
  let idva: string;
  let otherLandlord: string;
  let owner: Persona;
  let officer: Persona;
  let advocate: Persona;
  let housingOfficer: Persona;
  const created: { id: string; category: string; ward: string; riskLevel: string }[] = [];

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    landlord = await people.agency('Alder Housing', 'LANDLORD');
    police = await people.agency('Alder Police', 'POLICE');
    idva = await people.agency('Alder IDVA Service', 'SUPPORT');
    otherLandlord = await people.agency('Birch Housing', 'LANDLORD');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    officer = await people.user(police, ['CASEWORKER'], 'officer');
    advocate = await people.user(idva, ['CASEWORKER'], 'advocate');
    housingOfficer = await people.user(otherLandlord, ['CASEWORKER'], 'housing');
    const categories = ['NOISE', 'DRUGS', 'HARASSMENT'];
    const wards = ['North', 'South'];
    for (let i = 0; i < 23; i++) {
      const input = {
        category: categories[i % 3],
        summary: `Listed case ${i}`,
        ward: wards[i % 2],
        riskLevel: i % 4 === 0 ? 'HIGH' : 'STANDARD',
      };
      const { createCase } = await portal.ok(CREATE, { input }, owner.token);
      created.push({ id: createCase.id, category: input.category, ward: input.ward, riskLevel: input.riskLevel });
      if (i % 2 === 0)
        await portal.ok(SHARE, { c: createCase.id, a: police, access: i % 4 === 0 ? 'FULL' : 'LIMITED' }, owner.token);
    }
  });
  afterAll(() => portal.close());

  it('pages through every visible case once, newest first, with keyset cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = (await portal.ok(LIST, { first: 5, after }, owner.token)).cases;
      expect(page.totalCount).toBe(23);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    // Cases opened in the same millisecond are ordered by id, so compare with the database's own order.
    const { rows } = await portal.db.query(
      `SELECT id FROM cases WHERE owner_agency_id = $1 ORDER BY opened_at DESC, id DESC`,
      [landlord],
    );
    expect(seen).toEqual(
      rows.map((row: { id: string }) => row.id).filter((id: string) => created.some((c) => c.id === id)),
    );
  });

  it.each([
    ['NEWEST', 'opened_at DESC, id DESC'],
    ['OLDEST', 'opened_at ASC, id ASC'],
    ['REFERENCE', 'reference ASC, id ASC'],
    [
      'HIGHEST_RISK',
      "(CASE risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END) DESC, opened_at DESC, id DESC",
    ],
    ['WARD', 'lower(ward) ASC, id ASC'],
  ])('sorts on the server by %s, paging through every case once in that order', async (orderBy, sql) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: any = (
        await portal.ok(
          `query($after: String, $orderBy: CaseOrder) { cases(first: 4, after: $after, orderBy: $orderBy) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          { after, orderBy },
          owner.token,
        )
      ).cases;
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      if (!after) break;
    }
    const { rows } = await portal.db.query(`SELECT id FROM cases WHERE owner_agency_id = $1 ORDER BY ${sql}`, [
      landlord,
    ]);
    expect(seen).toEqual(rows.map((row: { id: string }) => row.id));
  });

  it('refuses a cursor from one order in another', async () => {
    const { cases } = await portal.ok(
      `{ cases(first: 2, orderBy: REFERENCE) { pageInfo { endCursor } } }`,
      {},
      owner.token,
    );
    const result = await portal.gql(
      `query($a: String) { cases(first: 2, after: $a) { totalCount } }`,
      { a: cases.pageInfo.endCursor },
      owner.token,
    );
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('counts and lists only the shared cases for a partner', async () => {
    const page = (await portal.ok(LIST, { first: 100 }, officer.token)).cases;
    const shared = created.filter((_, i) => i % 2 === 0).map((c) => c.id);
    expect(page.totalCount).toBe(shared.length);
    expect(new Set(page.edges.map((e: any) => e.node.id))).toEqual(new Set(shared));
    expect((await portal.ok(LIST, { first: 100 }, housingOfficer.token)).cases.totalCount).toBe(0);
  });

  it('filters by status, category, risk and ward together', async () => {
    const filter = { status: ['OPEN'], category: ['NOISE'], riskLevel: ['HIGH'], ward: ['north'] };
    const page = (await portal.ok(LIST, { first: 100, filter }, owner.token)).cases;
    const expected = created
      .filter((c) => c.category === 'NOISE' && c.riskLevel === 'HIGH' && c.ward === 'North')
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(page.totalCount).toBe(expected.length);
    expect(page.edges.map((e: any) => e.node.id).sort()).toEqual(expected.sort());
  });

  it('re-sharing at another access keeps one live share and the history of the old one', async () => {
    const caseId = created[0].id;
    await portal.ok(SHARE, { c: caseId, a: police, access: 'LIMITED' }, owner.token);
    const shares = (
      await portal.ok(
        `query($id: ID!) { case(id: $id) { shares { access agency { id } } } }`,
        { id: caseId },
        owner.token,
      )
    ).case.shares;
    expect(shares).toEqual([{ access: 'LIMITED', agency: { id: police } }]);
    const { rows } = await portal.db.query(
      `SELECT access, revoked_at IS NOT NULL AS revoked FROM case_shares WHERE case_id = $1 ORDER BY shared_at`,
      [caseId],
    );
    expect(rows).toEqual([
      { access: 'FULL', revoked: true },
      { access: 'LIMITED', revoked: false },
    ]);
    expect(
      (
        await portal.ok(
          `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`,
          { c: caseId, a: idva },
          owner.token,
        )
      ).revokeCaseShare,
    ).toBe(false);
  });

  describe('a domestic-abuse case', () => {
    let caseId: string;
    const READ = `query($id: ID!) { case(id: $id) { address redactedFields parties { role fullName address phone redactedFields } } }`;

    beforeAll(async () => {
      const input = {
        category: 'DOMESTIC_ABUSE',
        summary: 'Repeated threats from former partner',
        ward: 'North',
        riskLevel: 'HIGH',
        address: '7 Refuge Road',
        parties: [
          { role: 'VICTIM', fullName: 'Vera Victim', address: '7 Refuge Road', phone: '07700 900777' },
          { role: 'SUBJECT', fullName: 'Sam Subject', address: '1 Elm Street' },
          { role: 'WITNESS', fullName: 'Quiet Neighbour', anonymous: true },
        ],
      };
      caseId = (await portal.ok(CREATE, { input }, owner.token)).createCase.id;
      for (const agency of [police, idva, otherLandlord])
        await portal.ok(SHARE, { c: caseId, a: agency, access: 'FULL' }, owner.token);
    });

    it("shows the victim's location to police and the IDVA with FULL access", async () => {
      for (const reader of [officer, advocate]) {
        const seen = (await portal.ok(READ, { id: caseId }, reader.token)).case;
        expect(seen.address).toBe('7 Refuge Road');
        expect(seen.parties[0]).toMatchObject({
          fullName: 'Vera Victim',
          address: '7 Refuge Road',
          phone: '07700 900777',
        });
      }
    });

    it("never shows another landlord the victim's address or phone, even with FULL access", async () => {
      const seen = (await portal.ok(READ, { id: caseId }, housingOfficer.token)).case;
      expect(seen.address).toBeNull();
      expect(seen.redactedFields).toContain('address');
      expect(seen.parties[0]).toMatchObject({ fullName: 'Vera Victim', address: null, phone: null });
      expect(seen.parties[0].redactedFields).toEqual(['address', 'phone']);
      expect(seen.parties[1]).toMatchObject({ fullName: 'Sam Subject', address: '1 Elm Street' });
    });

    it("keeps an anonymous party's identifiers with the owner only", async () => {
      const partner = (await portal.ok(READ, { id: caseId }, officer.token)).case;
      expect(partner.parties[2].fullName).toBeNull();
      expect(partner.parties[2].redactedFields).toEqual(
        expect.arrayContaining(['fullName', 'address', 'phone', 'dateOfBirth']),
      );
      const own = (await portal.ok(READ, { id: caseId }, owner.token)).case;
      expect(own.parties[2]).toMatchObject({ fullName: 'Quiet Neighbour', redactedFields: [] });
    });
  });

  it('lets the agency that owns an action, or the case owner, record its progress, and nobody else', async () => {
    const caseId = created[2].id;
    const add = `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: PATROL, description: "Evening patrols", ownerAgencyId: $a }) { id } }`;
    const actionId = (await portal.ok(add, { c: caseId, a: police }, owner.token)).addAction.id;
    const update = `mutation($id: ID!, $input: UpdateActionInput!) { updateAction(id: $id, input: $input) { status outcome completedAt } }`;
    const done = (
      await portal.ok(
        update,
        { id: actionId, input: { status: 'DONE', outcome: 'Four patrols, no youths seen' } },
        officer.token,
      )
    ).updateAction;
    expect(done).toMatchObject({ status: 'DONE', outcome: 'Four patrols, no youths seen' });
    expect(done.completedAt).not.toBeNull();
    expect(codeOf(await portal.gql(update, { id: actionId, input: { status: 'OPEN' } }, housingOfficer.token))).toBe(
      'NOT_FOUND',
    );
    const unshared = await portal.gql(add, { c: caseId, a: otherLandlord }, owner.token);
    expect(unshared.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'ownerAgencyId' });
  });
});

describe('sign-in throttling per address', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' });
  });
  afterAll(() => portal.close());

  it('makes every sign-in from an address wait after too many failures there, whatever the account', async () => {
    const login = `mutation($e: String!) { login(email: $e, password: "Wrong-password-99") { accessToken } }`;
    for (let i = 0; i < 3; i++) await portal.gql(login, { e: `guess-${i}@partnership.test` });
    const admin = await portal.gql(
      `mutation { login(email: "admin@partnership.test", password: "Admin-password-123") { accessToken } }`,
    );
    expect(codeOf(admin)).toBe('UNAUTHENTICATED');
    expect(admin.errors?.[0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));
    expect(admin.errors?.[0].message).toMatch(/too many attempts/i);
  });
});
