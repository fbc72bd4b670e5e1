import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRINT_STYLE_HASH } from '#libs/documents';
import { codeOf, TestPortal } from './harness.js';
import { ALERTS, LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

const ENV = { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000', ALERT_SCHEDULER_SECONDS: '1' };
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const SHARE = `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "MARAC information-sharing protocol") { id } }`;
const INCIDENT = `mutation($c: ID!, $at: DateTime!) { logIncident(caseId: $c, input: { occurredAt: $at, category: DOMESTIC_ABUSE, description: "Assault reported" }) { id } }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id kind title publishedAt confidentialityAgreed } }`;
const REFER = `mutation($m: ID!, $c: ID!, $r: ReferralReason!, $s: Int, $concerns: String) {
  referCase(meetingId: $m, caseId: $c, reason: $r, dashScore: $s, concerns: $concerns) { id position reason dashScore }
}`;
const PUBLISH = `mutation($m: ID!) { publishAgenda(meetingId: $m) { id publishedAt } }`;
const AGREE = `mutation($m: ID!) { agreeConfidentiality(meetingId: $m) { confidentialityAgreed } }`;
const MEETING = `query($id: ID!) { meeting(id: $id) {
  id kind title confidentialityAgreed agencies { name }
  agenda { id position reason dashScore case { id reference access redactedFields parties { role fullName } } research { agencyId summary } minutes
           actions { id description status } actionsNotDone { id } actionsNoLongerNeeded { id } dashAssessment { score } }
} }`;
const ACTION = `mutation($i: ID!, $a: ID!, $due: DateTime!) { recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: "Safety plan with the victim", dueAt: $due }) { id status caseId } }`;

const yes = (n: number) => Array.from({ length: n }, (_, i) => ({ question: i + 1, answer: 'YES' }));
const soon = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

describe('MARAC and multi-agency meetings', () => {
  let portal: TestPortal;
  let people: Partnership;
  let police: string;
  let idvaAgency: string;
  let landlord: string;
  let council: string;
  let officer: Persona;
  let coordinator: Persona;
  let chair: Persona;
  let otherChair: Persona;
  let idva: Persona;
  let housing: Persona;
  let outsider: Persona;
  const clients: LiveClient[] = [];

  const newCase = async (persona: Persona, victim = 'Dana Victim', subject = 'Sam Subject') =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category: 'DOMESTIC_ABUSE',
            summary: 'Domestic abuse reported by the victim',
            ward: 'Riverside',
            riskLevel: 'MEDIUM',
            parties: [
              { role: 'VICTIM', fullName: victim, phone: '07700 900111' },
              { role: 'SUBJECT', fullName: subject },
            ],
          },
        },
        persona.token,
      )
    ).createCase.id as string;
  const assess = (caseId: string, score: number) =>
    portal.ok(
      `mutation($c: ID!, $a: [DashAnswerInput!]!) { recordDashAssessment(caseId: $c, input: { answers: $a }) { id } }`,
      { c: caseId, a: yes(score) },
      officer.token,
    );
  const schedule = async (kind = 'MARAC', by = coordinator, agencyIds = [idvaAgency, landlord]) =>
    (
      await portal.ok(
        SCHEDULE,
        { input: { kind, title: `${kind} Riverside`, startsAt: soon(), chairId: chair.id, agencyIds } },
        by.token,
      )
    ).scheduleMeeting;
  const meeting = async (id: string, persona: Persona) => (await portal.ok(MEETING, { id }, persona.token)).meeting;

  beforeAll(async () => {
    portal = await TestPortal.start(ENV);
    people = new Partnership(portal);
    police = await people.agency('Meeting Police', 'POLICE');
    idvaAgency = await people.agency('Meeting IDVA Service', 'SUPPORT');
    landlord = await people.agency('Meeting Homes', 'LANDLORD');
    council = await people.agency('Meeting Council', 'COUNCIL');
    officer = await people.user(police, ['CASEWORKER'], 'officer');
    coordinator = await people.user(police, ['MARAC_COORDINATOR'], 'coordinator');
    chair = await people.user(police, ['MARAC_CHAIR'], 'chair');
    otherChair = await people.user(police, ['MARAC_CHAIR'], 'other-chair');
    idva = await people.user(idvaAgency, ['CASEWORKER'], 'idva');
    housing = await people.user(landlord, ['CASEWORKER'], 'housing');
    outsider = await people.user(council, ['CASEWORKER', 'MARAC_COORDINATOR'], 'outsider');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await portal.close();
  });

  it('lets a coordinator schedule, refer for each reason that holds, reorder, withdraw and publish, alerting the attending agencies', async () => {
    const dashCase = await newCase(officer);
    await assess(dashCase, 15);
    const escalated = await newCase(officer, 'Erin Victim', 'Eli Subject');
    for (let i = 0; i < 3; i++)
      await portal.ok(
        INCIDENT,
        { c: escalated, at: new Date(Date.now() - (i + 1) * 86_400_000).toISOString() },
        officer.token,
      );
    const judged = await newCase(officer, 'Jo Victim', 'Jay Subject');
    const m = await schedule();
    expect(m).toMatchObject({ kind: 'MARAC', publishedAt: null, confidentialityAgreed: false });

    const first = (await portal.ok(REFER, { m: m.id, c: dashCase, r: 'DASH_THRESHOLD' }, coordinator.token)).referCase;
    expect(first).toMatchObject({ position: 1, reason: 'DASH_THRESHOLD', dashScore: 15 });
    // A reason that does not hold is refused, naming the argument; nothing is written.
    expect(
      (await portal.gql(REFER, { m: m.id, c: judged, r: 'ESCALATION' }, coordinator.token)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(
      (await portal.gql(REFER, { m: m.id, c: judged, r: 'PROFESSIONAL_JUDGEMENT' }, coordinator.token)).errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'concerns' });
    expect(
      (await portal.gql(REFER, { m: m.id, c: judged, r: 'DASH_THRESHOLD', s: 9 }, coordinator.token)).errors?.[0]
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const second = (await portal.ok(REFER, { m: m.id, c: escalated, r: 'ESCALATION' }, chair.token)).referCase;
    const third = (
      await portal.ok(
        REFER,
        { m: m.id, c: judged, r: 'PROFESSIONAL_JUDGEMENT', concerns: 'Stalking since separation' },
        coordinator.token,
      )
    ).referCase;
    expect([second.position, third.position]).toEqual([2, 3]);
    expect(
      codeOf(
        await portal.gql(
          REFER,
          { m: m.id, c: judged, r: 'PROFESSIONAL_JUDGEMENT', concerns: 'Again' },
          coordinator.token,
        ),
      ),
    ).toBe('CONFLICT');

    const reorder = `mutation($m: ID!, $ids: [ID!]!) { reorderAgenda(meetingId: $m, itemIds: $ids) { agenda { id position } } }`;
    expect(
      (await portal.gql(reorder, { m: m.id, ids: [third.id, first.id] }, coordinator.token)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'itemIds' });
    const reordered = (await portal.ok(reorder, { m: m.id, ids: [third.id, first.id, second.id] }, coordinator.token))
      .reorderAgenda.agenda;
    expect(reordered.map((i: { id: string }) => i.id)).toEqual([third.id, first.id, second.id]);
    await portal.ok(
      `mutation($i: ID!) { withdrawAgendaItem(agendaItemId: $i, reason: "Risk reduced since referral") { withdrawnAt } }`,
      { i: first.id },
      coordinator.token,
    );
    const agenda = (
      await portal.ok(
        `query($id: ID!) { meeting(id: $id) { agenda { id position } all: agenda(includeWithdrawn: true) { id withdrawnReason } } }`,
        { id: m.id },
        chair.token,
      )
    ).meeting;
    expect(agenda.agenda).toEqual([
      { id: third.id, position: 1 },
      { id: second.id, position: 2 },
    ]);
    expect(agenda.all.at(-1)).toEqual({ id: first.id, withdrawnReason: 'Risk reduced since referral' });

    const idvaFeed = ((c) => (clients.push(c), c))(LiveClient.connect(portal, idva.token)).subscribe(ALERTS);
    const outsiderFeed = ((c) => (clients.push(c), c))(LiveClient.connect(portal, outsider.token)).subscribe(ALERTS);
    await new Promise((r) => setTimeout(r, 300));
    expect((await portal.ok(PUBLISH, { m: m.id }, coordinator.token)).publishAgenda.publishedAt).not.toBeNull();
    const [published] = (await idvaFeed.received(1)).map((e) => e.caseAlerts);
    expect(published).toMatchObject({ kind: 'AGENDA_PUBLISHED', caseId: null, case: null });
    const { rows } = await portal.db.query(`SELECT meeting_id FROM alerts WHERE kind = 'AGENDA_PUBLISHED'`);
    expect(rows).toEqual([{ meeting_id: m.id }]);
    expect(await outsiderFeed.settle(400)).toEqual([]);
  });

  it('shows a meeting only to the attending agencies, and lets only MARAC roles organise it', async () => {
    const kase = await newCase(officer);
    await assess(kase, 14);
    const m = await schedule();
    expect(
      (await portal.ok(`query($id: ID!) { meeting(id: $id) { id } }`, { id: m.id }, outsider.token)).meeting,
    ).toBeNull();
    expect(
      (await portal.ok(`{ meetings { id } }`, {}, outsider.token)).meetings.map((x: { id: string }) => x.id),
    ).not.toContain(m.id);
    expect(
      (await portal.ok(`{ meetings { id } }`, {}, idva.token)).meetings.map((x: { id: string }) => x.id),
    ).toContain(m.id);
    expect(codeOf(await portal.gql(REFER, { m: m.id, c: kase, r: 'DASH_THRESHOLD' }, outsider.token))).toBe(
      'NOT_FOUND',
    );
    // Attending caseworkers read; they do not schedule, refer or publish.
    expect(codeOf(await portal.gql(REFER, { m: m.id, c: kase, r: 'DASH_THRESHOLD' }, officer.token))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(PUBLISH, { m: m.id }, idva.token))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await portal.gql(
          SCHEDULE,
          { input: { kind: 'MARAC', title: 'Not mine', startsAt: soon(), chairId: chair.id, agencyIds: [police] } },
          officer.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    // A case the coordinator cannot see cannot be referred by them.
    // Who may chair: the partnership's active MARAC chairs, for those who schedule.
    const chairs = (
      await portal.ok(`{ meetingChairs { id displayName agencyName } }`, {}, coordinator.token)
    ).meetingChairs.map((c: { id: string }) => c.id);
    expect(chairs).toEqual(expect.arrayContaining([chair.id, otherChair.id]));
    expect(chairs).not.toContain(coordinator.id);
    expect(codeOf(await portal.gql(`{ meetingChairs { id } }`, {}, officer.token))).toBe('FORBIDDEN');
    const hidden = await newCase(housing);
    expect(
      codeOf(
        await portal.gql(
          REFER,
          { m: m.id, c: hidden, r: 'PROFESSIONAL_JUDGEMENT', concerns: 'x y z' },
          coordinator.token,
        ),
      ),
    ).toBe('NOT_FOUND');
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM agenda_items WHERE meeting_id = $1`, [m.id]);
    expect(rows[0].n).toBe(0);
  });

  it('opens case material only to attendees who agreed the confidentiality statement, as a LIMITED share without one', async () => {
    const kase = await newCase(officer);
    await assess(kase, 16);
    await portal.ok(SHARE, { c: kase, a: landlord }, officer.token);
    const m = await schedule();
    const item = (await portal.ok(REFER, { m: m.id, c: kase, r: 'DASH_THRESHOLD' }, coordinator.token)).referCase;
    await portal.ok(
      `mutation($i: ID!, $s: String!) { recordResearch(agendaItemId: $i, summary: $s) { agencyId } }`,
      { i: item.id, s: 'Two refuge stays in 2025' },
      idva.token,
    );

    // Not yet agreed: the item, its position and reason, no material.
    const before = await meeting(m.id, idva);
    expect(before.agenda[0]).toMatchObject({
      position: 1,
      reason: 'DASH_THRESHOLD',
      case: null,
      research: null,
      minutes: null,
      actions: null,
      dashAssessment: null,
    });
    await portal.ok(AGREE, { m: m.id }, idva.token);
    // Agreed, but the agenda is not yet published: an agency without a share still sees no material.
    expect((await meeting(m.id, idva)).agenda[0].case).toBeNull();
    await portal.ok(PUBLISH, { m: m.id }, coordinator.token);
    const after = await meeting(m.id, idva);
    expect(after.confidentialityAgreed).toBe(true);
    expect(after.agenda[0].case).toMatchObject({
      id: kase,
      access: 'LIMITED',
      parties: [
        { role: 'VICTIM', fullName: null },
        { role: 'SUBJECT', fullName: null },
      ],
    });
    expect(after.agenda[0].case.redactedFields).toEqual(expect.arrayContaining(['address', 'dashAssessments']));
    expect(after.agenda[0].research).toEqual([{ agencyId: idvaAgency, summary: 'Two refuge stays in 2025' }]);
    // The referral's score is the meeting's; the assessment itself (answers, notes, concerns) is owner and FULL material.
    expect(after.agenda[0]).toMatchObject({ dashScore: 16, dashAssessment: null });
    // The meeting is no share: case(id) still follows shares only.
    expect((await portal.ok(`query($id: ID!) { case(id: $id) { id } }`, { id: kase }, idva.token)).case).toBeNull();

    // A FULL partner reads with its own rules once agreed.
    expect((await meeting(m.id, housing)).agenda[0].case).toBeNull();
    await portal.ok(AGREE, { m: m.id }, housing.token);
    const full = (await meeting(m.id, housing)).agenda[0];
    expect(full.case).toMatchObject({
      access: 'FULL',
      parties: [{ fullName: 'Dana Victim' }, { fullName: 'Sam Subject' }],
    });
    expect(full.dashAssessment).toEqual({ score: 16 });
  });

  it('records actions live to their owners, lets the owner agency update them, and brings open ones to the next meeting', async () => {
    const kase = await newCase(officer);
    await assess(kase, 15);
    const m = await schedule();
    const item = (await portal.ok(REFER, { m: m.id, c: kase, r: 'DASH_THRESHOLD' }, coordinator.token)).referCase;
    await portal.ok(PUBLISH, { m: m.id }, coordinator.token);
    const idvaFeed = ((c) => (clients.push(c), c))(LiveClient.connect(portal, idva.token)).subscribe(ALERTS, {
      kinds: ['ACTION_ASSIGNED'],
    });
    await new Promise((r) => setTimeout(r, 300));

    expect(codeOf(await portal.gql(ACTION, { i: item.id, a: idvaAgency, due: soon() }, otherChair.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await portal.gql(ACTION, { i: item.id, a: council, due: soon() }, chair.token))).toBe(
      'BAD_USER_INPUT',
    );
    const kept = (await portal.ok(ACTION, { i: item.id, a: idvaAgency, due: soon() }, chair.token)).recordMeetingAction;
    const dropped = (await portal.ok(ACTION, { i: item.id, a: idvaAgency, due: soon() }, coordinator.token))
      .recordMeetingAction;
    expect(kept).toMatchObject({ status: 'OPEN', caseId: kase });
    const alerts = (await idvaFeed.received(2)).map((e) => e.caseAlerts);
    expect(alerts.map((a) => [a.kind, a.actionId, a.case])).toEqual([
      ['ACTION_ASSIGNED', kept.id, null],
      ['ACTION_ASSIGNED', dropped.id, null],
    ]);
    // The IDVA service has no share of the case, yet owns the action and records its progress.
    await portal.ok(
      `mutation($id: ID!) { updateAction(id: $id, input: { status: CANCELLED, outcome: "Victim moved out of area" }) { status } }`,
      { id: dropped.id },
      idva.token,
    );
    expect(
      codeOf(
        await portal.gql(
          `mutation($id: ID!) { updateAction(id: $id, input: { status: DONE }) { status } }`,
          { id: kept.id },
          housing.token,
        ),
      ),
    ).toBe('NOT_FOUND');

    const minutes = `mutation($i: ID!) { recordMinutes(agendaItemId: $i, minutes: "Safety planning agreed; IDVA to lead") { id } }`;
    expect(codeOf(await portal.gql(minutes, { i: item.id }, otherChair.token))).toBe('FORBIDDEN');
    await portal.ok(minutes, { i: item.id }, coordinator.token);
    await portal.ok(AGREE, { m: m.id }, idva.token);
    const seen = (await meeting(m.id, idva)).agenda[0];
    expect(seen.minutes).toBe('Safety planning agreed; IDVA to lead');
    expect(seen.actions.map((a: { id: string }) => a.id)).toEqual([kept.id, dropped.id]);
    await portal.ok(`mutation($m: ID!) { closeMeeting(meetingId: $m) { closedAt } }`, { m: m.id }, chair.token);
    expect(codeOf(await portal.gql(ACTION, { i: item.id, a: idvaAgency, due: soon() }, chair.token))).toBe('CONFLICT');

    const next = await schedule();
    await portal.ok(REFER, { m: next.id, c: kase, r: 'DASH_THRESHOLD' }, coordinator.token);
    await portal.ok(PUBLISH, { m: next.id }, coordinator.token);
    await portal.ok(AGREE, { m: next.id }, coordinator.token);
    const review = (await meeting(next.id, coordinator)).agenda[0];
    expect(review.actionsNotDone.map((a: { id: string }) => a.id)).toEqual([kept.id]);
    expect(review.actionsNoLongerNeeded.map((a: { id: string }) => a.id)).toEqual([dropped.id]);
  });

  it('tells an attending owner without a share when its meeting action is overdue', async () => {
    const kase = await newCase(officer);
    await assess(kase, 15);
    const m = await schedule();
    const item = (await portal.ok(REFER, { m: m.id, c: kase, r: 'DASH_THRESHOLD' }, coordinator.token)).referCase;
    const feed = ((c) => (clients.push(c), c))(LiveClient.connect(portal, idva.token)).subscribe(
      `subscription { caseAlerts(kinds: [ACTION_OVERDUE]) { kind actionId meetingId case { id } } }`,
    );
    await new Promise((r) => setTimeout(r, 300));
    const action = (
      await portal.ok(
        ACTION,
        { i: item.id, a: idvaAgency, due: new Date(Date.now() - 60_000).toISOString() },
        chair.token,
      )
    ).recordMeetingAction;
    const [overdue] = (await feed.received(1, 8000)).map((e) => e.caseAlerts);
    expect(overdue).toMatchObject({ kind: 'ACTION_OVERDUE', actionId: action.id, meetingId: m.id, case: null });
  });

  it('shows attendees the meeting live, each with their own rules: current item, attendance, actions', async () => {
    const kase = await newCase(officer);
    await assess(kase, 15);
    const m = await schedule();
    const item = (await portal.ok(REFER, { m: m.id, c: kase, r: 'DASH_THRESHOLD' }, coordinator.token)).referCase;
    await portal.ok(PUBLISH, { m: m.id }, coordinator.token);
    await portal.ok(AGREE, { m: m.id }, idva.token);
    const LIVE = `subscription($m: ID!) { meetingUpdates(meetingId: $m) {
      currentItemId attendance { displayName status informationSent } agenda { actions { description } case { parties { fullName } } }
    } }`;
    const follow = (persona: Persona) =>
      ((c) => (clients.push(c), c))(LiveClient.connect(portal, persona.token)).subscribe(LIVE, { m: m.id });
    const idvaLive = follow(idva);
    const housingLive = follow(housing);
    const outsiderLive = follow(outsider);
    await new Promise((r) => setTimeout(r, 300));
    const latest = async (feed: ReturnType<typeof follow>, check: (meeting: any) => boolean) => {
      const until = Date.now() + 5000;
      while (Date.now() < until && !(feed.events.length && check(feed.events.at(-1).meetingUpdates)))
        await new Promise((r) => setTimeout(r, 20));
      return feed.events.at(-1)?.meetingUpdates;
    };

    await portal.ok(
      `mutation($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, agendaItemId: $i) { currentItemId } }`,
      { m: m.id, i: item.id },
      chair.token,
    );
    expect((await latest(idvaLive, (x) => x.currentItemId === item.id)).currentItemId).toBe(item.id);
    expect((await latest(housingLive, (x) => x.currentItemId === item.id)).currentItemId).toBe(item.id);
    await portal.ok(
      `mutation($m: ID!, $u: ID!) { recordAttendance(meetingId: $m, userId: $u, status: APOLOGIES, informationSent: "Research sent by email") { status } }`,
      { m: m.id, u: idva.id },
      idva.token,
    );
    await portal.ok(ACTION, { i: item.id, a: idvaAgency, due: soon() }, chair.token);
    const seen = await latest(idvaLive, (x) => x.agenda[0].actions?.length === 1 && x.attendance.length === 1);
    expect(seen.attendance).toEqual([
      { displayName: expect.any(String), status: 'APOLOGIES', informationSent: 'Research sent by email' },
    ]);
    expect(seen.agenda[0]).toEqual({
      actions: [{ description: 'Safety plan with the victim' }],
      case: { parties: [{ fullName: null }, { fullName: null }] },
    });
    // The landlord has not agreed the statement: it follows the meeting, without its material.
    expect((await latest(housingLive, (x) => x.attendance.length === 1)).agenda[0]).toEqual({
      actions: null,
      case: null,
    });
    expect(outsiderLive.events).toEqual([]);
    expect(outsiderLive.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('counts MARAC figures for a period by hand: heard, repeats, referred by partners, actions done on time', async () => {
    const idvaCoordinator = await people.user(idvaAgency, ['MARAC_COORDINATOR'], 'idva-coordinator');
    const manager = await people.user(police, ['MANAGER'], 'manager');
    const at = (day: string) => `2027-03-${day}T10:00:00Z`;
    const meetingOn = async (kind: string, startsAt: string) =>
      (
        await portal.ok(
          SCHEDULE,
          { input: { kind, title: `${kind} ${startsAt}`, startsAt, chairId: chair.id, agencyIds: [idvaAgency] } },
          coordinator.token,
        )
      ).scheduleMeeting.id;
    // The IDVA service refers a case of its own: only a case's owner agency refers it.
    const [first, second, third, fourth] = [
      await newCase(officer),
      await newCase(idva),
      await newCase(officer),
      await newCase(officer),
    ];
    const a = await meetingOn('MARAC', at('02'));
    const b = await meetingOn('MARAC', at('30'));
    const panel = await meetingOn('ASB_PANEL', at('10'));
    const later = await meetingOn('MARAC', '2027-06-01T10:00:00Z');
    const refer = (m: string, c: string, by = coordinator) =>
      portal
        .ok(REFER, { m, c, r: 'PROFESSIONAL_JUDGEMENT', concerns: 'Written concern' }, by.token)
        .then((r) => r.referCase.id as string);
    const heardFirst = await refer(a, first);
    await refer(a, second, idvaCoordinator);
    const withdrawn = await refer(a, third);
    await portal.ok(
      `mutation($i: ID!) { withdrawAgendaItem(agendaItemId: $i, reason: "Not needed") { id } }`,
      { i: withdrawn },
      coordinator.token,
    );
    await refer(b, first);
    await refer(panel, fourth);
    await refer(later, fourth);
    const day = 86_400_000;
    const action = async (due: number) =>
      (
        await portal.ok(
          ACTION,
          { i: heardFirst, a: idvaAgency, due: new Date(Date.now() + due).toISOString() },
          chair.token,
        )
      ).recordMeetingAction.id as string;
    const onTime = await action(-2 * day);
    await action(-day);
    await action(7 * day);
    const cancelled = await action(-day);
    await portal.ok(
      `mutation($id: ID!) { updateAction(id: $id, input: { status: DONE }) { id } }`,
      { id: onTime },
      idva.token,
    );
    await portal.db.query(`UPDATE case_actions SET completed_at = now() - interval '3 days' WHERE id = $1`, [onTime]);
    await portal.ok(
      `mutation($id: ID!) { updateAction(id: $id, input: { status: CANCELLED }) { id } }`,
      { id: cancelled },
      idva.token,
    );

    const FIGURES = `query($from: DateTime!, $to: DateTime!) { maracStatistics(input: { from: $from, to: $to }) {
      meetings casesHeard repeatCases repeatPercent referredByPartners referredByPartnersPercent actionsDue actionsCompletedOnTime actionsCompletedOnTimePercent
    } }`;
    const period = { from: '2027-03-01T00:00:00Z', to: '2027-04-01T00:00:00Z' };
    expect((await portal.ok(FIGURES, period, manager.token)).maracStatistics).toEqual({
      meetings: 2,
      casesHeard: 3,
      repeatCases: 1,
      repeatPercent: 33.3,
      referredByPartners: 1,
      referredByPartnersPercent: 33.3,
      actionsDue: 2,
      actionsCompletedOnTime: 1,
      actionsCompletedOnTimePercent: 50,
    });
    // An agency that attended none of them counts nothing; a caseworker gets no figures.
    expect((await portal.ok(FIGURES, period, outsider.token)).maracStatistics).toMatchObject({
      meetings: 0,
      casesHeard: 0,
      repeatPercent: null,
    });
    expect(codeOf(await portal.gql(FIGURES, period, officer.token))).toBe('FORBIDDEN');
    expect(
      (await portal.gql(FIGURES, { from: period.to, to: period.from }, manager.token)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('prints the pack as HTML and PDF with the reader’s own rules and a confidentiality marking, recording the export', async () => {
    const kase = await newCase(officer, 'Pax Victim', 'Pim Subject');
    await assess(kase, 15);
    await portal.ok(SHARE, { c: kase, a: landlord }, officer.token);
    const m = await schedule();
    const item = (await portal.ok(REFER, { m: m.id, c: kase, r: 'DASH_THRESHOLD' }, coordinator.token)).referCase;
    await portal.ok(PUBLISH, { m: m.id }, coordinator.token);
    await portal.ok(
      `mutation($i: ID!) { recordMinutes(agendaItemId: $i, minutes: "Refuge place offered") { id } }`,
      { i: item.id },
      chair.token,
    );
    const reference = (await portal.ok(`query($id: ID!) { case(id: $id) { reference } }`, { id: kase }, officer.token))
      .case.reference;
    const fetchPack = (ext: string, persona?: Persona) =>
      fetch(`${portal.url}/packs/meetings/${m.id}.${ext}`, {
        headers: persona ? { authorization: `Bearer ${persona.token}` } : {},
      });
    /** The text a PDF shows: pdfkit writes each run of text as a hex string of WinAnsi bytes. */
    const pdfText = (pdf: Buffer) =>
      [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/gi)]
        .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
        .join('');

    expect((await fetchPack('html')).status).toBe(401);
    expect((await fetchPack('pdf', outsider)).status).toBe(404);
    // Before agreeing the statement: the agenda, no material.
    const unagreed = await (await fetchPack('html', idva)).text();
    expect(unagreed).toContain('Not in your pack');
    expect(unagreed).not.toContain(reference);

    await portal.ok(AGREE, { m: m.id }, idva.token);
    await portal.ok(AGREE, { m: m.id }, housing.token);
    const limited = await fetchPack('html', idva);
    expect(limited.headers.get('content-type')).toContain('text/html');
    const html = await limited.text();
    expect(html).toContain('OFFICIAL-SENSITIVE');
    expect(html).toContain(reference);
    expect(html).toContain('Refuge place offered');
    expect(html).toContain('withheld');
    expect(html).not.toContain('Pax Victim');
    expect(html).toContain('DASH score of 14 or more');
    // The web app's policy allows this one inline style by its hash, so the pack keeps its print style when opened from the app.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(`sha256-${createHash('sha256').update(style).digest('base64')}`).toBe(PRINT_STYLE_HASH);

    const pdfResponse = await fetchPack('pdf', idva);
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await pdfResponse.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(reference);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('minutes restricted');
    expect(text).not.toContain('Pax Victim');
    // A FULL partner's pack names the victim.
    expect(pdfText(Buffer.from(await (await fetchPack('pdf', housing)).arrayBuffer()))).toContain('Pax Victim');

    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'CASE_EXPORTED'`,
      [kase],
    );
    expect(rows[0].n).toBe(3);
  });

  it('flags a repeat referral across agencies: the same victim and subject referred to a MARAC within 12 months of a new incident', async () => {
    const CRITERIA = `query($id: ID!) { case(id: $id) { referralCriteria } }`;
    const earlier = await newCase(officer, 'Rae Victim', 'Rob Subject');
    await assess(earlier, 14);
    const marac = await schedule();
    await portal.ok(REFER, { m: marac.id, c: earlier, r: 'DASH_THRESHOLD' }, coordinator.token);
    // The landlord's own case about the same two people. It attends the MARAC, but until the police share their
    // case FULL it may not read the names there, so nothing is matched on them.
    const later = await newCase(housing, 'rae victim ', 'Rob Subject');
    expect((await portal.ok(CRITERIA, { id: later }, housing.token)).case.referralCriteria).toEqual([]);
    await portal.ok(INCIDENT, { c: later, at: new Date().toISOString() }, housing.token);
    expect((await portal.ok(CRITERIA, { id: later }, housing.token)).case.referralCriteria).toEqual([]);
    await portal.ok(SHARE, { c: earlier, a: landlord }, officer.token);
    expect((await portal.ok(CRITERIA, { id: later }, housing.token)).case.referralCriteria).toEqual([
      'REPEAT_REFERRAL',
    ]);
    // A different subject, or a referral to an ASB panel rather than a MARAC, is no repeat.
    const other = await newCase(housing, 'Rae Victim', 'Someone Else');
    await portal.ok(INCIDENT, { c: other, at: new Date().toISOString() }, housing.token);
    expect((await portal.ok(CRITERIA, { id: other }, housing.token)).case.referralCriteria).toEqual([]);
    const panelCase = await newCase(officer, 'Pat Victim', 'Pip Subject');
    await portal.ok(SHARE, { c: panelCase, a: landlord }, officer.token);
    const panel = await schedule('ASB_PANEL');
    await portal.ok(
      REFER,
      { m: panel.id, c: panelCase, r: 'PROFESSIONAL_JUDGEMENT', concerns: 'Persistent harassment' },
      coordinator.token,
    );
    const panelLater = await newCase(housing, 'Pat Victim', 'Pip Subject');
    await portal.ok(INCIDENT, { c: panelLater, at: new Date().toISOString() }, housing.token);
    expect((await portal.ok(CRITERIA, { id: panelLater }, housing.token)).case.referralCriteria).toEqual([]);
  });

  it("reads the meeting once per request: the agenda's material and a change's lock reuse that one read", async () => {
    const kase = await newCase(officer, 'Cal Victim', 'Cy Subject');
    await assess(kase, 15);
    const m = await schedule();
    const item = (await portal.ok(REFER, { m: m.id, c: kase, r: 'DASH_THRESHOLD' }, coordinator.token)).referCase;
    await portal.ok(PUBLISH, { m: m.id }, coordinator.token);
    await portal.ok(AGREE, { m: m.id }, idva.token);
    const read = await portal.measured(MEETING, { id: m.id }, idva.token);
    expect(read.data.meeting.agenda[0].case.id).toBe(kase);
    const minutes = await portal.measured(
      `mutation($i: ID!) { recordMinutes(agendaItemId: $i, minutes: "Agreed a safety plan") { id } }`,
      { i: item.id },
      chair.token,
    );
    const current = await portal.measured(
      `mutation($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, agendaItemId: $i) { currentItemId } }`,
      { m: m.id, i: item.id },
      chair.token,
    );
    expect(current.data.setCurrentAgendaItem.currentItemId).toBe(item.id);
    // Before the meeting services were split (issue 15): 13, 9 and 9. The read no longer reads the meeting again
    // for its items' material; a change reads and locks its meeting in one statement (an item's meeting once),
    // and answers the meeting its update returned rather than reading it again.
    expect({ read: read.statements, minutes: minutes.statements, current: current.statements }).toEqual({
      read: 12,
      minutes: 7,
      current: 7,
    });
  });
});
