import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const SUBMIT = `mutation($input: IntakeReportInput!) { submitIntakeReport(input: $input) { id status anonymous } }`;
const QUEUE = `{ triageQueue { id summary flags matchingCases { id } } }`;

describe('triage: reports wait in the receiving agency’s queue until accepted, attached or declined', () => {
  let portal: TestPortal;
  let officer: Persona;
  let other: Persona;
  const report = (overrides: Record<string, unknown> = {}) => ({
    channel: 'PHONE',
    category: 'NOISE',
    summary: 'Music until 3am most nights',
    ward: 'Riverside',
    address: '12 Elm Court',
    reporterName: 'Rita Caller',
    reporterPhone: '07700 900777',
    subjectName: 'Max Loud',
    ...overrides,
  });
  const submit = async (input: Record<string, unknown>, by = officer) =>
    (await portal.ok(SUBMIT, { input }, by.token)).submitIntakeReport;

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    officer = await people.user(await people.agency('Intake Homes', 'LANDLORD'), ['CASEWORKER'], 'officer');
    other = await people.user(await people.agency('Intake Council', 'COUNCIL'), ['CASEWORKER'], 'other');
  });
  afterAll(() => portal.close());

  it('accepts a report as a new case with the reporter, the subject and the report as its first incident; the queue is the agency’s own', async () => {
    const first = await submit(report());
    expect(first).toMatchObject({ status: 'NEW', anonymous: false });
    expect((await portal.ok(QUEUE, {}, officer.token)).triageQueue.map((r: { id: string }) => r.id)).toEqual([
      first.id,
    ]);
    expect((await portal.ok(QUEUE, {}, other.token)).triageQueue).toEqual([]);
    expect(
      codeOf(
        await portal.gql(
          `mutation($id: ID!) { declineIntakeReport(id: $id, reason: "Not ours") { id } }`,
          { id: first.id },
          other.token,
        ),
      ),
    ).toBe('NOT_FOUND');

    const kase = (
      await portal.ok(
        `mutation($id: ID!) { acceptIntakeReport(id: $id, riskLevel: MEDIUM) { id riskLevel address parties { role fullName phone } incidents { description } } }`,
        { id: first.id },
        officer.token,
      )
    ).acceptIntakeReport;
    expect(kase).toMatchObject({
      riskLevel: 'MEDIUM',
      address: '12 Elm Court',
      parties: [
        { role: 'COMPLAINANT', fullName: 'Rita Caller', phone: '07700 900777' },
        { role: 'SUBJECT', fullName: 'Max Loud' },
      ],
      incidents: [{ description: 'Reported by phone: Music until 3am most nights' }],
    });
    expect((await portal.ok(QUEUE, {}, officer.token)).triageQueue).toEqual([]);
    const { rows } = await portal.db.query(`SELECT status, case_id FROM intake_reports WHERE id = $1`, [first.id]);
    expect(rows[0]).toEqual({ status: 'ACCEPTED', case_id: kase.id });
    expect(
      codeOf(
        await portal.gql(
          `mutation($id: ID!) { declineIntakeReport(id: $id, reason: "Twice") { id } }`,
          { id: first.id },
          officer.token,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('flags a repeat caller, victim and place, offers the open case, and attaches the report to it as an incident', async () => {
    const again = await submit(report({ reporterName: 'rita caller ', summary: 'Music again last night' }));
    const [queued] = (await portal.ok(QUEUE, {}, officer.token)).triageQueue;
    expect(queued.id).toBe(again.id);
    expect(queued.flags).toEqual(['REPEAT_CALLER', 'REPEAT_VICTIM', 'REPEAT_LOCATION']);
    expect(queued.matchingCases).toHaveLength(1);
    const caseId = queued.matchingCases[0].id;
    const attached = (
      await portal.ok(
        `mutation($id: ID!, $c: ID!) { attachIntakeReport(id: $id, caseId: $c) { status caseId } }`,
        { id: again.id, c: caseId },
        officer.token,
      )
    ).attachIntakeReport;
    expect(attached).toEqual({ status: 'ATTACHED', caseId });
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM incidents WHERE case_id = $1`, [caseId]);
    expect(rows[0].n).toBe(2);
    const { rows: cases } = await portal.db.query(`SELECT count(*)::int AS n FROM cases`);
    expect(cases[0].n).toBe(1);
  });

  it('takes an anonymous report, flags nothing new, and declines with a reason or not at all', async () => {
    const anonymous = await submit(
      report({ reporterName: null, reporterPhone: null, address: '3 Birch Row', summary: 'Washing machine at 10pm' }),
    );
    expect(anonymous.anonymous).toBe(true);
    const [queued] = (await portal.ok(QUEUE, {}, officer.token)).triageQueue;
    expect(queued.flags).toEqual([]);
    const refused = await portal.gql(
      `mutation($id: ID!) { declineIntakeReport(id: $id, reason: "") { id } }`,
      { id: anonymous.id },
      officer.token,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const declined = (
      await portal.ok(
        `mutation($id: ID!) { declineIntakeReport(id: $id, reason: "Everyday household noise") { status declineReason } }`,
        { id: anonymous.id },
        officer.token,
      )
    ).declineIntakeReport;
    expect(declined).toEqual({ status: 'DECLINED', declineReason: 'Everyday household noise' });
  });

  it('takes a ward of the same length as a case does, so every report it takes can become a case', async () => {
    // One rule for the field wherever it is typed: intake took a one-letter ward that a case refused.
    const refused = await portal.gql(SUBMIT, { input: report({ ward: 'R' }) }, officer.token);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.field).toBe('ward');
    const count = await portal.db.query(`SELECT count(*)::int AS n FROM intake_reports WHERE ward = 'R'`);
    expect(count.rows[0].n).toBe(0);
    const created = await portal.gql(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
      {
        input: { category: 'NOISE', summary: 'Music until 3am', ward: 'R', riskLevel: 'STANDARD' },
      },
      officer.token,
    );
    expect(codeOf(created)).toBe('BAD_USER_INPUT');
  });
});
