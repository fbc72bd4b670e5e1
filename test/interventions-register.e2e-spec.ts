import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const REGISTER = `{ interventionsRegister { id kind servedAt hearingAt expiresAt status case { reference } } }`;
const ADD = `mutation($c: ID!, $kind: ActionKind!, $a: ID!) { addAction(caseId: $c, input: { kind: $kind, description: "Register fixture", ownerAgencyId: $a }) { id } }`;
const DATES = `mutation($id: ID!, $served: DateTime, $hearing: DateTime, $expires: DateTime, $status: ActionStatus) {
  updateAction(id: $id, input: { servedAt: $served, hearingAt: $hearing, expiresAt: $expires, status: $status }) { id servedAt hearingAt expiresAt }
}`;

describe('the interventions register: live legal and formal interventions with their dates', () => {
  let portal: TestPortal;
  let officer: Persona;
  let landlordOfficer: Persona;
  let council: string;
  let caseId: string;

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    council = await people.agency('Register Council', 'COUNCIL');
    const landlord = await people.agency('Register Homes', 'LANDLORD');
    officer = await people.user(council, ['CASEWORKER'], 'officer');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'landlord');
    caseId = (
      await portal.ok(
        `mutation { createCase(input: { category: NOISE, summary: "Loud music every night", ward: "Riverside", riskLevel: MEDIUM, parties: [{ role: SUBJECT, fullName: "Noisy Neighbour" }] }) { id } }`,
        {},
        officer.token,
      )
    ).createCase.id;
  });
  afterAll(() => portal.close());

  const add = async (kind: string) =>
    (await portal.ok(ADD, { c: caseId, kind, a: council }, officer.token)).addAction.id as string;

  it('works out the expiry of a CPW (6 months) and a CPN (12 months) from serving, and keeps a court hearing', async () => {
    const cpw = await add('COMMUNITY_PROTECTION_WARNING');
    const cpn = await add('COMMUNITY_PROTECTION_NOTICE');
    const injunction = await add('CIVIL_INJUNCTION');
    expect(
      (await portal.ok(DATES, { id: cpw, served: '2026-10-15T10:00:00.000Z' }, officer.token)).updateAction.expiresAt,
    ).toBe('2027-04-15T10:00:00.000Z');
    expect(
      (await portal.ok(DATES, { id: cpn, served: '2026-10-15T10:00:00.000Z' }, officer.token)).updateAction.expiresAt,
    ).toBe('2027-10-15T10:00:00.000Z');
    const court = (
      await portal.ok(
        DATES,
        { id: injunction, served: '2026-11-01T10:00:00.000Z', hearing: '2026-12-10T10:00:00.000Z' },
        officer.token,
      )
    ).updateAction;
    expect(court).toMatchObject({ hearingAt: '2026-12-10T10:00:00.000Z', expiresAt: null });

    const register = (await portal.ok(REGISTER, {}, officer.token)).interventionsRegister;
    // Lapsing soonest first; an injunction with no expiry after them.
    expect(register.map((a: { id: string }) => a.id)).toEqual([cpw, cpn, injunction]);
  });

  it('leaves out finished, lapsed and informal actions, and other agencies’ registers', async () => {
    const lapsed = await add('ACCEPTABLE_BEHAVIOUR_CONTRACT');
    await portal.ok(DATES, { id: lapsed, served: '2025-01-01T10:00:00.000Z' }, officer.token);
    const done = await add('FIXED_PENALTY_NOTICE');
    await portal.ok(DATES, { id: done, served: '2026-11-01T10:00:00.000Z', status: 'DONE' }, officer.token);
    const visit = await add('HOME_VISIT');
    const ids = (await portal.ok(REGISTER, {}, officer.token)).interventionsRegister.map((a: { id: string }) => a.id);
    expect(ids).not.toContain(lapsed);
    expect(ids).not.toContain(done);
    expect(ids).not.toContain(visit);
    expect((await portal.ok(REGISTER, {}, landlordOfficer.token)).interventionsRegister).toEqual([]);
  });

  it('says which actions take legal dates and how long each lasts, so a form need not keep its own list', async () => {
    const kinds = [
      'COMMUNITY_PROTECTION_WARNING',
      'ACCEPTABLE_BEHAVIOUR_CONTRACT',
      'COMMUNITY_PROTECTION_NOTICE',
      'NOTICE_SEEKING_POSSESSION',
      'CIVIL_INJUNCTION',
      'HOME_VISIT',
    ];
    for (const kind of kinds) await add(kind);
    const { case: kase } = await portal.ok(
      `query($c: ID!) { case(id: $c) { actions { kind legal registered lapseMonths } } }`,
      { c: caseId },
      officer.token,
    );
    const byKind = new Map(kase.actions.map((a: { kind: string }) => [a.kind, a]));
    expect(kinds.map((kind) => byKind.get(kind))).toEqual([
      { kind: 'COMMUNITY_PROTECTION_WARNING', legal: false, registered: true, lapseMonths: 6 },
      { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', legal: false, registered: true, lapseMonths: 6 },
      { kind: 'COMMUNITY_PROTECTION_NOTICE', legal: true, registered: true, lapseMonths: 12 },
      { kind: 'NOTICE_SEEKING_POSSESSION', legal: true, registered: true, lapseMonths: 12 },
      { kind: 'CIVIL_INJUNCTION', legal: true, registered: true, lapseMonths: null },
      { kind: 'HOME_VISIT', legal: false, registered: false, lapseMonths: null },
    ]);
  });

  it('refuses legal dates on an informal action, and an expiry before serving, changing nothing', async () => {
    const visit = await add('HOME_VISIT');
    expect(
      (await portal.gql(DATES, { id: visit, served: '2026-11-01T10:00:00.000Z' }, officer.token)).errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'servedAt' });
    const cpw = await add('COMMUNITY_PROTECTION_WARNING');
    const backwards = await portal.gql(
      DATES,
      { id: cpw, served: '2026-11-01T10:00:00.000Z', expires: '2026-10-01T10:00:00.000Z' },
      officer.token,
    );
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    const { rows } = await portal.db.query(`SELECT served_at, expires_at FROM case_actions WHERE id = ANY($1)`, [
      [visit, cpw],
    ]);
    expect(rows).toEqual([
      { served_at: null, expires_at: null },
      { served_at: null, expires_at: null },
    ]);
  });
});
