import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference version status access owned } }`;
const CASE = `query($id: ID!) { case(id: $id) { id reference summary address access redactedFields
  parties { role fullName phone redactedFields } shares { access reason agency { id } } } }`;
const CASES = `query($filter: CaseFilter, $first: Int, $after: String) { cases(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id reference } } } }`;
const SHARE = `mutation($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!) {
  shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason) { id access reason agency { id } } }`;
const REVOKE = `mutation($caseId: ID!, $agencyId: ID!) { revokeCaseShare(caseId: $caseId, agencyId: $agencyId) }`;

const newCase = (overrides: Record<string, unknown> = {}) => ({
  category: 'NOISE',
  summary: 'Loud music every night from flat 4 after midnight',
  ward: 'Riverside North',
  riskLevel: 'MEDIUM',
  address: '4 Alder Court, Riverside',
  parties: [
    { role: 'COMPLAINANT', fullName: 'Asha Patel', phone: '07700 900123', dateOfBirth: '1980-04-02' },
    { role: 'SUBJECT', fullName: 'Dan Morgan', address: 'Flat 4, Alder Court' },
  ],
  ...overrides,
});

describe('the partnership API on real PostgreSQL', () => {
  let portal: TestPortal;
  let people: Partnership;
  let landlord: string;
  let police: string;
  let council: string;
  let landlordOfficer: Persona;
  let policeOfficer: Persona;
  let councilOfficer: Persona;

  beforeAll(async () => {
    // Every request here comes from one address; its own throttle is tested in case-lists-and-rules.
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    people = new Partnership(portal);
    landlord = await people.agency('Riverside Homes', 'LANDLORD');
    police = await people.agency('Riverside Police', 'POLICE');
    council = await people.agency('Riverside Council ASB Unit', 'COUNCIL');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'landlord');
    policeOfficer = await people.user(police, ['CASEWORKER'], 'police');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'council');
  });

  afterAll(() => portal.close());

  describe('signing in', () => {
    it('answers GET /health with 200 once the database answers', async () => {
      const res = await fetch(`${portal.url}/health`);
      expect(res.status).toBe(200);
    });

    it('gives a working token for the right password, and me names the user and agency', async () => {
      const data = await portal.ok(`{ me { id email roles agency { id kind } } }`, {}, landlordOfficer.token);
      expect(data.me).toEqual({
        id: landlordOfficer.id,
        email: landlordOfficer.email,
        roles: ['CASEWORKER'],
        agency: { id: landlord, kind: 'LANDLORD' },
      });
    });

    it('answers a wrong password and an unknown email the same way', async () => {
      const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
      const wrongPassword = await portal.gql(login, { e: policeOfficer.email, p: 'Not-the-password-1' });
      const unknownEmail = await portal.gql(login, { e: 'nobody@partnership.test', p: 'Not-the-password-1' });
      expect(codeOf(wrongPassword)).toBe('UNAUTHENTICATED');
      expect(unknownEmail.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
      expect(wrongPassword.data).toBeNull();
    });

    it('refuses requests without a token or with a forged one', async () => {
      expect(codeOf(await portal.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
      expect(codeOf(await portal.gql(`{ me { id } }`, {}, `${landlordOfficer.token}x`))).toBe('UNAUTHENTICATED');
    });

    it('stops a deactivated user signing in, and their existing token stops working at once', async () => {
      const leaver = await people.user(council, ['CASEWORKER'], 'leaver');
      expect((await portal.ok(`{ me { id } }`, {}, leaver.token)).me.id).toBe(leaver.id);
      await portal.ok(
        `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`,
        { id: leaver.id },
        await people.admin(),
      );
      expect(codeOf(await portal.gql(`{ me { id } }`, {}, leaver.token))).toBe('UNAUTHENTICATED');
      const again = await portal.gql(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
        { e: leaver.email, p: PASSWORD },
      );
      expect(codeOf(again)).toBe('UNAUTHENTICATED');
    });

    it('makes the next attempt on an account wait after repeated failures, even when the right password follows', async () => {
      const target = await people.user(council, ['CASEWORKER'], 'target');
      const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
      for (let i = 0; i < 5; i++)
        expect(codeOf(await portal.gql(login, { e: target.email, p: `Wrong-password-${i}` }))).toBe('UNAUTHENTICATED');
      // A wait, not a lock (test/sign-in-throttling.e2e-spec.ts shows the owner getting in after it).
      const right = await portal.gql(login, { e: target.email, p: PASSWORD });
      expect(codeOf(right)).toBe('UNAUTHENTICATED');
      expect(right.errors?.[0].message).toMatch(/too many attempts\. try again in \d+ seconds?\./i);
      expect(right.errors?.[0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));
      const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures WHERE email = $1`, [
        target.email,
      ]);
      expect(rows[0].n).toBe(5);
    });

    it("forgets an account's failures once its user signs in", async () => {
      const forgetful = await people.user(council, ['CASEWORKER'], 'forgetful');
      const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
      for (let i = 0; i < 4; i++) await portal.gql(login, { e: forgetful.email, p: `Wrong-password-${i}` });
      expect((await portal.gql(login, { e: forgetful.email, p: PASSWORD })).data?.login.accessToken).toBeTruthy();
      for (let i = 0; i < 4; i++) await portal.gql(login, { e: forgetful.email, p: `Wrong-password-${i}` });
      expect((await portal.gql(login, { e: forgetful.email, p: PASSWORD })).data?.login.accessToken).toBeTruthy();
    });

    it('lets only administrators create agencies and users', async () => {
      const attempt = await portal.gql(
        `mutation { createAgency(input: { name: "Rogue", kind: OTHER }) { id } }`,
        {},
        landlordOfficer.token,
      );
      expect(codeOf(attempt)).toBe('FORBIDDEN');
      const { rows } = await portal.db.query(`SELECT 1 FROM agencies WHERE name = 'Rogue'`);
      expect(rows).toHaveLength(0);
    });
  });

  describe('create, share, read, revoke', () => {
    it('lets a partner read a shared case, and answers null once the share is revoked', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      expect(created).toMatchObject({ version: 1, status: 'OPEN', access: 'FULL', owned: true });
      expect(created.reference).toMatch(/^ASB-\d{4}-\d{6}$/);

      expect((await portal.ok(CASE, { id: created.id }, policeOfficer.token)).case).toBeNull();

      const share = (
        await portal.ok(
          SHARE,
          { caseId: created.id, agencyId: police, access: 'FULL', reason: 'Crime and Disorder Act 1998 s.115' },
          landlordOfficer.token,
        )
      ).shareCase;
      expect(share).toMatchObject({
        access: 'FULL',
        reason: 'Crime and Disorder Act 1998 s.115',
        agency: { id: police },
      });

      const seen = (await portal.ok(CASE, { id: created.id }, policeOfficer.token)).case;
      // Police with a FULL share read identifiers; support needs stay with support, health and social care.
      expect(seen).toMatchObject({
        id: created.id,
        address: '4 Alder Court, Riverside',
        access: 'FULL',
        redactedFields: ['legalHold', 'meetingReferrals', 'supportNeeds'],
      });
      expect(seen.parties[0]).toMatchObject({ fullName: 'Asha Patel', phone: '07700 900123' });
      expect(seen.shares[0]).toMatchObject({ access: 'FULL', reason: null });

      expect(
        (await portal.ok(REVOKE, { caseId: created.id, agencyId: police }, landlordOfficer.token)).revokeCaseShare,
      ).toBe(true);
      expect((await portal.ok(CASE, { id: created.id }, policeOfficer.token)).case).toBeNull();
      const list = (await portal.ok(CASES, { first: 100 }, policeOfficer.token)).cases;
      expect(list.edges.map((e: any) => e.node.id)).not.toContain(created.id);

      const { rows } = await portal.db.query(`SELECT revoked_at FROM case_shares WHERE case_id = $1`, [created.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].revoked_at).not.toBeNull();
    });

    it('shows a LIMITED partner the case basics but no personal identifiers', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      await portal.ok(
        SHARE,
        { caseId: created.id, agencyId: council, access: 'LIMITED', reason: 'ASB information-sharing protocol' },
        landlordOfficer.token,
      );
      const seen = (await portal.ok(CASE, { id: created.id }, councilOfficer.token)).case;
      expect(seen).toMatchObject({ summary: newCase().summary, address: null, access: 'LIMITED' });
      expect(seen.redactedFields).toContain('address');
      for (const party of seen.parties) {
        expect(party).toMatchObject({ fullName: null, phone: null });
        expect(party.redactedFields).toEqual(expect.arrayContaining(['fullName', 'address', 'phone', 'dateOfBirth']));
      }
    });

    it('never shows an unshared agency the case in case, cases or totalCount', async () => {
      const before = (await portal.ok(CASES, { first: 100 }, councilOfficer.token)).cases.totalCount;
      const created = (
        await portal.ok(CREATE_CASE, { input: newCase({ summary: 'Unshared secret summary' }) }, policeOfficer.token)
      ).createCase;
      expect((await portal.ok(CASE, { id: created.id }, councilOfficer.token)).case).toBeNull();
      const list = (await portal.ok(CASES, { first: 100, filter: { search: 'Unshared secret' } }, councilOfficer.token))
        .cases;
      expect(list.totalCount).toBe(0);
      expect((await portal.ok(CASES, { first: 100 }, councilOfficer.token)).cases.totalCount).toBe(before);
      expect(
        (await portal.ok(CASES, { first: 100, filter: { search: 'Unshared secret' } }, policeOfficer.token)).cases
          .totalCount,
      ).toBe(1);
    });

    it('answers an invisible case exactly as a missing one when a partner tries to act on it', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, policeOfficer.token)).createCase;
      const incident = `mutation($caseId: ID!) { logIncident(caseId: $caseId, input: { occurredAt: "2026-01-01T10:00:00Z", category: NOISE, description: "Music" }) { id } }`;
      const invisible = await portal.gql(incident, { caseId: created.id }, councilOfficer.token);
      const missing = await portal.gql(
        incident,
        { caseId: '00000000-0000-4000-8000-000000000000' },
        councilOfficer.token,
      );
      expect(codeOf(invisible)).toBe('NOT_FOUND');
      expect(invisible.errors?.[0].message).toBe(missing.errors?.[0].message);
      expect(invisible.errors?.[0].extensions).toEqual(missing.errors?.[0].extensions);
    });

    it('lets only the owner share, and a partner logs incidents and adds actions on a shared case', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      await portal.ok(
        SHARE,
        { caseId: created.id, agencyId: police, access: 'LIMITED', reason: 'Joint patrols' },
        landlordOfficer.token,
      );
      const onward = await portal.gql(
        SHARE,
        { caseId: created.id, agencyId: council, access: 'FULL', reason: 'Onward' },
        policeOfficer.token,
      );
      expect(codeOf(onward)).toBe('FORBIDDEN');

      const logged = await portal.ok(
        `mutation($caseId: ID!) { logIncident(caseId: $caseId, input: { occurredAt: "2026-03-01T23:30:00Z", category: NOISE, description: "Party until 3am", location: "Alder Court" }) { id category loggedByAgency { id } } }`,
        { caseId: created.id },
        policeOfficer.token,
      );
      expect(logged.logIncident.loggedByAgency.id).toBe(police);
      const action = await portal.ok(
        `mutation($caseId: ID!, $input: ActionInput!) { addAction(caseId: $caseId, input: $input) { id kind legal status ownerAgency { id } } }`,
        {
          caseId: created.id,
          input: {
            kind: 'CIVIL_INJUNCTION',
            description: 'Apply for an injunction',
            ownerAgencyId: landlord,
            dueAt: '2026-12-31T00:00:00Z',
          },
        },
        policeOfficer.token,
      );
      expect(action.addAction).toMatchObject({
        kind: 'CIVIL_INJUNCTION',
        legal: true,
        status: 'OPEN',
        ownerAgency: { id: landlord },
      });
      const seen = (
        await portal.ok(
          `query($id: ID!) { case(id: $id) { version incidents { id } actions { id legal } } }`,
          { id: created.id },
          landlordOfficer.token,
        )
      ).case;
      expect(seen.incidents).toHaveLength(1);
      expect(seen.actions).toHaveLength(1);
      expect(seen.version).toBe(1);
    });

    it('records contacts with the reporter and closes a case with an outcome and reason', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      await portal.ok(
        `mutation($caseId: ID!, $at: DateTime!) { recordContact(caseId: $caseId, input: { contactedAt: $at, channel: PHONE, note: "Agreed an action plan" }) { id } }`,
        { caseId: created.id, at: new Date().toISOString() },
        landlordOfficer.token,
      );
      const closed = (
        await portal.ok(
          `mutation($id: ID!, $v: Int!) { closeCase(id: $id, expectedVersion: $v, input: { outcome: RESOLVED, reason: "Noise stopped after warning letter" }) { status closedAt closeReason version contacts { channel } } }`,
          { id: created.id, v: 1 },
          landlordOfficer.token,
        )
      ).closeCase;
      expect(closed).toMatchObject({
        status: 'CLOSED_RESOLVED',
        closeReason: 'Noise stopped after warning letter',
        version: 2,
        contacts: [{ channel: 'PHONE' }],
      });
      expect(closed.closedAt).not.toBeNull();
    });

    it('keeps the record that the reporter was told of the closure as a contact, and refuses a telling in the future', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      const close = `mutation($id: ID!, $told: ReporterToldInput!) {
        closeCase(id: $id, expectedVersion: 1, input: { outcome: UNRESOLVED, reason: "No further reports for 3 months", reporterTold: $told }) {
          status reporterToldAt contacts { channel note } } }`;
      const future = await portal.gql(
        close,
        { id: created.id, told: { at: new Date(Date.now() + 86_400_000).toISOString(), channel: 'PHONE' } },
        landlordOfficer.token,
      );
      expect(future.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reporterTold.at' });
      expect((await portal.db.query(`SELECT status FROM cases WHERE id = $1`, [created.id])).rows[0].status).toBe(
        'OPEN',
      );

      const at = new Date().toISOString();
      const closed = (
        await portal.ok(
          close,
          { id: created.id, told: { at, channel: 'LETTER', note: 'Letter explaining the closure' } },
          landlordOfficer.token,
        )
      ).closeCase;
      expect(closed).toEqual({
        status: 'CLOSED_UNRESOLVED',
        reporterToldAt: at,
        contacts: [{ channel: 'LETTER', note: 'Letter explaining the closure' }],
      });
      const { rows } = await portal.db.query(`SELECT reporter_told_at FROM cases WHERE id = $1`, [created.id]);
      expect(rows[0].reporter_told_at.toISOString()).toBe(at);
    });
  });

  describe('optimistic locking', () => {
    it('answers a stale expectedVersion with CONFLICT and leaves the row unchanged', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      const update = `mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, expectedVersion: $v, input: $input) { version summary } }`;
      const first = (
        await portal.ok(update, { id: created.id, v: 1, input: { summary: 'First edit wins' } }, landlordOfficer.token)
      ).updateCase;
      expect(first).toEqual({ version: 2, summary: 'First edit wins' });
      const stale = await portal.gql(
        update,
        { id: created.id, v: 1, input: { summary: 'Second edit loses' } },
        landlordOfficer.token,
      );
      expect(codeOf(stale)).toBe('CONFLICT');
      const { rows } = await portal.db.query(`SELECT summary, version FROM cases WHERE id = $1`, [created.id]);
      expect(rows[0]).toEqual({ summary: 'First edit wins', version: 2 });
    });

    it('refuses a partner editing case basics, naming the field, and changes nothing', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      await portal.ok(
        SHARE,
        { caseId: created.id, agencyId: police, access: 'FULL', reason: 'Joint working' },
        landlordOfficer.token,
      );
      const attempt = await portal.gql(
        `mutation($id: ID!) { updateCase(id: $id, expectedVersion: 1, input: { summary: "Police rewrite", policeIntelligence: "Known to police" }) { id } }`,
        { id: created.id },
        policeOfficer.token,
      );
      expect(attempt.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'summary' });
      const { rows } = await portal.db.query(`SELECT summary, police_intelligence, version FROM cases WHERE id = $1`, [
        created.id,
      ]);
      expect(rows[0]).toEqual({ summary: newCase().summary, police_intelligence: null, version: 1 });
      const allowed = await portal.ok(
        `mutation($id: ID!) { updateCase(id: $id, expectedVersion: 1, input: { policeIntelligence: "Known to police" }) { version policeIntelligence } }`,
        { id: created.id },
        policeOfficer.token,
      );
      expect(allowed.updateCase).toEqual({ version: 2, policeIntelligence: 'Known to police' });
      const owner = (
        await portal.ok(
          `query($id: ID!) { case(id: $id) { policeIntelligence redactedFields } }`,
          { id: created.id },
          landlordOfficer.token,
        )
      ).case;
      expect(owner).toEqual({
        policeIntelligence: null,
        redactedFields: expect.arrayContaining(['policeIntelligence', 'supportNeeds']),
      });
    });
  });

  describe('bad input', () => {
    const cases: [string, string, Record<string, unknown>, string, string | undefined][] = [
      ['a summary too short', CREATE_CASE, { input: newCase({ summary: 'x' }) }, 'BAD_USER_INPUT', 'summary'],
      ['an unknown category', CREATE_CASE, { input: newCase({ category: 'LOUD' }) }, 'BAD_USER_INPUT', 'category'],
      [
        'a malformed date of birth',
        CREATE_CASE,
        { input: newCase({ parties: [{ role: 'VICTIM', dateOfBirth: '12/03/1990' }] }) },
        'BAD_USER_INPUT',
        'parties.0.dateOfBirth',
      ],
      ['a malformed id', CASE, { id: 'not-an-id' }, 'BAD_USER_INPUT', 'id'],
      ['more than 100 in a page', CASES, { first: 101 }, 'BAD_USER_INPUT', 'first'],
      ['a cursor not issued by the server', CASES, { after: 'bogus' }, 'BAD_USER_INPUT', 'after'],
    ];
    it.each(cases)('answers %s with its code and field', async (_label, query, variables, code, field) => {
      const result = await portal.gql(query, variables, landlordOfficer.token);
      expect(result.errors?.[0].extensions).toEqual(field ? { code, field } : { code });
    });

    it('answers a share with no reason, and with an unknown agency, without sharing anything', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      const noReason = await portal.gql(
        SHARE,
        { caseId: created.id, agencyId: police, access: 'FULL', reason: ' ' },
        landlordOfficer.token,
      );
      expect(noReason.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
      const unknown = await portal.gql(
        SHARE,
        { caseId: created.id, agencyId: '00000000-0000-4000-8000-000000000001', access: 'FULL', reason: 'Basis' },
        landlordOfficer.token,
      );
      expect(unknown.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'agencyId' });
      const { rows } = await portal.db.query(`SELECT 1 FROM case_shares WHERE case_id = $1`, [created.id]);
      expect(rows).toHaveLength(0);
    });

    it('answers a query that does not validate without schema hints', async () => {
      const result = await portal.gql(`{ casez { id } }`, {}, landlordOfficer.token);
      expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors?.[0].message).not.toMatch(/Did you mean/);
    });

    it('leaves nothing half-written when a mutation fails part-way, and tells no SQL', async () => {
      // Fault injection in the real database: the party insert fails after the case row was written.
      await portal.db.query(`CREATE FUNCTION refuse_party() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.full_name = 'Fail Me' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
      await portal.db.query(
        `CREATE TRIGGER refuse_party BEFORE INSERT ON parties FOR EACH ROW EXECUTE FUNCTION refuse_party()`,
      );
      try {
        const result = await portal.gql(
          CREATE_CASE,
          { input: newCase({ summary: 'Half-written case', parties: [{ role: 'VICTIM', fullName: 'Fail Me' }] }) },
          landlordOfficer.token,
        );
        expect(result.errors?.[0]).toMatchObject({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
        expect(JSON.stringify(result)).not.toMatch(/injected|INSERT|parties/);
        const { rows } = await portal.db.query(`SELECT 1 FROM cases WHERE summary = 'Half-written case'`);
        expect(rows).toHaveLength(0);
      } finally {
        await portal.db.query(`DROP TRIGGER refuse_party ON parties; DROP FUNCTION refuse_party()`);
      }
    });
  });

  describe('administrators', () => {
    it('read no case at all: not by id, not in lists, not in counts', async () => {
      const created = (await portal.ok(CREATE_CASE, { input: newCase() }, landlordOfficer.token)).createCase;
      const admin = await people.admin();
      expect(codeOf(await portal.gql(CASE, { id: created.id }, admin))).toBe('FORBIDDEN');
      const list = await portal.gql(CASES, {}, admin);
      expect(codeOf(list)).toBe('FORBIDDEN');
      expect(list.data).toBeNull();
    });
  });
});
