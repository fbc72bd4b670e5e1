import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { AlertHub } from '#libs/alert-feed';
import { TestPortal } from './harness.js';
import { ALERTS, type Feed, LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

const SECRET = 'a-test-token-secret-of-at-least-32-characters';
const ENV = {
  TOKEN_SECRET: SECRET,
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000',
  SESSION_SWEEP_SECONDS: '1',
  ALERT_SCHEDULER_SECONDS: '1',
};

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id version } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Loud party" }) { id } }`;

describe('live case alerts over graphql-ws', () => {
  let portal: TestPortal;
  let people: Partnership;
  let landlord: string;
  let police: string;
  let council: string;
  let outsider: string;
  let owner: Persona;
  let colleague: Persona;
  let officer: Persona;
  let councilOfficer: Persona;
  let stranger: Persona;
  const clients: LiveClient[] = [];

  /** A token as the portal signs them, for an open session of its own, with the expiry the test needs. */
  const token = async (userId: string, expiresIn: string | number) => {
    const session = randomUUID();
    await portal.db.query(
      `INSERT INTO sessions (id, user_id, expires_at, address) VALUES ($1, $2, now() + interval '1 hour', 'test')`,
      [session, userId],
    );
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: decodeProtectedHeader(owner.token).kid })
      .setSubject(userId)
      .setJti(session)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(new TextEncoder().encode(SECRET));
  };

  const live = (persona: Persona | string | null, authorization?: string) => {
    const client = LiveClient.connect(
      portal,
      typeof persona === 'string' || persona === null ? persona : persona.token,
      authorization,
    );
    clients.push(client);
    return client;
  };
  const newCase = async (overrides: Record<string, unknown> = {}) =>
    (
      await portal.ok(
        CREATE,
        {
          input: {
            category: 'NOISE',
            summary: 'Music through the wall every night',
            ward: 'Riverside',
            riskLevel: 'STANDARD',
            address: '9 Alder Court',
            parties: [{ role: 'VICTIM', fullName: 'Vera Victim', phone: '07700 900555' }],
            ...overrides,
          },
        },
        owner.token,
      )
    ).createCase as { id: string; version: number };

  beforeAll(async () => {
    portal = await TestPortal.start(ENV);
    people = new Partnership(portal);
    landlord = await people.agency('Live Homes', 'LANDLORD');
    police = await people.agency('Live Police', 'POLICE');
    council = await people.agency('Live Council', 'COUNCIL');
    outsider = await people.agency('Live Outsiders', 'OTHER');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    colleague = await people.user(landlord, ['MANAGER'], 'colleague');
    officer = await people.user(police, ['CASEWORKER'], 'officer');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'council');
    stranger = await people.user(outsider, ['CASEWORKER'], 'stranger');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await portal.close();
  });

  describe('signing in on the socket', () => {
    it('closes with 4403 before any subscription for a missing, a forged and an expired token', async () => {
      expect(await live(null).closed).toBe(4403);
      expect(await live(`${owner.token}x`).closed).toBe(4403);
      expect(await live(await token(owner.id, Math.floor(Date.now() / 1000) - 10)).closed).toBe(4403);
      expect(await live(null, 'Basic b3duZXI6cGFzc3dvcmQ=').closed).toBe(4403);
    });

    it('refuses the subscription to an administrator, who reads no case', async () => {
      const feed = live(await people.admin()).subscribe(ALERTS);
      await new Promise((r) => setTimeout(r, 400));
      expect(feed.events).toEqual([]);
      expect(feed.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    });

    it('closes with 4403 for a deactivated user', async () => {
      const leaver = await people.user(landlord, ['CASEWORKER'], 'leaver');
      await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: leaver.id }, await people.admin());
      expect(await live(leaver).closed).toBe(4403);
    });

    it('closes an open socket with 4403 when its user is deactivated, and delivers nothing more to it', async () => {
      const leaver = await people.user(landlord, ['CASEWORKER'], 'leaver-live');
      const client = live(leaver);
      const feed = client.subscribe(ALERTS);
      await new Promise((r) => setTimeout(r, 200));
      await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: leaver.id }, await people.admin());
      const started = Date.now();
      expect(await client.closed).toBe(4403);
      expect(Date.now() - started).toBeLessThan(5000);
      await portal.ok(INCIDENT, { c: (await newCase()).id }, owner.token);
      expect(await feed.settle()).toEqual([]);
    });

    it('closes an open socket with 4403 when its token expires', async () => {
      const client = live(await token(officer.id, '2s'));
      client.subscribe(ALERTS);
      const started = Date.now();
      expect(await client.closed).toBe(4403);
      expect(Date.now() - started).toBeLessThan(6000);
    });
  });

  describe('who is alerted', () => {
    let feeds: Record<'owner' | 'colleague' | 'officer' | 'council' | 'stranger', Feed>;

    beforeAll(async () => {
      feeds = {
        owner: live(owner).subscribe(ALERTS),
        colleague: live(colleague).subscribe(ALERTS),
        officer: live(officer).subscribe(ALERTS),
        council: live(councilOfficer).subscribe(ALERTS),
        stranger: live(stranger).subscribe(ALERTS),
      };
      await new Promise((r) => setTimeout(r, 300));
    });

    const drain = () => Object.values(feeds).forEach((f) => (f.events = []));
    /** Lets the alerts of the set-up land (nothing new for a while), then forgets them. */
    const quiet = async () => {
      let count = -1;
      while (count !== Object.values(feeds).reduce((n, f) => n + f.events.length, 0)) {
        count = Object.values(feeds).reduce((n, f) => n + f.events.length, 0);
        await new Promise((r) => setTimeout(r, 300));
      }
      drain();
    };

    it('tells the owner agency and the partners holding the case of each change, never the one who made it nor an agency without the case', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      // Holders are decided when an alert is delivered: the police share's alert must be out before the council
      // holds the case, or the council (a holder by then) is rightly told of it too.
      await feeds.officer.received(1);
      await portal.ok(SHARE, { c: kase.id, a: council, x: 'LIMITED' }, owner.token);
      await portal.ok(INCIDENT, { c: kase.id }, officer.token);
      await portal.ok(
        `mutation($id: ID!) { updateCase(id: $id, expectedVersion: 1, input: { riskLevel: HIGH }) { version } }`,
        { id: kase.id },
        owner.token,
      );
      await portal.ok(
        `mutation($id: ID!) { closeCase(id: $id, expectedVersion: 2, input: { outcome: RESOLVED, reason: "Tenant moved out" }) { status } }`,
        { id: kase.id },
        colleague.token,
      );
      const kinds = (feed: Feed) =>
        feed.events.filter((e) => e.caseAlerts.caseId === kase.id).map((e) => e.caseAlerts.kind);
      await feeds.officer.received(5);
      await feeds.owner.received(2);
      await new Promise((r) => setTimeout(r, 400));
      // The officer sees both shares (its own and the council's), the risk, the update and the closing, but not its own incident.
      expect(kinds(feeds.officer)).toEqual([
        'CASE_SHARED',
        'CASE_SHARED',
        'CASE_UPDATED',
        'RISK_ESCALATED',
        'CASE_CLOSED',
      ]);
      expect(kinds(feeds.owner)).toEqual(['INCIDENT_LOGGED', 'CASE_CLOSED']);
      expect(kinds(feeds.colleague)).toEqual([
        'CASE_SHARED',
        'CASE_SHARED',
        'INCIDENT_LOGGED',
        'CASE_UPDATED',
        'RISK_ESCALATED',
      ]);
      expect(kinds(feeds.council)).toEqual([
        'CASE_SHARED',
        'INCIDENT_LOGGED',
        'CASE_UPDATED',
        'RISK_ESCALATED',
        'CASE_CLOSED',
      ]);
      expect(feeds.stranger.events).toEqual([]);
      await quiet();
    });

    it("gives a LIMITED partner's alert no personal identifiers, and a FULL partner's the names", async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await portal.ok(SHARE, { c: kase.id, a: council, x: 'LIMITED' }, owner.token);
      await quiet();
      await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      const [councilAlert] = (await feeds.council.received(1)).map((e) => e.caseAlerts);
      const [policeAlert] = (await feeds.officer.received(1)).map((e) => e.caseAlerts);
      expect(councilAlert.case).toMatchObject({
        id: kase.id,
        access: 'LIMITED',
        address: null,
        parties: [{ fullName: null, phone: null }],
      });
      expect(councilAlert.case.redactedFields).toContain('address');
      expect(policeAlert.case).toMatchObject({
        access: 'FULL',
        address: '9 Alder Court',
        parties: [{ fullName: 'Vera Victim' }],
      });
      drain();
    });

    it('sends an action assignment only to the agency that owns the action', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await portal.ok(SHARE, { c: kase.id, a: council, x: 'FULL' }, owner.token);
      await quiet();
      await portal.ok(
        `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: PATROL, description: "Evening patrols", ownerAgencyId: $a }) { id } }`,
        { c: kase.id, a: police },
        owner.token,
      );
      expect((await feeds.officer.received(1)).map((e) => e.caseAlerts.kind)).toEqual(['ACTION_ASSIGNED']);
      expect(await feeds.council.settle()).toEqual([]);
      expect(feeds.colleague.events).toEqual([]);
      drain();
    });

    it('stops alerting an agency the moment its share is revoked', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: council, x: 'FULL' }, owner.token);
      await quiet();
      await portal.ok(REVOKE, { c: kase.id, a: council }, owner.token);
      await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      await feeds.colleague.received(1);
      expect(await feeds.council.settle()).toEqual([]);
      drain();
    });

    it('emits nothing for a change that rolls back', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await quiet();
      // Fault injection at commit: the incident, its audit event and its alert are all written, then the commit fails.
      await portal.db.query(`CREATE FUNCTION refuse_incident() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.description = 'Roll me back' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NULL; END $$`);
      await portal.db
        .query(`CREATE CONSTRAINT TRIGGER refuse_incident AFTER INSERT ON incidents DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION refuse_incident()`);
      try {
        const before = (await portal.db.query(`SELECT count(*)::int AS n FROM alerts`)).rows[0].n;
        const result = await portal.gql(
          `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Roll me back" }) { id } }`,
          { c: kase.id },
          owner.token,
        );
        expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect((await portal.db.query(`SELECT count(*)::int AS n FROM alerts`)).rows[0].n).toBe(before);
        expect(await feeds.officer.settle()).toEqual([]);
      } finally {
        await portal.db.query(`DROP TRIGGER refuse_incident ON incidents; DROP FUNCTION refuse_incident()`);
      }
    });

    it('narrows by case, kind and minimum risk', async () => {
      const kase = await newCase();
      const other = await newCase();
      for (const id of [kase.id, other.id]) await portal.ok(SHARE, { c: id, a: police, x: 'FULL' }, owner.token);
      // The shares' alerts are out before the subscriptions join, so neither is live news to them.
      await portal.alertsSettled();
      const client = live(officer);
      const byCase = client.subscribe(ALERTS, { caseId: kase.id });
      const byKind = client.subscribe(ALERTS, { kinds: ['RISK_ESCALATED'] });
      const highOnly = client.subscribe(ALERTS, { minRisk: 'HIGH' });
      await new Promise((r) => setTimeout(r, 200));
      await portal.ok(INCIDENT, { c: other.id }, owner.token);
      await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      await portal.ok(
        `mutation($id: ID!) { updateCase(id: $id, expectedVersion: 1, input: { riskLevel: HIGH }) { id } }`,
        { id: kase.id },
        owner.token,
      );
      await byCase.received(3);
      await new Promise((r) => setTimeout(r, 300));
      expect(byCase.events.map((e) => [e.caseAlerts.caseId, e.caseAlerts.kind])).toEqual([
        [kase.id, 'INCIDENT_LOGGED'],
        [kase.id, 'CASE_UPDATED'],
        [kase.id, 'RISK_ESCALATED'],
      ]);
      expect(byKind.events.map((e) => e.caseAlerts.kind)).toEqual(['RISK_ESCALATED']);
      expect(highOnly.events.map((e) => e.caseAlerts.kind)).toEqual(['CASE_UPDATED', 'RISK_ESCALATED']);
      drain();
    });
  });

  describe('nothing lost', () => {
    it('replays what a subscriber missed after its cursor, then continues live, with no gap and no duplicate', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await portal.alertsSettled();
      const first = live(officer);
      const feed = first.subscribe(ALERTS, { caseId: kase.id });
      await new Promise((r) => setTimeout(r, 200));
      await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      const [seen] = await feed.received(1);
      await first.close();
      for (let i = 0; i < 3; i++) await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      const missed = (
        await portal.db.query(`SELECT id::text FROM alerts WHERE case_id = $1 AND id > $2 ORDER BY id`, [
          kase.id,
          seen.caseAlerts.id,
        ])
      ).rows.map((r) => r.id);
      expect(missed).toHaveLength(3);

      const again = live(officer).subscribe(ALERTS, { caseId: kase.id, since: seen.caseAlerts.id });
      // Live alerts raised while the replay is on its way must come after it, once each.
      const racing = Promise.all([0, 1].map(() => portal.ok(INCIDENT, { c: kase.id }, owner.token)));
      await racing;
      await again.received(5);
      await new Promise((r) => setTimeout(r, 300));
      const ids = again.events.map((e) => e.caseAlerts.id);
      const all = (
        await portal.db.query(`SELECT id::text FROM alerts WHERE case_id = $1 AND id > $2 ORDER BY id`, [
          kase.id,
          seen.caseAlerts.id,
        ])
      ).rows.map((r) => r.id);
      expect(ids).toEqual(all);
      expect(ids).toHaveLength(5);
    });

    it('delivers a batch in order, once each, across a change in the number of digits of the cursor', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await portal.alertsSettled();
      const feed = live(officer).subscribe(ALERTS, { caseId: kase.id });
      await new Promise((r) => setTimeout(r, 300));
      // One change raising two alerts, numbered 999 and 1000, read in one batch.
      await portal.db.query(`SELECT setval('alerts_id_seq', 998)`);
      await portal.ok(
        `mutation($id: ID!) { updateCase(id: $id, expectedVersion: 1, input: { riskLevel: HIGH }) { id } }`,
        { id: kase.id },
        owner.token,
      );
      await feed.received(2);
      await feed.settle(800);
      expect(feed.events.map((e) => [e.caseAlerts.id, e.caseAlerts.kind])).toEqual([
        ['999', 'CASE_UPDATED'],
        ['1000', 'RISK_ESCALATED'],
      ]);
    });

    it('replays only what the subscriber may see now', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: council, x: 'FULL' }, owner.token);
      const [{ id: cursor }] = (await portal.db.query(`SELECT max(id)::text AS id FROM alerts`)).rows;
      await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      await portal.ok(REVOKE, { c: kase.id, a: council }, owner.token);
      const feed = live(councilOfficer).subscribe(ALERTS, { since: cursor });
      expect(await feed.settle(800)).toEqual([]);
    });

    it('answers a malformed cursor with BAD_USER_INPUT', async () => {
      const feed = live(officer).subscribe(ALERTS, { since: 'yesterday' });
      await new Promise((r) => setTimeout(r, 500));
      expect(feed.events).toEqual([]);
      expect(feed.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'since' } });
    });
  });

  describe('one execution for many subscribers', () => {
    let hub: AlertHub;
    beforeAll(async () => {
      hub = portal.app.get(AlertHub);
      await Promise.all(clients.splice(0).map((c) => c.close().catch(() => undefined)));
      while (hub.subscriberCount > 0) await new Promise((r) => setTimeout(r, 50));
    });

    it('executes once per agency, role set and selection, and still gives each subscriber the selection it asked for', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await portal.alertsSettled();
      const sergeant = await people.user(police, ['MANAGER'], 'sergeant');
      const partner = await people.user(police, ['CASEWORKER'], 'partner');
      const SMALL = `subscription { caseAlerts { kind } }`;
      const NAMED = `subscription($c: ID, $since: String, $p: Boolean!) {
        alert: caseAlerts(caseId: $c, since: $since) { kind case { reference parties @include(if: $p) { fullName } } }
      }`;
      const [{ id: cursor }] = (await portal.db.query(`SELECT max(id)::text AS id FROM alerts`)).rows;
      const officerLive = live(officer);
      const partnerLive = live(partner);
      const feeds = {
        small: officerLive.subscribe(SMALL),
        named: officerLive.subscribe(NAMED, { c: kase.id, p: true }),
        // Other filters and another cursor, same shape: the same execution as `named`.
        namedSince: partnerLive.subscribe(NAMED, { since: cursor, p: true }),
        partnerSmall: partnerLive.subscribe(SMALL),
        withoutParties: partnerLive.subscribe(NAMED, { p: false }),
        sergeant: live(sergeant).subscribe(SMALL),
      };
      while (hub.subscriberCount < 6) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      Object.values(feeds).forEach((f) => (f.events = []));
      const before = { ...hub.stats };
      await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      for (const feed of Object.values(feeds)) await feed.received(1);
      await new Promise((r) => setTimeout(r, 300));
      // Caseworkers: SMALL, NAMED with parties, NAMED without; the sergeant's role set: SMALL.
      expect({
        deliveries: hub.stats.deliveries - before.deliveries,
        executions: hub.stats.executions - before.executions,
      }).toEqual({
        deliveries: 6,
        executions: 4,
      });
      const only = (feed: Feed) => feed.events;
      expect(only(feeds.small)).toEqual([{ caseAlerts: { kind: 'INCIDENT_LOGGED' } }]);
      expect(only(feeds.partnerSmall)).toEqual([{ caseAlerts: { kind: 'INCIDENT_LOGGED' } }]);
      expect(only(feeds.sergeant)).toEqual([{ caseAlerts: { kind: 'INCIDENT_LOGGED' } }]);
      const named = {
        alert: {
          kind: 'INCIDENT_LOGGED',
          case: { reference: expect.any(String), parties: [{ fullName: 'Vera Victim' }] },
        },
      };
      expect(only(feeds.named)).toEqual([named]);
      expect(only(feeds.namedSince)).toEqual([named]);
      expect(only(feeds.withoutParties)).toEqual([
        { alert: { kind: 'INCIDENT_LOGGED', case: { reference: expect.any(String) } } },
      ]);
    });

    it('writes nothing more to a subscription its client has completed, while the socket stays open', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await portal.alertsSettled();
      const client = live(officer);
      const kept = client.subscribe(ALERTS, { caseId: kase.id });
      const stopped = client.subscribe(ALERTS, { caseId: kase.id });
      await new Promise((r) => setTimeout(r, 300));
      const open = hub.subscriberCount;
      stopped.stop();
      while (hub.subscriberCount > open - 1) await new Promise((r) => setTimeout(r, 20));
      await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      expect((await kept.received(1)).map((e) => e.caseAlerts.kind)).toEqual(['INCIDENT_LOGGED']);
      expect(await stopped.settle(300)).toEqual([]);
      expect(stopped.errors).toEqual([]);
    });
  });

  describe('several instances and the scheduler', () => {
    let second: TestPortal;
    beforeAll(async () => {
      second = await portal.another(ENV);
    });
    afterAll(() => second.close());

    it('delivers an alert committed on one instance to subscribers on the other', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await second.alertsSettled();
      const onSecond = LiveClient.connect(second, officer.token);
      clients.push(onSecond);
      const feed = onSecond.subscribe(ALERTS, { caseId: kase.id });
      await new Promise((r) => setTimeout(r, 200));
      await portal.ok(INCIDENT, { c: kase.id }, owner.token);
      expect((await feed.received(1)).map((e) => e.caseAlerts.kind)).toEqual(['INCIDENT_LOGGED']);
    });

    it('raises an overdue action once, with two instances running the scheduler', async () => {
      const kase = await newCase();
      await portal.ok(SHARE, { c: kase.id, a: police, x: 'FULL' }, owner.token);
      await portal.alertsSettled();
      const feed = live(officer).subscribe(ALERTS, { caseId: kase.id, kinds: ['ACTION_OVERDUE'] });
      await new Promise((r) => setTimeout(r, 200));
      const { addAction } = await portal.ok(
        `mutation($c: ID!, $a: ID!, $due: DateTime!) { addAction(caseId: $c, input: { kind: HOME_VISIT, description: "Visit", ownerAgencyId: $a, dueAt: $due }) { id } }`,
        { c: kase.id, a: police, due: new Date(Date.now() + 1500).toISOString() },
        owner.token,
      );
      const [alert] = await feed.received(1, 8000);
      expect(alert.caseAlerts).toMatchObject({ kind: 'ACTION_OVERDUE', actionId: addAction.id });
      await new Promise((r) => setTimeout(r, 2500));
      expect(feed.events).toHaveLength(1);
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM alerts WHERE kind = 'ACTION_OVERDUE' AND action_id = $1`,
        [addAction.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('raises a missed contact standard once when the reporter was not contacted within 1 working day', async () => {
      const late = await newCase();
      const contacted = await newCase();
      for (const id of [late.id, contacted.id]) await portal.ok(SHARE, { c: id, a: police, x: 'FULL' }, owner.token);
      // Reported a week ago: one was contacted the next morning, the other never.
      await portal.db.query(`UPDATE cases SET opened_at = now() - interval '7 days' WHERE id = ANY($1)`, [
        [late.id, contacted.id],
      ]);
      await portal.db.query(
        `INSERT INTO contacts (case_id, contacted_at, channel, note, recorded_by_id) VALUES ($1, now() - interval '7 days' + interval '2 hours', 'PHONE', 'Called back', $2)`,
        [contacted.id, owner.id],
      );
      const feed = live(officer).subscribe(ALERTS, { kinds: ['SERVICE_STANDARD_BREACHED'] });
      await new Promise((r) => setTimeout(r, 3000));
      // The feed is every breach the police may see: an earlier test's case may breach while this one waits
      // (the scheduler runs on its own clock, slower on a busy machine), so only this test's two cases count.
      const ours = feed.events.map((e) => e.caseAlerts.caseId).filter((id) => id === late.id || id === contacted.id);
      expect(ours).toEqual([late.id]);
      const { rows } = await portal.db.query(
        `SELECT case_id FROM alerts WHERE kind = 'SERVICE_STANDARD_BREACHED' AND case_id = ANY($1)`,
        [[late.id, contacted.id]],
      );
      expect(rows).toEqual([{ case_id: late.id }]);
    });
  });
});
