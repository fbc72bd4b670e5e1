import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD, seedDemoPartnership } from '#libs/demo';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ServiceStandardsService } from '#libs/service-standards';
import { TestPortal } from './harness.js';

describe('the demo partnership', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await TestPortal.start({ SEED_DEMO: 'true' });
  });
  afterAll(() => portal.close());

  it('loads agencies of every kind it names, users of every role, and about fifty shared cases', async () => {
    const { rows } = await portal.db.query(`SELECT
      (SELECT count(*)::int FROM cases) AS cases,
      (SELECT count(DISTINCT category)::int FROM cases) AS categories,
      (SELECT count(*)::int FROM case_shares WHERE access = 'FULL') AS full_shares,
      (SELECT count(*)::int FROM case_shares WHERE access = 'LIMITED') AS limited_shares,
      (SELECT count(DISTINCT r)::int FROM users, unnest(roles) r) AS roles`);
    expect(rows[0].cases).toBeGreaterThanOrEqual(45);
    expect(rows[0].categories).toBe(19);
    expect(rows[0].full_shares).toBeGreaterThan(0);
    expect(rows[0].limited_shares).toBeGreaterThan(0);
    expect(rows[0].roles).toBe(6);
  });

  it('signs in a printed demo account, which sees its own and shared cases with withheld fields marked', async () => {
    const token = await portal.login('caseworker@riverside-asb.example', DEMO_PASSWORD);
    const { cases } = await portal.ok(
      `{ cases(first: 100) { totalCount edges { node { access owned redactedFields } } } }`,
      {},
      token,
    );
    const nodes = cases.edges.map((e: any) => e.node);
    expect(cases.totalCount).toBe(nodes.length);
    expect(nodes.some((n: any) => n.owned)).toBe(true);
    expect(nodes.some((n: any) => !n.owned && n.access === 'LIMITED' && n.redactedFields.includes('address'))).toBe(
      true,
    );
  });

  it('has a MARAC held and one coming, with DASH-referred cases and an open action to review', async () => {
    const token = await portal.login('caseworker@riverside-idva.example', DEMO_PASSWORD);
    const { meetings } = await portal.ok(`{ meetings { id title closedAt agenda { reason dashScore } } }`, {}, token);
    expect(meetings).toHaveLength(2);
    const [held, next] = meetings;
    expect(held.closedAt).not.toBeNull();
    expect(next.closedAt).toBeNull();
    expect(next.agenda.length).toBeGreaterThan(0);
    expect(
      next.agenda.every(
        (item: { reason: string; dashScore: number }) => item.reason === 'DASH_THRESHOLD' && item.dashScore >= 14,
      ),
    ).toBe(true);
    await portal.ok(`mutation($m: ID!) { agreeConfidentiality(meetingId: $m) { id } }`, { m: next.id }, token);
    const { meeting } = await portal.ok(
      `query($id: ID!) { meeting(id: $id) { agenda { case { reference } actionsNotDone { description } } } }`,
      { id: next.id },
      token,
    );
    expect(meeting.agenda[0].case.reference).toMatch(/^DA-/);
    expect(meeting.agenda[0].actionsNotDone).toHaveLength(1);
  });

  it('has the casework the service standards read, and does not alert for deadlines missed before it was loaded', async () => {
    const { rows } = await portal.db.query(`SELECT
      (SELECT count(*)::int FROM action_plans) AS plans,
      (SELECT count(*)::int FROM asb_risk_assessments a JOIN cases c ON c.id = a.case_id WHERE c.risk_level <> a.risk_level) AS disagreeing,
      (SELECT count(*)::int FROM asb_risk_assessments) AS assessments,
      (SELECT homes FROM service_standards s JOIN agencies g ON g.id = s.agency_id WHERE g.name = 'Riverside Homes') AS homes`);
    expect(rows[0]).toMatchObject({ disagreeing: 0, homes: 12000 });
    expect(rows[0].plans).toBeGreaterThan(10);
    expect(rows[0].assessments).toBeGreaterThan(10);
    await portal.app.get(ServiceStandardsService).raiseBreaches(new Date());
    // Only cases opened in the last three weeks can still breach for the first time.
    const { rows: raised } = await portal.db.query(
      `SELECT count(*)::int AS n FROM alerts a JOIN cases c ON c.id = a.case_id WHERE a.kind = 'SERVICE_STANDARD_BREACHED' AND c.opened_at < now() - interval '21 days'`,
    );
    expect(raised[0].n).toBe(0);
    const token = await portal.login('caseworker@riverside-homes.example', DEMO_PASSWORD);
    const { cases } = await portal.ok(
      `{ cases(first: 100) { edges { node { serviceClocks { standard state } } } } }`,
      {},
      token,
    );
    const states = cases.edges.flatMap((e: any) => e.node.serviceClocks ?? []).map((c: any) => c.state);
    // Old cases are decided either way; which recent ones are still due depends on the day the demo loads.
    expect(states).toEqual(expect.arrayContaining(['MET', 'BREACHED']));
  });

  it('has one person on two agencies’ cases, spelt two ways and linked, and a subject access request under way', async () => {
    const { rows } = await portal.db.query(
      `SELECT p.person_id, count(*)::int AS parties, count(DISTINCT c.owner_agency_id)::int AS agencies,
              count(DISTINCT p.full_name)::int AS spellings
         FROM parties p JOIN cases c ON c.id = p.case_id WHERE p.person_id IS NOT NULL GROUP BY p.person_id`,
    );
    expect(rows).toEqual([expect.objectContaining({ parties: 2, agencies: 2, spellings: 2 })]);
    const caseworker = await portal.login('caseworker@riverside-homes.example', DEMO_PASSWORD);
    const { person } = await portal.ok(
      `query($id: ID!) { person(id: $id) { names caseCount } }`,
      { id: rows[0].person_id },
      caseworker,
    );
    expect(person.names.length).toBeGreaterThanOrEqual(1);
    const manager = await portal.login('manager@riverside-homes.example', DEMO_PASSWORD);
    const { subjectAccessRequests } = await portal.ok(
      `{ subjectAccessRequests(status: OPEN) { reference overdue daysRemaining } }`,
      {},
      manager,
    );
    expect(subjectAccessRequests).toEqual([
      { reference: 'SAR-DEMO-001', overdue: false, daysRemaining: expect.any(Number) },
    ]);
  });

  it('has two years of history, so every month of the last year shows figures beside the same month a year before', async () => {
    const token = await portal.login('manager@riverside-homes.example', DEMO_PASSWORD);
    // The last twelve whole London months.
    const [y, m] = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).split('-').map(Number);
    const input = {
      from: new Date(Date.UTC(y, m - 13, 15)).toISOString(),
      to: new Date(Date.UTC(y, m - 2, 15)).toISOString(),
      interval: 'MONTH',
    };
    const SERIES = `query($input: CaseStatisticsSeriesInput!, $scope: FigureScope) { caseStatisticsSeries(input: $input, scope: $scope) {
      points { label current { opened closedResolved closedUnresolved incidents } yearEarlier { opened closedResolved closedUnresolved incidents } }
    } }`;
    const activity = (f: Record<string, number | null>) =>
      Object.values(f).reduce<number>((sum, n) => sum + (n ?? 0), 0);
    const own = (await portal.ok(SERIES, { input }, token)).caseStatisticsSeries.points;
    expect(own).toHaveLength(12);
    for (const point of own) {
      expect([point.label, activity(point.current) > 0, activity(point.yearEarlier) > 0]).toEqual([
        point.label,
        true,
        true,
      ]);
    }
    // Across the partnership, every month's openings clear the small-number rule, this year and the year before.
    const partnership = (await portal.ok(SERIES, { input, scope: 'PARTNERSHIP' }, token)).caseStatisticsSeries.points;
    for (const point of partnership) {
      expect([point.label, point.current.opened, point.yearEarlier.opened]).toEqual([
        point.label,
        expect.any(Number),
        expect.any(Number),
      ]);
    }
  });

  it('has a case the council handed to the landlord, keeping a FULL share, with the offer and acceptance on its trail', async () => {
    const manager = await portal.login('manager@riverside-homes.example', DEMO_PASSWORD);
    const { rows } = await portal.db.query(`SELECT case_id FROM case_transfers WHERE status = 'ACCEPTED'`);
    expect(rows).toHaveLength(1);
    const { case: kase } = await portal.ok(
      `query($id: ID!) { case(id: $id) { owned ownerAgency { name } shares { access agency { name } } } }`,
      { id: rows[0].case_id },
      manager,
    );
    expect(kase.owned).toBe(true);
    expect(kase.ownerAgency.name).toBe('Riverside Homes');
    expect(kase.shares).toContainEqual({ access: 'FULL', agency: { name: 'Riverside Council ASB Unit' } });
    const { caseAuditTrail } = await portal.ok(
      `query($id: ID!) { caseAuditTrail(caseId: $id, first: 100) { edges { node { action detail } } } }`,
      { id: rows[0].case_id },
      manager,
    );
    const actions = caseAuditTrail.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['CASE_TRANSFER_OFFERED', 'CASE_TRANSFERRED']));
    const council = await portal.login('caseworker@riverside-asb.example', DEMO_PASSWORD);
    const asCouncil = await portal.ok(
      `query($id: ID!) { case(id: $id) { owned access } }`,
      { id: rows[0].case_id },
      council,
    );
    expect(asCouncil.case).toEqual({ owned: false, access: 'FULL' });
  });

  it('has an ASB Case Review in progress, acknowledged and its threshold met, with its panel scheduled, for the council’s SPOC', async () => {
    const token = await portal.login('case-review-spoc@riverside-asb.example', DEMO_PASSWORD);
    const { caseReviewApplications } = await portal.ok(
      `{ caseReviewApplications { applicantName thresholdMet meetingId acknowledge { state } decide { state } meet { state } } }`,
      {},
      token,
    );
    expect(caseReviewApplications).toEqual([
      expect.objectContaining({
        thresholdMet: true,
        acknowledge: { state: 'MET' },
        decide: { state: 'MET' },
        meet: { state: 'DUE' },
      }),
    ]);
    expect(caseReviewApplications[0].applicantName).toEqual(expect.any(String));
    expect(caseReviewApplications[0].meetingId).toEqual(expect.any(String));
  });

  it('is loaded once: a second run into a database with cases changes nothing', async () => {
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
    const again = await seedDemoPartnership(portal.app.get<DataSource>(getDataSourceToken()));
    expect(again.loaded).toBe(false);
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(before);
  });

  it('has letter templates at the landlord and the council, and a warning letter already sent as evidence', async () => {
    const { rows: templates } = await portal.db.query(
      `SELECT g.name AS agency, t.kind FROM letter_templates t JOIN agencies g ON g.id = t.agency_id ORDER BY 1, 2`,
    );
    expect(templates).toContainEqual({ agency: 'Riverside Homes', kind: 'WARNING_LETTER' });
    expect(templates).toContainEqual({ agency: 'Riverside Council ASB Unit', kind: 'COMMUNITY_PROTECTION_WARNING' });
    const token = await portal.login('caseworker@riverside-homes.example', DEMO_PASSWORD);
    const { rows: produced } = await portal.db.query(
      `SELECT e.case_id, e.id FROM audit_events a JOIN evidence_files e ON e.id = (a.detail->>'evidenceFileId')::uuid
        WHERE a.action = 'LETTER_PRODUCED'`,
    );
    expect(produced).toHaveLength(1);
    const { case: kase } = await portal.ok(
      `query($id: ID!) { case(id: $id) { evidence { id downloadPath } actions { kind } } }`,
      { id: produced[0].case_id },
      token,
    );
    expect(kase.actions.map((a: { kind: string }) => a.kind)).toContain('WARNING_LETTER');
    const file = kase.evidence.find((e: { id: string }) => e.id === produced[0].id);
    const res = await fetch(`${portal.url}${file.downloadPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });
});
