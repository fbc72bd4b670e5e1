import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { codeOf, TestPortal } from './harness.js';
import { ALERTS, type Feed, LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 19, item 2: transfer of ownership. The owner offers its case to another agency; until a manager there
 * accepts, nothing of the case changes, and the receiving agency sees only what deciding needs. Accepting moves the
 * owner, the shares and what follows the owner in one transaction; every refusal writes nothing.
 */

const ENV = { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' };
const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id version reference } }`;
const SHARE = `mutation($caseId: ID!, $agencyId: ID!, $access: ShareAccess!) {
  shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: "Partnership agreement") { id } }`;
const REVOKE = `mutation($caseId: ID!, $agencyId: ID!) { revokeCaseShare(caseId: $caseId, agencyId: $agencyId) }`;
const OFFER = `mutation($input: OfferCaseTransferInput!) { offerCaseTransfer(input: $input) {
  id reference category reason keptAccess status viewerCanDecide fromAgency { id name } toAgency { id } } }`;
const OFFERS = `query { caseTransferOffers { id reference category reason keptAccess status viewerCanDecide fromAgency { id name } } }`;
const ACCEPT = `mutation($id: ID!) { acceptCaseTransfer(id: $id) { id version owned access ownerAgency { id } leadOfficer { id } } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineCaseTransfer(id: $id, reason: $reason) { id status decisionReason } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawCaseTransfer(id: $id) { id status } }`;
const READ = `query($id: ID!) { case(id: $id) { id version owned access ownerAgency { id }
  viewerCan { transfer } pendingTransfer { id status toAgency { id } } } }`;
const LIST = `query { cases(first: 100) { edges { node { id } } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, expectedVersion: $v, input: $input) { id version } }`;
const TRAIL = `query($caseId: ID!) { caseAuditTrail(caseId: $caseId, first: 100) { edges { node { action detail } } } }`;
const HOLD = `mutation($c: ID!) { placeLegalHold(caseId: $c, reason: "Disrepair claim pending") { id } }`;
const RELEASE = `mutation($c: ID!) { releaseLegalHold(caseId: $c, reason: "Claim settled") { id } }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const REFER = `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Escalating threats at the door") { id } }`;
const WITHDRAW_ITEM = `mutation($i: ID!) { withdrawCaseFromMeeting(agendaItemId: $i, reason: "Handled elsewhere") { id } }`;
const UPDATES = `subscription($c: ID!) { caseUpdates(caseId: $c) { caseId what } }`;

const newCase = () => ({
  category: 'HARASSMENT',
  summary: 'Threats shouted at the door of 4 Heron Row',
  ward: 'Heronsgate',
  riskLevel: 'MEDIUM',
  address: '4 Heron Row',
  parties: [{ role: 'VICTIM', fullName: 'Ada Lindqvist', phone: '07700 900123' }],
});

