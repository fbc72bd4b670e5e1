import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AgencyKind, Role } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const DAY = 86_400_000;
const KINDS = Object.values(AgencyKind);
const ROLES = Object.values(Role);
const CASEWORK = new Set<string>([
  Role.CASEWORKER,
  Role.MANAGER,
  Role.MARAC_CHAIR,
  Role.MARAC_COORDINATOR,
  Role.CASE_REVIEW_SPOC,
]);

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Partnership working") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const ADD = `mutation($c: ID!, $a: ID!, $d: String!, $due: DateTime, $who: ID) {
  addAction(caseId: $c, input: { kind: HOME_VISIT, description: $d, ownerAgencyId: $a, dueAt: $due, assigneeId: $who }) { id }
}`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const REFER = `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Escalating threats since the separation") { id } }`;
const PUBLISH = `mutation($m: ID!) { publishAgenda(meetingId: $m) { id } }`;
const AGREE = `mutation($m: ID!) { agreeConfidentiality(meetingId: $m) { id } }`;
const MEETING_ACTION = `mutation($i: ID!, $a: ID!, $d: String!) {
  recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: $d, dueAt: "${new Date(Date.now() + 10 * DAY).toISOString()}" }) { id }
}`;

/** Everything the new path can carry about an action and its case, as an attacker would ask for it. */
const MY_ACTIONS = `query($mine: Boolean) { myActions(assignedToMe: $mine) {
  totalCount overdueCount
  actions {
    id description status dueAt ownerAgency { id } assignee { id }
    caseReference meeting { id title startsAt }
    case { id reference summary address access redactedFields parties { fullName address phone } }
  }
} }`;
const OPEN_CASES = `{ cases(filter: { status: [OPEN] }, first: 100) { totalCount edges { node { id reference access ownerAgency { id } } } } }`;

const SECRET_SUMMARY = 'Held-only summary: victim moved to the refuge on Larch Road';
const SECRET_ADDRESS = '14 Larch Road, Riverside';
const SECRET_NAME = 'Wren Hidden-Victim';

type Action = {
  id: string;
  description: string;
  ownerAgency: { id: string };
  assignee: { id: string } | null;
  caseReference: string | null;
  meeting: { id: string } | null;
  case: { id: string; address?: string | null; parties?: { fullName: string | null }[] } | null;
  dueAt: string | null;
};

