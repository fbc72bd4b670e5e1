import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CaseCategory } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const STATISTICS = `query($input: CaseStatisticsInput!) { caseStatistics(input: $input) {
  opened closedResolved closedUnresolved live byCategory { category count } byWard { ward count } incidents
} }`;
const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

describe('caseStatistics: figures over the cases the reader may see, counted by hand', () => {
  let portal: TestPortal;
  let manager: Persona;
  let caseworker: Persona;
  let otherManager: Persona;

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Figures Homes', 'LANDLORD');
    const police = await people.agency('Figures Police', 'POLICE');
    const council = await people.agency('Figures Council', 'COUNCIL');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    const officer = await people.user(police, ['CASEWORKER'], 'officer');
    otherManager = await people.user(council, ['MANAGER'], 'council-manager');

    /** A case through the API, then its dates set as if it had lived them. */
    const fixture = async (
      owner: Persona,
      category: string,
      ward: string,
      openedAt: string,
      closed?: { status: 'CLOSED_RESOLVED' | 'CLOSED_UNRESOLVED'; at: string },
    ) => {
      const id = (
        await portal.ok(
          `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
          {
            input: {
              category,
              summary: 'Figures fixture',
              ward,
              riskLevel: 'STANDARD',
              parties: [{ role: 'COMPLAINANT', fullName: 'Fig Reporter' }],
            },
          },
          owner.token,
        )
      ).createCase.id as string;
      await portal.db.query(`UPDATE cases SET opened_at = $2, status = $3, closed_at = $4 WHERE id = $1`, [
        id,
        openedAt,
        closed?.status ?? 'OPEN',
        closed?.at ?? null,
      ]);
      return id;
    };
    const incident = async (caseId: string, persona: Persona, loggedAt: string) => {
      const { logIncident } = await portal.ok(
        `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-01-01T20:00:00Z", category: NOISE, description: "Fixture incident" }) { id } }`,
        { c: caseId },
        persona.token,
      );
      await portal.db.query(`UPDATE incidents SET logged_at = $2 WHERE id = $1`, [logIncident.id, loggedAt]);
    };
    const share = (caseId: string, by: Persona, agency: string) =>
      portal.ok(
        `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Figures") { id } }`,
        { c: caseId, a: agency },
        by.token,
      );

    const openInPeriod = await fixture(caseworker, 'NOISE', 'Northgate', '2026-03-05T10:00:00Z');
    await fixture(caseworker, 'HARASSMENT', 'Northgate', '2026-03-10T10:00:00Z', {
      status: 'CLOSED_RESOLVED',
      at: '2026-03-20T10:00:00Z',
    });
    const closedUnresolved = await fixture(caseworker, 'NOISE', 'Kingsmead', '2026-01-10T10:00:00Z', {
      status: 'CLOSED_UNRESOLVED',
      at: '2026-03-15T10:00:00Z',
    });
    const sharedIn = await fixture(officer, 'DRUGS', 'Kingsmead', '2026-03-25T10:00:00Z');
    await share(sharedIn, officer, landlord);
    const notShared = await fixture(officer, 'NOISE', 'Northgate', '2026-03-12T10:00:00Z');
    const revoked = await fixture(officer, 'NOISE', 'Northgate', '2026-03-13T10:00:00Z');
    await share(revoked, officer, landlord);
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`,
      { c: revoked, a: landlord },
      officer.token,
    );
    await fixture(caseworker, 'NOISE', 'Northgate', '2026-04-02T10:00:00Z');
    await fixture(caseworker, 'PETS', 'Riverside', '2026-02-01T10:00:00Z');

    await incident(openInPeriod, caseworker, '2026-03-06T10:00:00Z');
    await incident(sharedIn, officer, '2026-03-26T10:00:00Z');
    await incident(notShared, officer, '2026-03-14T10:00:00Z');
    await incident(closedUnresolved, caseworker, '2026-02-10T10:00:00Z');
  }, 60_000);

  afterAll(() => portal.close());

  it('counts opened, closed resolved and unresolved, live, by category and ward, and incidents, over visible cases only', async () => {
    expect((await portal.ok(STATISTICS, { input: PERIOD }, manager.token)).caseStatistics).toEqual({
      opened: 3,
      closedResolved: 1,
      closedUnresolved: 1,
      live: 3,
      byCategory: [
        { category: 'DRUGS', count: 1 },
        { category: 'HARASSMENT', count: 1 },
        { category: 'NOISE', count: 1 },
      ],
      byWard: [
        { ward: 'Northgate', count: 2 },
        { ward: 'Kingsmead', count: 1 },
      ],
      incidents: 2,
    });
  });

  it('narrows to a ward (in any case) and to a category', async () => {
    expect(
      (await portal.ok(STATISTICS, { input: { ...PERIOD, ward: 'northgate' } }, manager.token)).caseStatistics,
    ).toMatchObject({
      opened: 2,
      closedResolved: 1,
      closedUnresolved: 0,
      live: 1,
      incidents: 1,
    });
    expect(
      (await portal.ok(STATISTICS, { input: { ...PERIOD, category: 'NOISE' } }, manager.token)).caseStatistics,
    ).toMatchObject({
      opened: 1,
      closedResolved: 0,
      closedUnresolved: 1,
      live: 1,
      byWard: [{ ward: 'Northgate', count: 1 }],
      incidents: 1,
    });
  });

  it('is for managers, counts nothing another agency may not see, and refuses a backwards period', async () => {
    expect(codeOf(await portal.gql(STATISTICS, { input: PERIOD }, caseworker.token))).toBe('FORBIDDEN');
    expect((await portal.ok(STATISTICS, { input: PERIOD }, otherManager.token)).caseStatistics).toEqual({
      opened: 0,
      closedResolved: 0,
      closedUnresolved: 0,
      live: 0,
      byCategory: [],
      byWard: [],
      incidents: 0,
    });
    const backwards = await portal.gql(STATISTICS, { input: { from: PERIOD.to, to: PERIOD.from } }, manager.token);
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('gives partnership figures across every agency, every count under 5 shown as "<5" (0 too), none naming a case', async () => {
    const PARTNERSHIP = `query($input: CaseStatisticsInput!) { partnershipStatistics(input: $input) {
      opened closedResolved closedUnresolved live byCategory { category count } byWard { ward count } incidents
    } }`;
    // The council sees none of these cases, yet reads the partnership's aggregates: all five opened in March, every agency's.
    // Every category and every ward is listed, so a category with no case looks like one with three.
    expect((await portal.ok(PARTNERSHIP, { input: PERIOD }, otherManager.token)).partnershipStatistics).toEqual({
      opened: '5',
      closedResolved: '<5',
      closedUnresolved: '<5',
      live: '5',
      byCategory: Object.values(CaseCategory)
        .sort()
        .map((category) => ({ category, count: '<5' })),
      byWard: [
        { ward: 'Kingsmead', count: '<5' },
        { ward: 'Northgate', count: '<5' },
        // Riverside's only case opened in February: listed all the same.
        { ward: 'Riverside', count: '<5' },
      ],
      incidents: '<5',
    });
    expect(
      (await portal.ok(PARTNERSHIP, { input: { ...PERIOD, ward: 'Nowhere' } }, otherManager.token))
        .partnershipStatistics.opened,
    ).toBe('<5');
    expect(codeOf(await portal.gql(PARTNERSHIP, { input: PERIOD }, caseworker.token))).toBe('FORBIDDEN');
  });
});
