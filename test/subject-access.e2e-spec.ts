import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionsService } from '#libs/auth';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const pdfText = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/gi)]
    .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
    .join('');

const REQUEST_FIELDS = `id reference status receivedAt dueAt daysRemaining overdue caseReference subjectName exportedAt exportedBy pdfPath jsonPath extensionMonths`;
const CREATE = `mutation($input: CreateSubjectAccessRequestInput!) { createSubjectAccessRequest(input: $input) { ${REQUEST_FIELDS} } }`;

/** What a third party is on the subject's cases: none of it may leave in the export. */
const THIRD_PARTY_DETAILS = [
  'Nia Neighbour',
  '900456',
  '12 Other Street',
  'Tom Thirdman',
  '496 0000',
  '9 Hidden Close',
  '1975',
];

describe('subject access: one person, everything the owner agency holds, third parties redacted, on the trail', () => {
  let portal: TestPortal;
  let people: Partnership;
  let manager: Persona;
  let caseworker: Persona;
  let landlord: string;
  let policeManager: Persona;
  let noiseCase: { id: string; reference: string };
  let daCase: { id: string; reference: string };
  let policeCase: { id: string; reference: string };
  let namesakeCase: { id: string; reference: string };
  let undatedNamesakeCase: { id: string; reference: string };
  let linkedCase: { id: string; reference: string };
  let askerParty: string;
  let contactedAt: string;
  const get = (path: string, persona?: Persona) =>
    fetch(`${portal.url}${path}`, { headers: persona ? { authorization: `Bearer ${persona.token}` } : {} });

  const createCase = async (persona: Persona, input: Record<string, unknown>) =>
    (
      await portal.ok<{ createCase: { id: string; reference: string; parties: { id: string; fullName: string }[] } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference parties { id fullName } } }`,
        { input },
        persona.token,
      )
    ).createCase;

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    landlord = await people.agency('Asker Homes', 'LANDLORD');
    const police = await people.agency('Asker Police', 'POLICE');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    policeManager = await people.user(police, ['MANAGER'], 'police-manager');
    const policeCaseworker = await people.user(police, ['CASEWORKER'], 'police-caseworker');

    const noise = await createCase(caseworker, {
      category: 'NOISE',
      summary: 'Loud music from the flat above, reported by Sam Asker',
      ward: 'Kingsmead',
      riskLevel: 'STANDARD',
      address: '1 Own Road, Leeds',
      parties: [
        {
          role: 'COMPLAINANT',
          fullName: 'Sam Asker',
          dateOfBirth: '1984-02-03',
          phone: '07700 900001',
          address: '1 Own Road, Leeds',
        },
        {
          role: 'SUBJECT',
          fullName: 'Nia Neighbour',
          dateOfBirth: '1975-06-07',
          phone: '07700 900456',
          address: '12 Other Street, Leeds',
        },
      ],
    });
    noiseCase = noise;
    askerParty = noise.parties.find((p) => p.fullName === 'Sam Asker')!.id;
    const da = await createCase(caseworker, {
      category: 'DOMESTIC_ABUSE',
      summary: 'Threats by an ex-partner',
      ward: 'Northgate',
      riskLevel: 'HIGH',
      address: '4 Refuge Row',
      parties: [
        { role: 'VICTIM', fullName: ' sam ASKER ', dateOfBirth: '1984-02-03', phone: '07700 900002' },
        { role: 'SUBJECT', fullName: 'Tom Thirdman', phone: '0113 496 0000', address: '9 Hidden Close, Leeds' },
      ],
    });
    daCase = da;
    // A namesake born on another day is another person; a case the police own and share is not the landlord's to give.
    namesakeCase = await createCase(caseworker, {
      category: 'NOISE',
      summary: 'A different Sam Asker',
      ward: 'Kingsmead',
      riskLevel: 'STANDARD',
      parties: [{ role: 'COMPLAINANT', fullName: 'Sam Asker', dateOfBirth: '1990-01-01' }],
    });
    // A namesake with no date of birth recorded may be anyone: only a confirmed link or a matching recorded date
    // of birth makes a party the subject's. A misspelt record a caseworker linked to the subject is theirs.
    undatedNamesakeCase = await createCase(caseworker, {
      category: 'NOISE',
      summary: 'Another Sam Asker, age unknown',
      ward: 'Kingsmead',
      riskLevel: 'STANDARD',
      parties: [{ role: 'COMPLAINANT', fullName: 'Sam Asker' }],
    });
    const linked = await createCase(caseworker, {
      category: 'RUBBISH',
      summary: 'Bins left on the landing',
      ward: 'Kingsmead',
      riskLevel: 'STANDARD',
      parties: [{ role: 'COMPLAINANT', fullName: 'Samuel Askar' }],
    });
    await portal.ok(
      `mutation($p: ID!, $same: ID!) { linkParty(partyId: $p, samePersonAs: $same) { id } }`,
      { p: linked.parties[0].id, same: askerParty },
      caseworker.token,
    );
    linkedCase = linked;
    policeCase = await createCase(policeCaseworker, {
      category: 'HARASSMENT',
      summary: 'Police-held harassment case',
      ward: 'Kingsmead',
      riskLevel: 'MEDIUM',
      parties: [{ role: 'VICTIM', fullName: 'Sam Asker', dateOfBirth: '1984-02-03' }],
    });
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Joint working") { id } }`,
      { c: policeCase.id, a: landlord },
      policeCaseworker.token,
    );

    // A partner's officer works on the landlord's case: their agency is named in the export, they are not.
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Joint patrols") { id } }`,
      { c: noise.id, a: police },
      caseworker.token,
    );
    await portal.ok(
      `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-05-04T21:00:00Z", category: NOISE, description: "Patrol heard music from the street" }) { id } }`,
      { c: noise.id },
      policeCaseworker.token,
    );
    await portal.ok(
      `query($c: ID!) { case(id: $c) { parties { fullName phone } } }`,
      { c: noise.id },
      policeCaseworker.token,
    );

    const log = (caseId: string, description: string) =>
      portal.ok(
        `mutation($c: ID!, $d: String!) { logIncident(caseId: $c, input: { occurredAt: "2026-05-01T21:00:00Z", category: NOISE, description: $d }) { id } }`,
        { c: caseId, d: description },
        caseworker.token,
      );
    await log(noise.id, 'Music until 2am, bass through the ceiling');
    await log(noise.id, 'Neighbour rang the complainant from 07700-900-456 to shout');
    contactedAt = new Date().toISOString();
    await portal.ok(
      `mutation($c: ID!, $at: DateTime!) { recordContact(caseId: $c, input: { channel: PHONE, contactedAt: $at, note: "Called Sam back, advised diary sheets" }) { id } }`,
      { c: noise.id, at: contactedAt },
      caseworker.token,
    );
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: WARNING_LETTER, description: "Warning letter to Nia Neighbour", ownerAgencyId: $a }) { id } }`,
      { c: noise.id, a: landlord },
      caseworker.token,
    );
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: HOME_VISIT, description: "Visit the complainant with a noise app", ownerAgencyId: $a }) { id } }`,
      { c: noise.id, a: landlord },
      caseworker.token,
    );
    await portal.ok(
      `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-05-03T21:00:00Z", category: DOMESTIC_ABUSE, description: "Turned up shouting", location: "Outside the new flat" }) { id } }`,
      { c: da.id },
      caseworker.token,
    );
    await portal.ok(
      `mutation($c: ID!) { recordDashAssessment(caseId: $c, input: { answers: [{ question: 1, answer: YES, note: "Injured by him" }], concerns: "Escalating" }) { id } }`,
      { c: da.id },
      caseworker.token,
    );
  }, 120_000);
  afterAll(() => portal.close());

  it('gives the statutory month: received 31 January, due 28 February, and overdue once past', async () => {
    const { createSubjectAccessRequest: late } = await portal.ok(
      CREATE,
      { input: { partyId: askerParty, reference: 'SAR-2026-001', receivedAt: '2026-01-31' } },
      manager.token,
    );
    expect(late).toMatchObject({ status: 'OPEN', receivedAt: '2026-01-31', dueAt: '2026-02-28', overdue: true });
    expect(late.daysRemaining).toBeLessThan(0);
    const { extendSubjectAccessRequest: extended } = await portal.ok(
      `mutation($id: ID!) { extendSubjectAccessRequest(id: $id, months: 2, reason: "Many cases to review") { dueAt extensionMonths } }`,
      { id: late.id },
      manager.token,
    );
    expect(extended).toEqual({ dueAt: '2026-04-30', extensionMonths: 2 });
    const tooLong = await portal.gql(
      `mutation($id: ID!) { extendSubjectAccessRequest(id: $id, months: 1, reason: "More") { dueAt } }`,
      { id: late.id },
      manager.token,
    );
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].extensions!.field).toBe('months');

    const future = await portal.gql(
      CREATE,
      { input: { partyId: askerParty, reference: 'SAR-FUTURE', receivedAt: '2099-01-01' } },
      manager.token,
    );
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    const notADay = await portal.gql(
      CREATE,
      { input: { partyId: askerParty, reference: 'SAR-BAD', receivedAt: '2026-02-30' } },
      manager.token,
    );
    expect(codeOf(notADay)).toBe('BAD_USER_INPUT');
    const again = await portal.gql(
      CREATE,
      { input: { partyId: askerParty, reference: 'SAR-2026-001', receivedAt: '2026-02-01' } },
      manager.token,
    );
    expect(codeOf(again)).toBe('BAD_USER_INPUT');

    const { subjectAccessRequests: open } = await portal.ok(
      `{ subjectAccessRequests(status: OPEN) { reference dueAt overdue subjectName caseReference } }`,
      {},
      manager.token,
    );
    expect(open).toEqual([
      {
        reference: 'SAR-2026-001',
        dueAt: '2026-04-30',
        overdue: true,
        subjectName: 'Sam Asker',
        caseReference: noiseCase.reference,
      },
    ]);
  });

  it('exports the person across the agency’s two owned cases as JSON, and no third party’s name, phone or address', async () => {
    const { createSubjectAccessRequest: request } = await portal.ok(
      CREATE,
      { input: { partyId: askerParty, reference: 'SAR-2026-002', receivedAt: '2026-12-01', requester: 'Sam Asker' } },
      manager.token,
    );
    expect(request.dueAt).toBe('2027-01-01');
    const response = await get(request.jsonPath, manager);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('subject-access-SAR-2026-002.json');
    const text = await response.text();
    for (const detail of THIRD_PARTY_DETAILS) expect(text).not.toContain(detail);
    const record = JSON.parse(text);
    expect(record.request).toMatchObject({ reference: 'SAR-2026-002', receivedAt: '2026-12-01', dueAt: '2027-01-01' });
    expect(record.cases.map((c: { reference: string }) => c.reference)).toEqual([
      noiseCase.reference,
      daCase.reference,
      linkedCase.reference,
    ]);
    expect(text).not.toContain(policeCase.reference);
    expect(text).not.toContain(namesakeCase.reference);
    expect(text).not.toContain(undatedNamesakeCase.reference);
    expect(record.subject.records.map((p: { phone: string }) => p.phone)).toEqual([
      '07700 900001',
      '07700 900002',
      null,
    ]);
    const [noise, da] = record.cases;
    expect(noise.otherPeople).toEqual(['[Third party: Subject]']);
    expect(noise.subjectRoles).toEqual(['COMPLAINANT']);
    expect(noise.incidents.map((i: { description: string }) => i.description).sort()).toEqual([
      'Music until 2am, bass through the ceiling',
      'Patrol heard music from the street',
      '[redacted]',
    ]);
    const patrol = noise.incidents.find((i: { description: string }) => i.description.startsWith('Patrol'));
    expect(patrol).toMatchObject({ loggedBy: 'A member of staff at Asker Police', agency: 'Asker Police' });
    expect(noise.views).toContainEqual(
      expect.objectContaining({
        action: 'CASE_VIEWED',
        by: 'A member of staff at Asker Police',
        agency: 'Asker Police',
      }),
    );
    expect(noise.views).toContainEqual(expect.objectContaining({ by: expect.stringMatching(/^caseworker/) }));
    expect(text).not.toContain('police-caseworker');
    expect(noise.actions.map((a: { description: string }) => a.description).sort()).toEqual([
      'Visit the complainant with a noise app',
      '[redacted]',
    ]);
    expect(noise.contacts).toEqual([{ contactedAt, channel: 'PHONE', note: 'Called Sam back, advised diary sheets' }]);
    expect(da.assessments.dash).toHaveLength(1);
    expect(da.assessments.dash[0].answers[0]).toEqual({ question: 1, answer: 'YES', note: 'Injured by him' });
    expect(noise.views.length).toBeGreaterThan(0);
    expect(noise.views[0]).toEqual(expect.objectContaining({ agency: 'Asker Homes' }));

    const { subjectAccessRequests: listed } = await portal.ok(
      `{ subjectAccessRequests { reference exportedAt exportedBy } }`,
      {},
      manager.token,
    );
    const mine = listed.find((r: { reference: string }) => r.reference === 'SAR-2026-002');
    expect(mine.exportedAt).not.toBeNull();
    expect(mine.exportedBy).toMatch(/^manager/);
  });

  it('tells the other side of a domestic-abuse case nothing of the victim: not where she is, nor her assessment', async () => {
    const { case: da } = await portal.ok(
      `query($c: ID!) { case(id: $c) { parties { id fullName } } }`,
      { c: daCase.id },
      manager.token,
    );
    const tom = da.parties.find((p: { fullName: string }) => p.fullName === 'Tom Thirdman');
    const { createSubjectAccessRequest: request } = await portal.ok(
      CREATE,
      { input: { partyId: tom.id, reference: 'SAR-2026-003', receivedAt: '2026-12-01' } },
      manager.token,
    );
    const text = await (await get(request.jsonPath, manager)).text();
    expect(text.toLowerCase()).not.toContain('sam asker');
    for (const detail of ['900001', '900002', 'Own Road', '4 Refuge Row', 'Outside the new flat', 'Injured by him'])
      expect(text).not.toContain(detail);
    const record = JSON.parse(text);
    expect(record.cases.map((c: { reference: string }) => c.reference)).toEqual([daCase.reference]);
    expect(record.subject.records).toEqual([expect.objectContaining({ fullName: 'Tom Thirdman', role: 'SUBJECT' })]);
    const [held] = record.cases;
    expect(held.otherPeople).toEqual(['[Third party: Victim]']);
    expect(held.address).toBe('[redacted]');
    expect(held.incidents.map((i: { location: string | null }) => i.location)).toContain('[redacted]');
    expect(held.assessments.dash).toMatch(/^withheld/);
  });

  it('exports the same as a PDF with the protective marking, its text free of third parties', async () => {
    const { subjectAccessRequests: listed } = await portal.ok(
      `{ subjectAccessRequests { reference pdfPath } }`,
      {},
      manager.token,
    );
    const request = listed.find((r: { reference: string }) => r.reference === 'SAR-2026-002');
    const response = await get(request.pdfPath, manager);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('Sam Asker');
    expect(text).toContain('07700 900001');
    expect(text).toContain('[Third party: Subject]');
    expect(text).toContain('Music until 2am');
    for (const detail of THIRD_PARTY_DETAILS) expect(text).not.toContain(detail);
    expect(text).not.toContain(policeCase.reference);
  });

  it('puts each export on the trail of every case in it, with the request’s reference and date', async () => {
    for (const kase of [noiseCase, daCase]) {
      const { caseAuditTrail } = await portal.ok(
        `query($c: ID!) { caseAuditTrail(caseId: $c, first: 100) { edges { node { action detail actor { displayName } } } } }`,
        { c: kase.id },
        manager.token,
      );
      const exports = caseAuditTrail.edges
        .map((e: { node: { action: string; detail: string } }) => e.node)
        .filter(
          (n: { action: string; detail: string }) => n.action === 'CASE_EXPORTED' && n.detail.includes('SAR-2026-002'),
        );
      expect(exports.map((n: { detail: string }) => n.detail).sort()).toEqual([
        expect.stringContaining('received 2026-12-01 (JSON)'),
        expect.stringContaining('received 2026-12-01 (PDF)'),
      ]);
    }
    const { caseAuditTrail: police } = await portal.ok(
      `query($c: ID!) { caseAuditTrail(caseId: $c, first: 100) { edges { node { action detail } } } }`,
      { c: policeCase.id },
      policeManager.token,
    );
    expect(JSON.stringify(police)).not.toContain('SAR-2026-002');
  });

  it('refuses every role but the owner agency’s MANAGER, and finds no party on a case the agency does not own', async () => {
    const { subjectAccessRequests: listed } = await portal.ok(
      `{ subjectAccessRequests { id jsonPath } }`,
      {},
      manager.token,
    );
    const { id, jsonPath } = listed[0];
    const refused: Persona[] = [];
    for (const roles of [['CASEWORKER'], ['MARAC_CHAIR'], ['MARAC_COORDINATOR'], ['AGENCY_ADMIN'], ['ADMIN']])
      refused.push(await people.user(landlord, roles, `refused-${roles[0].toLowerCase()}`));
    for (const kind of ['POLICE', 'COUNCIL', 'SUPPORT', 'HEALTH', 'SOCIAL_CARE', 'PROBATION', 'OTHER']) {
      const agency = await people.agency(`Other ${kind}`, kind);
      for (const role of ['CASEWORKER', 'MARAC_COORDINATOR'])
        refused.push(await people.user(agency, [role], `${kind}-${role}`));
    }
    for (const persona of refused) {
      const create = await portal.gql(
        CREATE,
        { input: { partyId: askerParty, reference: 'SAR-X', receivedAt: '2026-12-01' } },
        persona.token,
      );
      expect(codeOf(create)).toBe('FORBIDDEN');
      expect(codeOf(await portal.gql(`{ subjectAccessRequests { id } }`, {}, persona.token))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await portal.gql(
            `mutation($id: ID!) { completeSubjectAccessRequest(id: $id) { id } }`,
            { id },
            persona.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      expect((await get(jsonPath, persona)).status).toBe(403);
    }
    expect((await get(jsonPath)).status).toBe(401);
    for (const persona of refused) {
      const { me } = await portal.ok(`{ me { viewerCan { answerSubjectAccess } } }`, {}, persona.token);
      expect(me.viewerCan.answerSubjectAccess).toBe(false);
    }
    for (const persona of [manager, policeManager]) {
      const { me } = await portal.ok(`{ me { viewerCan { answerSubjectAccess } } }`, {}, persona.token);
      expect(me.viewerCan.answerSubjectAccess).toBe(true);
    }

    // Another agency's manager: the landlord's party and request do not exist for them.
    const otherManager = policeManager;
    const create = await portal.gql(
      CREATE,
      { input: { partyId: askerParty, reference: 'SAR-X', receivedAt: '2026-12-01' } },
      otherManager.token,
    );
    expect(codeOf(create)).toBe('NOT_FOUND');
    expect((await portal.ok(`{ subjectAccessRequests { id } }`, {}, otherManager.token)).subjectAccessRequests).toEqual(
      [],
    );
    expect((await get(jsonPath, otherManager)).status).toBe(404);
    expect(
      codeOf(
        await portal.gql(
          `mutation($id: ID!) { completeSubjectAccessRequest(id: $id) { id } }`,
          { id },
          otherManager.token,
        ),
      ),
    ).toBe('NOT_FOUND');

    // The landlord's manager, from the party on the police case shared with them: not theirs to answer.
    const { case: shared } = await portal.ok(
      `query($c: ID!) { case(id: $c) { parties { id } } }`,
      { c: policeCase.id },
      manager.token,
    );
    const onShared = await portal.gql(
      CREATE,
      { input: { partyId: shared.parties[0].id, reference: 'SAR-SHARED', receivedAt: '2026-12-01' } },
      manager.token,
    );
    expect(codeOf(onShared)).toBe('NOT_FOUND');
    expect(onShared.errors![0].extensions!.field).toBe('partyId');
  });

  it('is walled by agency in the database too: another agency’s own statements read none of the requests', async () => {
    const sessions = portal.app.get(SessionsService);
    const count = async (persona: Persona) => {
      const ctx = sessions.contextFor(await sessions.activeUser(persona.id), 'test');
      const [row] = await ctx.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM subject_access_requests`);
      return row.n;
    };
    expect(await count(manager)).toBeGreaterThan(0);
    expect(await count(policeManager)).toBe(0);
  });

  it('completes a request, which then leaves the open list', async () => {
    const { subjectAccessRequests: open } = await portal.ok(
      `{ subjectAccessRequests(status: OPEN) { id reference } }`,
      {},
      manager.token,
    );
    const request = open.find((r: { reference: string }) => r.reference === 'SAR-2026-002');
    const { completeSubjectAccessRequest: done } = await portal.ok(
      `mutation($id: ID!) { completeSubjectAccessRequest(id: $id) { status overdue } }`,
      { id: request.id },
      manager.token,
    );
    expect(done).toEqual({ status: 'COMPLETED', overdue: false });
    const { subjectAccessRequests: after } = await portal.ok(
      `{ subjectAccessRequests(status: OPEN) { reference } }`,
      {},
      manager.token,
    );
    expect(after.map((r: { reference: string }) => r.reference)).toEqual(['SAR-2026-001', 'SAR-2026-003']);
  });
});
