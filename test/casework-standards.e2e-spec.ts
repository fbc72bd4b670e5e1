import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ServiceStandardsService } from '#libs/service-standards';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Joint working") { id } }`;
const ASSESS = `mutation($c: ID!, $input: AsbRiskAssessmentInput!) { recordAsbRiskAssessment(caseId: $c, input: $input) {
  score riskLevel vulnerabilities reviewDueAt judgedHighRisk } }`;
const PLAN = `mutation($c: ID!, $input: ActionPlanInput!) { agreeActionPlan(caseId: $c, input: $input) { id agreedAt updateEveryDays ourCommitments reporterCommitments } }`;
const CLOCKS = `query($id: ID!) { case(id: $id) { redactedFields serviceClocks { standard state dueAt doneAt } } }`;
const CONTACT = `mutation($c: ID!, $at: DateTime!) { recordContact(caseId: $c, input: { contactedAt: $at, channel: PHONE, note: "Spoke to the reporter" }) { id } }`;

const plan = (agreedAt: string, updateEveryDays = 14) => ({
  agreedAt,
  agreedWith: 'Ms Reporter',
  ourCommitments: ['Visit the neighbour', 'Install noise monitoring'],
  reporterCommitments: ['Keep diary sheets'],
  updateEveryDays,
  updateChannel: 'PHONE',
});