describe('My work: cases held, actions owned on any case, meetings next, for every partner', () => {
  let portal: TestPortal;
  let people: Partnership;
  let hub: string;
  let officer: Persona;
  let coordinator: Persona;
  let chair: Persona;
  const partnerOf = new Map<AgencyKind, string>();
  const persona = new Map<string, Persona>();
  const personaOf = (kind: AgencyKind, role: Role) => persona.get(`${kind}|${role}`)!;
  let shared: { id: string; reference: string };
  let unheld: { id: string; reference: string };
  let meetingId: string;
  const sharedActionOf = new Map<string, string>();
  const meetingActionOf = new Map<string, string>();

  const create = async (
    owner: Persona,
    summary: string,
    category = 'DOMESTIC_ABUSE',
    victim = { name: 'Shared Victim', address: '1 Shared Street, Riverside' },
  ) =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category,
            summary,
            ward: 'Riverside',
            riskLevel: 'HIGH',
            address: victim.address,
            parties: [
              { role: 'VICTIM', fullName: victim.name, address: victim.address, phone: '07700 900123' },
              { role: 'SUBJECT', fullName: 'Sol Subject' },
            ],
          },
        },
        owner.token,
      )
    ).createCase as { id: string; reference: string };
  const add = async (caseId: string, agencyId: string, description: string, dueInDays: number | null, who?: string) =>
    (
      await portal.ok(
        ADD,
        {
          c: caseId,
          a: agencyId,
          d: description,
          due: dueInDays === null ? null : new Date(Date.now() + dueInDays * DAY).toISOString(),
          who: who ?? null,
        },
        officer.token,
      )
    ).addAction.id as string;
  const myActions = async (who: Persona, mine = false) =>
    (await portal.ok(MY_ACTIONS, { mine }, who.token)).myActions as {
      totalCount: number;
      overdueCount: number;
      actions: Action[];
    };
  const openCases = async (who: Persona) =>
    (await portal.ok(OPEN_CASES, {}, who.token)).cases.edges.map(
      (e: { node: { id: string; access: string; ownerAgency: { id: string } } }) => e.node,
    );

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    people = new Partnership(portal);
    hub = await people.agency('My Work Hub Police', 'POLICE');
    officer = await people.user(hub, ['CASEWORKER'], 'hub-officer');
    coordinator = await people.user(hub, ['MARAC_COORDINATOR'], 'hub-coordinator');
    chair = await people.user(hub, ['MARAC_CHAIR'], 'hub-chair');
    for (const kind of KINDS) {
      const agency = await people.agency(`My Work ${kind}`, kind);
      partnerOf.set(kind, agency);
      for (const role of ROLES)
        persona.set(`${kind}|${role}`, await people.user(agency, [role], `${kind}-${role}`.toLowerCase()));
    }

    // A case shared with every partner (FULL and LIMITED in turn), each given an action on it.
    shared = await create(officer, 'Shared with every partner');
    for (const [i, kind] of KINDS.entries()) {
      await portal.ok(SHARE, { c: shared.id, a: partnerOf.get(kind), x: i % 2 ? 'LIMITED' : 'FULL' }, officer.token);
      sharedActionOf.set(kind, await add(shared.id, partnerOf.get(kind)!, `Visit for ${kind}`, 3));
    }

    // A case no partner holds, on a MARAC every partner attends: the meeting gives each partner an action.
    unheld = await create(officer, SECRET_SUMMARY, 'DOMESTIC_ABUSE', { name: SECRET_NAME, address: SECRET_ADDRESS });
    meetingId = (
      await portal.ok(
        SCHEDULE,
        {
          input: {
            kind: 'MARAC',
            title: 'Riverside MARAC',
            startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
            chairId: chair.id,
            agencyIds: [hub, ...partnerOf.values()],
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id;
    const itemId = (await portal.ok(REFER, { m: meetingId, c: unheld.id }, coordinator.token)).referCase.id as string;
    for (const kind of KINDS) {
      const id = (
        await portal.ok(
          MEETING_ACTION,
          { i: itemId, a: partnerOf.get(kind), d: `Meeting task for ${kind}` },
          chair.token,
        )
      ).recordMeetingAction.id as string;
      meetingActionOf.set(kind, id);
    }
  }, 300_000);

  afterAll(() => portal.close());

  it('lists, for every role of every kind of partner, the shared case and its own actions on any case, and nothing of a case it does not hold', async () => {
    for (const kind of KINDS) {
      for (const role of ROLES) {
        const reader = personaOf(kind, role);
        const what = `${kind} ${role}`;
        if (!CASEWORK.has(role)) {
          // An administrator reads no case: the whole list is refused, as cases is.
          expect([what, codeOf(await portal.gql(MY_ACTIONS, {}, reader.token))]).toEqual([what, 'FORBIDDEN']);
          continue;
        }
        const cases = await openCases(reader);
        expect([what, cases.map((c: { id: string }) => c.id)]).toEqual([what, [shared.id]]);
        expect(cases[0].access).toBe(KINDS.indexOf(kind) % 2 ? 'LIMITED' : 'FULL');

        const work = await myActions(reader);
        const ids = work.actions.map((a) => a.id);
        expect([what, ids]).toEqual([what, [sharedActionOf.get(kind), meetingActionOf.get(kind)]]);
        expect(work.totalCount).toBe(2);
        // Another agency's actions never appear, on either case.
        expect(work.actions.every((a) => a.ownerAgency.id === partnerOf.get(kind))).toBe(true);

        const [onShared, fromMeeting] = work.actions;
        expect(onShared).toMatchObject({ caseReference: shared.reference, case: { id: shared.id }, meeting: null });
        // A held case reads with the reader's own field rules here as everywhere: LIMITED shows no identifiers.
        if (KINDS.indexOf(kind) % 2)
          expect([what, onShared.case]).toMatchObject([
            what,
            { address: null, parties: [{ fullName: null, address: null, phone: null }, { fullName: null }] },
          ]);
        // Not held, and the confidentiality statement not agreed: the action and its meeting, and no case at all.
        expect([what, fromMeeting]).toMatchObject([
          what,
          { description: `Meeting task for ${kind}`, caseReference: null, case: null, meeting: { id: meetingId } },
        ]);
        const body = JSON.stringify(work);
        for (const secret of [unheld.reference, SECRET_SUMMARY, SECRET_NAME, SECRET_ADDRESS, unheld.id])
          expect([what, secret, body.includes(secret)]).toEqual([what, secret, false]);
      }
    }
  }, 240_000);

  it('names the unheld case by its reference only to an attendee who agreed confidentiality, and never its summary, address or parties', async () => {
    const reader = personaOf(AgencyKind.COUNCIL, Role.CASEWORKER);
    const colleague = personaOf(AgencyKind.COUNCIL, Role.MANAGER);
    // Agreed, but the agenda not yet published: the material is closed, so still no reference.
    await portal.ok(AGREE, { m: meetingId }, reader.token);
    expect((await myActions(reader)).actions[1]).toMatchObject({ caseReference: null, case: null });

    await portal.ok(PUBLISH, { m: meetingId }, coordinator.token);
    const work = await myActions(reader);
    expect(work.actions[1]).toMatchObject({ caseReference: unheld.reference, case: null });
    const body = JSON.stringify(work);
    for (const secret of [SECRET_SUMMARY, SECRET_NAME, SECRET_ADDRESS, unheld.id])
      expect(body.includes(secret)).toBe(false);
    // Agreeing is personal: a colleague who has not agreed reads no reference.
    expect((await myActions(colleague)).actions[1]).toMatchObject({ caseReference: null, case: null });
    // And the case itself still follows shares only.
    expect((await portal.ok(`query($c: ID!) { case(id: $c) { id } }`, { c: unheld.id }, reader.token)).case).toBeNull();
  });

  it('takes a revoked partner’s case and the actions on it away at once', async () => {
    const landlord = personaOf(AgencyKind.LANDLORD, Role.CASEWORKER);
    const landlordAgency = partnerOf.get(AgencyKind.LANDLORD)!;
    const kase = await create(officer, 'Shared for a while', 'NOISE');
    await portal.ok(SHARE, { c: kase.id, a: landlordAgency, x: 'FULL' }, officer.token);
    const action = await add(kase.id, landlordAgency, 'Tenancy visit while shared', 1);
    expect((await openCases(landlord)).map((c: { id: string }) => c.id)).toContain(kase.id);
    expect((await myActions(landlord)).actions.map((a) => a.id)).toContain(action);

    await portal.ok(REVOKE, { c: kase.id, a: landlordAgency }, officer.token);
    expect((await openCases(landlord)).map((c: { id: string }) => c.id)).not.toContain(kase.id);
    const after = await myActions(landlord);
    expect(after.actions.map((a) => a.id)).not.toContain(action);
    expect(JSON.stringify(after)).not.toContain(kase.reference);
    // The row is still there: it is the scope that hides it, not a deletion.
    expect((await portal.db.query(`SELECT status FROM case_actions WHERE id = $1`, [action])).rows).toEqual([
      { status: 'OPEN' },
    ]);
  });

  it('keeps an action a meeting gave a revoked partner (theirs to carry out) but stops naming its case at once', async () => {
    const landlord = personaOf(AgencyKind.LANDLORD, Role.MANAGER);
    const landlordAgency = partnerOf.get(AgencyKind.LANDLORD)!;
    const kase = await create(officer, 'Shared, then taken to a panel', 'NOISE', {
      name: 'Hazel Revoked',
      address: '9 Revoked Row',
    });
    await portal.ok(SHARE, { c: kase.id, a: landlordAgency, x: 'FULL' }, officer.token);
    const panel = (
      await portal.ok(
        SCHEDULE,
        {
          input: {
            kind: 'ASB_PANEL',
            title: 'Riverside ASB panel',
            startsAt: new Date(Date.now() + 5 * DAY).toISOString(),
            chairId: chair.id,
            agencyIds: [hub, landlordAgency],
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id as string;
    const item = (await portal.ok(REFER, { m: panel, c: kase.id }, coordinator.token)).referCase.id as string;
    const action = (
      await portal.ok(MEETING_ACTION, { i: item, a: landlordAgency, d: 'Serve a warning letter' }, chair.token)
    ).recordMeetingAction.id as string;
    const held = (await myActions(landlord)).actions.find((a) => a.id === action);
    expect(held).toMatchObject({ caseReference: kase.reference, case: { id: kase.id }, meeting: { id: panel } });

    await portal.ok(REVOKE, { c: kase.id, a: landlordAgency }, officer.token);
    const after = await myActions(landlord);
    expect(after.actions.find((a) => a.id === action)).toMatchObject({
      caseReference: null,
      case: null,
      meeting: { id: panel },
    });
    const body = JSON.stringify(after);
    for (const secret of [kase.reference, kase.id, 'Hazel Revoked', '9 Revoked Row', 'Shared, then taken'])
      expect([secret, body.includes(secret)]).toEqual([secret, false]);
  });

  it('puts soonest due first, leaves finished actions out, counts overdue, and keeps assigned-to-me to the assignee', async () => {
    const support = personaOf(AgencyKind.SUPPORT, Role.CASEWORKER);
    const colleague = personaOf(AgencyKind.SUPPORT, Role.MARAC_CHAIR);
    const agency = partnerOf.get(AgencyKind.SUPPORT)!;
    const late = await add(shared.id, agency, 'Overdue safety plan', -2);
    const undated = await add(shared.id, agency, 'Whenever there is time', null);
    const assigned = await add(shared.id, agency, 'Ring the victim back', 5, support.id);
    const done = await add(shared.id, agency, 'Already done', 0);
    await portal.ok(
      `mutation($id: ID!) { updateAction(id: $id, input: { status: DONE }) { id } }`,
      { id: done },
      support.token,
    );

    const work = await myActions(support);
    const ids = work.actions.map((a) => a.id);
    expect(ids).toEqual([
      late,
      sharedActionOf.get(AgencyKind.SUPPORT),
      assigned,
      meetingActionOf.get(AgencyKind.SUPPORT),
      undated,
    ]);
    expect(work.overdueCount).toBe(1);
    expect(work.totalCount).toBe(5);

    const mine = await myActions(support, true);
    expect(mine.actions.map((a) => a.id)).toEqual([assigned]);
    expect(mine.totalCount).toBe(1);
    expect((await myActions(colleague, true)).actions).toEqual([]);
  });

  it('refuses a page over 100 naming first, and pages the soonest due', async () => {
    const reader = personaOf(AgencyKind.SUPPORT, Role.CASEWORKER);
    const refused = await portal.gql(`{ myActions(first: 101) { totalCount } }`, {}, reader.token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(refused.data).toBeNull();
    const page = (await portal.ok(`{ myActions(first: 2) { totalCount actions { id } } }`, {}, reader.token)).myActions;
    const all = await myActions(reader);
    expect(page).toEqual({ totalCount: all.totalCount, actions: all.actions.slice(0, 2).map((a) => ({ id: a.id })) });
  });

  it('answers in a bounded number of statements however many actions and meetings there are', async () => {
    const police = personaOf(AgencyKind.POLICE, Role.CASEWORKER);
    const agency = partnerOf.get(AgencyKind.POLICE)!;
    await portal.ok(AGREE, { m: meetingId }, police.token);
    const more = async (i: number) => {
      const kase = await create(officer, `Another shared case ${i}`, 'NOISE');
      await portal.ok(SHARE, { c: kase.id, a: agency, x: i % 2 ? 'LIMITED' : 'FULL' }, officer.token);
      await add(kase.id, agency, `More work ${i}`, i, police.id);
    };
    // Cases of each access, and an action from a meeting, before counting: then only the numbers grow.
    await more(0);
    await more(1);
    const before = await portal.measured(MY_ACTIONS, { mine: false }, police.token);
    for (let i = 2; i < 10; i++) await more(i);
    const after = await portal.measured(MY_ACTIONS, { mine: false }, police.token);
    expect(after.data.myActions.actions.length).toBe(before.data.myActions.actions.length + 8);
    expect(after.statements).toBe(before.statements);
    expect(after.statements).toBeLessThanOrEqual(12);
  });
});
