import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

const DAY = 86_400_000;
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "MARAC information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const DASH = `mutation($c: ID!, $input: DashAssessmentInput!) { recordDashAssessment(caseId: $c, input: $input) { id } }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id startsAt } }`;
const REFER = `mutation($m: ID!, $c: ID!, $r: ReferralReason!, $concerns: String) { referCase(meetingId: $m, caseId: $c, reason: $r, concerns: $concerns) { id } }`;
const PUBLISH = `mutation($m: ID!) { publishAgenda(meetingId: $m) { id } }`;
const AGREE = `mutation($m: ID!) { agreeConfidentiality(meetingId: $m) { id } }`;
const CLOSE = `mutation($m: ID!) { closeMeeting(meetingId: $m) { closedAt } }`;
const OWNER_WITHDRAW = `mutation($i: ID!, $r: String!) { withdrawCaseFromMeeting(agendaItemId: $i, reason: $r) { id withdrawnAt withdrawnReason } }`;
const ACTION = `mutation($i: ID!, $a: ID!) { recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: "Check the tenancy for the victim", dueAt: "${new Date(Date.now() + 14 * DAY).toISOString()}" }) { id } }`;
/** Everything the agenda can carry about a case, as an attacker would ask for it. */
const AGENDA = `query($id: ID!) { meeting(id: $id) { agenda(includeWithdrawn: true) {
  id dashScore concerns minutes withdrawnAt
  dashAssessment { score concerns answers { question answer note } }
  case { id reference access redactedFields parties { fullName } dashAssessments { concerns answers { note } } }
  research { summary } actions { id } actionsNotDone { id }
} } }`;

const NOTE = 'Strangled her in March; she thought she would die';
const CONCERN = 'Victim fears for her life since the separation';

