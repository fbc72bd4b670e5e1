import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const ANSWER = `mutation($t: String!, $s: Int!, $o: Int!) { answerSatisfactionSurvey(token: $t, input: { serviceScore: $s, outcomeScore: $o, comment: "Thank you" }) }`;
const LINK = `mutation($c: ID!) { sendSatisfactionSurvey(caseId: $c) { path expiresAt } }`;

describe('satisfaction: recorded by the owner, or answered once through a link without an account', () => {
  let portal: TestPortal;
  let owner: Persona;
  let manager: Persona;
  let partner: Persona;
  let closed: string;
  let open: string;

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Survey Homes', 'LANDLORD');
    const police = await people.agency('Survey Police', 'POLICE');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    partner = await people.user(police, ['CASEWORKER'], 'partner');
    const create = async () =>
      (
        await portal.ok(
          `mutation { createCase(input: { category: NOISE, summary: "Barking dog", ward: "Riverside", riskLevel: STANDARD, parties: [{ role: COMPLAINANT, fullName: "Sue Reporter" }] }) { id } }`,
          {},
          owner.token,
        )
      ).createCase.id as string;
    closed = await create();
    open = await create();
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Joint working") { id } }`,
      { c: closed, a: police },
      owner.token,
    );
    await portal.ok(
      `mutation($id: ID!) { closeCase(id: $id, expectedVersion: 1, input: { outcome: RESOLVED, reason: "Dog rehomed" }) { id } }`,
      { id: closed },
      owner.token,
    );
  });
  afterAll(() => portal.close());

  it('lets the reporter answer once through the link, with no account, and tells a used or wrong link nothing', async () => {
    const { path, expiresAt } = (await portal.ok(LINK, { c: closed }, owner.token)).sendSatisfactionSurvey;
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    const token = path.replace('/survey/', '');
    // Only the hash is kept.
    const { rows } = await portal.db.query(`SELECT token_hash FROM satisfaction_surveys WHERE case_id = $1`, [closed]);
    expect(rows[0].token_hash).not.toContain(token);
    const OPEN = `query($t: String!) { surveyLinkOpen(token: $t) }`;
    expect(await portal.ok(OPEN, { t: token })).toEqual({ surveyLinkOpen: true });
    expect(await portal.ok(OPEN, { t: 'not-a-token' })).toEqual({ surveyLinkOpen: false });
    expect(await portal.ok(ANSWER, { t: token, s: 5, o: 4 })).toEqual({ answerSatisfactionSurvey: true });
    expect(await portal.ok(OPEN, { t: token })).toEqual({ surveyLinkOpen: false });
    expect(codeOf(await portal.gql(ANSWER, { t: token, s: 1, o: 1 }))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(ANSWER, { t: 'not-a-token', s: 1, o: 1 }))).toBe('NOT_FOUND');
    expect((await portal.gql(ANSWER, { t: token, s: 6, o: 1 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const read = (
      await portal.ok(
        `query($id: ID!) { case(id: $id) { satisfaction { serviceScore outcomeScore comment } } }`,
        { id: closed },
        owner.token,
      )
    ).case;
    expect(read.satisfaction).toEqual([{ serviceScore: 5, outcomeScore: 4, comment: 'Thank you' }]);
  });

  it('is recorded and read by the owner agency only, and only once a case is closed', async () => {
    const RECORD = `mutation($c: ID!) { recordSatisfaction(caseId: $c, input: { serviceScore: 2, outcomeScore: 3 }) { serviceScore answeredAt } }`;
    expect((await portal.ok(RECORD, { c: closed }, owner.token)).recordSatisfaction.serviceScore).toBe(2);
    expect((await portal.gql(RECORD, { c: open }, owner.token)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'caseId',
    });
    expect(codeOf(await portal.gql(RECORD, { c: closed }, partner.token))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(LINK, { c: closed }, partner.token))).toBe('FORBIDDEN');
    expect(
      (
        await portal.ok(
          `query($id: ID!) { case(id: $id) { satisfaction { serviceScore } } }`,
          { id: closed },
          partner.token,
        )
      ).case.satisfaction,
    ).toEqual([]);
  });

  it('counts satisfaction in the figures', async () => {
    const now = new Date();
    const figures = (
      await portal.ok(
        `query($from: DateTime!, $to: DateTime!) { caseStatistics(input: { from: $from, to: $to }) { surveysAnswered satisfiedWithServicePercent satisfiedWithOutcomePercent } }`,
        {
          from: new Date(now.getTime() - 86_400_000).toISOString(),
          to: new Date(now.getTime() + 86_400_000).toISOString(),
        },
        manager.token,
      )
    ).caseStatistics;
    // Two answers: 5/4 through the link and 2/3 recorded.
    expect(figures).toEqual({ surveysAnswered: 2, satisfiedWithServicePercent: 50, satisfiedWithOutcomePercent: 50 });
  });
});
