import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id version riskLevel } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "MARAC information-sharing protocol") { id } }`;
const ASSESS = `mutation($c: ID!, $input: DashAssessmentInput!) {
  recordDashAssessment(caseId: $c, input: $input) { id score highRisk judgedHighRisk concerns reviewDueAt answers { question answer note } }
}`;
const READ = `query($id: ID!) { case(id: $id) { riskLevel version redactedFields referralCriteria dashAssessments { score highRisk } } }`;

/** `yes` "yes" answers to the first questions, "no" to the next `no`. */
const answers = (yes: number, no = 0) => [
  ...Array.from({ length: yes }, (_, i) => ({ question: i + 1, answer: 'YES' })),
  ...Array.from({ length: no }, (_, i) => ({ question: yes + i + 1, answer: 'NO' })),
];

describe('DASH risk assessment', () => {
  let portal: TestPortal;
  let people: Partnership;
  let owner: Persona;
  let idva: Persona;
  let limited: Persona;
  let police: string;
  let support: string;
  let council: string;

  const newCase = async (overrides: Record<string, unknown> = {}) =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category: 'DOMESTIC_ABUSE',
            summary: 'Repeated incidents reported by the victim',
            ward: 'Riverside',
            riskLevel: 'STANDARD',
            parties: [
              { role: 'VICTIM', fullName: 'Dana Victim', dateOfBirth: '1990-02-03' },
              { role: 'SUBJECT', fullName: 'Sam Subject' },
            ],
            ...overrides,
          },
        },
        owner.token,
      )
    ).createCase as { id: string; version: number };

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    police = await people.agency('Dash Police', 'POLICE');
    support = await people.agency('Dash IDVA Service', 'SUPPORT');
    council = await people.agency('Dash Council', 'COUNCIL');
    owner = await people.user(police, ['CASEWORKER'], 'officer');
    idva = await people.user(support, ['CASEWORKER'], 'idva');
    limited = await people.user(council, ['CASEWORKER'], 'council');
  });
  afterAll(() => portal.close());

  it('scores the "yes" answers, counts unanswered questions as not known, and marks 14 or more as high risk', async () => {
    const kase = await newCase();
    const low = (await portal.ok(ASSESS, { c: kase.id, input: { answers: answers(13, 5) } }, owner.token))
      .recordDashAssessment;
    expect(low).toMatchObject({ score: 13, highRisk: false, judgedHighRisk: false });
    expect(low.answers).toHaveLength(24);
    expect(low.answers[20]).toEqual({ question: 21, answer: 'NOT_KNOWN', note: null });
    expect((await portal.ok(READ, { id: kase.id }, owner.token)).case).toMatchObject({
      riskLevel: 'MEDIUM',
      referralCriteria: [],
    });

    const high = (await portal.ok(ASSESS, { c: kase.id, input: { answers: answers(14) } }, owner.token))
      .recordDashAssessment;
    expect(high).toMatchObject({ score: 14, highRisk: true });
    const read = (await portal.ok(READ, { id: kase.id }, owner.token)).case;
    expect(read).toMatchObject({ riskLevel: 'HIGH', referralCriteria: ['DASH_THRESHOLD'] });
    // Every assessment is kept, newest first.
    expect(read.dashAssessments).toEqual([
      { score: 14, highRisk: true },
      { score: 13, highRisk: false },
    ]);
    const { rows } = await portal.db.query(`SELECT kind FROM alerts WHERE case_id = $1 ORDER BY id`, [kase.id]);
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual([
      'CASE_UPDATED',
      'RISK_ESCALATED',
      'CASE_UPDATED',
      'RISK_ESCALATED',
    ]);
  });

  it('lets professional judgement raise the risk but never lower a scored high risk', async () => {
    const kase = await newCase();
    const raised = (
      await portal.ok(
        ASSESS,
        {
          c: kase.id,
          input: { answers: answers(4), judgedHighRisk: true, concerns: 'Escalating threats since separation' },
        },
        owner.token,
      )
    ).recordDashAssessment;
    expect(raised).toMatchObject({
      score: 4,
      highRisk: true,
      judgedHighRisk: true,
      concerns: 'Escalating threats since separation',
    });
    const kept = (
      await portal.ok(ASSESS, { c: kase.id, input: { answers: answers(16), judgedHighRisk: false } }, owner.token)
    ).recordDashAssessment;
    expect(kept).toMatchObject({ score: 16, highRisk: true });
    expect((await portal.ok(READ, { id: kase.id }, owner.token)).case.riskLevel).toBe('HIGH');
  });

  it('refuses a question outside 1–24 or answered twice, writing nothing', async () => {
    const kase = await newCase();
    for (const bad of [
      [{ question: 25, answer: 'YES' }],
      [{ question: 0, answer: 'NO' }],
      [
        { question: 3, answer: 'YES' },
        { question: 3, answer: 'NO' },
      ],
    ]) {
      const result = await portal.gql(ASSESS, { c: kase.id, input: { answers: bad } }, owner.token);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers' });
    }
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM dash_assessments WHERE case_id = $1`, [
      kase.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('is recorded by the owner and a FULL partner, read by them only, and the case stays invisible to others', async () => {
    const kase = await newCase();
    await portal.ok(SHARE, { c: kase.id, a: support, x: 'FULL' }, owner.token);
    await portal.ok(SHARE, { c: kase.id, a: council, x: 'LIMITED' }, owner.token);
    expect(
      (await portal.ok(ASSESS, { c: kase.id, input: { answers: answers(15) } }, idva.token)).recordDashAssessment
        .highRisk,
    ).toBe(true);
    const refused = await portal.gql(ASSESS, { c: kase.id, input: { answers: answers(15) } }, limited.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'dashAssessments' });
    const seenLimited = (await portal.ok(READ, { id: kase.id }, limited.token)).case;
    expect(seenLimited).toMatchObject({ riskLevel: 'HIGH', dashAssessments: null });
    expect(seenLimited.redactedFields).toContain('dashAssessments');
    expect((await portal.ok(READ, { id: kase.id }, idva.token)).case.dashAssessments).toHaveLength(1);

    const stranger = await people.user(await people.agency('Dash Strangers', 'OTHER'), ['CASEWORKER'], 'stranger');
    expect(codeOf(await portal.gql(ASSESS, { c: kase.id, input: { answers: answers(1) } }, stranger.token))).toBe(
      'NOT_FOUND',
    );
  });
});
