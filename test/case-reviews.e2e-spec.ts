import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const INCIDENT = `mutation($c: ID!, $at: DateTime!, $cat: CaseCategory!) { logIncident(caseId: $c, input: { occurredAt: $at, category: $cat, description: "Shouting and threats" }) { id } }`;
const THRESHOLD = `query($id: ID!) { case(id: $id) { caseReviewThreshold { complaints threshold windowMonths met tellVictimAboutReview } } }`;
const REVIEW = `id receivedAt thresholdMet acknowledge { dueAt doneAt state } decide { dueAt doneAt state } meet { dueAt doneAt state }`;

describe('ASB Case Review', () => {
  let portal: TestPortal;
  let people: Partnership;
  let landlordOfficer: Persona;
  let councilOfficer: Persona;
  let coordinator: Persona;
  let chair: Persona;
  let council: string;

  const newCase = async (persona: Persona, victim: string) =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category: 'HARASSMENT',
            summary: 'Harassment by a neighbour',
            ward: 'Riverside',
            riskLevel: 'MEDIUM',
            parties: [
              { role: 'VICTIM', fullName: victim },
              { role: 'SUBJECT', fullName: 'Nat Neighbour' },
            ],
          },
        },
        persona.token,
      )
    ).createCase.id as string;
  const daysAgo = (n: number, hour = 20) => {
    const at = new Date(Date.now() - n * 86_400_000);
    at.setUTCHours(hour, 15, 0, 0);
    return at.toISOString();
  };

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    const landlord = await people.agency('Review Homes', 'LANDLORD');
    council = await people.agency('Review Council', 'COUNCIL');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'landlord');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'council');
    coordinator = await people.user(council, ['MARAC_COORDINATOR'], 'coordinator');
    chair = await people.user(council, ['MARAC_CHAIR'], 'chair');
  });
  afterAll(() => portal.close());

  it('counts complaints per victim across the cases the reader may read the name on, once per incident, prompting at the second and meeting the threshold at the third', async () => {
    const atLandlord = await newCase(landlordOfficer, 'Vic Review');
    const atCouncil = await newCase(councilOfficer, ' vic review');
    // Shared FULL, the landlord may read the victim's name on the council's case, so the council's complaints count for it.
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Information-sharing protocol") { id } }`,
      { c: atCouncil, a: landlordOfficer.agencyId },
      councilOfficer.token,
    );
    const threshold = async () =>
      (await portal.ok(THRESHOLD, { id: atLandlord }, landlordOfficer.token)).case.caseReviewThreshold;
    expect(await threshold()).toEqual({
      complaints: 0,
      threshold: 3,
      windowMonths: 6,
      met: false,
      tellVictimAboutReview: false,
    });
    await portal.ok(INCIDENT, { c: atLandlord, at: daysAgo(20), cat: 'HARASSMENT' }, landlordOfficer.token);
    // The same incident reported to the council too: still one complaint.
    await portal.ok(INCIDENT, { c: atCouncil, at: daysAgo(20), cat: 'HARASSMENT' }, councilOfficer.token);
    expect((await threshold()).complaints).toBe(1);
    await portal.ok(INCIDENT, { c: atCouncil, at: daysAgo(10), cat: 'HARASSMENT' }, councilOfficer.token);
    expect(await threshold()).toMatchObject({ complaints: 2, met: false, tellVictimAboutReview: true });
    // Older than six months: not counted.
    await portal.ok(INCIDENT, { c: atLandlord, at: daysAgo(200), cat: 'NOISE' }, landlordOfficer.token);
    expect((await threshold()).complaints).toBe(2);
    await portal.ok(INCIDENT, { c: atLandlord, at: daysAgo(2), cat: 'NOISE' }, landlordOfficer.token);
    expect(await threshold()).toMatchObject({ complaints: 3, met: true });
    // The council, which may not read the landlord's case, counts only the complaints on its own: no oracle for "is this name a victim elsewhere".
    expect(
      (await portal.ok(THRESHOLD, { id: atCouncil }, councilOfficer.token)).case.caseReviewThreshold.complaints,
    ).toBe(2);
  });

  it('runs the statutory clock in working days: acknowledge, decide, meet', async () => {
    const kase = await newCase(councilOfficer, 'Clock Applicant');
    // Received on Thursday 18 December 2025: working days skip weekends, Christmas Day, Boxing Day and New Year's Day.
    const received = '2025-12-18T10:00:00.000Z';
    const review = (
      await portal.ok(
        `mutation($c: ID!, $at: DateTime!) { requestCaseReview(caseId: $c, receivedAt: $at) { ${REVIEW} } }`,
        { c: kase, at: received },
        councilOfficer.token,
      )
    ).requestCaseReview;
    expect(review.acknowledge.dueAt).toBe('2025-12-29T10:00:00.000Z');
    expect(review.decide.dueAt).toBe('2026-01-06T10:00:00.000Z');
    // Long past: every step not yet done is breached.
    expect([review.acknowledge.state, review.decide.state, review.meet.state]).toEqual([
      'BREACHED',
      'BREACHED',
      'BREACHED',
    ]);

    const today = (
      await portal.ok(
        `mutation($c: ID!, $at: DateTime!) { requestCaseReview(caseId: $c, receivedAt: $at) { ${REVIEW} } }`,
        { c: kase, at: new Date().toISOString() },
        councilOfficer.token,
      )
    ).requestCaseReview;
    expect([today.acknowledge.state, today.decide.state, today.meet.state]).toEqual(['DUE', 'DUE', 'DUE']);
    const acknowledged = (
      await portal.ok(
        `mutation($id: ID!) { acknowledgeCaseReview(id: $id) { ${REVIEW} } }`,
        { id: today.id },
        councilOfficer.token,
      )
    ).acknowledgeCaseReview;
    expect(acknowledged.acknowledge.state).toBe('MET');
    expect(
      codeOf(
        await portal.gql(
          `mutation($id: ID!) { acknowledgeCaseReview(id: $id) { id } }`,
          { id: today.id },
          councilOfficer.token,
        ),
      ),
    ).toBe('CONFLICT');
    const decided = (
      await portal.ok(
        `mutation($id: ID!) { decideCaseReview(id: $id, thresholdMet: true, reason: "Three complaints in six months") { ${REVIEW} } }`,
        { id: today.id },
        councilOfficer.token,
      )
    ).decideCaseReview;
    expect(decided).toMatchObject({ thresholdMet: true, decide: { state: 'MET' } });

    // The review meeting: a CASE_REVIEW meeting that has started with the case on its agenda.
    const meeting = (
      await portal.ok(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            kind: 'CASE_REVIEW',
            title: 'ASB Case Review',
            startsAt: new Date().toISOString(),
            chairId: chair.id,
            agencyIds: [council],
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id;
    await portal.ok(
      `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Case Review application") { id } }`,
      { m: meeting, c: kase },
      coordinator.token,
    );
    const reviews = (
      await portal.ok(
        `query($id: ID!) { case(id: $id) { caseReviews { id meet { state doneAt } } } }`,
        { id: kase },
        councilOfficer.token,
      )
    ).case.caseReviews;
    expect(reviews.find((r: { id: string }) => r.id === today.id).meet.state).toBe('MET');

    // Another agency, which does not hold the case, can neither record nor move an application.
    expect(
      codeOf(
        await portal.gql(
          `mutation($id: ID!) { decideCaseReview(id: $id, thresholdMet: false, reason: "No") { id } }`,
          { id: review.id },
          landlordOfficer.token,
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});
