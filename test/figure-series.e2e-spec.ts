import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AgencyKind } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const SERIES = `query($input: CaseStatisticsSeriesInput!, $scope: FigureScope) {
  caseStatisticsSeries(input: $input, scope: $scope) {
    interval scope suppressedBelow roundedTo
    points {
      label
      current { from to opened closedResolved closedUnresolved live incidents }
      yearEarlier { from to opened closedResolved closedUnresolved live incidents }
    }
  }
}`;
/** January to March 2026, in London (GMT throughout the ends). */
const Q1 = { from: '2026-01-01T00:00:00Z', to: '2026-03-31T23:00:00Z' };
const figures = (
  opened: number | null,
  closedResolved: number | null,
  closedUnresolved: number | null,
  live: number | null,
  incidents: number | null,
) => ({
  opened,
  closedResolved,
  closedUnresolved,
  live,
  incidents,
});

describe('caseStatisticsSeries: board figures month by month and quarter by quarter, beside the year before', () => {
  let portal: TestPortal;
  let people: Partnership;
  let manager: Persona;
  let councilManager: Persona;

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    const landlord = await people.agency('Series Homes', 'LANDLORD');
    const police = await people.agency('Series Police', 'POLICE');
    const council = await people.agency('Series Council', 'COUNCIL');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    const caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    const officer = await people.user(police, ['CASEWORKER'], 'officer');
    councilManager = await people.user(council, ['MANAGER'], 'council-manager');

    /** A case through the API, then its dates set as if it had lived them. */
    const fixture = async (
      owner: Persona,
      openedAt: string,
      closed?: { status: 'CLOSED_RESOLVED' | 'CLOSED_UNRESOLVED'; at: string },
    ) => {
      const { createCase } = await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        {
          input: {
            category: 'NOISE',
            summary: 'Series fixture',
            ward: 'Northgate',
            riskLevel: 'STANDARD',
            parties: [{ role: 'COMPLAINANT', fullName: 'Series Reporter' }],
          },
        },
        owner.token,
      );
      await portal.db.query(`UPDATE cases SET opened_at = $2, status = $3, closed_at = $4 WHERE id = $1`, [
        createCase.id,
        openedAt,
        closed?.status ?? 'OPEN',
        closed?.at ?? null,
      ]);
      return createCase.id as string;
    };
    const incident = async (caseId: string, persona: Persona, loggedAt: string) => {
      const { logIncident } = await portal.ok(
        `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2025-01-01T20:00:00Z", category: NOISE, description: "Series incident" }) { id } }`,
        { c: caseId },
        persona.token,
      );
      await portal.db.query(`UPDATE incidents SET logged_at = $2 WHERE id = $1`, [logIncident.id, loggedAt]);
    };
    const share = (caseId: string) =>
      portal.ok(
        `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Series") { id } }`,
        { c: caseId, a: landlord },
        officer.token,
      );

    const a = await fixture(caseworker, '2026-01-10T10:00:00Z');
    const b = await fixture(caseworker, '2026-02-05T10:00:00Z', {
      status: 'CLOSED_RESOLVED',
      at: '2026-03-10T10:00:00Z',
    });
    await fixture(caseworker, '2025-01-20T10:00:00Z', { status: 'CLOSED_UNRESOLVED', at: '2025-02-15T10:00:00Z' });
    const d = await fixture(caseworker, '2025-03-03T10:00:00Z');
    const sharedIn = await fixture(officer, '2026-03-20T10:00:00Z');
    await share(sharedIn);
    const policeOnly = await fixture(officer, '2026-01-15T10:00:00Z');
    const revoked = await fixture(officer, '2025-02-10T10:00:00Z');
    await share(revoked);
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`,
      { c: revoked, a: landlord },
      officer.token,
    );
    for (const day of ['03', '04', '05', '06']) await fixture(officer, `2026-03-${day}T10:00:00Z`);

    await incident(a, caseworker, '2026-01-12T10:00:00Z');
    await incident(b, caseworker, '2026-02-06T10:00:00Z');
    await incident(b, caseworker, '2026-02-07T10:00:00Z');
    await incident(d, caseworker, '2025-03-04T10:00:00Z');
    await incident(sharedIn, officer, '2026-03-21T10:00:00Z');
    await incident(policeOnly, officer, '2026-01-16T10:00:00Z');
    await incident(revoked, officer, '2026-02-16T10:00:00Z');
  }, 120_000);

  afterAll(() => portal.close());

  it('counts each London month over the cases the manager may see, beside the same month a year earlier', async () => {
    const { caseStatisticsSeries } = await portal.ok(SERIES, { input: { ...Q1, interval: 'MONTH' } }, manager.token);
    expect(caseStatisticsSeries).toMatchObject({
      interval: 'MONTH',
      scope: 'AGENCY',
      suppressedBelow: null,
      roundedTo: null,
    });
    // The police's own case and the share the police revoked are never counted: not their opening, not their incidents.
    const counts = (p: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(p).filter(([key]) => key !== 'from' && key !== 'to'));
    expect(caseStatisticsSeries.points.map((p: any) => [p.label, counts(p.current), counts(p.yearEarlier)])).toEqual([
      ['2026-01', figures(1, 0, 0, 2, 1), figures(1, 0, 0, 1, 0)],
      ['2026-02', figures(1, 0, 0, 3, 2), figures(0, 0, 1, 0, 0)],
      ['2026-03', figures(1, 1, 0, 3, 1), figures(1, 0, 0, 1, 1)],
    ]);
    // March ends at London's midnight, an hour before UTC's once the clocks have gone forward.
    expect(caseStatisticsSeries.points[2].current).toMatchObject({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-31T23:00:00.000Z',
    });
    expect(caseStatisticsSeries.points[2].yearEarlier).toMatchObject({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-31T23:00:00.000Z',
    });
  });

  it('adds up to quarters, January to March, and widens a period to the whole quarters it touches', async () => {
    const { caseStatisticsSeries } = await portal.ok(
      SERIES,
      { input: { from: '2026-02-14T00:00:00Z', to: '2026-03-02T00:00:00Z', interval: 'QUARTER' } },
      manager.token,
    );
    expect(caseStatisticsSeries.points).toEqual([
      {
        label: '2026 Q1',
        current: { from: '2026-01-01T00:00:00.000Z', to: '2026-03-31T23:00:00.000Z', ...figures(3, 1, 0, 3, 4) },
        yearEarlier: { from: '2025-01-01T00:00:00.000Z', to: '2025-03-31T23:00:00.000Z', ...figures(2, 0, 1, 1, 1) },
      },
    ]);
  });

  it('agrees with caseStatistics for the same month, and narrows by ward and category as it does', async () => {
    const march = { from: '2026-03-01T00:00:00Z', to: '2026-03-31T23:00:00Z' };
    const { caseStatistics } = await portal.ok(
      `query($input: CaseStatisticsInput!) { caseStatistics(input: $input) { opened closedResolved closedUnresolved live incidents } }`,
      { input: march },
      manager.token,
    );
    const { caseStatisticsSeries } = await portal.ok(SERIES, { input: { ...march, interval: 'MONTH' } }, manager.token);
    expect(caseStatisticsSeries.points[0].current).toMatchObject(caseStatistics);
    const elsewhere = await portal.ok(
      SERIES,
      { input: { ...march, interval: 'MONTH', ward: 'Kingsmead' } },
      manager.token,
    );
    expect(elsewhere.caseStatisticsSeries.points[0].current).toMatchObject(figures(0, 0, 0, 0, 0));
    const pets = await portal.ok(SERIES, { input: { ...march, interval: 'MONTH', category: 'PETS' } }, manager.token);
    expect(pets.caseStatisticsSeries.points[0].yearEarlier).toMatchObject(figures(0, 0, 0, 0, 0));
  });

  it('answers in one statement however many points: 36 months cost what 3 do', async () => {
    const three = await portal.measured(SERIES, { input: { ...Q1, interval: 'MONTH' } }, manager.token);
    const many = await portal.measured(
      SERIES,
      { input: { from: '2023-04-01T00:00:00Z', to: '2026-03-31T23:00:00Z', interval: 'MONTH' } },
      manager.token,
    );
    expect((many.data as any).caseStatisticsSeries.points).toHaveLength(36);
    expect(many.statements).toBe(three.statements);
  });

  it('publishes the partnership scope as partnershipStatistics does: under 5 is null, the rest rounded to 5', async () => {
    // The council sees none of these cases; across the partnership, March had five openings and Q1 eight.
    const monthly = await portal.ok(
      SERIES,
      { input: { ...Q1, interval: 'MONTH' }, scope: 'PARTNERSHIP' },
      councilManager.token,
    );
    expect(monthly.caseStatisticsSeries).toMatchObject({ scope: 'PARTNERSHIP', suppressedBelow: 5, roundedTo: 5 });
    expect(monthly.caseStatisticsSeries.points.map((p: any) => p.current.opened)).toEqual([null, null, 5]);
    const quarter = await portal.ok(
      SERIES,
      { input: { ...Q1, interval: 'QUARTER' }, scope: 'PARTNERSHIP' },
      councilManager.token,
    );
    // Opened: 2 of the landlord's, 6 of the police's = 8, shown as 10; open at the end: 9, shown as 10; incidents
    // logged: 6, shown as 5; every other count is 0 to 4, null like a 0 so that no difference points at a case.
    expect(quarter.caseStatisticsSeries.points[0].current).toMatchObject(figures(10, null, null, 10, 5));
    expect(quarter.caseStatisticsSeries.points[0].yearEarlier).toMatchObject(figures(null, null, null, null, null));
    // The agency scope for the same council manager counts nothing: it holds no case.
    const own = await portal.ok(SERIES, { input: { ...Q1, interval: 'QUARTER' } }, councilManager.token);
    expect(own.caseStatisticsSeries.points[0].current).toMatchObject(figures(0, 0, 0, 0, 0));
  });

  it('refuses more than 36 points and a backwards period, naming `to`, and an interval that is not one', async () => {
    const long = await portal.gql(
      SERIES,
      { input: { from: '2023-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', interval: 'MONTH' } },
      manager.token,
    );
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(long.data).toBeFalsy();
    const backwards = await portal.gql(
      SERIES,
      { input: { from: Q1.to, to: Q1.from, interval: 'QUARTER' } },
      manager.token,
    );
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    for (const interval of ['WEEK', 'month', '', 3]) {
      const bad = await portal.gql(SERIES, { input: { ...Q1, interval } }, manager.token);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(bad.errors)).not.toMatch(/Did you mean|stack|SELECT/);
    }
    const badScope = await portal.gql(
      SERIES,
      { input: { ...Q1, interval: 'MONTH' }, scope: 'EVERYONE' },
      manager.token,
    );
    expect(codeOf(badScope)).toBe('BAD_USER_INPUT');
  });

  it('is refused to everyone but managers, whatever their role and their agency kind, in both scopes', async () => {
    for (const kind of Object.values(AgencyKind)) {
      const agency = await people.agency(`Refused ${kind}`, kind);
      for (const role of ['CASEWORKER', 'MARAC_CHAIR', 'MARAC_COORDINATOR', 'ADMIN']) {
        const user = await people.user(agency, [role], role.toLowerCase());
        for (const scope of ['AGENCY', 'PARTNERSHIP']) {
          const result = await portal.gql(SERIES, { input: { ...Q1, interval: 'MONTH' }, scope }, user.token);
          expect([kind, role, scope, codeOf(result), result.data]).toEqual([kind, role, scope, 'FORBIDDEN', null]);
        }
      }
      const kindManager = await people.user(agency, ['MANAGER'], 'manager');
      expect(
        codeOf(await portal.gql(SERIES, { input: { ...Q1, interval: 'MONTH' } }, kindManager.token)),
      ).toBeUndefined();
    }
    expect(codeOf(await portal.gql(SERIES, { input: { ...Q1, interval: 'MONTH' } }))).toBe('UNAUTHENTICATED');
  }, 120_000);
});
