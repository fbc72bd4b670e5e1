import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const TRAIL = `query($caseId: ID!, $first: Int, $after: String) { caseAuditTrail(caseId: $caseId, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id at action detail fields changes { field from to withheld } actor { id displayName agency { id name } } } } } }`;
const DISCLOSURES = `query($caseId: ID!) { caseDisclosures(caseId: $caseId) {
  id access basis sharedAt revokedAt sharedBy { id displayName } revokedBy { id } agency { id name } } }`;
const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const UPDATE_CASE = `mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, expectedVersion: $v, input: $input) { id version } }`;
const SHARE = `mutation($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!) {
  shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason) { id } }`;
const REVOKE = `mutation($caseId: ID!, $agencyId: ID!) { revokeCaseShare(caseId: $caseId, agencyId: $agencyId) }`;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const SUMMARY = 'Shouting and banging on the landing of Gull Court most evenings';
const newCase = (overrides: Record<string, unknown> = {}) => ({
  category: 'HARASSMENT',
  summary: SUMMARY,
  ward: 'Harbourside',
  riskLevel: 'MEDIUM',
  address: '9 Gull Court, Harbourside',
  parties: [
    { role: 'VICTIM', fullName: 'Nadia Okafor', phone: '07700 900441' },
    { role: 'SUBJECT', fullName: 'Rory Blaine', address: 'Flat 11, Gull Court' },
  ],
  ...overrides,
});

const AGENCY_NAMES = {
  landlord: 'Harbour Homes',
  police: 'Harbour Police',
  council: 'Harbour Council ASB Team',
  outsider: 'Harbour Probation Service',
};

