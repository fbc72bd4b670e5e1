import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { codeOf, TestPortal } from './harness.js';
import { LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 18, item 2: known to the partnership, locked. A search across agencies tells a searcher only that a
 * record exists and who holds it, and only where the owner lets it; the owner sees who searched and why, and
 * decides any request for access.
 */
const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id discoverable redactedFields } }`;
const CASE = `query($id: ID!) { case(id: $id) { id discoverable redactedFields } }`;
const SET_DISCOVERABLE = `mutation($caseId: ID!, $discoverable: Boolean!, $reason: String!) {
  setCaseDiscoverable(caseId: $caseId, discoverable: $discoverable, reason: $reason) { id discoverable } }`;
const SEARCH = `query($input: PersonSearchInput!) { searchPeople(input: $input) {
  visible { case { id reference } party { id fullName dateOfBirth redactedFields } }
  locked { hitId ownerAgency { id name } } } }`;
const REQUEST = `mutation($hitId: ID!, $reason: String!) { requestCaseAccess(hitId: $hitId, reason: $reason) {
  id status reason case { id } ownerAgency { id name } requesterAgency { id } } }`;
const DECIDE = `mutation($id: ID!, $grant: Boolean!, $access: ShareAccess, $reason: String!, $basis: SharingBasisInput) {
  decideAccessRequest(id: $id, grant: $grant, access: $access, reason: $reason, basis: $basis) { id status grantedAccess decisionReason } }`;
const REQUESTS = `query($status: AccessRequestStatus) { accessRequests(status: $status) {
  id status reason requestedBy { id displayName } requesterAgency { id name } case { id } } }`;
const MINE = `query { myAccessRequests { id status decisionReason grantedAccess case { id } ownerAgency { id } } }`;
const UPDATES = `subscription { accessRequestUpdates { id status reason requesterAgency { id } } }`;
const SHARE = `mutation($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!) {
  shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason) { id } }`;
const TRAIL = `query($caseId: ID!) { caseAuditTrail(caseId: $caseId, first: 100) {
  edges { node { action detail actor { id agency { id } } } } } }`;

const REASON = 'Safeguarding check for a new referral about anti-social behaviour';

const asbCase = (fullName: string, extra: Record<string, unknown> = {}) => ({
  category: 'HARASSMENT',
  summary: 'Repeated intimidation in the stairwell of Kestrel House',
  ward: 'Eastfield',
  riskLevel: 'MEDIUM',
  parties: [{ role: 'SUBJECT', fullName, dateOfBirth: '1990-04-12', ...extra }],
});

describe('known to the partnership, locked', () => {
  let portal: TestPortal;
  let people: Partnership;
  const agency = { landlord: '', police: '', council: '', support: '' };
  let housingOfficer: Persona;
  let housingManager: Persona;
  let policeOfficer: Persona;
  let policeManager: Persona;
  let councilOfficer: Persona;
  let supportOfficer: Persona;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    agency.landlord = await people.agency('Kestrel Homes', 'LANDLORD');
    agency.police = await people.agency('Eastfield Police', 'POLICE');
    agency.council = await people.agency('Eastfield Council', 'COUNCIL');
    agency.support = await people.agency('Eastfield Women’s Aid', 'SUPPORT');
    housingOfficer = await people.user(agency.landlord, ['CASEWORKER'], 'housing');
    housingManager = await people.user(agency.landlord, ['MANAGER'], 'housing-manager');
    policeOfficer = await people.user(agency.police, ['CASEWORKER'], 'police');
    policeManager = await people.user(agency.police, ['MANAGER'], 'police-manager');
    councilOfficer = await people.user(agency.council, ['CASEWORKER'], 'council');
    supportOfficer = await people.user(agency.support, ['CASEWORKER'], 'support');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await portal.close();
  });

  const openCase = async (input: Record<string, unknown>, by = housingOfficer) =>
    (await portal.ok(CREATE_CASE, { input }, by.token)).createCase as {
      id: string;
      discoverable: boolean;
      redactedFields: string[];
    };

  const search = (by: Persona, input: Record<string, unknown>) =>
    portal.gql(SEARCH, { input: { reason: REASON, ...input } }, by.token);

  const found = async (by: Persona, input: Record<string, unknown>) => {
    const result = await search(by, input);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.searchPeople as {
      visible: { case: { id: string }; party: { fullName: string | null } }[];
      locked: { hitId: string; ownerAgency: { id: string; name: string } }[];
    };
  };

  const trail = async (caseId: string) =>
    (await portal.ok(TRAIL, { caseId }, housingManager.token)).caseAuditTrail.edges.map((e: any) => e.node);

  const count = async (sql: string, params: unknown[] = []) =>
    (await portal.db.query(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n as number;

  describe('discoverable', () => {
    it('a domestic-abuse case is not discoverable by default, an ASB case is', async () => {
      const da = await openCase({
        ...asbCase('Dara Quill'),
        category: 'DOMESTIC_ABUSE',
        parties: [{ role: 'SUBJECT', fullName: 'Dara Quill' }],
      });
      const asb = await openCase(asbCase('Dara Quill'));
      expect(da.discoverable).toBe(false);
      expect(asb.discoverable).toBe(true);
      const { rows } = await portal.db.query(`SELECT id, discoverable FROM cases WHERE id = ANY($1::uuid[])`, [
        [da.id, asb.id],
      ]);
      expect(Object.fromEntries(rows.map((r: any) => [r.id, r.discoverable]))).toEqual({
        [da.id]: false,
        [asb.id]: true,
      });
      // The police find the ASB case only: the domestic-abuse case is never shown as locked.
      const result = await found(policeOfficer, { fullName: 'Dara Quill' });
      expect(result.locked).toHaveLength(1);
      expect(result.locked[0].ownerAgency.id).toBe(agency.landlord);
    });

    it('a case inserted without saying (the demo’s loader, an import) gets its category’s default', async () => {
      const { rows } = await portal.db.query(
        `INSERT INTO cases (reference, category, risk_level, ward, summary, owner_agency_id, created_by_id)
         VALUES ('DA-RAW-1', 'DOMESTIC_ABUSE', 'HIGH', 'Eastfield', 'Raw', $1, $2), ('ASB-RAW-1', 'NOISE', 'STANDARD', 'Eastfield', 'Raw', $1, $2)
         RETURNING category, discoverable`,
        [agency.landlord, housingOfficer.id],
      );
      expect(rows).toEqual([
        { category: 'DOMESTIC_ABUSE', discoverable: false },
        { category: 'NOISE', discoverable: true },
      ]);
    });

    it('only the owner reads it; a partner reads null', async () => {
      const kase = await openCase(asbCase('Ilse Marr'));
      await portal.ok(
        SHARE,
        { caseId: kase.id, agencyId: agency.council, access: 'FULL', reason: 'Crime and Disorder Act 1998 s.115' },
        housingOfficer.token,
      );
      const partner = (await portal.ok(CASE, { id: kase.id }, councilOfficer.token)).case;
      expect(partner.discoverable).toBeNull();
      expect(kase.discoverable).toBe(true);
    });

    it('the owner changes it only with a reason, on the trail; a partner may not', async () => {
      const kase = await openCase(asbCase('Tamsin Vell'));
      const blank = await portal.gql(
        SET_DISCOVERABLE,
        { caseId: kase.id, discoverable: false, reason: '  ' },
        housingOfficer.token,
      );
      expect(codeOf(blank)).toBe('BAD_USER_INPUT');
      expect(blank.errors![0].extensions!.field).toBe('reason');
      expect(
        (await portal.db.query(`SELECT discoverable FROM cases WHERE id = $1`, [kase.id])).rows[0].discoverable,
      ).toBe(true);
      const elsewhere = await portal.gql(
        SET_DISCOVERABLE,
        { caseId: kase.id, discoverable: false, reason: 'Not ours to decide' },
        policeOfficer.token,
      );
      expect(codeOf(elsewhere)).toBe('NOT_FOUND');

      const off = await portal.ok(
        SET_DISCOVERABLE,
        { caseId: kase.id, discoverable: false, reason: 'The subject is also a victim elsewhere' },
        housingOfficer.token,
      );
      expect(off.setCaseDiscoverable.discoverable).toBe(false);
      expect((await found(policeOfficer, { fullName: 'Tamsin Vell' })).locked).toEqual([]);
      const events = (await trail(kase.id)).filter((e: any) => e.action === 'DISCOVERABILITY_CHANGED');
      expect(events).toHaveLength(1);
      expect(events[0].detail).toContain('The subject is also a victim elsewhere');
      expect(events[0].actor.id).toBe(housingOfficer.id);
    });
  });

  describe('searching', () => {
    it('a search without a reason is refused and records nothing', async () => {
      await openCase(asbCase('Corwin Blaise'));
      const before = await count(`person_searches`);
      const trailBefore = await count(`audit_events WHERE action = 'PERSON_SEARCHED'`);
      for (const reason of ['', '   ']) {
        const result = await portal.gql(SEARCH, { input: { fullName: 'Corwin Blaise', reason } }, policeOfficer.token);
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions!.field).toBe('reason');
        expect(result.data?.searchPeople ?? null).toBeNull();
      }
      const missing = await portal.gql(
        `query { searchPeople(input: { fullName: "Corwin Blaise" }) { locked { hitId } } }`,
        {},
        policeOfficer.token,
      );
      expect(missing.errors).toBeDefined();
      expect(missing.data?.searchPeople ?? null).toBeNull();
      expect(await count(`person_searches`)).toBe(before);
      expect(await count(`audit_events WHERE action = 'PERSON_SEARCHED'`)).toBe(trailBefore);
    });

    it('a locked record carries only a handle and the owner agency', async () => {
      const kase = await openCase(asbCase('Ottoline Fairweather'));
      const result = await portal.gql(
        `query($input: PersonSearchInput!) { searchPeople(input: $input) { locked { hitId ownerAgency { id name } } } }`,
        { input: { fullName: 'Ottoline Fairweather', reason: REASON } },
        policeOfficer.token,
      );
      const locked = result.data!.searchPeople.locked;
      expect(locked).toHaveLength(1);
      expect(Object.keys(locked[0]).sort()).toEqual(['hitId', 'ownerAgency']);
      expect(Object.keys(locked[0].ownerAgency).sort()).toEqual(['id', 'name']);
      expect(locked[0].ownerAgency).toEqual({ id: agency.landlord, name: 'Kestrel Homes' });
      // The handle is not the case id, and nothing of the case is anywhere in the answer.
      expect(locked[0].hitId).not.toBe(kase.id);
      const text = JSON.stringify(result);
      for (const secret of [kase.id, 'HARASSMENT', 'Kestrel House', 'Eastfield', 'SUBJECT', '1990-04-12', 'ASB-'])
        expect(text).not.toContain(secret);
    });

    it('a misspelling is found, a disagreeing date of birth is not', async () => {
      await openCase(asbCase('Bartholomew Kincaid'));
      expect((await found(policeOfficer, { fullName: 'Bartholemew Kincade' })).locked).toHaveLength(1);
      expect(
        (await found(policeOfficer, { fullName: 'Bartholomew Kincaid', dateOfBirth: '1990-04-12' })).locked,
      ).toHaveLength(1);
      expect(
        (await found(policeOfficer, { fullName: 'Bartholomew Kincaid', dateOfBirth: '1971-01-01' })).locked,
      ).toHaveLength(0);
    });

    it('the searcher’s own cases come back as visible, with what they may read', async () => {
      const kase = await openCase(asbCase('Perpetua Holloway'), policeOfficer);
      const result = await found(policeOfficer, { fullName: 'Perpetua Holloway' });
      expect(result.visible.map((m) => m.case.id)).toEqual([kase.id]);
      expect(result.visible[0].party.fullName).toBe('Perpetua Holloway');
      expect(result.locked).toEqual([]);
    });

    it('a name the searcher may read nowhere is not revealed, through visible or locked results', async () => {
      // Shared LIMITED with the council: the case is visible to it, but no name on it is.
      const limited = await openCase(asbCase('Evander Strickland'));
      await portal.ok(
        SHARE,
        {
          caseId: limited.id,
          agencyId: agency.council,
          access: 'LIMITED',
          reason: 'Crime and Disorder Act 1998 s.115',
        },
        housingOfficer.token,
      );
      // An anonymous reporter on another agency's case: never matched for anyone else.
      await openCase({
        ...asbCase('Someone Else'),
        parties: [{ role: 'COMPLAINANT', fullName: 'Evander Strickland', anonymous: true }],
      });
      const result = await found(councilOfficer, { fullName: 'Evander Strickland' });
      expect(result.visible).toEqual([]);
      expect(result.locked).toEqual([]);
      // The owner finds both.
      expect((await found(housingOfficer, { fullName: 'Evander Strickland' })).visible).toHaveLength(2);
    });

    it('every locked reveal is on the owner’s trail, with who searched and why', async () => {
      const kase = await openCase(asbCase('Ignatius Penhaligon'));
      await found(supportOfficer, { fullName: 'Ignatius Penhaligon', reason: 'Referral from a GP about a neighbour' });
      const events = (await trail(kase.id)).filter((e: any) => e.action === 'PERSON_SEARCHED');
      expect(events).toHaveLength(1);
      expect(events[0].actor).toEqual({ id: supportOfficer.id, agency: { id: agency.support } });
      expect(events[0].detail).toContain('Referral from a GP about a neighbour');
      expect(events[0].detail).toContain('Eastfield Women’s Aid');
      // The search itself is kept for the searcher's agency.
      expect(
        await count(`person_searches WHERE searched_by_id = $1 AND locked_count = 1 AND reason = $2`, [
          supportOfficer.id,
          'Referral from a GP about a neighbour',
        ]),
      ).toBe(1);
    });

    it('a search names at least three letters and returns at most 50 visible matches', async () => {
      const short = await search(policeOfficer, { fullName: 'Al' });
      expect(codeOf(short)).toBe('BAD_USER_INPUT');
      expect(short.errors![0].extensions!.field).toBe('fullName');
      const many = await search(policeOfficer, { fullName: 'Alan Smith', first: 51 });
      expect(codeOf(many)).toBe('BAD_USER_INPUT');
      expect(many.errors![0].extensions!.field).toBe('first');
    });

    it('a user past the hourly allowance is refused', async () => {
      const limited = await portal.another({ PERSON_SEARCHES_PER_HOUR: '2' });
      try {
        const officer = await new Partnership(limited).user(agency.council, ['CASEWORKER'], 'hourly');
        for (let i = 0; i < 2; i++) {
          const ok = await limited.gql(SEARCH, { input: { fullName: 'Nobody Here', reason: REASON } }, officer.token);
          expect(ok.errors).toBeUndefined();
        }
        const refused = await limited.gql(
          SEARCH,
          { input: { fullName: 'Nobody Here', reason: REASON } },
          officer.token,
        );
        expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
      } finally {
        await limited.close();
      }
    });
  });

  describe('access requests', () => {
    const lockedHit = async (name: string, by = policeOfficer) => {
      const { locked } = await found(by, { fullName: name });
      expect(locked).toHaveLength(1);
      return locked[0].hitId;
    };

    it('the owner’s managers receive a request live; the case’s other holders do not', async () => {
      const kase = await openCase(asbCase('Rosalind Achterberg'));
      await portal.ok(
        SHARE,
        { caseId: kase.id, agencyId: agency.council, access: 'FULL', reason: 'Crime and Disorder Act 1998 s.115' },
        housingOfficer.token,
      );
      const councilManager = await people.user(agency.council, ['MANAGER'], 'council-manager');
      const ownerClient = LiveClient.connect(portal, housingManager.token);
      const holderClient = LiveClient.connect(portal, councilManager.token);
      const policeClient = LiveClient.connect(portal, policeManager.token);
      clients.push(ownerClient, holderClient, policeClient);
      const ownerFeed = ownerClient.subscribe(UPDATES);
      const holderFeed = holderClient.subscribe(UPDATES);
      const policeFeed = policeClient.subscribe(UPDATES);
      await new Promise((r) => setTimeout(r, 300));

      const hitId = await lockedHit('Rosalind Achterberg');
      const made = (await portal.ok(REQUEST, { hitId, reason: 'Linked to a burglary series' }, policeOfficer.token))
        .requestCaseAccess;
      expect(made).toMatchObject({ status: 'PENDING', case: null, ownerAgency: { id: agency.landlord } });

      const [event] = await ownerFeed.received(1);
      expect(event.accessRequestUpdates).toEqual({
        id: made.id,
        status: 'PENDING',
        reason: 'Linked to a burglary series',
        requesterAgency: { id: agency.police },
      });
      expect(await holderFeed.settle()).toEqual([]);
      expect(await policeFeed.settle()).toEqual([]);
      expect(ownerFeed.errors).toEqual([]);

      const pending = (await portal.ok(REQUESTS, { status: 'PENDING' }, housingManager.token)).accessRequests;
      expect(pending.map((r: any) => r.id)).toContain(made.id);
      expect(pending.find((r: any) => r.id === made.id).case).toEqual({ id: kase.id });
      expect((await portal.ok(REQUESTS, {}, councilManager.token)).accessRequests).toEqual([]);

      const events = (await trail(kase.id)).filter((e: any) => e.action === 'ACCESS_REQUESTED');
      expect(events).toHaveLength(1);
      expect(events[0].detail).toContain('Linked to a burglary series');
    });

    it('a caseworker may not subscribe to requests', async () => {
      const client = LiveClient.connect(portal, housingOfficer.token);
      clients.push(client);
      const feed = client.subscribe(UPDATES);
      await feed.settle(400);
      expect(feed.errors[0]?.extensions?.code ?? feed.errors[0]?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('a refused request grants nothing', async () => {
      const kase = await openCase(asbCase('Cordelia Pennyworth'));
      const hitId = await lockedHit('Cordelia Pennyworth');
      const made = (await portal.ok(REQUEST, { hitId, reason: 'Possible witness to an assault' }, policeOfficer.token))
        .requestCaseAccess;
      const refused = (
        await portal.ok(
          DECIDE,
          { id: made.id, grant: false, reason: 'Not enough to justify sharing' },
          housingManager.token,
        )
      ).decideAccessRequest;
      expect(refused).toMatchObject({ status: 'REFUSED', grantedAccess: null });
      expect(await count(`case_shares WHERE case_id = $1`, [kase.id])).toBe(0);
      expect((await portal.gql(CASE, { id: kase.id }, policeOfficer.token)).data!.case).toBeNull();
      const mine = (await portal.ok(MINE, {}, policeOfficer.token)).myAccessRequests.find((r: any) => r.id === made.id);
      expect(mine).toEqual({
        id: made.id,
        status: 'REFUSED',
        decisionReason: 'Not enough to justify sharing',
        grantedAccess: null,
        case: null,
        ownerAgency: { id: agency.landlord },
      });
      const again = await portal.gql(
        DECIDE,
        { id: made.id, grant: true, access: 'FULL', reason: 'Changed my mind' },
        housingManager.token,
      );
      expect(codeOf(again)).toBe('CONFLICT');
      expect(await count(`case_shares WHERE case_id = $1`, [kase.id])).toBe(0);
      const events = (await trail(kase.id)).filter((e: any) => e.action === 'ACCESS_REFUSED');
      expect(events).toHaveLength(1);
      expect(events[0].detail).toContain('Not enough to justify sharing');
    });

    it('a granted request creates the share at the level chosen', async () => {
      const kase = await openCase(asbCase('Leopold Vantongeren'));
      const hitId = await lockedHit('Leopold Vantongeren');
      const made = (
        await portal.ok(REQUEST, { hitId, reason: 'Subject of a police investigation' }, policeOfficer.token)
      ).requestCaseAccess;
      const noLevel = await portal.gql(DECIDE, { id: made.id, grant: true, reason: 'Agreed' }, housingManager.token);
      expect(codeOf(noLevel)).toBe('BAD_USER_INPUT');
      expect(noLevel.errors![0].extensions!.field).toBe('access');
      const granted = (
        await portal.ok(
          DECIDE,
          {
            id: made.id,
            grant: true,
            access: 'LIMITED',
            reason: 'Crime and Disorder Act 1998 s.115',
            basis: {
              lawfulBasis: 'CRIME_AND_DISORDER_ACT_S115',
              consent: 'NOT_SOUGHT',
              consentDetail: 'Asking would alert the subject',
            },
          },
          housingManager.token,
        )
      ).decideAccessRequest;
      expect(granted).toMatchObject({ status: 'GRANTED', grantedAccess: 'LIMITED' });
      // The grant is a share like any other: its lawful basis and the victim's consent are recorded with it.
      const { rows } = await portal.db.query(
        `SELECT agency_id, access, reason, lawful_basis, consent_state, consent_detail
           FROM case_shares WHERE case_id = $1 AND revoked_at IS NULL`,
        [kase.id],
      );
      expect(rows).toEqual([
        {
          agency_id: agency.police,
          access: 'LIMITED',
          reason: 'Crime and Disorder Act 1998 s.115',
          lawful_basis: 'CRIME_AND_DISORDER_ACT_S115',
          consent_state: 'NOT_SOUGHT',
          consent_detail: 'Asking would alert the subject',
        },
      ]);
      const mine = (await portal.ok(MINE, {}, policeOfficer.token)).myAccessRequests.find((r: any) => r.id === made.id);
      expect(mine.case).toEqual({ id: kase.id });
      // Now visible to the police, the record is no longer locked: the old handle leads nowhere.
      const stale = await portal.gql(REQUEST, { hitId, reason: 'Again please' }, policeOfficer.token);
      expect(codeOf(stale)).toBe('NOT_FOUND');
      const actions = (await trail(kase.id)).map((e: any) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['ACCESS_GRANTED', 'CASE_SHARED', 'ACCESS_REQUESTED']));
    });

    it('a handle that is not the requester’s own, or whose case is no longer discoverable, is NOT_FOUND', async () => {
      const kase = await openCase(asbCase('Gwendolyn Araminta'));
      const hitId = await lockedHit('Gwendolyn Araminta');
      const borrowed = await portal.gql(REQUEST, { hitId, reason: 'Borrowed handle' }, policeManager.token);
      expect(codeOf(borrowed)).toBe('NOT_FOUND');
      const invented = await portal.gql(
        REQUEST,
        { hitId: '00000000-0000-4000-8000-000000000000', reason: 'Guessing' },
        policeOfficer.token,
      );
      expect(codeOf(invented)).toBe('NOT_FOUND');
      const theCaseId = await portal.gql(REQUEST, { hitId: kase.id, reason: 'Guessing' }, policeOfficer.token);
      expect(codeOf(theCaseId)).toBe('NOT_FOUND');
      const noReason = await portal.gql(REQUEST, { hitId, reason: ' ' }, policeOfficer.token);
      expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
      await portal.ok(
        SET_DISCOVERABLE,
        { caseId: kase.id, discoverable: false, reason: 'Victim safety concerns raised' },
        housingOfficer.token,
      );
      const hidden = await portal.gql(REQUEST, { hitId, reason: 'Please' }, policeOfficer.token);
      expect(codeOf(hidden)).toBe('NOT_FOUND');
      expect(await count(`access_requests WHERE case_id = $1`, [kase.id])).toBe(0);
      // An expired handle is stale too.
      await portal.ok(
        SET_DISCOVERABLE,
        { caseId: kase.id, discoverable: true, reason: 'Concerns resolved after review' },
        housingOfficer.token,
      );
      await portal.db.query(`UPDATE person_search_hits SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        hitId,
      ]);
      expect(codeOf(await portal.gql(REQUEST, { hitId, reason: 'Please' }, policeOfficer.token))).toBe('NOT_FOUND');
    });

    it('the database itself keeps requests and searches to their agencies (row security)', async () => {
      const app = new pg.Pool({ connectionString: portal.appDatabaseUrl, max: 1 });
      try {
        const seen = async (agencyId: string | null, table: string) => {
          const client = await app.connect();
          try {
            await client.query(
              `SELECT set_config('portal.scope', 'agency', false), set_config('portal.agency', $1, false)`,
              [agencyId ?? ''],
            );
            return (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
          } finally {
            await client.query(`RESET portal.scope; RESET portal.agency`);
            client.release();
          }
        };
        expect(await count('access_requests')).toBeGreaterThan(0);
        expect(await seen(null, 'access_requests')).toBe(0);
        expect(await seen(agency.support, 'access_requests')).toBe(0);
        expect(await seen(agency.police, 'access_requests')).toBe(
          await count('access_requests WHERE requester_agency_id = $1', [agency.police]),
        );
        expect(await seen(agency.landlord, 'access_requests')).toBe(
          await count('access_requests WHERE owner_agency_id = $1', [agency.landlord]),
        );
        expect(await seen(agency.council, 'person_searches')).toBe(
          await count('person_searches WHERE agency_id = $1', [agency.council]),
        );
        expect(await seen(null, 'person_searches')).toBe(0);
      } finally {
        await app.end();
      }
    });

    describe('deciding is the owner agency’s managers’ alone: every role in every kind of agency is refused otherwise', () => {
      const KINDS = ['LANDLORD', 'POLICE', 'COUNCIL', 'SUPPORT', 'HEALTH', 'SOCIAL_CARE', 'PROBATION', 'OTHER'];
      const ROLES = ['CASEWORKER', 'MANAGER', 'MARAC_CHAIR', 'MARAC_COORDINATOR', 'ADMIN', 'AGENCY_ADMIN'];
      let caseId: string;
      let requestId: string;

      beforeAll(async () => {
        caseId = (await openCase(asbCase('Augustin Delacroix-Hume'))).id;
        const hitId = await lockedHit('Augustin Delacroix-Hume');
        requestId = (await portal.ok(REQUEST, { hitId, reason: 'Named in a police report' }, policeOfficer.token))
          .requestCaseAccess.id;
      }, 60_000);

      it.each(KINDS)(
        'in a %s agency',
        async (kind) => {
          const other = await people.agency(`Deciding ${kind}`, kind);
          for (const role of ROLES) {
            const user = await people.user(other, [role], `decider-${kind.toLowerCase()}`);
            const result = await portal.gql(
              DECIDE,
              { id: requestId, grant: true, access: 'FULL', reason: 'Trying to grant' },
              user.token,
            );
            // Managers of another agency are refused the row (NOT_FOUND); everyone else the operation (FORBIDDEN).
            expect([role, codeOf(result)]).toEqual([role, role === 'MANAGER' ? 'NOT_FOUND' : 'FORBIDDEN']);
          }
          expect(await count(`case_shares WHERE case_id = $1`, [caseId])).toBe(0);
        },
        60_000,
      );

      it('in the owner agency, every role but MANAGER', async () => {
        for (const role of ROLES.filter((r) => r !== 'MANAGER')) {
          const user = await people.user(agency.landlord, [role], 'owner-role');
          const result = await portal.gql(
            DECIDE,
            { id: requestId, grant: true, access: 'FULL', reason: 'Trying to grant' },
            user.token,
          );
          expect([role, codeOf(result)]).toEqual([role, 'FORBIDDEN']);
        }
        expect(await count(`case_shares WHERE case_id = $1`, [caseId])).toBe(0);
        expect(await count(`access_requests WHERE id = $1 AND status = 'PENDING'`, [requestId])).toBe(1);
      }, 60_000);
    });
  });
});
