import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlertScheduler } from '#libs/alerts';
import { codeOf, TestPortal } from './harness.js';
import { LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

const ENV = { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' };
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Loud party" }) { id } }`;
const ACTION = `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: HOME_VISIT, description: "Visit the household", ownerAgencyId: $a }) { id } }`;
const INBOX = `query($filter: AlertInboxFilter, $first: Int, $after: String) {
  alertInbox(filter: $filter, first: $first, after: $after) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind caseId meetingId read assignee { id } case { id reference access address redactedFields parties { fullName redactedFields } } } }
  }
}`;
const STATE = `{ alertInboxState { unreadCount } }`;
const MARK = `mutation($ids: [ID!]!) { markAlertsRead(alertIds: $ids) { unreadCount } }`;
const MARK_ALL = `mutation($filter: AlertInboxFilter) { markAllAlertsRead(filter: $filter) { unreadCount } }`;
const UNREAD = `mutation($id: ID!) { markAlertUnread(alertId: $id) { id read } }`;
const ASSIGN = `mutation($id: ID!, $u: ID) { assignAlert(alertId: $id, userId: $u) { id assignee { id } } }`;
const BADGE = `subscription { alertInboxChanges { unreadCount } }`;

type Node = {
  id: string;
  kind: string;
  caseId: string | null;
  meetingId: string | null;
  read: boolean;
  case: any;
  assignee: { id: string } | null;
};

describe('the alert inbox', () => {
  let portal: TestPortal;
  let people: Partnership;
  let landlord: string;
  let police: string;
  let council: string;
  let idvaAgency: string;
  let owner: Persona;
  let colleague: Persona;
  let officer: Persona;
  let councilOfficer: Persona;
  let idva: Persona;
  let coordinator: Persona;
  let chair: Persona;
  let stranger: Persona;
  let kase: { id: string; reference: string };
  const clients: LiveClient[] = [];

  const inbox = async (persona: Persona, variables: Record<string, unknown> = {}) =>
    (await portal.ok(INBOX, { first: 100, ...variables }, persona.token)).alertInbox as {
      totalCount: number;
      unreadCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: Node }[];
    };
  const nodes = async (persona: Persona, filter?: Record<string, unknown>) =>
    (await inbox(persona, { filter })).edges.map((e) => e.node);
  const unread = async (persona: Persona) => (await portal.ok(STATE, {}, persona.token)).alertInboxState.unreadCount;
  const newCase = async (by: Persona, riskLevel = 'STANDARD') =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category: 'NOISE',
            summary: 'Music through the wall every night',
            ward: 'Riverside',
            riskLevel,
            address: '9 Alder Court',
            parties: [{ role: 'VICTIM', fullName: 'Vera Victim', phone: '07700 900555' }],
          },
        },
        by.token,
      )
    ).createCase as { id: string; reference: string };

  beforeAll(async () => {
    portal = await TestPortal.start(ENV);
    people = new Partnership(portal);
    landlord = await people.agency('Inbox Homes', 'LANDLORD');
    police = await people.agency('Inbox Police', 'POLICE');
    council = await people.agency('Inbox Council', 'COUNCIL');
    idvaAgency = await people.agency('Inbox IDVA', 'SUPPORT');
    const outsider = await people.agency('Inbox Outsiders', 'OTHER');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    colleague = await people.user(landlord, ['CASEWORKER'], 'colleague');
    officer = await people.user(police, ['CASEWORKER'], 'officer');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'council');
    idva = await people.user(idvaAgency, ['CASEWORKER'], 'idva');
    coordinator = await people.user(landlord, ['MARAC_COORDINATOR'], 'coordinator');
    chair = await people.user(landlord, ['MARAC_CHAIR'], 'chair');
    stranger = await people.user(outsider, ['CASEWORKER'], 'stranger');

    kase = await newCase(owner);
    // Before any share: history the partners must not be flooded with.
    await portal.ok(INCIDENT, { c: kase.id }, owner.token);
    await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
    await portal.ok(SHARE, { c: kase.id, a: council, x: 'LIMITED' }, owner.token);
    await portal.ok(INCIDENT, { c: kase.id }, owner.token);
    await portal.ok(ACTION, { c: kase.id, a: police }, owner.token);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await portal.close();
  });

  it('lists for a colleague of the owner every alert about the case, newest first, with the case as the owner reads it', async () => {
    const list = await nodes(colleague);
    expect(list.map((n) => n.kind)).toEqual(['INCIDENT_LOGGED', 'CASE_SHARED', 'CASE_SHARED', 'INCIDENT_LOGGED']);
    expect(list.map((n) => Number(n.id))).toEqual([...list.map((n) => Number(n.id))].sort((a, b) => b - a));
    expect(list[0].case).toMatchObject({ id: kase.id, access: 'FULL', address: '9 Alder Court' });
    // The action alert is the police's: the case's owner agency is not told of it in the inbox.
    expect(list.some((n) => n.kind === 'ACTION_ASSIGNED')).toBe(false);
    // Their own changes are no news to the person who made them, as on the live feed.
    expect(await nodes(owner)).toEqual([]);
  });

  it('shows a partner only what happened since the share was made, and the action alerts of its own agency', async () => {
    const list = await nodes(officer);
    // Its own share, then the council's (news to every holder), the incident after it and its action.
    expect(list.map((n) => n.kind)).toEqual(['ACTION_ASSIGNED', 'INCIDENT_LOGGED', 'CASE_SHARED', 'CASE_SHARED']);
    const council = await nodes(councilOfficer);
    expect(council.map((n) => n.kind)).toEqual(['INCIDENT_LOGGED', 'CASE_SHARED']);
  });

  it('gives a LIMITED partner the alert with the case basics only', async () => {
    const [latest] = await nodes(councilOfficer);
    expect(latest.case).toMatchObject({ id: kase.id, reference: kase.reference, access: 'LIMITED', address: null });
    expect(latest.case.redactedFields).toContain('address');
    expect(latest.case.parties[0]).toMatchObject({ fullName: null });
  });

  it('starts a new account’s inbox empty: nothing from before the account was made', async () => {
    const newcomer = await people.user(landlord, ['CASEWORKER'], 'newcomer');
    expect(await inbox(newcomer)).toMatchObject({ totalCount: 0, unreadCount: 0, edges: [] });
    await portal.ok(INCIDENT, { c: kase.id }, officer.token);
    expect((await nodes(newcomer)).map((n) => n.kind)).toEqual(['INCIDENT_LOGGED']);
  });

  it('lets another agency neither see, mark, unmark nor assign your alert', async () => {
    const [alert] = await nodes(colleague);
    expect(await inbox(stranger)).toMatchObject({ totalCount: 0, unreadCount: 0, edges: [] });
    expect((await portal.ok(MARK, { ids: [alert.id] }, stranger.token)).markAlertsRead.unreadCount).toBe(0);
    expect(codeOf(await portal.gql(UNREAD, { id: alert.id }, stranger.token))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(ASSIGN, { id: alert.id, u: stranger.id }, stranger.token))).toBe('NOT_FOUND');
    const { rows: reads } = await portal.db.query(`SELECT 1 FROM alert_reads WHERE alert_id = $1`, [alert.id]);
    const { rows: assigned } = await portal.db.query(`SELECT 1 FROM alert_assignments WHERE alert_id = $1`, [alert.id]);
    expect([reads, assigned]).toEqual([[], []]);
    expect(codeOf(await portal.gql(UNREAD, { id: 'not-an-id' }, stranger.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await portal.gql(STATE, {}, await people.admin()))).toBe('FORBIDDEN');
  });

  it('keeps read state per user: mark read, mark unread, mark all read, and counts that agree with the list', async () => {
    const before = await inbox(colleague);
    expect(before.unreadCount).toBe(before.totalCount);
    const [first, second] = before.edges.map((e) => e.node);
    expect((await portal.ok(MARK, { ids: [first.id, second.id] }, colleague.token)).markAlertsRead.unreadCount).toBe(
      before.totalCount - 2,
    );
    expect((await portal.ok(UNREAD, { id: second.id }, colleague.token)).markAlertUnread).toEqual({
      id: second.id,
      read: false,
    });
    expect((await nodes(colleague, { unreadOnly: true })).map((n) => n.id)).not.toContain(first.id);
    // Another user of the same agency has their own.
    const newcomerCount = await unread(coordinator);
    expect(newcomerCount).toBe((await inbox(coordinator)).totalCount);
    expect((await portal.ok(MARK_ALL, {}, colleague.token)).markAllAlertsRead.unreadCount).toBe(0);
    expect(await unread(coordinator)).toBe(newcomerCount);
  });

  it('filters by kind, risk, case and reference, and pages with cursors', async () => {
    expect((await nodes(colleague, { kinds: ['CASE_SHARED'] })).map((n) => n.kind)).toEqual([
      'CASE_SHARED',
      'CASE_SHARED',
    ]);
    expect(await nodes(colleague, { minRisk: 'HIGH' })).toEqual([]);
    const other = await newCase(owner, 'HIGH');
    await portal.ok(SHARE, { c: other.id, a: police, x: 'FULL' }, owner.token);
    expect((await nodes(colleague, { minRisk: 'HIGH' })).map((n) => n.caseId)).toEqual([other.id]);
    expect((await nodes(colleague, { caseId: other.id })).map((n) => n.caseId)).toEqual([other.id]);
    expect((await nodes(colleague, { caseReference: other.reference })).map((n) => n.caseId)).toEqual([other.id]);
    expect(await nodes(stranger, { caseReference: other.reference })).toEqual([]);

    const all = await inbox(colleague);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof inbox>> = await inbox(colleague, { first: 2, after });
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
    expect(codeOf(await portal.gql(INBOX, { first: 101 }, colleague.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await portal.gql(INBOX, { after: 'bogus' }, colleague.token))).toBe('BAD_USER_INPUT');
    // The filter's own limits hold, on the list and on "mark all read" alike.
    for (const [field, value] of [
      ['caseReference', 'R'.repeat(51)],
      ['caseId', 'x'.repeat(101)],
    ] as const) {
      const listed = await portal.gql(INBOX, { filter: { [field]: value } }, colleague.token);
      expect([codeOf(listed), listed.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
      const marked = await portal.gql(
        `mutation($filter: AlertInboxFilter) { markAllAlertsRead(filter: $filter) { unreadCount } }`,
        { filter: { [field]: value } },
        colleague.token,
      );
      expect([codeOf(marked), marked.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
  });

  it('assigns within the agency only, each agency its own, and filters what is assigned to me', async () => {
    // An incident both agencies were told of (the owner logged it after the share).
    const atPoliceIds = (await nodes(officer, { kinds: ['INCIDENT_LOGGED'] })).map((n) => n.id);
    const alert = (await nodes(colleague, { caseId: kase.id, kinds: ['INCIDENT_LOGGED'] })).find((n) =>
      atPoliceIds.includes(n.id),
    )!;
    expect(codeOf(await portal.gql(ASSIGN, { id: alert.id, u: officer.id }, colleague.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await portal.gql(ASSIGN, { id: alert.id, u: 'nobody' }, colleague.token))).toBe('BAD_USER_INPUT');
    const assignees = (await portal.ok(`{ alertAssignees { id } }`, {}, colleague.token)).alertAssignees;
    const ids = assignees.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([owner.id, colleague.id, coordinator.id, chair.id]));
    expect(ids).not.toContain(officer.id);
    expect((await portal.ok(ASSIGN, { id: alert.id, u: owner.id }, colleague.token)).assignAlert.assignee).toEqual({
      id: owner.id,
    });
    expect((await nodes(owner, { assignedToMe: true })).map((n) => n.id)).toEqual([alert.id]);
    expect(await nodes(colleague, { assignedToMe: true })).toEqual([]);
    // The police hold the same alert, unassigned, and assign it their own way.
    const atPolice = (await nodes(officer)).find((n) => n.id === alert.id)!;
    expect(atPolice.assignee).toBeNull();
    await portal.ok(ASSIGN, { id: alert.id, u: officer.id }, officer.token);
    expect((await nodes(owner, { assignedToMe: true })).map((n) => n.assignee?.id)).toEqual([owner.id]);
    expect((await nodes(officer, { assignedToMe: true })).map((n) => n.id)).toEqual([alert.id]);
    expect((await portal.ok(ASSIGN, { id: alert.id, u: null }, owner.token)).assignAlert.assignee).toBeNull();
    expect(await nodes(owner, { assignedToMe: true })).toEqual([]);
    expect((await nodes(officer, { assignedToMe: true })).map((n) => n.id)).toEqual([alert.id]);
  });

  it('takes a case’s alerts out of a revoked partner’s inbox and count at once, and its open badge is told', async () => {
    expect((await inbox(councilOfficer)).totalCount).toBeGreaterThan(0);
    const tab = LiveClient.connect(portal, councilOfficer.token);
    clients.push(tab);
    const badge = tab.subscribe(BADGE);
    const [first] = await badge.received(1);
    expect(first.alertInboxChanges.unreadCount).toBeGreaterThan(0);
    await portal.ok(REVOKE, { c: kase.id, a: council }, owner.token);
    expect(await inbox(councilOfficer)).toMatchObject({ totalCount: 0, unreadCount: 0, edges: [] });
    expect(await unread(councilOfficer)).toBe(0);
    // A revocation raises no alert of its own: the badge still drops without a reload.
    await badge.received(2);
    expect(badge.events.at(-1)).toEqual({ alertInboxChanges: { unreadCount: 0 } });
  });

  it('gives a meeting’s own alerts and its actions only to the attending agencies', async () => {
    const schedule = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const { id: meetingId } = (
      await portal.ok(
        schedule,
        {
          input: {
            kind: 'MARAC',
            title: 'MARAC Riverside',
            startsAt,
            chairId: chair.id,
            agencyIds: [landlord, idvaAgency],
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting;
    const item = (
      await portal
        .ok(
          `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT) { id } }`,
          { m: meetingId, c: kase.id },
          owner.token,
        )
        .catch(() =>
          portal.ok(
            `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Escalating abuse") { id } }`,
            { m: meetingId, c: kase.id },
            coordinator.token,
          ),
        )
    ).referCase;
    await portal.ok(`mutation($m: ID!) { publishAgenda(meetingId: $m) { id } }`, { m: meetingId }, coordinator.token);
    await portal.ok(
      `mutation($i: ID!, $a: ID!, $due: DateTime!) { recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: "Safety plan with the victim", dueAt: $due }) { id } }`,
      { i: item.id, a: idvaAgency, due: startsAt },
      coordinator.token,
    );
    const idvaList = await nodes(idva);
    expect(idvaList.map((n) => [n.kind, n.case])).toEqual([
      ['ACTION_ASSIGNED', null],
      ['AGENDA_PUBLISHED', null],
    ]);
    expect((await nodes(officer)).some((n) => n.meetingId === meetingId)).toBe(false);
    expect((await nodes(stranger)).length).toBe(0);
    expect(await unread(idva)).toBe(2);
  });

  it('never counts what it cannot list, for anyone', async () => {
    for (const persona of [owner, colleague, officer, councilOfficer, idva, coordinator, stranger]) {
      const page = await inbox(persona);
      expect(page.totalCount).toBe(page.edges.length);
      expect(page.unreadCount).toBe(page.edges.filter((e) => !e.node.read).length);
      expect(await unread(persona)).toBe(page.unreadCount);
    }
  });

  it('keeps the badge live: a new alert and reading in another tab push the unread count', async () => {
    const tab = LiveClient.connect(portal, colleague.token);
    clients.push(tab);
    const badge = tab.subscribe(BADGE);
    const [first] = await badge.received(1);
    const start = first.alertInboxChanges.unreadCount;
    expect(start).toBe(await unread(colleague));
    await portal.ok(INCIDENT, { c: kase.id }, officer.token);
    await badge.received(2);
    expect(badge.events.at(-1).alertInboxChanges.unreadCount).toBe(start + 1);
    await portal.ok(MARK_ALL, {}, colleague.token);
    await badge.received(3);
    expect(badge.events.at(-1).alertInboxChanges.unreadCount).toBe(0);
    // Another agency's changes reach no one's badge here.
    const strangerTab = LiveClient.connect(portal, stranger.token);
    clients.push(strangerTab);
    const strangerBadge = strangerTab.subscribe(BADGE);
    await strangerBadge.received(1);
    await portal.ok(INCIDENT, { c: kase.id }, officer.token);
    await badge.received(4);
    expect(await strangerBadge.settle(500)).toEqual([{ alertInboxChanges: { unreadCount: 0 } }]);
  });

  it('lets the read state and assignments go with their alerts at the end of the retention period', async () => {
    const [alert] = await nodes(colleague);
    await portal.ok(MARK, { ids: [alert.id] }, colleague.token);
    await portal.ok(ASSIGN, { id: alert.id, u: colleague.id }, colleague.token);
    await portal.db.query(`UPDATE alerts SET occurred_at = now() - interval '10 years' WHERE id = $1`, [alert.id]);
    await portal.app.get(AlertScheduler).runOnce();
    const { rows } = await portal.db.query(
      `SELECT (SELECT count(*) FROM alert_reads WHERE alert_id = $1)::int AS reads, (SELECT count(*) FROM alert_assignments WHERE alert_id = $1)::int AS assigned`,
      [alert.id],
    );
    expect(rows[0]).toEqual({ reads: 0, assigned: 0 });
    expect((await nodes(colleague)).map((n) => n.id)).not.toContain(alert.id);
  });
});
