import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ActionKind } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const FIGURES = `query($input: CaseStatisticsInput!) { caseStatistics(input: $input) {
  opened interventions { kind legal count } legalInterventions nonLegalInterventions
  serviceStandards { standard met breached due metPercent }
  casesPerThousandHomes hateCasesPerThousandHomes
  incidentsByWard { ward count } incidentsByLocation { location ward count }
} }`;
const EXCEPTIONS = `query($days: Int) { exceptions(notUpdatedDays: $days) {
  notUpdated { case { reference } lastActivityAt }
  standardsBreached { case { reference } breaches { standard } }
  overdueActions { description }
  closedWithoutTellingReporter { reference }
} }`;
const PERIOD = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

describe('board figures and exception lists, counted by hand', () => {
  let portal: TestPortal;
  let manager: Persona;
  let caseworker: Persona;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Board Homes', 'LANDLORD');
    const police = await people.agency('Board Police', 'POLICE');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    const officer = await people.user(police, ['CASEWORKER'], 'officer');

    const fixture = async (
      name: string,
      owner: Persona,
      category: string,
      ward: string,
      openedAt: string,
      reporter = true,
    ) => {
      const { createCase } = await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`,
        {
          input: {
            category,
            summary: `Board fixture ${name}`,
            ward,
            riskLevel: 'STANDARD',
            parties: reporter
              ? [{ role: 'COMPLAINANT', fullName: `Reporter ${name}` }]
              : [{ role: 'SUBJECT', fullName: `Subject ${name}` }],
          },
        },
        owner.token,
      );
      await portal.db.query(`UPDATE cases SET opened_at = $2 WHERE id = $1`, [createCase.id, openedAt]);
      refs[name] = createCase.reference;
      return createCase.id as string;
    };
    const contact = (caseId: string, at: string) =>
      portal.ok(
        `mutation($c: ID!, $at: DateTime!) { recordContact(caseId: $c, input: { contactedAt: $at, channel: PHONE, note: "Called" }) { id } }`,
        { c: caseId, at },
        caseworker.token,
      );
    const action = async (caseId: string, kind: string, createdAt: string, dueAt?: string) => {
      const { addAction } = await portal.ok(
        `mutation($c: ID!, $input: ActionInput!) { addAction(caseId: $c, input: $input) { id } }`,
        { c: caseId, input: { kind, description: `${kind} on a fixture`, ownerAgencyId: landlord, dueAt } },
        caseworker.token,
      );
      await portal.db.query(`UPDATE case_actions SET created_at = $2 WHERE id = $1`, [addAction.id, createdAt]);
    };
    const incident = (
      caseId: string,
      occurredAt: string,
      location: string | null,
      ward: string | null,
      by = caseworker,
    ) =>
      portal.ok(
        `mutation($c: ID!, $input: IncidentInput!) { logIncident(caseId: $c, input: $input) { id } }`,
        { c: caseId, input: { occurredAt, category: 'NOISE', description: 'Fixture incident', location, ward } },
        by.token,
      );

    // A: contacted in time, plan in time, no update since the plan (14 days) → breached.
    const a = await fixture('A', caseworker, 'NOISE', 'Northgate', '2026-03-02T10:00:00Z');
    await contact(a, '2026-03-02T12:00:00Z');
    await portal.ok(
      `mutation($c: ID!) { agreeActionPlan(caseId: $c, input: { agreedAt: "2026-03-05T10:00:00Z", agreedWith: "Reporter A", ourCommitments: ["Warning letter"], updateEveryDays: 14, updateChannel: PHONE }) { id } }`,
      { c: a },
      caseworker.token,
    );
    await action(a, 'WARNING_LETTER', '2026-03-06T10:00:00Z');
    await action(a, 'MEDIATION', '2026-04-06T10:00:00Z', new Date(Date.now() + 86_400_000).toISOString());
    await incident(a, '2026-03-03T22:00:00Z', 'Block B stairwell', null);
    await incident(a, '2026-03-04T22:00:00Z', ' Block B stairwell ', 'Northgate');
    // B: a hate case nobody contacted and without a plan.
    const b = await fixture('B', caseworker, 'HATE', 'Kingsmead', '2026-03-10T10:00:00Z');
    await action(b, 'CIVIL_INJUNCTION', '2026-03-20T10:00:00Z', '2026-03-25T10:00:00Z');
    await incident(b, '2026-03-11T18:00:00Z', 'Kingsmead Park', null);
    // C: contacted in time (due 12 March 10:00), closed without a plan or telling the reporter.
    const c = await fixture('C', caseworker, 'HARASSMENT', 'Northgate', '2026-03-11T10:00:00Z');
    await contact(c, '2026-03-12T09:00:00Z');
    await portal.ok(
      `mutation($id: ID!, $v: Int!) { closeCase(id: $id, expectedVersion: $v, input: { outcome: RESOLVED, reason: "Stopped" }) { id } }`,
      { id: c, v: 1 },
      caseworker.token,
    );
    await portal.db.query(`UPDATE cases SET closed_at = '2026-03-20T10:00:00Z' WHERE id = $1`, [c]);
    // D: domestic abuse opened in February; its incident counts in its ward, never by its place.
    const d = await fixture('D', caseworker, 'DOMESTIC_ABUSE', 'Northgate', '2026-02-10T10:00:00Z');
    await incident(d, '2026-03-15T23:00:00Z', '12 Secret Road', null);
    // E: the police's, not shared: counts nowhere for the landlord.
    const e = await fixture('E', officer, 'HATE', 'Northgate', '2026-03-03T10:00:00Z');
    await incident(e, '2026-03-04T22:00:00Z', 'Block B stairwell', null, officer);
    // F: opened long ago with nothing recorded since: written directly, as a case untouched for months would be.
    await portal.db.query(
      `INSERT INTO cases (reference, category, risk_level, ward, summary, opened_at, owner_agency_id, created_by_id)
       VALUES ('ASB-OLD-1', 'PETS', 'STANDARD', 'Riverside', 'Dog barking', '2026-01-05T10:00:00Z', $1, $2)`,
      [landlord, caseworker.id],
    );
    refs.F = 'ASB-OLD-1';
    await portal.ok(
      `mutation($input: ServiceStandardsInput!) { updateServiceStandards(input: $input) { homes } }`,
      {
        input: { contactWorkingDays: 1, actionPlanWorkingDays: 10, homes: 2000 },
      },
      manager.token,
    );
  }, 90_000);

  afterAll(() => portal.close());

  it('counts interventions, standards met, cases per 1,000 homes and hotspots over the visible cases', async () => {
    const figures = (await portal.ok(FIGURES, { input: PERIOD }, manager.token)).caseStatistics;
    expect(figures).toEqual({
      opened: 3,
      interventions: [
        { kind: 'CIVIL_INJUNCTION', legal: true, count: 1 },
        { kind: 'WARNING_LETTER', legal: false, count: 1 },
      ],
      legalInterventions: 1,
      nonLegalInterventions: 1,
      serviceStandards: [
        // A and C contacted in time, B never.
        { standard: 'CONTACT_REPORTER', met: 2, breached: 1, due: 0, metPercent: 66.7 },
        // A's plan in time; B has none; C closed without one.
        { standard: 'ACTION_PLAN_AGREED', met: 1, breached: 2, due: 0, metPercent: 33.3 },
        // A: no update in the 14 days after its plan.
        { standard: 'REPORTER_UPDATED', met: 0, breached: 1, due: 0, metPercent: 0 },
        { standard: 'RISK_REVIEWED', met: 0, breached: 0, due: 0, metPercent: null },
      ],
      // 3 cases (A, B, C) and 1 hate case (B) for 2,000 homes.
      casesPerThousandHomes: 1.5,
      hateCasesPerThousandHomes: 0.5,
      incidentsByWard: [
        { ward: 'Northgate', count: 3 },
        { ward: 'Kingsmead', count: 1 },
      ],
      incidentsByLocation: [
        { location: 'Block B stairwell', ward: 'Northgate', count: 2 },
        { location: 'Kingsmead Park', ward: 'Kingsmead', count: 1 },
      ],
    });
  });

  it('gives the partnership its interventions and hotspots across every agency, small counts suppressed', async () => {
    const { partnershipStatistics } = await portal.ok(
      `query($input: CaseStatisticsInput!) { partnershipStatistics(input: $input) { interventions { kind legal count } incidentsByWard { ward count } } }`,
      { input: PERIOD },
      manager.token,
    );
    // Every kind and every ward is listed whatever its count, each under 5 shown as "<5".
    expect(partnershipStatistics.interventions).toHaveLength(Object.values(ActionKind).length);
    expect(partnershipStatistics.interventions).toEqual(
      expect.arrayContaining([
        { kind: 'CIVIL_INJUNCTION', legal: true, count: '<5' },
        { kind: 'WARNING_LETTER', legal: false, count: '<5' },
        { kind: 'MEDIATION', legal: false, count: '<5' },
      ]),
    );
    // The police's unshared incident counts here: A's two, D's and E's in Northgate.
    expect(partnershipStatistics.incidentsByWard).toEqual([
      { ward: 'Kingsmead', count: '<5' },
      { ward: 'Northgate', count: '<5' },
      { ward: 'Riverside', count: '<5' },
    ]);
  });

  it('lists exceptions: cases not updated, standards in breach, overdue actions, closures without telling the reporter', async () => {
    const lists = (await portal.ok(EXCEPTIONS, { days: 28 }, manager.token)).exceptions;
    expect(lists.notUpdated).toEqual([{ case: { reference: refs.F }, lastActivityAt: '2026-01-05T10:00:00.000Z' }]);
    const breached = Object.fromEntries(
      lists.standardsBreached.map((x: any) => [x.case.reference, x.breaches.map((b: any) => b.standard).sort()]),
    );
    expect(breached).toEqual({
      [refs.A]: ['REPORTER_UPDATED'],
      [refs.B]: ['ACTION_PLAN_AGREED', 'CONTACT_REPORTER'],
      [refs.D]: ['ACTION_PLAN_AGREED', 'CONTACT_REPORTER'],
    });
    expect(lists.overdueActions).toEqual([{ description: 'CIVIL_INJUNCTION on a fixture' }]);
    expect(lists.closedWithoutTellingReporter).toEqual([]);
    // C closed in March, more than 90 days ago; one closed today without telling the reporter is listed.
    const { createCase } = await portal.ok(
      `mutation { createCase(input: { category: NOISE, summary: "Closed today", ward: "Northgate", riskLevel: STANDARD, parties: [{ role: COMPLAINANT, fullName: "R" }] }) { id reference } }`,
      {},
      caseworker.token,
    );
    await portal.ok(
      `mutation($id: ID!) { closeCase(id: $id, expectedVersion: 1, input: { outcome: RESOLVED, reason: "Done" }) { id } }`,
      { id: createCase.id },
      caseworker.token,
    );
    expect((await portal.ok(EXCEPTIONS, {}, manager.token)).exceptions.closedWithoutTellingReporter).toEqual([
      { reference: createCase.reference },
    ]);
    expect((await portal.gql(EXCEPTIONS, { days: 400 }, manager.token)).errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'notUpdatedDays',
    });
  });

  it('are for managers only', async () => {
    expect(codeOf(await portal.gql(EXCEPTIONS, {}, caseworker.token))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(FIGURES, { input: PERIOD }, caseworker.token))).toBe('FORBIDDEN');
  });
});