describe('transfer of ownership to another agency that accepts it', () => {
  let portal: TestPortal;
  let people: Partnership;
  let council: string;
  let landlord: string;
  let police: string;
  let outsider: string;
  let councilOfficer: Persona;
  let councilManager: Persona;
  let councilCoordinator: Persona;
  let landlordOfficer: Persona;
  let landlordManager: Persona;
  let policeOfficer: Persona;
  let policeManager: Persona;
  let outsiderManager: Persona;
  let administrator: string;
  const clients: LiveClient[] = [];

  const openCase = async (by = councilOfficer) =>
    (await portal.ok(CREATE_CASE, { input: newCase() }, by.token)).createCase;
  const share = (caseId: string, agencyId: string, access: string, by = councilOfficer) =>
    portal.ok(SHARE, { caseId, agencyId, access }, by.token);
  const offer = (caseId: string, agencyId: string, by = councilOfficer, keep?: string) =>
    portal.gql(OFFER, { input: { caseId, agencyId, reason: 'The landlord now leads on the tenancy', keep } }, by.token);
  const state = async (caseId: string) => {
    const kase = (
      await portal.db.query(`SELECT owner_agency_id, version, lead_officer_id FROM cases WHERE id = $1`, [caseId])
    ).rows[0];
    const shares = (
      await portal.db.query(
        `SELECT agency_id, access FROM case_shares WHERE case_id = $1 AND revoked_at IS NULL ORDER BY agency_id`,
        [caseId],
      )
    ).rows;
    const transfers = (
      await portal.db.query(`SELECT status FROM case_transfers WHERE case_id = $1 ORDER BY offered_at`, [caseId])
    ).rows.map((r) => r.status);
    const events = (
      await portal.db.query(`SELECT action FROM audit_events WHERE case_id = $1 AND action LIKE 'CASE_TRANSFER%'`, [
        caseId,
      ])
    ).rows.map((r) => r.action);
    return { kase, shares, transfers, events };
  };
  const live = (persona: Persona) => {
    const client = LiveClient.connect(portal, persona.token);
    clients.push(client);
    return client;
  };
  const running = async (feed: Feed) => {
    await new Promise((r) => setTimeout(r, 300));
    return feed;
  };

  beforeAll(async () => {
    portal = await TestPortal.start(ENV);
    people = new Partnership(portal);
    council = await people.agency('Heronsgate Council', 'COUNCIL');
    landlord = await people.agency('Heron Homes', 'LANDLORD');
    police = await people.agency('Heronsgate Police', 'POLICE');
    outsider = await people.agency('Unrelated Support', 'SUPPORT');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'council');
    councilManager = await people.user(council, ['MANAGER'], 'council-manager');
    councilCoordinator = await people.user(council, ['MARAC_COORDINATOR', 'MARAC_CHAIR'], 'council-coordinator');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'landlord');
    landlordManager = await people.user(landlord, ['MANAGER'], 'landlord-manager');
    policeOfficer = await people.user(police, ['CASEWORKER'], 'police');
    policeManager = await people.user(police, ['MANAGER'], 'police-manager');
    outsiderManager = await people.user(outsider, ['MANAGER'], 'outsider-manager');
    administrator = await people.admin();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await portal?.close();
  });

  it('an offer changes nothing until accepted, and the receiving agency sees only reference, category, offering agency and reason', async () => {
    const kase = await openCase();
    const before = await state(kase.id);
    const made = await offer(kase.id, landlord);
    expect(made.errors).toBeUndefined();
    expect(made.data!.offerCaseTransfer).toMatchObject({
      status: 'PENDING',
      keptAccess: 'FULL',
      viewerCanDecide: false,
    });
    const after = await state(kase.id);
    expect(after.kase).toEqual(before.kase);
    expect(after.shares).toEqual(before.shares);
    expect(after.transfers).toEqual(['PENDING']);
    expect(after.events).toEqual(['CASE_TRANSFER_OFFERED']);

    const { caseTransferOffers } = await portal.ok(OFFERS, {}, landlordManager.token);
    expect(caseTransferOffers).toEqual([
      {
        id: made.data!.offerCaseTransfer.id,
        reference: kase.reference,
        category: 'HARASSMENT',
        reason: 'The landlord now leads on the tenancy',
        keptAccess: 'FULL',
        status: 'PENDING',
        viewerCanDecide: true,
        fromAgency: { id: council, name: 'Heronsgate Council' },
      },
    ]);
    // A caseworker there sees the offer but may not decide it.
    expect((await portal.ok(OFFERS, {}, landlordOfficer.token)).caseTransferOffers[0].viewerCanDecide).toBe(false);
    // The attack: the offer names no case to open, and the case itself still does not exist for the receiver.
    for (const field of ['caseId', 'case { id }', 'summary', 'parties { fullName }', 'address']) {
      const asked = await portal.gql(`query { caseTransferOffers { ${field} } }`, {}, landlordManager.token);
      expect(codeOf(asked)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect((await portal.ok(READ, { id: kase.id }, landlordManager.token)).case).toBeNull();
    // Nor does another agency see the offer at all.
    expect((await portal.ok(OFFERS, {}, outsiderManager.token)).caseTransferOffers).toEqual([]);
    expect((await portal.ok(OFFERS, {}, policeManager.token)).caseTransferOffers).toEqual([]);
    // The owner sees its offer waiting on the case.
    const owned = (await portal.ok(READ, { id: kase.id }, councilOfficer.token)).case;
    expect(owned.viewerCan.transfer).toBe(true);
    expect(owned.pendingTransfer).toMatchObject({ status: 'PENDING', toAgency: { id: landlord } });
  });

  it('beneath the rules, the database admits an offer only to its offering and receiving agencies', async () => {
    const kase = await openCase();
    await offer(kase.id, landlord);
    const app = new pg.Client({ connectionString: portal.appDatabaseUrl });
    await app.connect();
    try {
      const seen = async (agencyId: string) => {
        await app.query('BEGIN');
        await app.query(`SELECT set_config('portal.scope', 'agency', true), set_config('portal.agency', $1, true)`, [
          agencyId,
        ]);
        const { rows } = await app.query(`SELECT count(*)::int AS n FROM case_transfers WHERE case_id = $1`, [kase.id]);
        await app.query('ROLLBACK');
        return rows[0].n as number;
      };
      expect(await seen(council)).toBe(1);
      expect(await seen(landlord)).toBe(1);
      expect(await seen(police)).toBe(0);
      expect(await seen(outsider)).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('an offer is refused to partners, strangers, revoked partners and administrators, to the owner itself and a second time, writing nothing', async () => {
    const kase = await openCase();
    await share(kase.id, police, 'LIMITED');
    await share(kase.id, outsider, 'FULL');
    const outsiderOfficer = await people.user(outsider, ['CASEWORKER'], 'outsider');
    const revoked = await people.agency('Revoked Probation', 'PROBATION');
    const revokedOfficer = await people.user(revoked, ['CASEWORKER'], 'revoked');
    await share(kase.id, revoked, 'FULL');
    await portal.ok(REVOKE, { caseId: kase.id, agencyId: revoked }, councilOfficer.token);
    const stranger = await people.user(await people.agency('Stranger Health', 'HEALTH'), ['MANAGER'], 'stranger');
    const before = await state(kase.id);
    const attempts: [Persona | string, string, string][] = [
      [policeOfficer, landlord, 'FORBIDDEN'],
      [outsiderOfficer, landlord, 'FORBIDDEN'],
      [revokedOfficer, landlord, 'NOT_FOUND'],
      [stranger, landlord, 'NOT_FOUND'],
      [administrator, landlord, 'FORBIDDEN'],
      [councilOfficer, council, 'BAD_USER_INPUT'],
    ];
    for (const [who, to, code] of attempts) {
      const token = typeof who === 'string' ? who : who.token;
      const result = await portal.gql(
        OFFER,
        { input: { caseId: kase.id, agencyId: to, reason: 'Take it please' } },
        token,
      );
      expect([to, codeOf(result)]).toEqual([to, code]);
    }
    expect(await state(kase.id)).toEqual(before);
    expect((await offer(kase.id, landlord)).errors).toBeUndefined();
    const second = await offer(kase.id, police);
    expect(codeOf(second)).toBe('CONFLICT');
    expect((await state(kase.id)).transfers).toEqual(['PENDING']);
  });

  it('two offers of one case at once: one is made, the other is CONFLICT', async () => {
    const kase = await openCase();
    const results = await Promise.all([offer(kase.id, landlord), offer(kase.id, police)]);
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined].sort());
    expect((await state(kase.id)).transfers).toEqual(['PENDING']);
  });

  it('accepting is a manager of the receiving agency’s alone: its caseworker is FORBIDDEN, any other agency NOT_FOUND', async () => {
    const kase = await openCase();
    const id = (await offer(kase.id, landlord)).data!.offerCaseTransfer.id;
    const before = await state(kase.id);
    for (const [who, code] of [
      [landlordOfficer, 'FORBIDDEN'],
      [policeManager, 'NOT_FOUND'],
      [councilManager, 'NOT_FOUND'],
      [outsiderManager, 'NOT_FOUND'],
    ] as const) {
      expect(codeOf(await portal.gql(ACCEPT, { id }, who.token))).toBe(code);
      expect(codeOf(await portal.gql(DECLINE, { id, reason: 'Not ours' }, who.token))).toBe(code);
    }
    expect(codeOf(await portal.gql(ACCEPT, { id }, administrator))).toBe('FORBIDDEN');
    expect(await state(kase.id)).toEqual(before);
  });

  it('on acceptance the receiving agency owns the case, its own share goes, the old owner keeps FULL, the lead officer goes, and the trail says so', async () => {
    const kase = await openCase();
    await share(kase.id, landlord, 'LIMITED');
    await share(kase.id, police, 'FULL');
    const id = (await offer(kase.id, landlord)).data!.offerCaseTransfer.id;
    const before = await state(kase.id);
    expect(before.kase.lead_officer_id).toBe(councilOfficer.id);
    const { acceptCaseTransfer } = await portal.ok(ACCEPT, { id }, landlordManager.token);
    expect(acceptCaseTransfer).toMatchObject({
      id: kase.id,
      owned: true,
      access: 'FULL',
      ownerAgency: { id: landlord },
      leadOfficer: null,
      version: before.kase.version + 1,
    });
    const after = await state(kase.id);
    expect(after.kase).toEqual({ owner_agency_id: landlord, version: before.kase.version + 1, lead_officer_id: null });
    expect(after.shares).toEqual(
      [
        { agency_id: council, access: 'FULL' },
        { agency_id: police, access: 'FULL' },
      ].sort((a, b) => a.agency_id.localeCompare(b.agency_id)),
    );
    expect(after.transfers).toEqual(['ACCEPTED']);
    expect([...after.events].sort()).toEqual(['CASE_TRANSFERRED', 'CASE_TRANSFER_OFFERED']);
    const alerts = (
      await portal.db.query(`SELECT kind FROM alerts WHERE case_id = $1 AND kind = 'CASE_TRANSFERRED'`, [kase.id])
    ).rows;
    expect(alerts).toHaveLength(1);

    // The old owner, keeping a FULL share, still opens the case, no longer as owner.
    const asOld = (await portal.ok(READ, { id: kase.id }, councilOfficer.token)).case;
    expect(asOld).toMatchObject({ owned: false, access: 'FULL', viewerCan: { transfer: false } });
    // The new owner's manager reads the whole trail, the offer and the acceptance included.
    const trail = (await portal.ok(TRAIL, { caseId: kase.id }, landlordManager.token)).caseAuditTrail.edges.map(
      (e: { node: { action: string; detail: string } }) => e.node,
    );
    expect(trail.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['CASE_TRANSFER_OFFERED', 'CASE_TRANSFERRED']),
    );
    expect(trail.find((e: { action: string }) => e.action === 'CASE_TRANSFERRED').detail).toMatch(
      /from Heronsgate Council to Heron Homes.*keeps a FULL share/,
    );
    // The old owner's manager no longer reads the trail: it is the owner's.
    expect(codeOf(await portal.gql(TRAIL, { caseId: kase.id }, councilManager.token))).toBe('FORBIDDEN');

    // Accepting twice is CONFLICT and changes nothing.
    expect(codeOf(await portal.gql(ACCEPT, { id }, landlordManager.token))).toBe('CONFLICT');
    expect(await state(kase.id)).toEqual(after);
  });

  it('a LIMITED share kept is LIMITED', async () => {
    const kase = await openCase();
    const id = (await offer(kase.id, landlord, councilOfficer, 'LIMITED')).data!.offerCaseTransfer.id;
    await portal.ok(ACCEPT, { id }, landlordManager.token);
    expect((await state(kase.id)).shares).toEqual([{ agency_id: council, access: 'LIMITED' }]);
    expect((await portal.ok(READ, { id: kase.id }, councilOfficer.token)).case.access).toBe('LIMITED');
  });

  it('an old owner that kept no share sees nothing: case, list, writes and both subscriptions', async () => {
    const kase = await openCase();
    const id = (await offer(kase.id, landlord, councilOfficer, 'NONE')).data!.offerCaseTransfer.id;
    const updates = await running(live(councilOfficer).subscribe(UPDATES, { c: kase.id }));
    const alerts = await running(live(councilOfficer).subscribe(ALERTS, { caseId: kase.id }));
    // Another of the new owner's people: nobody is alerted of their own doing.
    const ownerAlerts = await running(live(landlordOfficer).subscribe(ALERTS, { caseId: kase.id }));
    await portal.ok(ACCEPT, { id }, landlordManager.token);
    const after = await state(kase.id);
    expect(after.shares).toEqual([]);
    expect((await portal.ok(READ, { id: kase.id }, councilOfficer.token)).case).toBeNull();
    const listed = (await portal.ok(LIST, {}, councilOfficer.token)).cases.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(listed).not.toContain(kase.id);
    expect(
      codeOf(
        await portal.gql(
          UPDATE,
          { id: kase.id, v: after.kase.version, input: { summary: 'Mine again' } },
          councilOfficer.token,
        ),
      ),
    ).toBe('NOT_FOUND');
    // The new owner goes on working the case; the old owner's live screens hear none of it.
    await portal.ok(
      UPDATE,
      { id: kase.id, v: after.kase.version, input: { summary: 'Landlord leads now', riskLevel: 'HIGH' } },
      landlordManager.token,
    );
    await ownerAlerts.received(3, 10_000);
    expect(ownerAlerts.events.map((e) => e.caseAlerts.kind)).toEqual(
      expect.arrayContaining(['CASE_TRANSFERRED', 'CASE_UPDATED']),
    );
    await portal.alertsSettled();
    await updates.settle(800);
    expect(alerts.events).toEqual([]);
    // A subscription that has lost its case answers null and ends, as a revoked share's does; never the case.
    expect(updates.events.every((e) => e.caseUpdates === null)).toBe(true);
    expect(JSON.stringify([updates.events, alerts.events])).not.toContain('Landlord leads now');
    // Reconnecting does not bring it back.
    const again = live(councilOfficer).subscribe(UPDATES, { c: kase.id });
    await again.settle(600);
    expect(again.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('a declined offer changes nothing, says why on the trail, and the owner may offer again', async () => {
    const kase = await openCase();
    const id = (await offer(kase.id, landlord)).data!.offerCaseTransfer.id;
    const before = await state(kase.id);
    expect(codeOf(await portal.gql(DECLINE, { id, reason: 'x' }, landlordManager.token))).toBe('BAD_USER_INPUT');
    const { declineCaseTransfer } = await portal.ok(
      DECLINE,
      { id, reason: 'We hold no tenancy at that address' },
      landlordManager.token,
    );
    expect(declineCaseTransfer).toMatchObject({
      status: 'DECLINED',
      decisionReason: 'We hold no tenancy at that address',
    });
    const after = await state(kase.id);
    expect(after.kase).toEqual(before.kase);
    expect(after.shares).toEqual(before.shares);
    expect([...after.events].sort()).toEqual(['CASE_TRANSFER_DECLINED', 'CASE_TRANSFER_OFFERED']);
    expect(codeOf(await portal.gql(ACCEPT, { id }, landlordManager.token))).toBe('CONFLICT');
    expect((await offer(kase.id, police)).errors).toBeUndefined();
  });

  it('the owner may withdraw its offer while it waits; nobody else may', async () => {
    const kase = await openCase();
    const id = (await offer(kase.id, landlord)).data!.offerCaseTransfer.id;
    expect(codeOf(await portal.gql(WITHDRAW, { id }, landlordOfficer.token))).toBe('NOT_FOUND');
    expect((await portal.ok(WITHDRAW, { id }, councilOfficer.token)).withdrawCaseTransfer.status).toBe('WITHDRAWN');
    expect(codeOf(await portal.gql(ACCEPT, { id }, landlordManager.token))).toBe('CONFLICT');
    expect((await state(kase.id)).kase.owner_agency_id).toBe(council);
  });

  it('a case under legal hold, or on a live agenda, is not transferred (CONFLICT) until released or withdrawn', async () => {
    const held = await openCase();
    await portal.ok(HOLD, { c: held.id }, councilManager.token);
    expect(codeOf(await offer(held.id, landlord))).toBe('CONFLICT');
    await portal.ok(RELEASE, { c: held.id }, councilManager.token);
    const id = (await offer(held.id, landlord)).data!.offerCaseTransfer.id;
    // A hold placed after the offer stops the acceptance too.
    await portal.ok(HOLD, { c: held.id }, councilManager.token);
    expect(codeOf(await portal.gql(ACCEPT, { id }, landlordManager.token))).toBe('CONFLICT');
    expect((await state(held.id)).kase.owner_agency_id).toBe(council);

    const referred = await openCase(councilCoordinator);
    const meetingId = (
      await portal.ok(
        SCHEDULE,
        {
          input: {
            kind: 'MARAC',
            title: 'Heronsgate MARAC',
            startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            chairId: councilCoordinator.id,
            agencyIds: [council, police],
          },
        },
        councilCoordinator.token,
      )
    ).scheduleMeeting.id;
    const itemId = (await portal.ok(REFER, { m: meetingId, c: referred.id }, councilCoordinator.token)).referCase.id;
    expect(codeOf(await offer(referred.id, landlord, councilCoordinator))).toBe('CONFLICT');
    await portal.ok(WITHDRAW_ITEM, { i: itemId }, councilCoordinator.token);
    expect((await offer(referred.id, landlord, councilCoordinator)).errors).toBeUndefined();
  });
});