describe('the audit trail and disclosure log', () => {
  let portal: TestPortal;
  let people: Partnership;
  const agency: Record<keyof typeof AGENCY_NAMES, string> = { landlord: '', police: '', council: '', outsider: '' };
  let housingOfficer: Persona;
  let housingManager: Persona;
  let policeOfficer: Persona;
  let policeManager: Persona;
  let councilOfficer: Persona;
  let outsiderManager: Persona;
  const displayNames = new Map<string, string>();

  /** The actor of an event as a trail reader sees it: the person, their name and their agency. */
  const actor = (who: Persona) => {
    const key = (Object.keys(agency) as (keyof typeof agency)[]).find((k) => agency[k] === who.agencyId)!;
    return { id: who.id, displayName: displayNames.get(who.id), agency: { id: who.agencyId, name: AGENCY_NAMES[key] } };
  };

  const openCase = async (overrides: Record<string, unknown> = {}, by = housingOfficer) =>
    (await portal.ok(CREATE_CASE, { input: newCase(overrides) }, by.token)).createCase.id as string;

  const share = (
    caseId: string,
    agencyId: string,
    access: 'FULL' | 'LIMITED',
    reason = 'Crime and Disorder Act 1998 s.115',
    by = housingOfficer,
  ) => portal.ok(SHARE, { caseId, agencyId, access, reason }, by.token);

  /** The whole trail, newest first, as the owner's manager (or `reader`) reads it. */
  const trail = async (caseId: string, reader = housingManager) =>
    (await portal.ok(TRAIL, { caseId, first: 100 }, reader.token)).caseAuditTrail.edges.map((e: any) => e.node);

  const eventCount = async (caseId: string, action?: string) => {
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND ($2::text IS NULL OR action = $2)`,
      [caseId, action ?? null],
    );
    return rows[0].n as number;
  };

  const versionOf = async (caseId: string) =>
    (await portal.db.query(`SELECT version FROM cases WHERE id = $1`, [caseId])).rows[0].version as number;

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    people = new Partnership(portal);
    agency.landlord = await people.agency(AGENCY_NAMES.landlord, 'LANDLORD');
    agency.police = await people.agency(AGENCY_NAMES.police, 'POLICE');
    agency.council = await people.agency(AGENCY_NAMES.council, 'COUNCIL');
    agency.outsider = await people.agency(AGENCY_NAMES.outsider, 'PROBATION');
    housingOfficer = await people.user(agency.landlord, ['CASEWORKER'], 'housing-officer');
    housingManager = await people.user(agency.landlord, ['MANAGER'], 'housing-manager');
    policeOfficer = await people.user(agency.police, ['CASEWORKER'], 'police-officer');
    policeManager = await people.user(agency.police, ['MANAGER'], 'police-manager');
    councilOfficer = await people.user(agency.council, ['CASEWORKER'], 'council-officer');
    outsiderManager = await people.user(agency.outsider, ['MANAGER'], 'probation-manager');
    const { rows } = await portal.db.query(`SELECT id, display_name FROM users`);
    for (const row of rows) displayNames.set(row.id, row.display_name);
  });

  afterAll(() => portal.close());

  describe('who may read them', () => {
    let caseId: string;
    const queries: [string, string, string][] = [
      ['the audit trail', TRAIL, 'caseAuditTrail'],
      ['the disclosure log', DISCLOSURES, 'caseDisclosures'],
    ];

    beforeAll(async () => {
      caseId = await openCase();
      await share(caseId, agency.police, 'FULL');
    });

    it.each(queries)('%s is open to a manager of the owner agency', async (_label, query, root) => {
      const data = await portal.ok(query, { caseId }, housingManager.token);
      if (root === 'caseAuditTrail') {
        expect(data.caseAuditTrail.totalCount).toBe(await eventCount(caseId));
        expect(data.caseAuditTrail.edges.map((e: any) => e.node.action)).toEqual([
          'CASE_SHARED',
          'PARTY_ADDED',
          'PARTY_ADDED',
          'CASE_CREATED',
        ]);
      } else {
        expect(data.caseDisclosures).toEqual([
          expect.objectContaining({ access: 'FULL', agency: { id: agency.police, name: AGENCY_NAMES.police } }),
        ]);
      }
    });

    it.each(queries)('%s is FORBIDDEN to a caseworker of the owner agency', async (_label, query) => {
      const result = await portal.gql(query, { caseId }, housingOfficer.token);
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    });

    it.each(queries)('%s is FORBIDDEN to a manager of an agency the case is shared with', async (_label, query) => {
      const result = await portal.gql(query, { caseId }, policeManager.token);
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    });

    it.each(queries)(
      "%s of a case not shared with a manager's agency is NOT_FOUND, exactly as for a case that does not exist",
      async (_label, query) => {
        const invisible = await portal.gql(query, { caseId }, outsiderManager.token);
        const missing = await portal.gql(query, { caseId: MISSING_ID }, outsiderManager.token);
        expect(codeOf(invisible)).toBe('NOT_FOUND');
        expect(invisible).toEqual(missing);
      },
    );

    it.each(queries)('%s is FORBIDDEN to an administrator', async (_label, query) => {
      const result = await portal.gql(query, { caseId }, await people.admin());
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    });
  });

  describe('views of sensitive fields', () => {
    let caseId: string;
    const READ_IDENTIFIERS = `query($id: ID!) { case(id: $id) { reference address parties { role fullName } } }`;

    beforeAll(async () => {
      caseId = await openCase();
      await share(caseId, agency.police, 'FULL');
      await share(caseId, agency.council, 'LIMITED');
    });

    it('records one CASE_VIEWED event, naming exactly the fields sent, when a FULL partner reads names and the address', async () => {
      const before = await eventCount(caseId);
      const seen = (await portal.ok(READ_IDENTIFIERS, { id: caseId }, policeOfficer.token)).case;
      expect(seen.address).toBe('9 Gull Court, Harbourside');
      expect(seen.parties.map((p: any) => p.fullName)).toEqual(['Nadia Okafor', 'Rory Blaine']);
      expect(await eventCount(caseId)).toBe(before + 1);
      const [latest] = await trail(caseId);
      expect(latest).toMatchObject({
        action: 'CASE_VIEWED',
        fields: ['address', 'party.fullName'],
        changes: [],
        actor: actor(policeOfficer),
      });
    });

    it('records one view per case per request, however many aliases and nested paths sent its fields', async () => {
      const before = await eventCount(caseId, 'CASE_VIEWED');
      await portal.ok(
        `query($id: ID!) { a: case(id: $id) { address } b: case(id: $id) { parties { fullName } } c: case(id: $id) { incidents { case { address } } } }`,
        { id: caseId },
        policeOfficer.token,
      );
      expect(await eventCount(caseId, 'CASE_VIEWED')).toBe(before + 1);
      const [latest] = await trail(caseId);
      expect(latest).toMatchObject({
        action: 'CASE_VIEWED',
        fields: ['address', 'party.fullName'],
        actor: actor(policeOfficer),
      });
    });

    it('records no view when a LIMITED partner runs the same query and gets the identifiers withheld', async () => {
      const before = await eventCount(caseId);
      const seen = (await portal.ok(READ_IDENTIFIERS, { id: caseId }, councilOfficer.token)).case;
      expect(seen.address).toBeNull();
      expect(seen.parties.map((p: any) => p.fullName)).toEqual([null, null]);
      expect(await eventCount(caseId)).toBe(before);
      const { rows } = await portal.db.query(`SELECT 1 FROM audit_events WHERE case_id = $1 AND actor_agency_id = $2`, [
        caseId,
        agency.council,
      ]);
      expect(rows).toHaveLength(0);
    });

    it('records no view for a read of the case basics only', async () => {
      const before = await eventCount(caseId);
      const seen = (
        await portal.ok(`query($id: ID!) { case(id: $id) { reference summary } }`, { id: caseId }, policeOfficer.token)
      ).case;
      expect(seen.summary).toBe(SUMMARY);
      expect(await eventCount(caseId)).toBe(before);
    });
  });

  describe('changes to the case record', () => {
    let caseId: string;
    const INTELLIGENCE = 'Subject linked to county lines supply in the block';

    beforeAll(async () => {
      caseId = await openCase();
      await share(caseId, agency.police, 'FULL');
    });

    it("records the owner's edit of the summary with its old and new values", async () => {
      const to = 'Shouting, banging and threats on the landing of Gull Court';
      await portal.ok(
        UPDATE_CASE,
        { id: caseId, v: await versionOf(caseId), input: { summary: to } },
        housingOfficer.token,
      );
      const [latest] = await trail(caseId);
      expect(latest).toMatchObject({ action: 'CASE_UPDATED', actor: actor(housingOfficer), fields: [] });
      expect(latest.changes).toEqual([{ field: 'summary', from: SUMMARY, to, withheld: false }]);
    });

    it("shows the landlord's manager that the police changed their intelligence, but not what it says", async () => {
      const before = await eventCount(caseId, 'CASE_UPDATED');
      await portal.ok(
        UPDATE_CASE,
        { id: caseId, v: await versionOf(caseId), input: { policeIntelligence: INTELLIGENCE } },
        policeOfficer.token,
      );
      expect(await eventCount(caseId, 'CASE_UPDATED')).toBe(before + 1);
      const events = await trail(caseId);
      expect(events[0]).toMatchObject({ action: 'CASE_UPDATED', actor: actor(policeOfficer) });
      expect(events[0].changes).toEqual([{ field: 'policeIntelligence', from: null, to: null, withheld: true }]);
      expect(JSON.stringify(events)).not.toContain('county lines');
      // The trail keeps the value whole; only its reader is refused it.
      const { rows } = await portal.db.query(
        `SELECT detail->'changes'->0->>'to' AS value FROM audit_events WHERE case_id = $1 AND action = 'CASE_UPDATED' ORDER BY id DESC LIMIT 1`,
        [caseId],
      );
      expect(rows[0].value).toBe(INTELLIGENCE);
    });

    it('shows a police manager the intelligence their own agency recorded on its own case', async () => {
      const policeCase = await openCase({}, policeOfficer);
      await portal.ok(
        UPDATE_CASE,
        { id: policeCase, v: 1, input: { policeIntelligence: INTELLIGENCE } },
        policeOfficer.token,
      );
      const [latest] = await trail(policeCase, policeManager);
      expect(latest.changes).toEqual([{ field: 'policeIntelligence', from: null, to: INTELLIGENCE, withheld: false }]);
    });
  });

  describe('shares, revocations and the disclosure log', () => {
    let caseId: string;
    const POLICE_BASIS = 'Crime and Disorder Act 1998 s.115: joint problem-solving';
    const RESHARE_BASIS = 'Patrol planning only, no identifiers needed';
    const COUNCIL_BASIS = 'Community Safety Partnership ASB protocol';

    beforeAll(async () => {
      caseId = await openCase();
      await share(caseId, agency.police, 'FULL', POLICE_BASIS);
      await share(caseId, agency.council, 'LIMITED', COUNCIL_BASIS);
      await portal.ok(REVOKE, { caseId, agencyId: agency.council }, housingOfficer.token);
      await share(caseId, agency.police, 'LIMITED', RESHARE_BASIS);
    });

    it('records each share with its basis and access, and each revocation, newest first', async () => {
      const events = (await trail(caseId)).filter(
        (e: any) => e.action === 'CASE_SHARED' || e.action === 'SHARE_REVOKED',
      );
      expect(events.map((e: any) => e.action)).toEqual(['CASE_SHARED', 'SHARE_REVOKED', 'CASE_SHARED', 'CASE_SHARED']);
      const expectations: [string, string, string?][] = [
        [AGENCY_NAMES.police, 'LIMITED', RESHARE_BASIS],
        [AGENCY_NAMES.council, 'LIMITED'],
        [AGENCY_NAMES.council, 'LIMITED', COUNCIL_BASIS],
        [AGENCY_NAMES.police, 'FULL', POLICE_BASIS],
      ];
      events.forEach((event: any, i: number) => {
        const [name, access, basis] = expectations[i];
        expect(event.actor).toEqual(actor(housingOfficer));
        expect(event.detail).toContain(name);
        expect(event.detail).toContain(access);
        if (basis) expect(event.detail).toContain(basis);
      });
    });

    it('lists every disclosure, live and revoked, with its agency, access, basis, who shared it and who revoked it', async () => {
      const disclosures = (await portal.ok(DISCLOSURES, { caseId }, housingManager.token)).caseDisclosures;
      const sharedBy = { id: housingOfficer.id, displayName: displayNames.get(housingOfficer.id) };
      const police = { id: agency.police, name: AGENCY_NAMES.police };
      const council = { id: agency.council, name: AGENCY_NAMES.council };
      expect(disclosures).toHaveLength(3);
      expect(disclosures).toEqual(
        expect.arrayContaining([
          {
            id: expect.any(String),
            agency: police,
            access: 'FULL',
            basis: POLICE_BASIS,
            sharedBy,
            sharedAt: expect.any(String),
            revokedAt: expect.any(String),
            revokedBy: { id: housingOfficer.id },
          },
          {
            id: expect.any(String),
            agency: police,
            access: 'LIMITED',
            basis: RESHARE_BASIS,
            sharedBy,
            sharedAt: expect.any(String),
            revokedAt: null,
            revokedBy: null,
          },
          {
            id: expect.any(String),
            agency: council,
            access: 'LIMITED',
            basis: COUNCIL_BASIS,
            sharedBy,
            sharedAt: expect.any(String),
            revokedAt: expect.any(String),
            revokedBy: { id: housingOfficer.id },
          },
        ]),
      );
      const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM case_shares WHERE case_id = $1`, [caseId]);
      expect(rows[0].n).toBe(3);
    });

    it('shows the earlier share revoked when the case is re-shared at another access', async () => {
      const disclosures = (await portal.ok(DISCLOSURES, { caseId }, housingManager.token)).caseDisclosures;
      const [earlier, later] = disclosures
        .filter((d: any) => d.agency.id === agency.police)
        .sort((a: any, b: any) => Date.parse(a.sharedAt) - Date.parse(b.sharedAt));
      expect([earlier.access, later.access]).toEqual(['FULL', 'LIMITED']);
      expect(Date.parse(earlier.revokedAt)).toBeGreaterThanOrEqual(Date.parse(earlier.sharedAt));
      expect(Date.parse(earlier.revokedAt)).toBeLessThanOrEqual(Date.parse(later.sharedAt));
      expect(later.revokedAt).toBeNull();
      const live = (
        await portal.ok(
          `query($id: ID!) { case(id: $id) { shares { access agency { id } } } }`,
          { id: caseId },
          housingOfficer.token,
        )
      ).case.shares;
      expect(live).toEqual([{ access: 'LIMITED', agency: { id: agency.police } }]);
    });
  });

  describe('the life of a case', () => {
    let caseId: string;
    const CLOSE_REASON = 'Subject moved out after warning letter';

    beforeAll(async () => {
      caseId = await openCase();
      const recent = new Date(Date.now() - 60 * 60 * 1000).toISOString();
      await portal.ok(
        `mutation($caseId: ID!, $at: DateTime!) { logIncident(caseId: $caseId, input: { occurredAt: $at, category: HARASSMENT, description: "Banging on the victim's door at 2am" }) { id } }`,
        { caseId, at: recent },
        housingOfficer.token,
      );
      await portal.ok(
        `mutation($caseId: ID!, $agency: ID!) { addAction(caseId: $caseId, input: { kind: WARNING_LETTER, description: "Send a first warning letter", ownerAgencyId: $agency }) { id } }`,
        { caseId, agency: agency.landlord },
        housingOfficer.token,
      );
      await portal.ok(
        `mutation($caseId: ID!, $at: DateTime!) { recordContact(caseId: $caseId, input: { contactedAt: $at, channel: PHONE, note: "Called the victim back" }) { id } }`,
        { caseId, at: new Date().toISOString() },
        housingOfficer.token,
      );
      await portal.ok(
        `mutation($id: ID!, $v: Int!, $reason: String!) { closeCase(id: $id, expectedVersion: $v, input: { outcome: RESOLVED, reason: $reason }) { id } }`,
        { id: caseId, v: 1, reason: CLOSE_REASON },
        housingOfficer.token,
      );
    });

    it('records creation, parties, an incident, an action, a contact and the closure, newest first', async () => {
      const events = await trail(caseId);
      expect(events.map((e: any) => e.action)).toEqual([
        'CASE_CLOSED',
        'CONTACT_RECORDED',
        'ACTION_ADDED',
        'INCIDENT_LOGGED',
        'PARTY_ADDED',
        'PARTY_ADDED',
        'CASE_CREATED',
      ]);
      for (const event of events) expect(event.actor).toEqual(actor(housingOfficer));
      const times = events.map((e: any) => Date.parse(e.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(events[0].detail).toContain(CLOSE_REASON);
      // Parties from createCase, the later one newest.
      expect(events[4].changes).toContainEqual({
        field: 'party.fullName',
        from: null,
        to: 'Rory Blaine',
        withheld: false,
      });
      expect(events[5].changes).toContainEqual({
        field: 'party.fullName',
        from: null,
        to: 'Nadia Okafor',
        withheld: false,
      });
      expect(events[6].changes).toContainEqual({ field: 'summary', from: null, to: SUMMARY, withheld: false });
    });

    it('pages through the trail with first and after, giving every event exactly once', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: any = (await portal.ok(TRAIL, { caseId, first: 3, after }, housingManager.token)).caseAuditTrail;
        expect(page.totalCount).toBe(7);
        expect(page.edges.length).toBeLessThanOrEqual(3);
        seen.push(...page.edges.map((e: any) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after && pages < 10);
      expect(pages).toBe(3);
      const { rows } = await portal.db.query(
        `SELECT id::text AS id FROM audit_events WHERE case_id = $1 ORDER BY id DESC`,
        [caseId],
      );
      expect(seen).toEqual(rows.map((row: { id: string }) => row.id));
    });
  });

  describe('the trail is append-only', () => {
    const snapshot = async () =>
      (await portal.db.query(`SELECT id, at, case_id, actor_id, action, detail FROM audit_events ORDER BY id`)).rows;

    beforeAll(async () => {
      await openCase();
    });

    it.each([
      ['changed', `UPDATE audit_events SET action = 'X'`],
      ['deleted', `DELETE FROM audit_events`],
      ['truncated', `TRUNCATE audit_events`],
    ])(
      "cannot be %s, even by the schema's owner (the portal's own role may not even try: database-roles.e2e-spec)",
      async (_label, sql) => {
        const before = await snapshot();
        expect(before.length).toBeGreaterThan(0);
        await expect(portal.db.query(sql)).rejects.toMatchObject({ code: '42501' });
        expect(await snapshot()).toEqual(before);
      },
    );
  });

  describe('a mutation that fails leaves no audit event', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = await openCase();
      await share(caseId, agency.police, 'FULL');
      await portal.ok(
        UPDATE_CASE,
        { id: caseId, v: 1, input: { summary: 'Edited once, now at version two' } },
        housingOfficer.token,
      );
    });

    const unchanged = async (before: number) => {
      expect(await eventCount(caseId)).toBe(before);
      const { rows } = await portal.db.query(`SELECT summary, police_intelligence, version FROM cases WHERE id = $1`, [
        caseId,
      ]);
      expect(rows[0]).toEqual({ summary: 'Edited once, now at version two', police_intelligence: null, version: 2 });
    };

    it('a stale expectedVersion is CONFLICT and adds no CASE_UPDATED event', async () => {
      const before = await eventCount(caseId);
      const stale = await portal.gql(
        UPDATE_CASE,
        { id: caseId, v: 1, input: { summary: 'A stale edit that must not land' } },
        housingOfficer.token,
      );
      expect(codeOf(stale)).toBe('CONFLICT');
      await unchanged(before);
    });

    it('a landlord writing police intelligence on its own case is FORBIDDEN and adds no event', async () => {
      const before = await eventCount(caseId);
      const refused = await portal.gql(
        UPDATE_CASE,
        { id: caseId, v: 2, input: { policeIntelligence: 'Guesswork' } },
        housingOfficer.token,
      );
      expect(refused.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'policeIntelligence' });
      await unchanged(before);
    });

    it('a FULL partner editing the summary is FORBIDDEN and adds no event', async () => {
      const before = await eventCount(caseId);
      const refused = await portal.gql(
        UPDATE_CASE,
        { id: caseId, v: 2, input: { summary: 'Rewritten by the police' } },
        policeOfficer.token,
      );
      expect(refused.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'summary' });
      await unchanged(before);
    });
  });
});