describe('casework: the ASB risk matrix, action plans and service-standard clocks', () => {
  let portal: TestPortal;
  let owner: Persona;
  let manager: Persona;
  let police: Persona;
  let council: Persona;
  let landlord: string;
  let policeAgency: string;
  let councilAgency: string;

  /** A case through the API with a complainant (or none), then dated as if it had been opened at `openedAt`. */
  const newCase = async (openedAt?: string, category = 'NOISE', reporter = true) => {
    const { createCase } = await portal.ok(
      CREATE,
      {
        input: {
          category,
          summary: 'Loud music every night',
          ward: 'Northgate',
          riskLevel: 'STANDARD',
          parties: reporter
            ? [{ role: 'COMPLAINANT', fullName: 'Ms Reporter', phone: '07700 900123' }]
            : [{ role: 'SUBJECT', fullName: 'Mr Subject' }],
        },
      },
      owner.token,
    );
    if (openedAt) await portal.db.query(`UPDATE cases SET opened_at = $2 WHERE id = $1`, [createCase.id, openedAt]);
    return createCase.id as string;
  };
  const clocks = async (id: string, persona = owner) => {
    const { case: kase } = await portal.ok(CLOCKS, { id }, persona.token);
    return kase;
  };
  const clock = async (id: string, standard: string) =>
    (await clocks(id)).serviceClocks.find((c: { standard: string }) => c.standard === standard);

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    landlord = await people.agency('Standards Homes', 'LANDLORD');
    policeAgency = await people.agency('Standards Police', 'POLICE');
    councilAgency = await people.agency('Standards Council', 'COUNCIL');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    police = await people.user(policeAgency, ['CASEWORKER'], 'police');
    council = await people.user(councilAgency, ['CASEWORKER'], 'council');
  });

  afterAll(() => portal.close());

  describe('the ASB risk matrix', () => {
    it('scores likelihood × impact into bands, raises a band for a vulnerable victim, and sets the case risk with an alert', async () => {
      const id = await newCase();
      const low = (
        await portal.ok(ASSESS, { c: id, input: { likelihood: 2, impact: 3, vulnerabilities: [] } }, owner.token)
      ).recordAsbRiskAssessment;
      expect(low).toMatchObject({ score: 6, riskLevel: 'STANDARD', judgedHighRisk: false });
      // 28 days for a standard risk.
      expect(Math.round((Date.parse(low.reviewDueAt) - Date.now()) / 86_400_000)).toBe(28);

      const medium = (
        await portal.ok(ASSESS, { c: id, input: { likelihood: 2, impact: 4, vulnerabilities: [] } }, owner.token)
      ).recordAsbRiskAssessment;
      expect(medium).toMatchObject({ score: 8, riskLevel: 'MEDIUM' });
      const raised = (
        await portal.ok(
          ASSESS,
          { c: id, input: { likelihood: 3, impact: 4, vulnerabilities: ['DISABILITY', 'ISOLATION', 'DISABILITY'] } },
          owner.token,
        )
      ).recordAsbRiskAssessment;
      expect(raised).toMatchObject({ score: 12, riskLevel: 'HIGH', vulnerabilities: ['DISABILITY', 'ISOLATION'] });
      expect(Math.round((Date.parse(raised.reviewDueAt) - Date.now()) / 86_400_000)).toBe(7);

      const { rows: kase } = await portal.db.query(`SELECT risk_level, version FROM cases WHERE id = $1`, [id]);
      expect(kase[0]).toEqual({ risk_level: 'HIGH', version: 3 });
      const { rows: alerts } = await portal.db.query(
        `SELECT kind FROM alerts WHERE case_id = $1 AND kind = 'RISK_ESCALATED' ORDER BY id`,
        [id],
      );
      expect(alerts).toHaveLength(2);
      const { rows: kept } = await portal.db.query(
        `SELECT score FROM asb_risk_assessments WHERE case_id = $1 ORDER BY assessed_at`,
        [id],
      );
      expect(kept.map((r: { score: number }) => r.score)).toEqual([6, 8, 12]);
    });

    it('needs concerns for professional judgement, refuses domestic abuse (DASH) and bad scores, and writes nothing', async () => {
      const id = await newCase();
      const judged = await portal.gql(
        ASSESS,
        { c: id, input: { likelihood: 1, impact: 1, vulnerabilities: [], judgedHighRisk: true } },
        owner.token,
      );
      expect(judged.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'concerns' });
      const outOfRange = await portal.gql(
        ASSESS,
        { c: id, input: { likelihood: 6, impact: 1, vulnerabilities: [] } },
        owner.token,
      );
      expect(codeOf(outOfRange)).toBe('BAD_USER_INPUT');
      const da = await newCase(undefined, 'DOMESTIC_ABUSE');
      const refused = await portal.gql(
        ASSESS,
        { c: da, input: { likelihood: 5, impact: 5, vulnerabilities: [] } },
        owner.token,
      );
      expect(refused.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'caseId' });
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM asb_risk_assessments WHERE case_id = ANY($1)`,
        [[id, da]],
      );
      expect(rows[0].n).toBe(0);

      const ok = (
        await portal.ok(
          ASSESS,
          {
            c: id,
            input: {
              likelihood: 1,
              impact: 1,
              vulnerabilities: [],
              judgedHighRisk: true,
              concerns: 'Threats to burn the door',
            },
          },
          owner.token,
        )
      ).recordAsbRiskAssessment;
      expect(ok).toMatchObject({ score: 1, riskLevel: 'HIGH', judgedHighRisk: true });
    });

    it('is recorded by a FULL share, read by owner and FULL shares, withheld from a LIMITED share, unknown to anyone else', async () => {
      const id = await newCase();
      await portal.ok(SHARE, { c: id, a: policeAgency, x: 'FULL' }, owner.token);
      await portal.ok(SHARE, { c: id, a: councilAgency, x: 'LIMITED' }, owner.token);
      await portal.ok(ASSESS, { c: id, input: { likelihood: 4, impact: 4, vulnerabilities: [] } }, police.token);
      const read = `query($id: ID!) { case(id: $id) { redactedFields asbRiskAssessments { score } actionPlans { id } } }`;
      expect((await portal.ok(read, { id }, owner.token)).case.asbRiskAssessments).toEqual([{ score: 16 }]);
      expect((await portal.ok(read, { id }, police.token)).case.asbRiskAssessments).toEqual([{ score: 16 }]);
      const limited = (await portal.ok(read, { id }, council.token)).case;
      expect(limited.asbRiskAssessments).toBeNull();
      expect(limited.actionPlans).toBeNull();
      expect(limited.redactedFields).toEqual(
        expect.arrayContaining(['asbRiskAssessments', 'actionPlans', 'serviceClocks']),
      );
      const byLimited = await portal.gql(
        ASSESS,
        { c: id, input: { likelihood: 1, impact: 1, vulnerabilities: [] } },
        council.token,
      );
      expect(byLimited.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'asbRiskAssessments' });
    });
  });

  describe('action plans', () => {
    it('are agreed by the owner with the reporter, newest first, and refused to a FULL share and for a future date', async () => {
      const id = await newCase();
      await portal.ok(SHARE, { c: id, a: policeAgency, x: 'FULL' }, owner.token);
      const first = (
        await portal.ok(PLAN, { c: id, input: plan(new Date(Date.now() - 30_000).toISOString(), 14) }, owner.token)
      ).agreeActionPlan;
      expect(first).toMatchObject({
        updateEveryDays: 14,
        ourCommitments: ['Visit the neighbour', 'Install noise monitoring'],
        reporterCommitments: ['Keep diary sheets'],
      });
      const second = (await portal.ok(PLAN, { c: id, input: plan(new Date().toISOString(), 7) }, owner.token))
        .agreeActionPlan;
      const future = await portal.gql(
        PLAN,
        { c: id, input: plan(new Date(Date.now() + 86_400_000).toISOString()) },
        owner.token,
      );
      expect(future.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'agreedAt' });
      const byPolice = await portal.gql(PLAN, { c: id, input: plan(new Date().toISOString()) }, police.token);
      expect(byPolice.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'actionPlans' });
      const empty = await portal.gql(
        PLAN,
        { c: id, input: { ...plan(new Date().toISOString()), ourCommitments: [] } },
        owner.token,
      );
      expect(codeOf(empty)).toBe('BAD_USER_INPUT');
      const read = (
        await portal.ok(
          `query($id: ID!) { case(id: $id) { actionPlans { id updateEveryDays } } }`,
          { id },
          police.token,
        )
      ).case;
      expect(read.actionPlans).toEqual([
        { id: second.id, updateEveryDays: 7 },
        { id: first.id, updateEveryDays: 14 },
      ]);
      const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM action_plans WHERE case_id = $1`, [id]);
      expect(rows[0].n).toBe(2);
      const trail = await portal.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'ACTION_PLAN_AGREED'`,
        [id],
      );
      expect(trail.rows[0].n).toBe(2);
    });
  });

  describe('service-standard clocks', () => {
    it('count working days past weekends and bank holidays: a Friday report is due on Tuesday after the August bank holiday', async () => {
      // Friday 28 August 2026, 12:00 UTC; Monday 31 August is a bank holiday.
      const onTime = await newCase('2026-08-28T12:00:00Z');
      await portal.ok(CONTACT, { c: onTime, at: '2026-08-31T14:00:00Z' }, owner.token);
      expect(await clock(onTime, 'CONTACT_REPORTER')).toEqual({
        standard: 'CONTACT_REPORTER',
        state: 'MET',
        dueAt: '2026-09-01T12:00:00.000Z',
        doneAt: '2026-08-31T14:00:00.000Z',
      });
      const late = await newCase('2026-08-28T12:00:00Z');
      await portal.ok(CONTACT, { c: late, at: '2026-09-01T13:00:00Z' }, owner.token);
      expect(await clock(late, 'CONTACT_REPORTER')).toMatchObject({
        state: 'BREACHED',
        doneAt: '2026-09-01T13:00:00.000Z',
      });
      const never = await newCase('2026-08-28T12:00:00Z');
      expect(await clock(never, 'CONTACT_REPORTER')).toMatchObject({ state: 'BREACHED', doneAt: null });
      const fresh = await newCase();
      expect(await clock(fresh, 'CONTACT_REPORTER')).toMatchObject({ state: 'DUE', doneAt: null });
    });

    it('runs the action plan and update clocks from the plan, and the risk review from the latest assessment', async () => {
      // Friday 6 November 2026, 15:00 UTC: the plan is due 10 working days later, Friday 20 November 15:00.
      const id = await newCase('2026-11-06T15:00:00Z');
      await portal.ok(CONTACT, { c: id, at: '2026-11-09T10:00:00Z' }, owner.token);
      expect(await clock(id, 'ACTION_PLAN_AGREED')).toMatchObject({
        state: 'BREACHED',
        dueAt: '2026-11-20T15:00:00.000Z',
        doneAt: null,
      });
      expect(await clock(id, 'REPORTER_UPDATED')).toBeUndefined();
      await portal.ok(PLAN, { c: id, input: plan('2026-11-10T10:00:00Z', 7) }, owner.token);
      expect(await clock(id, 'ACTION_PLAN_AGREED')).toMatchObject({ state: 'MET', doneAt: '2026-11-10T10:00:00.000Z' });
      // No update since the plan: due 7 days after it, and that has passed.
      expect(await clock(id, 'REPORTER_UPDATED')).toEqual({
        standard: 'REPORTER_UPDATED',
        state: 'BREACHED',
        dueAt: '2026-11-17T10:00:00.000Z',
        doneAt: null,
      });
      const now = new Date(Date.now() - 60_000).toISOString();
      await portal.ok(CONTACT, { c: id, at: now }, owner.token);
      const updated = await clock(id, 'REPORTER_UPDATED');
      expect(updated).toMatchObject({ state: 'DUE', doneAt: now });
      expect(Date.parse(updated.dueAt) - Date.parse(now)).toBe(7 * 86_400_000);

      expect(await clock(id, 'RISK_REVIEWED')).toBeUndefined();
      const reviewBy = new Date(Date.now() + 5 * 86_400_000).toISOString();
      await portal.ok(
        ASSESS,
        { c: id, input: { likelihood: 2, impact: 2, vulnerabilities: [], reviewDueAt: reviewBy } },
        owner.token,
      );
      expect(await clock(id, 'RISK_REVIEWED')).toMatchObject({ state: 'DUE', dueAt: reviewBy });
      await portal.db.query(
        `UPDATE asb_risk_assessments SET review_due_at = now() - interval '1 day' WHERE case_id = $1`,
        [id],
      );
      expect(await clock(id, 'RISK_REVIEWED')).toMatchObject({ state: 'BREACHED' });
    });

    it("follow the owner agency's own standards, which only its managers set", async () => {
      const id = await newCase('2026-11-06T15:00:00Z');
      const SET = `mutation($input: ServiceStandardsInput!) { updateServiceStandards(input: $input) { contactWorkingDays actionPlanWorkingDays } }`;
      const refused = await portal.gql(
        SET,
        { input: { contactWorkingDays: 3, actionPlanWorkingDays: 5 } },
        owner.token,
      );
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect((await portal.db.query(`SELECT count(*)::int AS n FROM service_standards`)).rows[0].n).toBe(0);
      expect(
        (await portal.ok(`{ serviceStandards { contactWorkingDays actionPlanWorkingDays } }`, {}, owner.token))
          .serviceStandards,
      ).toEqual({
        contactWorkingDays: 1,
        actionPlanWorkingDays: 10,
      });
      const tooMany = await portal.gql(
        SET,
        { input: { contactWorkingDays: 11, actionPlanWorkingDays: 5 } },
        manager.token,
      );
      expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
      expect(
        (await portal.ok(SET, { input: { contactWorkingDays: 3, actionPlanWorkingDays: 5 } }, manager.token))
          .updateServiceStandards,
      ).toEqual({
        contactWorkingDays: 3,
        actionPlanWorkingDays: 5,
      });
      // Three working days from Friday 6 November 15:00 is Wednesday 11 November; five is Friday 13 November.
      expect(await clock(id, 'CONTACT_REPORTER')).toMatchObject({ dueAt: '2026-11-11T15:00:00.000Z' });
      expect(await clock(id, 'ACTION_PLAN_AGREED')).toMatchObject({ dueAt: '2026-11-13T15:00:00.000Z' });
      // The police's cases keep the defaults.
      expect(
        (await portal.ok(`{ serviceStandards { contactWorkingDays } }`, {}, police.token)).serviceStandards,
      ).toEqual({ contactWorkingDays: 1 });
      await portal.ok(SET, { input: { contactWorkingDays: 1, actionPlanWorkingDays: 10 } }, manager.token);
    });

    it('leave out the reporter standards for an anonymous report, count closure without contact as breached, and are withheld from LIMITED shares', async () => {
      const anonymous = await newCase('2026-11-06T15:00:00Z', 'NOISE', false);
      expect((await clocks(anonymous)).serviceClocks).toEqual([]);
      const closed = await newCase();
      await portal.ok(
        `mutation($id: ID!) { closeCase(id: $id, expectedVersion: 1, input: { outcome: RESOLVED, reason: "Resolved by mediation" }) { id } }`,
        { id: closed },
        owner.token,
      );
      expect(await clock(closed, 'CONTACT_REPORTER')).toMatchObject({ state: 'BREACHED', doneAt: null });
      const shared = await newCase();
      await portal.ok(SHARE, { c: shared, a: councilAgency, x: 'LIMITED' }, owner.token);
      const limited = await clocks(shared, council);
      expect(limited.serviceClocks).toBeNull();
      expect(limited.redactedFields).toContain('serviceClocks');
    });

    it('alert each breached deadline once, to the agencies holding the case, and again only for a new deadline', async () => {
      const standards = portal.app.get(ServiceStandardsService);
      const id = await newCase('2026-08-28T12:00:00Z');
      await portal.ok(SHARE, { c: id, a: policeAgency, x: 'FULL' }, owner.token);
      await portal.ok(ASSESS, { c: id, input: { likelihood: 2, impact: 2, vulnerabilities: [] } }, owner.token);
      await portal.db.query(
        `UPDATE asb_risk_assessments SET review_due_at = '2026-11-01T09:00:00Z' WHERE case_id = $1`,
        [id],
      );
      await standards.raiseBreaches(new Date());
      await standards.raiseBreaches(new Date());
      const breaches = async () =>
        (
          await portal.db.query(
            `SELECT detail->>'standard' AS standard, detail->>'deadline' AS deadline FROM alerts WHERE case_id = $1 AND kind = 'SERVICE_STANDARD_BREACHED' ORDER BY detail->>'standard', id`,
            [id],
          )
        ).rows;
      expect(await breaches()).toEqual([
        { standard: 'ACTION_PLAN_AGREED', deadline: '2026-09-14T12:00:00.000Z' },
        { standard: 'CONTACT_REPORTER', deadline: '2026-09-01T12:00:00.000Z' },
        { standard: 'RISK_REVIEWED', deadline: '2026-11-01T09:00:00.000Z' },
      ]);
      // A new assessment sets a new review date: once that passes, it alerts again, once.
      await portal.ok(ASSESS, { c: id, input: { likelihood: 2, impact: 2, vulnerabilities: [] } }, owner.token);
      await portal.db.query(
        `UPDATE asb_risk_assessments SET review_due_at = '2026-11-20T09:00:00Z' WHERE id = (SELECT id FROM asb_risk_assessments WHERE case_id = $1 ORDER BY assessed_at DESC LIMIT 1)`,
        [id],
      );
      await standards.raiseBreaches(new Date());
      await standards.raiseBreaches(new Date());
      expect(
        (await breaches())
          .filter((b: { standard: string }) => b.standard === 'RISK_REVIEWED')
          .map((b: { deadline: string }) => b.deadline),
      ).toEqual(['2026-11-01T09:00:00.000Z', '2026-11-20T09:00:00.000Z']);
    });
  });
});
