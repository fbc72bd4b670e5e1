import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { londonDayStart } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const INCIDENT = `mutation($c: ID!, $at: DateTime!) { logIncident(caseId: $c, input: { occurredAt: $at, category: HARASSMENT, description: "Shouting at the door" }) { id } }`;
const SUBMIT = `mutation($input: IntakeReportInput!) { submitIntakeReport(input: $input) { id } }`;
const QUEUE = `{ triageQueue { id flags } }`;
const CRITERIA = `query($id: ID!) { case(id: $id) { referralCriteria caseReviewThreshold { complaints met tellVictimAboutReview } } }`;
const PARTNERSHIP = `query($input: CaseStatisticsInput!) { partnershipStatistics(input: $input) {
  opened closedResolved closedUnresolved live byCategory { category count } byWard { ward count } incidents
  interventions { kind legal count } incidentsByWard { ward count }
} }`;
const REVIEW = `id acknowledge { doneAt } decide { doneAt } thresholdMet decisionReason`;
const TRAIL = `query($c: ID!) { caseAuditTrail(caseId: $c, first: 100) { edges { node { action detail actor { agency { id } } } } } }`;

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();

/** Midnight in London `days` days from today (negative: before). */
const londonMidnight = (days: number) => londonDayStart(new Date(Date.now() + days * 86_400_000)).toISOString();

