import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const FIGURES = `query($input: MaracStatisticsInput!) { maracStatistics(input: $input) {
  meetings casesHeard adultFemalePopulation casesPer10kAdultWomen repeatCases repeatPercent
  referralsByAgencyKind { kind count } supportEngaged supportEngagedPercent victimsAged16To17 victimsWithDateOfBirth
  notRecorded { item reason }
} }`;
/** January to March 2027 in London. */
const QUARTER = { from: '2027-01-01T00:00:00Z', to: '2027-03-31T23:00:00Z' };
const JANUARY_MEETING = '2027-01-20T10:00:00Z';
const MARCH_MEETING = '2027-03-10T10:00:00Z';

describe("maracStatistics: SafeLives' quarterly MARAC dataset, each figure counted by hand", () => {
  let portal: TestPortal;
  let manager: Persona;
  let outsider: Persona;
  let caseworker: Persona;

  beforeAll(async () => {
    portal = await TestPortal.start({ MARAC_ADULT_FEMALE_POPULATION: '20000' });
    const people = new Partnership(portal);
    const police = await people.agency('Dataset Police', 'POLICE');
    const idvaService = await people.agency('Dataset IDVA Service', 'SUPPORT');
    const health = await people.agency('Dataset Hospital', 'HEALTH');
    const landlord = await people.agency('Dataset Homes', 'LANDLORD');
    const council = await people.agency('Dataset Council', 'COUNCIL');
    caseworker = await people.user(police, ['CASEWORKER'], 'officer');
    const coordinator = await people.user(police, ['MARAC_COORDINATOR'], 'coordinator');
    const chair = await people.user(police, ['MARAC_CHAIR'], 'chair');
    manager = await people.user(police, ['MANAGER'], 'manager');
    const idva = await people.user(idvaService, ['CASEWORKER', 'MARAC_COORDINATOR'], 'idva');
    const nurse = await people.user(health, ['CASEWORKER', 'MARAC_COORDINATOR'], 'nurse');
    outsider = await people.user(council, ['MANAGER'], 'council-manager');

    const newCase = async (owner: Persona, dateOfBirth?: string) =>
      (
        await portal.ok(
          `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
          {
            input: {
              category: 'DOMESTIC_ABUSE',
              summary: 'Domestic abuse reported',
              ward: 'Riverside',
              riskLevel: 'HIGH',
              parties: [
                { role: 'VICTIM', fullName: 'Dataset Victim', ...(dateOfBirth ? { dateOfBirth } : {}) },
                { role: 'SUBJECT', fullName: 'Dataset Subject' },
              ],
            },
          },
          owner.token,
        )
      ).createCase.id as string;
    const meetingOn = async (startsAt: string) =>
      (
        await portal.ok(
          `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
          {
            input: {
              kind: 'MARAC',
              title: `MARAC ${startsAt}`,
              startsAt,
              chairId: chair.id,
              agencyIds: [idvaService, health],
            },
          },
          coordinator.token,
        )
      ).scheduleMeeting.id as string;
    /** A referral, dated a week before its meeting as if made then. */
    const refer = async (meetingId: string, startsAt: string, caseId: string, by = coordinator) => {
      const { referCase } = await portal.ok(
        `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Written concern") { id } }`,
        { m: meetingId, c: caseId },
        by.token,
      );
      await portal.db.query(`UPDATE agenda_items SET referred_at = $2::timestamptz - interval '7 days' WHERE id = $1`, [
        referCase.id,
        startsAt,
      ]);
      return referCase.id as string;
    };
    const share = (caseId: string, agencyId: string) =>
      portal.ok(
        `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "MARAC protocol") { id } }`,
        { c: caseId, a: agencyId },
        caseworker.token,
      );

    // The January referrals are dated 13 January 2027: the day the first victim turns 17.
    const seventeen = await newCase(caseworker, '2010-01-13');
    const sixteen = await newCase(caseworker, '2011-01-13');
    const fifteen = await newCase(caseworker, '2011-01-14');
    const eighteen = await newCase(caseworker, '2009-01-13');
    const unknownAge = await newCase(caseworker);
    const withdrawn = await newCase(caseworker, '2010-06-01');
    const idvasOwn = await newCase(idva);
    const hospitals = await newCase(nurse);

    await share(seventeen, idvaService);
    await share(eighteen, landlord);
    const january = await meetingOn(JANUARY_MEETING);
    await refer(january, JANUARY_MEETING, seventeen);
    const sixteenItem = await refer(january, JANUARY_MEETING, sixteen);
    await refer(january, JANUARY_MEETING, fifteen);
    await refer(january, JANUARY_MEETING, eighteen);
    await refer(january, JANUARY_MEETING, unknownAge);
    await refer(january, JANUARY_MEETING, idvasOwn, idva);
    await refer(january, JANUARY_MEETING, hospitals, nurse);
    const gone = await refer(january, JANUARY_MEETING, withdrawn);
    await portal.ok(
      `mutation($i: ID!) { withdrawAgendaItem(agendaItemId: $i, reason: "Not needed") { id } }`,
      { i: gone },
      coordinator.token,
    );
    // An action for the IDVA service agreed on the 16-year-old's case: the service is engaged with it.
    await portal.ok(
      `mutation($i: ID!, $a: ID!) { recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: "Contact the victim", dueAt: "2027-01-27T10:00:00Z" }) { id } }`,
      { i: sixteenItem, a: idvaService },
      chair.token,
    );
    // Heard again in March: a repeat, within 12 months of January.
    const march = await meetingOn(MARCH_MEETING);
    await refer(march, MARCH_MEETING, seventeen);
  }, 120_000);

  afterAll(() => portal.close());

  it('counts cases heard, the rate per 10,000 adult women, repeats, referrals by agency, IDVA engagement and 16–17 year olds', async () => {
    const { maracStatistics } = await portal.ok(FIGURES, { input: QUARTER }, manager.token);
    expect(maracStatistics).toEqual({
      meetings: 2,
      // Seven heard in January (the withdrawn one left out) and one in March.
      casesHeard: 8,
      adultFemalePopulation: 20000,
      // 8 ÷ 20,000 × 10,000
      casesPer10kAdultWomen: 4,
      repeatCases: 1,
      repeatPercent: 12.5,
      // Every kind named, most first, then by name.
      referralsByAgencyKind: [
        { kind: 'POLICE', count: 6 },
        { kind: 'HEALTH', count: 1 },
        { kind: 'SUPPORT', count: 1 },
        { kind: 'COUNCIL', count: 0 },
        { kind: 'LANDLORD', count: 0 },
        { kind: 'OTHER', count: 0 },
        { kind: 'PROBATION', count: 0 },
        { kind: 'SOCIAL_CARE', count: 0 },
      ],
      // Shared with the IDVA service (heard twice), an IDVA action on it, and the IDVA service's own case; a share
      // with the landlord is no IDVA engagement.
      supportEngaged: 4,
      supportEngagedPercent: 50,
      // 17 on the day (January and March), 16 on the day; 15 and 18 are not counted, nor a victim with no date of birth.
      victimsAged16To17: 3,
      victimsWithDateOfBirth: 5,
      notRecorded: expect.arrayContaining([
        expect.objectContaining({ item: 'Cases with children in the household, and the number of children' }),
        expect.objectContaining({ item: 'Male victims' }),
      ]),
    });
    for (const gap of maracStatistics.notRecorded) expect(gap.reason).toMatch(/^Not recorded/);
  });

  it('counts one month on its own: January has no repeat', async () => {
    const { maracStatistics } = await portal.ok(
      FIGURES,
      { input: { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' } },
      manager.token,
    );
    expect(maracStatistics).toMatchObject({
      meetings: 1,
      casesHeard: 7,
      repeatCases: 0,
      victimsAged16To17: 2,
      supportEngaged: 3,
    });
    expect(maracStatistics.casesPer10kAdultWomen).toBe(3.5);
  });

  it('gives no rate when the adult female population is not configured, and says so by a null population', async () => {
    const unconfigured = await portal.another();
    try {
      const token = await unconfigured.login((await portal.ok(`{ me { email } }`, {}, manager.token)).me.email);
      const { maracStatistics } = await unconfigured.ok(FIGURES, { input: QUARTER }, token);
      expect(maracStatistics).toMatchObject({
        casesHeard: 8,
        adultFemalePopulation: null,
        casesPer10kAdultWomen: null,
      });
    } finally {
      await unconfigured.app.close();
    }
  });

  it('is read as before: an agency that attended none of the meetings counts nothing, a caseworker is refused', async () => {
    const { maracStatistics } = await portal.ok(FIGURES, { input: QUARTER }, outsider.token);
    expect(maracStatistics).toMatchObject({
      meetings: 0,
      casesHeard: 0,
      repeatCases: 0,
      supportEngaged: 0,
      victimsAged16To17: 0,
      supportEngagedPercent: null,
    });
    expect(maracStatistics.referralsByAgencyKind.every((k: { count: number }) => k.count === 0)).toBe(true);
    expect(codeOf(await portal.gql(FIGURES, { input: QUARTER }, caseworker.token))).toBe('FORBIDDEN');
  });
});
