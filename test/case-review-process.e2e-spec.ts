import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlertScheduler } from '#libs/alerts';
import { codeOf, TestPortal } from './harness.js';
import { LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 19, item 1: the ASB Case Review end to end, as the council's single point of contact (SPOC), the case
 * owners and their partners would use it over GraphQL.
 */
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $access: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $access, reason: "Information-sharing protocol") { id } }`;
const REVIEW = `id caseIds spocAgencyId applicantName applicantContact applicantRelationship thirdParty consentRecordedAt
  thresholdMet decisionReason meetingId conclusion recommendationActionIds toldAt toldHow appealBy appealedAt
  appealUpheld appealOutcome appealMeetingId viewerCanProcess redactedFields
  acknowledge { state doneAt } decide { state doneAt } meet { state doneAt } tell { state dueAt doneAt }
  appealHearing { state doneAt }`;
const LOG = `mutation($input: LogCaseReviewInput!) { logCaseReviewApplication(input: $input) { ${REVIEW} } }`;
const LINK = `mutation($id: ID!, $c: ID!) { linkCaseToCaseReview(id: $id, caseId: $c) { ${REVIEW} } }`;
const ACK = `mutation($id: ID!) { acknowledgeCaseReview(id: $id) { ${REVIEW} } }`;
const DECIDE = `mutation($id: ID!, $met: Boolean!) { decideCaseReview(id: $id, thresholdMet: $met, reason: "Three qualifying complaints in six months") { ${REVIEW} } }`;
const SET_MEETING = `mutation($id: ID!, $m: ID!) { setCaseReviewMeeting(id: $id, meetingId: $m) { ${REVIEW} } }`;
const OUTCOME = `mutation($id: ID!, $input: CaseReviewOutcomeInput!) { recordCaseReviewOutcome(id: $id, input: $input) { ${REVIEW} } }`;
const TOLD = `mutation($id: ID!, $at: DateTime!) { recordCaseReviewApplicantTold(id: $id, toldAt: $at, how: "Letter and a phone call") { ${REVIEW} } }`;
const APPEAL = `mutation($id: ID!, $at: DateTime!) { recordCaseReviewAppeal(id: $id, receivedAt: $at, grounds: "The landlord's action did not stop the noise") { ${REVIEW} } }`;
const APPEAL_OUTCOME = `mutation($id: ID!, $m: ID!) { recordCaseReviewAppealOutcome(id: $id, meetingId: $m, upheld: true, outcome: "Upheld: a new noise abatement plan") { ${REVIEW} } }`;
const ONE = `query($id: ID!) { caseReview(id: $id) { ${REVIEW} } }`;
const ON_CASE = `query($id: ID!) { case(id: $id) { caseReviews { id applicantName applicantContact redactedFields thresholdMet } } }`;
const FIGURES = `query($y: Int!) { caseReviewFigures(year: $y) { year applications thresholdsMet thresholdsNotMet reviewsHeld recommendations appealsReceived appealsUpheld } }`;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('ASB Case Review, end to end', () => {
  let portal: TestPortal;
  let people: Partnership;
  let council: string;
  let landlord: string;
  let police: string;
  let support: string;
  let spoc: Persona;
  let councilManager: Persona;
  let landlordOfficer: Persona;
  let policeOfficer: Persona;
  let supportWorker: Persona;
  let coordinator: Persona;
  let firstChair: Persona;
  let secondChair: Persona;

  const newCase = async (persona: Persona, victim = 'Val Victim') =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category: 'NOISE',
            summary: 'Loud music every night',
            ward: 'Riverside',
            riskLevel: 'MEDIUM',
            parties: [
              { role: 'VICTIM', fullName: victim },
              { role: 'SUBJECT', fullName: 'Lou Neighbour' },
            ],
          },
        },
        persona.token,
      )
    ).createCase.id as string;
  const share = (caseId: string, agencyId: string, access: 'FULL' | 'LIMITED', owner: Persona) =>
    portal.ok(SHARE, { c: caseId, a: agencyId, access }, owner.token);
  const meeting = async (chair: Persona, startsAt: string, agencies: string[]) =>
    (
      await portal.ok(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            kind: 'CASE_REVIEW',
            title: 'ASB Case Review panel',
            startsAt,
            chairId: chair.id,
            agencyIds: agencies,
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id as string;
  const applicant = { name: 'Val Victim', contact: '07700 900123, evenings', thirdParty: false };
  /** Row counts of everything a Case Review step may write: a refusal leaves them as they were. */
  const written = async () =>
    (
      await portal.db.query(
        `SELECT (SELECT count(*) FROM case_reviews)::int AS reviews, (SELECT count(*) FROM case_review_cases)::int AS links,
                (SELECT count(*) FROM case_actions)::int AS actions, (SELECT count(*) FROM audit_events)::int AS trail,
                (SELECT count(*) FROM alerts)::int AS alerts,
                (SELECT md5(string_agg(r::text, ',' ORDER BY r.id)) FROM case_reviews r) AS state`,
      )
    ).rows[0];

  /** As if the application had been recorded the day it was received, twenty days ago, and then left. */
  const loggedOnTime = (id: string) =>
    portal.db.query(`UPDATE case_reviews SET requested_at = received_at WHERE id = $1`, [id]);

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    council = await people.agency('Review Borough Council', 'COUNCIL');
    landlord = await people.agency('Review Homes', 'LANDLORD');
    police = await people.agency('Review Police', 'POLICE');
    support = await people.agency('Review Support', 'SUPPORT');
    spoc = await people.user(council, ['CASE_REVIEW_SPOC'], 'spoc');
    councilManager = await people.user(council, ['MANAGER'], 'council-manager');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'landlord');
    policeOfficer = await people.user(police, ['CASEWORKER'], 'police');
    supportWorker = await people.user(support, ['CASEWORKER'], 'support');
    coordinator = await people.user(council, ['MARAC_COORDINATOR'], 'coordinator');
    firstChair = await people.user(council, ['MARAC_CHAIR'], 'chair-one');
    secondChair = await people.user(council, ['MARAC_CHAIR'], 'chair-two');
  });
  afterAll(() => portal.close());

  it('takes an application from logging to the appeal’s outcome: linked cases, acknowledge, decide, meeting, outcome with recommendations, the applicant told, an appeal to a different chair', async () => {
    const councilCase = await newCase(spoc);
    const landlordCase = await newCase(landlordOfficer);
    await share(landlordCase, police, 'LIMITED', landlordOfficer);

    // Logged by the SPOC on the victim's behalf, on the council's own case.
    const logged = (
      await portal.ok(LOG, { input: { caseIds: [councilCase], receivedAt: daysAgo(0), applicant } }, spoc.token)
    ).logCaseReviewApplication;
    expect(logged).toMatchObject({
      caseIds: [councilCase],
      spocAgencyId: council,
      applicantName: 'Val Victim',
      thirdParty: false,
      viewerCanProcess: true,
      acknowledge: { state: 'DUE' },
      tell: { state: 'DUE' },
    });

    // The landlord's case is not the council's to see, so the SPOC cannot link it; the landlord cannot see the
    // application yet either. Once the landlord shares its case with the council, the SPOC links it.
    const before = await written();
    expect(codeOf(await portal.gql(LINK, { id: logged.id, c: landlordCase }, spoc.token))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(LINK, { id: logged.id, c: landlordCase }, landlordOfficer.token))).toBe('NOT_FOUND');
    expect(await written()).toEqual(before);
    await share(landlordCase, council, 'FULL', landlordOfficer);
    const linked = (await portal.ok(LINK, { id: logged.id, c: landlordCase }, spoc.token)).linkCaseToCaseReview;
    expect(linked.caseIds).toEqual([councilCase, landlordCase]);

    // The landlord, owner of a linked case, reads the applicant and takes steps; the police, with a LIMITED share
    // of the landlord's case, see the application's progress there but not who applied, and take no step.
    const asLandlord = (await portal.ok(ONE, { id: logged.id }, landlordOfficer.token)).caseReview;
    expect(asLandlord).toMatchObject({ applicantName: 'Val Victim', caseIds: [landlordCase], viewerCanProcess: true });
    const onPoliceCase = (await portal.ok(ON_CASE, { id: landlordCase }, policeOfficer.token)).case.caseReviews;
    expect(onPoliceCase).toEqual([
      expect.objectContaining({ id: logged.id, applicantName: null, applicantContact: null }),
    ]);
    expect(onPoliceCase[0].redactedFields).toEqual(
      expect.arrayContaining(['applicantName', 'applicantContact', 'applicantRelationship']),
    );
    const refused = await written();
    expect(codeOf(await portal.gql(ACK, { id: logged.id }, policeOfficer.token))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(ACK, { id: logged.id }, supportWorker.token))).toBe('NOT_FOUND');
    expect(await written()).toEqual(refused);

    // Acknowledged by the landlord, decided by the SPOC.
    expect(
      (await portal.ok(ACK, { id: logged.id }, landlordOfficer.token)).acknowledgeCaseReview.acknowledge.state,
    ).toBe('MET');
    const decided = (await portal.ok(DECIDE, { id: logged.id, met: true }, spoc.token)).decideCaseReview;
    expect(decided).toMatchObject({ thresholdMet: true, decisionReason: 'Three qualifying complaints in six months' });

    // No outcome before the review is held.
    const early = await portal.gql(
      OUTCOME,
      { id: logged.id, input: { conclusion: 'Too early', recommendations: [] } },
      spoc.token,
    );
    expect(codeOf(early)).toBe('BAD_USER_INPUT');

    // Heard at a CASE_REVIEW meeting chaired by the first chair, which has started.
    const reviewMeeting = await meeting(firstChair, new Date(Date.now() - 60_000).toISOString(), [council, landlord]);
    const met = (await portal.ok(SET_MEETING, { id: logged.id, m: reviewMeeting }, spoc.token)).setCaseReviewMeeting;
    expect(met).toMatchObject({ meetingId: reviewMeeting, meet: { state: 'MET' } });

    // A recommendation for an agency that does not hold the case is refused, and nothing of the outcome is kept.
    const badOutcome = await written();
    const notHolder = await portal.gql(
      OUTCOME,
      {
        id: logged.id,
        input: {
          conclusion: 'The partners will act together',
          recommendations: [
            {
              caseId: landlordCase,
              ownerAgencyId: landlord,
              description: 'Noise monitoring for four weeks',
              dueAt: daysAgo(-14),
            },
            { caseId: councilCase, ownerAgencyId: support, description: 'Victim support referral', dueAt: daysAgo(-7) },
          ],
        },
      },
      spoc.token,
    );
    expect(codeOf(notHolder)).toBe('BAD_USER_INPUT');
    expect(notHolder.errors?.[0].extensions?.field).toBe('input.recommendations.1.ownerAgencyId');
    expect(await written()).toEqual(badOutcome);

    // The outcome, once: each recommendation a case action given to an agency (ACTION_ASSIGNED as for any action).
    const outcome = (
      await portal.ok(
        OUTCOME,
        {
          id: logged.id,
          input: {
            conclusion: 'The partners will act together',
            recommendations: [
              {
                caseId: landlordCase,
                ownerAgencyId: landlord,
                description: 'Noise monitoring for four weeks',
                dueAt: daysAgo(-14),
              },
              {
                caseId: councilCase,
                ownerAgencyId: council,
                description: 'Community protection warning',
                dueAt: daysAgo(-7),
              },
            ],
          },
        },
        spoc.token,
      )
    ).recordCaseReviewOutcome;
    expect(outcome.conclusion).toBe('The partners will act together');
    expect(outcome.recommendationActionIds).toHaveLength(2);
    const actions = await portal.db.query(
      `SELECT a.case_id, a.owner_agency_id, a.description,
              EXISTS (SELECT 1 FROM alerts al WHERE al.action_id = a.id AND al.kind = 'ACTION_ASSIGNED') AS alerted
         FROM case_actions a WHERE a.id = ANY($1::uuid[]) ORDER BY a.description`,
      [outcome.recommendationActionIds],
    );
    expect(actions.rows).toEqual([
      { case_id: councilCase, owner_agency_id: council, description: 'Community protection warning', alerted: true },
      {
        case_id: landlordCase,
        owner_agency_id: landlord,
        description: 'Noise monitoring for four weeks',
        alerted: true,
      },
    ]);
    expect(
      codeOf(
        await portal.gql(OUTCOME, { id: logged.id, input: { conclusion: 'Again', recommendations: [] } }, spoc.token),
      ),
    ).toBe('CONFLICT');

    // The applicant told: the appeal window opens, 20 working days by default.
    const told = (await portal.ok(TOLD, { id: logged.id, at: daysAgo(0) }, spoc.token)).recordCaseReviewApplicantTold;
    expect(told).toMatchObject({ toldHow: 'Letter and a phone call', tell: { state: 'MET' } });
    expect(new Date(told.appealBy).getTime()).toBeGreaterThan(Date.now() + 25 * 86_400_000);

    // The appeal, and its hearing: not by the review's chair (refused, naming the field), by another chair.
    const appealed = (await portal.ok(APPEAL, { id: logged.id, at: daysAgo(0) }, spoc.token)).recordCaseReviewAppeal;
    expect(appealed.appealHearing).toMatchObject({ state: 'DUE', doneAt: null });
    const sameChair = await meeting(firstChair, daysAgo(0), [council]);
    const beforeSameChair = await written();
    const refusedChair = await portal.gql(APPEAL_OUTCOME, { id: logged.id, m: sameChair }, spoc.token);
    expect(codeOf(refusedChair)).toBe('BAD_USER_INPUT');
    expect(refusedChair.errors?.[0].extensions?.field).toBe('meetingId');
    expect(await written()).toEqual(beforeSameChair);
    const appealMeeting = await meeting(secondChair, daysAgo(0), [council]);
    const heard = (await portal.ok(APPEAL_OUTCOME, { id: logged.id, m: appealMeeting }, spoc.token))
      .recordCaseReviewAppealOutcome;
    expect(heard).toMatchObject({
      appealUpheld: true,
      appealMeetingId: appealMeeting,
      appealOutcome: 'Upheld: a new noise abatement plan',
      appealHearing: { state: 'MET' },
    });

    // Every step is on the trail of the linked cases.
    const trail = await portal.db.query(
      `SELECT action FROM audit_events WHERE case_id = $1 AND action LIKE 'CASE_REVIEW_%' ORDER BY id`,
      [landlordCase],
    );
    expect(trail.rows.map((r: { action: string }) => r.action)).toEqual([
      'CASE_REVIEW_LINKED',
      'CASE_REVIEW_ACKNOWLEDGED',
      'CASE_REVIEW_DECIDED',
      'CASE_REVIEW_MEETING_SET',
      'CASE_REVIEW_OUTCOME_RECORDED',
      'CASE_REVIEW_APPLICANT_TOLD',
      'CASE_REVIEW_APPEALED',
      'CASE_REVIEW_APPEAL_DECIDED',
    ]);
  });

  it('refuses a third party without the victim’s consent, a case the SPOC’s agency cannot see, and anyone who is not a SPOC, writing nothing', async () => {
    const councilCase = await newCase(spoc);
    const elsewhere = await newCase(supportWorker);
    const before = await written();
    const noConsent = await portal.gql(
      LOG,
      {
        input: {
          caseIds: [councilCase],
          receivedAt: daysAgo(0),
          applicant: {
            name: 'Cllr Ward',
            contact: 'cllr.ward@council.test',
            relationship: 'Ward councillor',
            thirdParty: true,
          },
        },
      },
      spoc.token,
    );
    expect(codeOf(noConsent)).toBe('BAD_USER_INPUT');
    expect(noConsent.errors?.[0].extensions?.field).toBe('applicant.consentRecorded');
    const invisible = await portal.gql(
      LOG,
      { input: { caseIds: [councilCase, elsewhere], receivedAt: daysAgo(0), applicant } },
      spoc.token,
    );
    expect(codeOf(invisible)).toBe('NOT_FOUND');
    const notSpoc = await portal.gql(
      LOG,
      { input: { caseIds: [councilCase], receivedAt: daysAgo(0), applicant } },
      councilManager.token,
    );
    expect(codeOf(notSpoc)).toBe('FORBIDDEN');
    expect(await written()).toEqual(before);

    // With consent it is logged, the relationship kept.
    const third = (
      await portal.ok(
        LOG,
        {
          input: {
            caseIds: [councilCase],
            receivedAt: daysAgo(0),
            applicant: {
              name: 'Cllr Ward',
              contact: 'cllr.ward@council.test',
              relationship: 'Ward councillor',
              thirdParty: true,
              consentRecorded: true,
            },
          },
        },
        spoc.token,
      )
    ).logCaseReviewApplication;
    expect(third).toMatchObject({ thirdParty: true, applicantRelationship: 'Ward councillor' });
    expect(third.consentRecordedAt).not.toBeNull();
  });

  it('refuses an appeal after the window, with a clear BAD_USER_INPUT, and writes nothing', async () => {
    const councilCase = await newCase(spoc);
    const old = (
      await portal.ok(LOG, { input: { caseIds: [councilCase], receivedAt: daysAgo(90), applicant } }, spoc.token)
    ).logCaseReviewApplication;
    await portal.ok(DECIDE, { id: old.id, met: false }, spoc.token);
    await portal.ok(TOLD, { id: old.id, at: daysAgo(60) }, spoc.token);
    const before = await written();
    const late = await portal.gql(APPEAL, { id: old.id, at: daysAgo(0) }, spoc.token);
    expect(codeOf(late)).toBe('BAD_USER_INPUT');
    expect(late.errors?.[0].extensions?.field).toBe('receivedAt');
    expect(late.errors?.[0].message).toMatch(/appeal window closed/);
    expect(await written()).toEqual(before);
    // Within the window (received 40 days ago, told 60 days ago: 20 working days is about 28 calendar days).
    const inTime = await portal.gql(APPEAL, { id: old.id, at: daysAgo(45) }, spoc.token);
    expect(inTime.errors).toBeUndefined();
  });

  it('alerts an overdue step once, to the SPOC’s agency and the case owner, not to a LIMITED partner nor anyone else', async () => {
    const landlordCase = await newCase(landlordOfficer);
    await share(landlordCase, council, 'FULL', landlordOfficer);
    await share(landlordCase, police, 'LIMITED', landlordOfficer);
    const late = (
      await portal.ok(LOG, { input: { caseIds: [landlordCase], receivedAt: daysAgo(20), applicant } }, spoc.token)
    ).logCaseReviewApplication;
    expect([late.acknowledge.state, late.decide.state]).toEqual(['BREACHED', 'BREACHED']);
    // Logged late, its steps show breached, but nobody is alerted of deadlines gone before it was recorded.
    await portal.app.get(AlertScheduler).runOnce();
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM case_review_breaches WHERE review_id = $1`, [late.id]))
        .rows[0].n,
    ).toBe(0);
    await loggedOnTime(late.id);
    await portal.app.get(AlertScheduler).runOnce();
    await portal.alertsSettled();

    const feeds = [spoc, landlordOfficer, policeOfficer, supportWorker].map((persona) => {
      const client = LiveClient.connect(portal, persona.token);
      return {
        client,
        feed: client.subscribe(
          `subscription($c: ID) { caseAlerts(since: "0", caseId: $c, kinds: [CASE_REVIEW_OVERDUE]) { kind caseId } }`,
          { c: landlordCase },
        ),
      };
    });
    const [toSpoc, toOwner] = await Promise.all([feeds[0].feed.received(2), feeds[1].feed.received(2)]);
    expect(toSpoc).toEqual([
      { caseAlerts: { kind: 'CASE_REVIEW_OVERDUE', caseId: landlordCase } },
      { caseAlerts: { kind: 'CASE_REVIEW_OVERDUE', caseId: landlordCase } },
    ]);
    expect(toOwner).toHaveLength(2);
    // A second pass alerts nothing again.
    await portal.app.get(AlertScheduler).runOnce();
    await portal.alertsSettled();
    await new Promise((r) => setTimeout(r, 300));
    expect(feeds[0].feed.events).toHaveLength(2);
    expect(feeds[1].feed.events).toHaveLength(2);
    expect(feeds[2].feed.events).toHaveLength(0);
    expect(feeds[3].feed.events).toHaveLength(0);
    const steps = await portal.db.query(`SELECT step FROM case_review_breaches WHERE review_id = $1 ORDER BY step`, [
      late.id,
    ]);
    expect(steps.rows.map((r: { step: string }) => r.step)).toEqual(['ACKNOWLEDGE', 'DECIDE']);
    await Promise.all(feeds.map(({ client }) => client.close()));
  });

  it('tells the SPOC’s agency of an overdue step on a case it no longer holds, without the case or its id', async () => {
    const landlordCase = await newCase(landlordOfficer);
    await share(landlordCase, council, 'FULL', landlordOfficer);
    const late = (
      await portal.ok(LOG, { input: { caseIds: [landlordCase], receivedAt: daysAgo(20), applicant } }, spoc.token)
    ).logCaseReviewApplication;
    await loggedOnTime(late.id);
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`,
      { c: landlordCase, a: council },
      landlordOfficer.token,
    );
    const since = (await portal.db.query(`SELECT coalesce(max(id), 0)::text AS id FROM alerts`)).rows[0].id;
    await portal.app.get(AlertScheduler).runOnce();
    await portal.alertsSettled();
    const subscribe = (persona: Persona) => {
      const client = LiveClient.connect(portal, persona.token);
      const feed = client.subscribe(
        `subscription($s: String) { caseAlerts(since: $s, kinds: [CASE_REVIEW_OVERDUE]) { kind caseId case { id } } }`,
        { s: since },
      );
      return { client, feed };
    };
    const toSpoc = subscribe(spoc);
    const toOwner = subscribe(landlordOfficer);
    expect(await toSpoc.feed.received(2)).toEqual([
      { caseAlerts: { kind: 'CASE_REVIEW_OVERDUE', caseId: null, case: null } },
      { caseAlerts: { kind: 'CASE_REVIEW_OVERDUE', caseId: null, case: null } },
    ]);
    expect(await toOwner.feed.received(2)).toEqual([
      { caseAlerts: { kind: 'CASE_REVIEW_OVERDUE', caseId: landlordCase, case: { id: landlordCase } } },
      { caseAlerts: { kind: 'CASE_REVIEW_OVERDUE', caseId: landlordCase, case: { id: landlordCase } } },
    ]);
    // The SPOC still follows its application, without the case.
    const own = (await portal.ok(ONE, { id: late.id }, spoc.token)).caseReview;
    expect(own).toMatchObject({ caseIds: [], applicantName: 'Val Victim' });
    await Promise.all([toSpoc.client.close(), toOwner.client.close()]);
  });

  it('publishes the year’s figures to the SPOC and managers, and refuses a caseworker', async () => {
    const year = new Date().getUTCFullYear();
    const figures = (await portal.ok(FIGURES, { y: year }, spoc.token)).caseReviewFigures;
    const rows = (
      await portal.db.query(
        `SELECT count(*)::int AS applications, count(*) FILTER (WHERE threshold_met)::int AS met,
                count(*) FILTER (WHERE threshold_met = false)::int AS not_met,
                coalesce(sum(cardinality(recommendation_action_ids)), 0)::int AS recommendations,
                count(*) FILTER (WHERE appealed_at IS NOT NULL)::int AS appeals,
                count(*) FILTER (WHERE appeal_upheld)::int AS upheld
           FROM case_reviews WHERE spoc_agency_id = $1 AND received_at >= make_date($2, 1, 1)`,
        [council, year],
      )
    ).rows[0];
    expect(figures).toMatchObject({
      year,
      applications: rows.applications,
      thresholdsMet: rows.met,
      thresholdsNotMet: rows.not_met,
      recommendations: rows.recommendations,
      appealsReceived: rows.appeals,
      appealsUpheld: rows.upheld,
    });
    expect(figures.recommendations).toBeGreaterThanOrEqual(2);
    expect(figures.reviewsHeld).toBeGreaterThanOrEqual(1);
    expect((await portal.ok(FIGURES, { y: year }, councilManager.token)).caseReviewFigures).toEqual(figures);
    expect(codeOf(await portal.gql(FIGURES, { y: year }, policeOfficer.token))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(FIGURES, { y: 1999 }, spoc.token))).toBe('BAD_USER_INPUT');
  });

  it('lets the applicant’s details be read only by the SPOC’s agency and the linked cases’ owners, for every role and relation', async () => {
    const roles = [
      'CASEWORKER',
      'MANAGER',
      'MARAC_CHAIR',
      'MARAC_COORDINATOR',
      'CASE_REVIEW_SPOC',
      'ADMIN',
      'AGENCY_ADMIN',
    ];
    const readsNoCase = (role: string) => role === 'ADMIN' || role === 'AGENCY_ADMIN';
    const owner = await people.agency('Matrix Owner Homes', 'LANDLORD');
    const full = await people.agency('Matrix Full Health', 'HEALTH');
    const limited = await people.agency('Matrix Limited Probation', 'PROBATION');
    const none = await people.agency('Matrix None Social Care', 'SOCIAL_CARE');
    const ownerOfficer = await people.user(owner, ['CASEWORKER'], 'matrix-owner');
    const kase = await newCase(ownerOfficer);
    await share(kase, council, 'FULL', ownerOfficer);
    await share(kase, full, 'FULL', ownerOfficer);
    await share(kase, limited, 'LIMITED', ownerOfficer);
    const review = (await portal.ok(LOG, { input: { caseIds: [kase], receivedAt: daysAgo(0), applicant } }, spoc.token))
      .logCaseReviewApplication;
    const relations = [
      { relation: 'SPOC agency', agency: council, reads: true, sees: true },
      { relation: 'owner', agency: owner, reads: true, sees: true },
      { relation: 'FULL share', agency: full, reads: false, sees: true },
      { relation: 'LIMITED share', agency: limited, reads: false, sees: true },
      { relation: 'none', agency: none, reads: false, sees: false },
    ];
    for (const { relation, agency, reads, sees } of relations) {
      for (const role of roles) {
        const persona = await people.user(agency, [role], `matrix-${role.toLowerCase()}`);
        const label = `${role} at the ${relation}`;
        const direct = await portal.gql(ONE, { id: review.id }, persona.token);
        const onCase = await portal.gql(ON_CASE, { id: kase }, persona.token);
        if (readsNoCase(role)) {
          expect([label, codeOf(direct)]).toEqual([label, 'FORBIDDEN']);
          expect([label, onCase.data?.case ?? null]).toEqual([label, null]);
          continue;
        }
        const seen = direct.data?.caseReview ?? null;
        expect([label, seen !== null]).toEqual([label, sees]);
        if (seen) {
          expect([label, seen.applicantName, seen.applicantContact]).toEqual(
            reads ? [label, 'Val Victim', applicant.contact] : [label, null, null],
          );
          expect([label, seen.redactedFields.includes('applicantName')]).toEqual([label, !reads]);
        }
        const fromCase = onCase.data?.case?.caseReviews?.find((r: { id: string }) => r.id === review.id) ?? null;
        expect([label, fromCase?.applicantName ?? null]).toEqual([label, reads ? 'Val Victim' : null]);
      }
    }
  });
});