describe('meetings neither outlive a revoked share nor widen a LIMITED one', () => {
  let portal: TestPortal;
  let police: string;
  let landlord: string;
  let council: string;
  let idvaAgency: string;
  let outsiderAgency: string;
  let officer: Persona;
  let policeCoordinator: Persona;
  let chair: Persona;
  let landlordCoordinator: Persona;
  let councilCoordinator: Persona;
  let idvaCoordinator: Persona;
  let idva: Persona;
  let outsider: Persona;
  let policeManager: Persona;

  const newCase = async (owner: Persona, victim: string) =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category: 'DOMESTIC_ABUSE',
            summary: 'Domestic abuse reported by the victim',
            ward: 'Riverside',
            riskLevel: 'HIGH',
            parties: [
              { role: 'VICTIM', fullName: victim },
              { role: 'SUBJECT', fullName: 'Sol Subject' },
            ],
          },
        },
        owner.token,
      )
    ).createCase as { id: string; reference: string };
  const assess = (caseId: string) =>
    portal.ok(
      DASH,
      {
        c: caseId,
        input: {
          answers: Array.from({ length: 15 }, (_, i) => ({
            question: i + 1,
            answer: 'YES',
            note: i === 0 ? NOTE : null,
          })),
          judgedHighRisk: true,
          concerns: CONCERN,
        },
      },
      officer.token,
    );
  const schedule = async (by: Persona, agencyIds: string[], chairId = chair.id) =>
    (
      await portal.ok(
        SCHEDULE,
        {
          input: {
            kind: 'MARAC',
            title: 'Riverside MARAC',
            startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
            chairId,
            agencyIds,
          },
        },
        by.token,
      )
    ).scheduleMeeting.id as string;
  const refer = async (meetingId: string, caseId: string, by = policeCoordinator) =>
    (await portal.ok(REFER, { m: meetingId, c: caseId, r: 'DASH_THRESHOLD' }, by.token)).referCase.id as string;
  const agenda = async (meetingId: string, persona: Persona) =>
    (await portal.ok(AGENDA, { id: meetingId }, persona.token)).meeting.agenda as any[];
  const pack = async (meetingId: string, persona: Persona) =>
    (
      await fetch(`${portal.url}/packs/meetings/${meetingId}.html`, {
        headers: { authorization: `Bearer ${persona.token}` },
      })
    ).text();
  const count = async (sql: string, params: unknown[]) => (await portal.db.query(sql, params)).rows[0].n as number;

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    police = await people.agency('Leaks Police', 'POLICE');
    landlord = await people.agency('Leaks Homes', 'LANDLORD');
    council = await people.agency('Leaks Council', 'COUNCIL');
    idvaAgency = await people.agency('Leaks IDVA Service', 'SUPPORT');
    outsiderAgency = await people.agency('Leaks Elsewhere', 'OTHER');
    officer = await people.user(police, ['CASEWORKER'], 'officer');
    policeCoordinator = await people.user(police, ['MARAC_COORDINATOR'], 'police-coordinator');
    chair = await people.user(police, ['MARAC_CHAIR'], 'chair');
    landlordCoordinator = await people.user(landlord, ['MARAC_COORDINATOR', 'CASEWORKER'], 'landlord-coordinator');
    councilCoordinator = await people.user(council, ['MARAC_COORDINATOR', 'CASEWORKER'], 'council-coordinator');
    idvaCoordinator = await people.user(idvaAgency, ['MARAC_COORDINATOR'], 'idva-coordinator');
    idva = await people.user(idvaAgency, ['CASEWORKER'], 'idva');
    outsider = await people.user(outsiderAgency, ['CASEWORKER', 'MARAC_COORDINATOR'], 'outsider');
    policeManager = await people.user(police, ['MANAGER'], 'police-manager');
  });

  afterAll(() => portal.close());

  it('refuses a meeting dated more than a year ahead, such as 2099, naming startsAt; nothing is written', async () => {
    const input = (startsAt: string) => ({
      input: { kind: 'MARAC', title: 'Far future MARAC', startsAt, chairId: chair.id, agencyIds: [police] },
    });
    for (const startsAt of ['2099-01-01T10:00:00Z', new Date(Date.now() + 367 * DAY).toISOString()]) {
      const refused = await portal.gql(SCHEDULE, input(startsAt), landlordCoordinator.token);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    }
    expect(await count(`SELECT count(*)::int AS n FROM meetings WHERE title = 'Far future MARAC'`, [])).toBe(0);
    // Within the year is a meeting like any other.
    expect(
      (await portal.ok(SCHEDULE, input(new Date(Date.now() + 300 * DAY).toISOString()), landlordCoordinator.token))
        .scheduleMeeting.id,
    ).toBeTruthy();
  });

  it('lets only the owner agency refer a case: a LIMITED or FULL holder is refused, an agency without the case is told it does not exist, and nothing is written', async () => {
    const kase = await newCase(officer, 'Rhea Victim');
    await assess(kase.id);
    await portal.ok(SHARE, { c: kase.id, a: landlord, x: 'LIMITED' }, officer.token);
    await portal.ok(SHARE, { c: kase.id, a: council, x: 'FULL' }, officer.token);
    // The landlord's own meeting, with the police, the council and the IDVA service attending.
    const meetingId = await schedule(landlordCoordinator, [police, council, idvaAgency]);

    const limited = await portal.gql(
      REFER,
      { m: meetingId, c: kase.id, r: 'DASH_THRESHOLD' },
      landlordCoordinator.token,
    );
    expect(codeOf(limited)).toBe('FORBIDDEN');
    expect(
      codeOf(await portal.gql(REFER, { m: meetingId, c: kase.id, r: 'DASH_THRESHOLD' }, councilCoordinator.token)),
    ).toBe('FORBIDDEN');
    const notHeld = await portal.gql(REFER, { m: meetingId, c: kase.id, r: 'DASH_THRESHOLD' }, idvaCoordinator.token);
    expect(notHeld.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    expect(await count(`SELECT count(*)::int AS n FROM agenda_items WHERE case_id = $1`, [kase.id])).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'CASE_REFERRED'`, [
        kase.id,
      ]),
    ).toBe(0);

    // The owner's coordinator may put it on another agency's agenda, which its agency attends.
    await refer(meetingId, kase.id);
    expect(
      await count(`SELECT count(*)::int AS n FROM agenda_items WHERE case_id = $1 AND referred_by_agency_id = $2`, [
        kase.id,
        police,
      ]),
    ).toBe(1);
  });

  it("lets the owner agency's caseworker withdraw its case from another agency's agenda, on the case's trail, closing the material", async () => {
    const kase = await newCase(officer, 'Wren Victim');
    await assess(kase.id);
    await portal.ok(SHARE, { c: kase.id, a: landlord, x: 'LIMITED' }, officer.token);
    const meetingId = await schedule(landlordCoordinator, [police, idvaAgency]);
    const itemId = await refer(meetingId, kase.id);
    await portal.ok(PUBLISH, { m: meetingId }, landlordCoordinator.token);
    await portal.ok(AGREE, { m: meetingId }, idva.token);
    expect((await agenda(meetingId, idva))[0].case).toMatchObject({ id: kase.id, access: 'LIMITED' });

    // Only the owner agency: the meeting's organiser and an attendee may see the item but not take the case off;
    // an agency that neither attends nor owns it is told the item does not exist.
    expect(
      codeOf(await portal.gql(OWNER_WITHDRAW, { i: itemId, r: 'Not yours to withdraw' }, landlordCoordinator.token)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(OWNER_WITHDRAW, { i: itemId, r: 'Not yours to withdraw' }, idva.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await portal.gql(OWNER_WITHDRAW, { i: itemId, r: 'Not yours to withdraw' }, outsider.token))).toBe(
      'NOT_FOUND',
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM agenda_items WHERE id = $1 AND withdrawn_at IS NOT NULL`, [itemId]),
    ).toBe(0);

    const withdrawn = (
      await portal.ok(OWNER_WITHDRAW, { i: itemId, r: 'The victim has withdrawn consent' }, officer.token)
    ).withdrawCaseFromMeeting;
    expect(withdrawn).toMatchObject({ id: itemId, withdrawnReason: 'The victim has withdrawn consent' });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    const { rows } = await portal.db.query(
      `SELECT actor_id, actor_agency_id, detail FROM audit_events WHERE case_id = $1 AND action = 'CASE_WITHDRAWN_FROM_MEETING'`,
      [kase.id],
    );
    expect(rows).toEqual([
      {
        actor_id: officer.id,
        actor_agency_id: police,
        detail: expect.objectContaining({
          reason: 'The victim has withdrawn consent',
          meeting: expect.objectContaining({ id: meetingId }),
        }),
      },
    ]);
    expect(codeOf(await portal.gql(OWNER_WITHDRAW, { i: itemId, r: 'Again' }, officer.token))).toBe('CONFLICT');
    const trail = await portal.ok(
      `query($c: ID!) { caseAuditTrail(caseId: $c, first: 5) { edges { node { action detail } } } }`,
      { c: kase.id },
      policeManager.token,
    );
    expect(trail.caseAuditTrail.edges[0].node).toEqual({
      action: 'CASE_WITHDRAWN_FROM_MEETING',
      detail: 'Withdrawn from Riverside MARAC by the owner agency: The victim has withdrawn consent',
    });

    // The withdrawn item stays on the record for the meeting, without the case.
    const [item] = await agenda(meetingId, idva);
    expect(item).toMatchObject({
      id: itemId,
      case: null,
      concerns: null,
      dashAssessment: null,
      research: null,
      actions: null,
    });
    expect(await pack(meetingId, idva)).not.toContain(kase.reference);
  });

  it('opens nothing to non-holders from a referral another agency made before referral was the owner’s, and lets the owner withdraw it from a meeting it does not attend', async () => {
    const kase = await newCase(officer, 'Sage Victim');
    await assess(kase.id);
    await portal.ok(SHARE, { c: kase.id, a: landlord, x: 'LIMITED' }, officer.token);
    const meetingId = await schedule(landlordCoordinator, [idvaAgency], landlordCoordinator.id);
    // Written as the old referCase wrote it for a LIMITED holder.
    const { rows } = await portal.db.query(
      `INSERT INTO agenda_items (meeting_id, case_id, position, reason, dash_score, concerns, referred_by_id, referred_by_agency_id)
       VALUES ($1, $2, 1, 'DASH_THRESHOLD', 15, $3, $4, $5) RETURNING id`,
      [meetingId, kase.id, CONCERN, landlordCoordinator.id, landlord],
    );
    const itemId = rows[0].id as string;
    await portal.ok(PUBLISH, { m: meetingId }, landlordCoordinator.token);
    await portal.ok(AGREE, { m: meetingId }, idva.token);
    expect((await agenda(meetingId, idva))[0]).toMatchObject({
      id: itemId,
      case: null,
      concerns: null,
      minutes: null,
      research: null,
    });
    expect(await pack(meetingId, idva)).not.toContain(kase.reference);

    // The police do not attend the landlord's meeting, yet take their case off its agenda.
    expect(
      (await portal.ok(`query($id: ID!) { meeting(id: $id) { id } }`, { id: meetingId }, officer.token)).meeting,
    ).toBeNull();
    expect(
      (await portal.ok(OWNER_WITHDRAW, { i: itemId, r: 'Not referred by the police' }, officer.token))
        .withdrawCaseFromMeeting.withdrawnAt,
    ).not.toBeNull();
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'CASE_WITHDRAWN_FROM_MEETING'`,
        [kase.id],
      ),
    ).toBe(1);
  });

  it('shows the owner agency every agenda its case is on, even of a meeting it does not attend, so it can take the case off; a FULL or LIMITED holder reads null, listed in redactedFields', async () => {
    const REFERRALS = `query($id: ID!) { case(id: $id) { redactedFields meetingReferrals {
      agendaItemId meetingTitle meetingKind startsAt publishedAt closedAt reason withdrawnAt referredByAgency { id name }
    } } }`;
    const referrals = async (caseId: string, persona: Persona) =>
      (await portal.ok(REFERRALS, { id: caseId }, persona.token)).case;
    const kase = await newCase(officer, 'Ivy Victim');
    await assess(kase.id);
    await portal.ok(SHARE, { c: kase.id, a: council, x: 'FULL' }, officer.token);
    await portal.ok(SHARE, { c: kase.id, a: landlord, x: 'LIMITED' }, officer.token);
    // The police's own MARAC, in three weeks; and, sooner, the landlord's panel the police were never invited to,
    // with the case put on it by the landlord (as referral worked before it was the owner's alone).
    const ownStartsAt = new Date(Date.now() + 21 * DAY).toISOString();
    const own = (
      await portal.ok(
        SCHEDULE,
        {
          input: {
            kind: 'MARAC',
            title: 'Police MARAC',
            startsAt: ownStartsAt,
            chairId: chair.id,
            agencyIds: [police, idvaAgency],
          },
        },
        policeCoordinator.token,
      )
    ).scheduleMeeting.id as string;
    const ownItem = await refer(own, kase.id);
    const panel = (
      await portal.ok(
        SCHEDULE,
        {
          input: {
            kind: 'ASB_PANEL',
            title: 'Homes ASB panel',
            startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
            chairId: landlordCoordinator.id,
            agencyIds: [idvaAgency],
          },
        },
        landlordCoordinator.token,
      )
    ).scheduleMeeting.id as string;
    const { rows } = await portal.db.query(
      `INSERT INTO agenda_items (meeting_id, case_id, position, reason, referred_by_id, referred_by_agency_id) VALUES ($1, $2, 1, 'ESCALATION', $3, $4) RETURNING id`,
      [panel, kase.id, landlordCoordinator.id, landlord],
    );
    const panelItem = rows[0].id as string;
    await portal.ok(PUBLISH, { m: panel }, landlordCoordinator.token);
    expect(
      (await portal.ok(`query($id: ID!) { meeting(id: $id) { id } }`, { id: panel }, officer.token)).meeting,
    ).toBeNull();

    // Newest meeting first.
    const seen = await referrals(kase.id, officer);
    expect(seen.redactedFields).not.toContain('meetingReferrals');
    expect(seen.meetingReferrals).toEqual([
      {
        agendaItemId: ownItem,
        meetingTitle: 'Police MARAC',
        meetingKind: 'MARAC',
        startsAt: ownStartsAt,
        publishedAt: null,
        closedAt: null,
        reason: 'DASH_THRESHOLD',
        withdrawnAt: null,
        referredByAgency: { id: police, name: 'Leaks Police' },
      },
      expect.objectContaining({
        agendaItemId: panelItem,
        meetingTitle: 'Homes ASB panel',
        meetingKind: 'ASB_PANEL',
        reason: 'ESCALATION',
        withdrawnAt: null,
        referredByAgency: { id: landlord, name: 'Leaks Homes' },
      }),
    ]);
    expect(seen.meetingReferrals[1].publishedAt).not.toBeNull();

    // The listed item is what the withdrawal takes; the list then says when.
    await portal.ok(
      OWNER_WITHDRAW,
      { i: seen.meetingReferrals[1].agendaItemId, r: 'Not referred by the police' },
      officer.token,
    );
    const after = (await referrals(kase.id, officer)).meetingReferrals;
    expect(after.map((r: any) => [r.agendaItemId, r.withdrawnAt !== null])).toEqual([
      [ownItem, false],
      [panelItem, true],
    ]);
    // The same through the list of cases, as a page of cases reads it.
    const page = await portal.ok(
      `{ cases(first: 100) { edges { node { id meetingReferrals { agendaItemId } } } } }`,
      {},
      officer.token,
    );
    expect(page.cases.edges.find((e: any) => e.node.id === kase.id).node.meetingReferrals).toEqual([
      { agendaItemId: ownItem },
      { agendaItemId: panelItem },
    ]);

    // Partners holding the case read neither where it is discussed nor who referred it.
    for (const holder of [councilCoordinator, landlordCoordinator]) {
      const withheld = await referrals(kase.id, holder);
      expect(withheld.meetingReferrals).toBeNull();
      expect(withheld.redactedFields).toContain('meetingReferrals');
    }

    // A case never referred has an empty list, not null.
    const quiet = await newCase(officer, 'Quinn Victim');
    expect(await referrals(quiet.id, officer)).toMatchObject({ meetingReferrals: [] });
  });

  it('never shows DASH answers, notes or concerns through the agenda or the pack to an attendee without a share or with a LIMITED one', async () => {
    const kase = await newCase(officer, 'Lark Victim');
    await assess(kase.id);
    await portal.ok(SHARE, { c: kase.id, a: landlord, x: 'LIMITED' }, officer.token);
    await portal.ok(SHARE, { c: kase.id, a: council, x: 'FULL' }, officer.token);
    const meetingId = await schedule(policeCoordinator, [landlord, council, idvaAgency]);
    await refer(meetingId, kase.id);
    await portal.ok(PUBLISH, { m: meetingId }, policeCoordinator.token);
    for (const persona of [idva, landlordCoordinator, councilCoordinator, officer])
      await portal.ok(AGREE, { m: meetingId }, persona.token);

    for (const reader of [idva, landlordCoordinator]) {
      const [item] = await agenda(meetingId, reader);
      // The referral itself (its reason and score) is the meeting's; the answers and the written concern are not.
      expect(item).toMatchObject({
        dashScore: 15,
        concerns: null,
        dashAssessment: null,
        case: { id: kase.id, access: 'LIMITED', dashAssessments: null },
      });
      expect(item.case.redactedFields).toContain('dashAssessments');
      const html = await pack(meetingId, reader);
      expect(html).toContain(kase.reference);
      expect(html).not.toContain(CONCERN);
      expect(html).not.toContain(NOTE);
    }
    // A FULL holder and the owner read them, with their own rules.
    for (const reader of [councilCoordinator, officer]) {
      const [item] = await agenda(meetingId, reader);
      expect(item.concerns).toBe(CONCERN);
      expect(item.dashAssessment).toMatchObject({ score: 15, concerns: CONCERN });
      expect(item.dashAssessment.answers[0].note).toBe(NOTE);
      expect(await pack(meetingId, reader)).toContain(CONCERN);
    }
  });

  it('ends a revoked partner’s reading through a meeting once the meeting is closed, while the owner reads on and the partner keeps its meeting action', async () => {
    const kase = await newCase(officer, 'Fern Victim');
    await assess(kase.id);
    await portal.ok(SHARE, { c: kase.id, a: landlord, x: 'FULL' }, officer.token);
    const meetingId = await schedule(policeCoordinator, [landlord, idvaAgency]);
    const itemId = await refer(meetingId, kase.id);
    await portal.ok(PUBLISH, { m: meetingId }, policeCoordinator.token);
    await portal.ok(AGREE, { m: meetingId }, landlordCoordinator.token);
    await portal.ok(AGREE, { m: meetingId }, officer.token);
    const action = (await portal.ok(ACTION, { i: itemId, a: landlord }, chair.token)).recordMeetingAction.id as string;
    await portal.ok(
      `mutation($i: ID!) { recordMinutes(agendaItemId: $i, minutes: "Landlord to check the tenancy") { id } }`,
      { i: itemId },
      chair.token,
    );
    expect((await agenda(meetingId, landlordCoordinator))[0].case).toMatchObject({
      access: 'FULL',
      parties: [{ fullName: 'Fern Victim' }, { fullName: 'Sol Subject' }],
    });

    // Revoked while the meeting's material is open: an attendee without a share, reading as LIMITED.
    await portal.ok(REVOKE, { c: kase.id, a: landlord }, officer.token);
    const during = (await agenda(meetingId, landlordCoordinator))[0];
    expect(during).toMatchObject({
      concerns: null,
      dashAssessment: null,
      case: { access: 'LIMITED', parties: [{ fullName: null }, { fullName: null }] },
    });

    // Held and closed: the window has passed, and the partner reads nothing of the case through the meeting,
    // live over the socket included.
    const client = LiveClient.connect(portal, landlordCoordinator.token);
    const live = client.subscribe(
      `subscription($m: ID!) { meetingUpdates(meetingId: $m) { closedAt agenda { concerns case { id } minutes } } }`,
      { m: meetingId },
    );
    await new Promise((r) => setTimeout(r, 300));
    await portal.ok(CLOSE, { m: meetingId }, chair.token);
    const [pushed] = await live.received(1);
    await client.close();
    expect(pushed.meetingUpdates).toMatchObject({
      closedAt: expect.any(String),
      agenda: [{ concerns: null, case: null, minutes: null }],
    });
    const after = (await agenda(meetingId, landlordCoordinator))[0];
    expect(after).toMatchObject({
      dashScore: 15,
      case: null,
      concerns: null,
      dashAssessment: null,
      minutes: null,
      research: null,
      actions: null,
      actionsNotDone: null,
    });
    const exportsBefore = await count(
      `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'CASE_EXPORTED'`,
      [kase.id],
    );
    const html = await pack(meetingId, landlordCoordinator);
    expect(html).not.toContain(kase.reference);
    expect(html).not.toContain('Landlord to check the tenancy');
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'CASE_EXPORTED'`, [
        kase.id,
      ]),
    ).toBe(exportsBefore);
    expect(
      (await portal.ok(`query($id: ID!) { case(id: $id) { id } }`, { id: kase.id }, landlordCoordinator.token)).case,
    ).toBeNull();

    // The owner reads on; the action the meeting gave the landlord is still the landlord's to carry out.
    expect((await agenda(meetingId, officer))[0]).toMatchObject({
      case: { id: kase.id },
      minutes: 'Landlord to check the tenancy',
      concerns: CONCERN,
    });
    const done = await portal.ok(
      `mutation($id: ID!) { updateAction(id: $id, input: { status: DONE }) { id status } }`,
      { id: action },
      landlordCoordinator.token,
    );
    expect(done.updateAction).toEqual({ id: action, status: 'DONE' });
  });

  it('closes the material of a meeting never closed a bounded time after it started', async () => {
    const kase = await newCase(officer, 'Ivy Victim');
    await assess(kase.id);
    const meetingId = await schedule(policeCoordinator, [idvaAgency]);
    await refer(meetingId, kase.id);
    await portal.ok(PUBLISH, { m: meetingId }, policeCoordinator.token);
    await portal.ok(AGREE, { m: meetingId }, idva.token);
    expect((await agenda(meetingId, idva))[0].case).toMatchObject({ id: kase.id, access: 'LIMITED' });

    // Held 29 days ago and never closed: still open (MEETING_MATERIAL_DAYS, 30 by default). 31 days: closed.
    await portal.db.query(`UPDATE meetings SET starts_at = now() - interval '29 days' WHERE id = $1`, [meetingId]);
    expect((await agenda(meetingId, idva))[0].case).toMatchObject({ id: kase.id });
    await portal.db.query(`UPDATE meetings SET starts_at = now() - interval '31 days' WHERE id = $1`, [meetingId]);
    expect((await agenda(meetingId, idva))[0]).toMatchObject({ case: null, actions: null, minutes: null });
    expect(await pack(meetingId, idva)).not.toContain(kase.reference);
    // The owner is not bound by the window.
    await portal.ok(AGREE, { m: meetingId }, officer.token);
    expect((await agenda(meetingId, officer))[0].case).toMatchObject({ id: kase.id, access: 'FULL' });
  });
});