describe('no oracles: matching, thresholds and figures tell a partner nothing it may not read', () => {
  let portal: TestPortal;
  let police: Persona;
  let landlord: Persona;
  let landlordManager: Persona;
  let landlordCoordinator: Persona;
  let landlordChair: Persona;
  let council: Persona;
  let councilManager: Persona;

  const newCase = async (by: Persona, input: Record<string, unknown>) =>
    (
      await portal.ok(
        CREATE,
        { input: { summary: 'Ongoing problem on the estate', ward: 'Oracle Ward', riskLevel: 'MEDIUM', ...input } },
        by.token,
      )
    ).createCase.id as string;
  const share = (by: Persona, c: string, a: string, x: 'FULL' | 'LIMITED') => portal.ok(SHARE, { c, a, x }, by.token);

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const policeAgency = await people.agency('Oracle Police', 'POLICE');
    const landlordAgency = await people.agency('Oracle Homes', 'LANDLORD');
    const councilAgency = await people.agency('Oracle Council', 'COUNCIL');
    police = await people.user(policeAgency, ['CASEWORKER'], 'police');
    landlord = await people.user(landlordAgency, ['CASEWORKER'], 'landlord');
    landlordManager = await people.user(landlordAgency, ['MANAGER'], 'landlord-manager');
    landlordCoordinator = await people.user(landlordAgency, ['MARAC_COORDINATOR'], 'coordinator');
    landlordChair = await people.user(landlordAgency, ['MARAC_CHAIR'], 'chair');
    council = await people.user(councilAgency, ['CASEWORKER'], 'council');
    councilManager = await people.user(councilAgency, ['MANAGER'], 'council-manager');
  });
  afterAll(() => portal.close());

  it('a landlord holding a DA case LIMITED types the victim’s address, name and phone into triage and gets no flag', async () => {
    const da = await newCase(police, {
      category: 'DOMESTIC_ABUSE',
      address: '7 Hidden Close',
      parties: [{ role: 'VICTIM', fullName: 'Dee Hidden', phone: '07700 900111', address: '7 Hidden Close' }],
    });
    await share(police, da, landlord.agencyId, 'LIMITED');
    await portal.ok(
      SUBMIT,
      {
        input: {
          channel: 'PHONE',
          category: 'NOISE',
          summary: 'Who lives here?',
          ward: 'Oracle Ward',
          address: '7 hidden close ',
          reporterName: 'dee hidden',
          reporterPhone: '07700900111',
        },
      },
      landlord.token,
    );
    const flags = async () => (await portal.ok(QUEUE, {}, landlord.token)).triageQueue[0].flags;
    expect(await flags()).toEqual([]);
    // FULL, the landlord reads the victim's name, but a DA victim's address and phone are still not its to read.
    await share(police, da, landlord.agencyId, 'FULL');
    expect(await flags()).toEqual(['REPEAT_VICTIM']);
    // The police, which may read all three, is flagged for all of them on its own report.
    await portal.ok(
      SUBMIT,
      {
        input: {
          channel: 'PHONE',
          category: 'NOISE',
          summary: 'Again',
          ward: 'Oracle Ward',
          address: '7 Hidden Close',
          reporterName: 'Someone Else',
          reporterPhone: '07700 900111',
        },
      },
      police.token,
    );
    expect((await portal.ok(QUEUE, {}, police.token)).triageQueue[0].flags).toEqual([
      'REPEAT_VICTIM',
      'REPEAT_LOCATION',
    ]);
  });

  it('refuses a report backdated beyond 30 days, so no one widens the triage window', async () => {
    const old = await portal.gql(
      SUBMIT,
      {
        input: {
          channel: 'EMAIL',
          category: 'NOISE',
          summary: 'Old email',
          ward: 'Oracle Ward',
          receivedAt: new Date(Date.now() - 400 * 86_400_000).toISOString(),
        },
      },
      landlord.token,
    );
    expect(old.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedAt' });
    await portal.ok(
      SUBMIT,
      {
        input: {
          channel: 'EMAIL',
          category: 'NOISE',
          summary: 'Last week’s email',
          ward: 'Oracle Ward',
          receivedAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
        },
      },
      landlord.token,
    );
  });

  it('the council names a victim in its own case and learns nothing about the landlord’s unshared case or a MARAC it did not attend', async () => {
    const parties = (victim: string) => [
      { role: 'VICTIM', fullName: victim },
      { role: 'SUBJECT', fullName: 'Sam Subject' },
    ];
    const landlordCase = await newCase(landlord, { category: 'HARASSMENT', parties: parties('Jane Victim') });
    for (const at of [hoursAgo(72), hoursAgo(48), hoursAgo(24)])
      await portal.ok(INCIDENT, { c: landlordCase, at }, landlord.token);
    // The landlord's own MARAC, which the council does not attend.
    const marac = (
      await portal.ok(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            kind: 'MARAC',
            title: 'Landlord MARAC',
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            chairId: landlordChair.id,
            agencyIds: [landlord.agencyId],
          },
        },
        landlordCoordinator.token,
      )
    ).scheduleMeeting.id;
    await portal.ok(
      `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Escalating threats") { id } }`,
      { m: marac, c: landlordCase },
      landlordCoordinator.token,
    );
    expect((await portal.ok(CRITERIA, { id: landlordCase }, landlord.token)).case.caseReviewThreshold.complaints).toBe(
      3,
    );

    const probe = await newCase(council, { category: 'HARASSMENT', parties: parties(' jane victim') });
    // After the referral, so a repeat referral would be "in the 12 months before the latest incident".
    await portal.ok(INCIDENT, { c: probe, at: new Date().toISOString() }, council.token);
    const asked = async () => (await portal.ok(CRITERIA, { id: probe }, council.token)).case;
    expect(await asked()).toEqual({
      referralCriteria: [],
      caseReviewThreshold: { complaints: 1, met: false, tellVictimAboutReview: false },
    });

    // Shared LIMITED, the council still may not read the landlord's names: still nothing.
    await share(landlord, landlordCase, council.agencyId, 'LIMITED');
    expect(await asked()).toEqual({
      referralCriteria: [],
      caseReviewThreshold: { complaints: 1, met: false, tellVictimAboutReview: false },
    });
    // Shared FULL, the complaints count; the MARAC it did not attend still does not.
    await share(landlord, landlordCase, council.agencyId, 'FULL');
    expect(await asked()).toEqual({
      referralCriteria: [],
      caseReviewThreshold: { complaints: 4, met: true, tellVictimAboutReview: true },
    });
    // The landlord, which cannot read the council's case, counts only its own.
    expect((await portal.ok(CRITERIA, { id: landlordCase }, landlord.token)).case.caseReviewThreshold.complaints).toBe(
      3,
    );
  });

  describe('partnership figures', () => {
    const from = londonMidnight(-30);
    const to = londonMidnight(1);

    it('refuses a window shorter than 28 whole days, a one-millisecond one included', async () => {
      const ms = await portal.gql(
        PARTNERSHIP,
        { input: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.001Z' } },
        councilManager.token,
      );
      expect(ms.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      expect(ms.data).toBeNull();
      const short = await portal.gql(
        PARTNERSHIP,
        { input: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-28T00:00:00.000Z' } },
        councilManager.token,
      );
      expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      // Ends are read as the London midnight that starts their day: up to 11.59pm on 28 February is 1–28 February, 27 days.
      const cut = await portal.gql(
        PARTNERSHIP,
        { input: { from: '2026-02-01T00:00:00.000Z', to: '2026-02-28T23:59:59.000Z' } },
        councilManager.token,
      );
      expect(cut.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    });

    it('reads the window in whole London days: a time of day changes nothing', async () => {
      const afternoon = new Date(new Date(from).getTime() + 13 * 3_600_000).toISOString();
      const atMidnight = (await portal.ok(PARTNERSHIP, { input: { from, to } }, councilManager.token))
        .partnershipStatistics;
      expect(
        (await portal.ok(PARTNERSHIP, { input: { from: afternoon, to } }, councilManager.token)).partnershipStatistics,
      ).toEqual(atMidnight);
    });

    it('shows a 0 and a 3 alike, rounds the rest to 5, and lists every category and kind whatever its count', async () => {
      for (let i = 0; i < 3; i++)
        await newCase(police, { category: 'VEHICLES', ward: 'Threeton', summary: `Abandoned car ${i}` });
      for (let i = 0; i < 8; i++)
        await newCase(police, { category: 'GRAFFITI', ward: 'Eightford', summary: `Tag ${i}` });
      const figures = async (input: Record<string, unknown>) =>
        (await portal.ok(PARTNERSHIP, { input: { from, to, ...input } }, councilManager.token)).partnershipStatistics;
      const three = await figures({ category: 'VEHICLES' });
      const zero = await figures({ category: 'FLY_TIPPING' });
      expect(three.byCategory).toEqual([{ category: 'VEHICLES', count: '<5' }]);
      expect(zero.byCategory).toEqual([{ category: 'FLY_TIPPING', count: '<5' }]);
      expect({ ...three, byCategory: null }).toEqual({ ...zero, byCategory: null });
      expect(three).toMatchObject({ opened: '<5', live: '<5', closedResolved: '<5', incidents: '<5' });
      // Eight is shown as 10; the whole partnership's total is rounded too, so a total less its parts points at no one.
      const eight = await figures({ category: 'GRAFFITI' });
      expect(eight).toMatchObject({ opened: '10', live: '10', byCategory: [{ category: 'GRAFFITI', count: '10' }] });
      const all = await figures({});
      expect(Number(all.opened) % 5).toBe(0);
      expect(all.byCategory).toHaveLength(19);
      expect(all.byCategory.find((c: { category: string }) => c.category === 'FLY_TIPPING')).toEqual({
        category: 'FLY_TIPPING',
        count: '<5',
      });
      expect(all.byWard).toEqual(
        expect.arrayContaining([
          { ward: 'Eightford', count: '10' },
          { ward: 'Threeton', count: '<5' },
        ]),
      );
      expect(all.interventions.find((i: { kind: string }) => i.kind === 'CIVIL_INJUNCTION')).toEqual({
        kind: 'CIVIL_INJUNCTION',
        legal: true,
        count: '<5',
      });
      for (const count of [all.opened, all.live, all.incidents, ...all.byWard.map((w: { count: string }) => w.count)])
        expect(count).toMatch(/^(<5|\d*[05])$/);
    });
  });

  describe('Case Review decisions are the owner’s, and every step is on the trail', () => {
    let kase: string;
    let reviewId: string;
    const ACK = `mutation($id: ID!) { acknowledgeCaseReview(id: $id) { ${REVIEW} } }`;
    const DECIDE = `mutation($id: ID!) { decideCaseReview(id: $id, thresholdMet: true, reason: "Three complaints in six months") { ${REVIEW} } }`;

    beforeAll(async () => {
      kase = await newCase(landlord, {
        category: 'HARASSMENT',
        parties: [{ role: 'VICTIM', fullName: 'Rita Review' }],
      });
      await share(landlord, kase, council.agencyId, 'LIMITED');
      await share(landlord, kase, police.agencyId, 'FULL');
    });

    it('a LIMITED holder records an application, but neither a LIMITED nor a FULL holder acknowledges or decides it; nothing changes', async () => {
      reviewId = (
        await portal.ok(
          `mutation($c: ID!, $at: DateTime!) { requestCaseReview(caseId: $c, receivedAt: $at) { id } }`,
          { c: kase, at: new Date().toISOString() },
          council.token,
        )
      ).requestCaseReview.id;
      for (const holder of [council, police]) {
        expect(codeOf(await portal.gql(ACK, { id: reviewId }, holder.token))).toBe('FORBIDDEN');
        expect(codeOf(await portal.gql(DECIDE, { id: reviewId }, holder.token))).toBe('FORBIDDEN');
      }
      const { rows } = await portal.db.query(
        `SELECT acknowledged_at, decided_at, threshold_met, decision_reason FROM case_reviews WHERE id = $1`,
        [reviewId],
      );
      expect(rows[0]).toEqual({ acknowledged_at: null, decided_at: null, threshold_met: null, decision_reason: null });
      const { rows: events } = await portal.db.query(
        `SELECT action FROM audit_events WHERE case_id = $1 AND action LIKE 'CASE_REVIEW_%' ORDER BY id`,
        [kase],
      );
      expect(events.map((e: { action: string }) => e.action)).toEqual(['CASE_REVIEW_REQUESTED']);
    });

    it('the owner acknowledges and decides, and the trail shows the request, the acknowledgement and the decision', async () => {
      expect(
        (await portal.ok(ACK, { id: reviewId }, landlord.token)).acknowledgeCaseReview.acknowledge.doneAt,
      ).not.toBeNull();
      expect((await portal.ok(DECIDE, { id: reviewId }, landlord.token)).decideCaseReview).toMatchObject({
        thresholdMet: true,
        decisionReason: 'Three complaints in six months',
      });
      const trail = (await portal.ok(TRAIL, { c: kase }, landlordManager.token)).caseAuditTrail.edges.map(
        (e: any) => e.node,
      );
      const steps = trail.filter((e: { action: string }) => e.action.startsWith('CASE_REVIEW_')).reverse();
      expect(
        steps.map((e: { action: string; actor: { agency: { id: string } } }) => [e.action, e.actor.agency.id]),
      ).toEqual([
        ['CASE_REVIEW_REQUESTED', council.agencyId],
        ['CASE_REVIEW_ACKNOWLEDGED', landlord.agencyId],
        ['CASE_REVIEW_DECIDED', landlord.agencyId],
      ]);
      expect(steps[2].detail).toMatch(/threshold met/i);
    });

    it('once its share is revoked, the police is told the review does not exist', async () => {
      await portal.ok(
        `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`,
        { c: kase, a: police.agencyId },
        landlord.token,
      );
      expect(codeOf(await portal.gql(ACK, { id: reviewId }, police.token))).toBe('NOT_FOUND');
    });
  });
});
