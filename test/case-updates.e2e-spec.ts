import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { TestPortal } from './harness.js';
import { type Feed, LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

const ENV = { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' };

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id version } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Loud party" }) { id } }`;
const SUBMIT = `mutation($input: IntakeReportInput!) { submitIntakeReport(input: $input) { id } }`;

const UPDATES = `subscription($c: ID!) { caseUpdates(caseId: $c) { caseId what at byAgency { id name } } }`;
const ACTIVITY = `subscription { caseActivity { caseId what at byAgency { id name } } }`;

/** Waits until `check` holds for the feed (or fails after `ms`). */
async function until(feed: Feed, check: (feed: Feed) => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check(feed) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  if (!check(feed)) throw new Error(`not yet: ${JSON.stringify({ events: feed.events, errors: feed.errors })}`);
}

describe('every open screen stays live: caseUpdates and caseActivity over graphql-ws', () => {
  let portal: TestPortal;
  let people: Partnership;
  let landlord: string;
  let police: string;
  let outsider: string;
  let owner: Persona;
  let officer: Persona;
  let councilOfficer: Persona;
  let stranger: Persona;
  const clients: LiveClient[] = [];

  const live = (persona: Persona | null) => {
    const client = LiveClient.connect(portal, persona?.token ?? null);
    clients.push(client);
    return client;
  };
  const newCase = async () =>
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
          },
        },
        owner.token,
      )
    ).createCase.id as string;
  const share = (caseId: string, agencyId: string, access = 'FULL') =>
    portal.ok(SHARE, { c: caseId, a: agencyId, x: access }, owner.token);
  /** Subscribed, and the subscription is running on the server before anything is changed. */
  const subscribed = async (feed: Feed) => {
    await new Promise((r) => setTimeout(r, 300));
    return feed;
  };

  beforeAll(async () => {
    portal = await TestPortal.start(ENV);
    people = new Partnership(portal);
    landlord = await people.agency('Live Homes', 'LANDLORD');
    police = await people.agency('Live Police', 'POLICE');
    const council = await people.agency('Live Council', 'COUNCIL');
    outsider = await people.agency('Live Outsiders', 'OTHER');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    officer = await people.user(police, ['CASEWORKER'], 'officer');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'council');
    stranger = await people.user(outsider, ['CASEWORKER'], 'stranger');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await portal.close();
  });

  it('refuses an outsider with no token before any subscription (4403)', async () => {
    expect(await live(null).closed).toBe(4403);
  });

  it('answers NOT_FOUND to an agency without a share, and never sends it an event', async () => {
    const caseId = await newCase();
    const feed = live(stranger).subscribe(UPDATES, { c: caseId });
    await until(feed, (f) => f.errors.length > 0);
    expect(feed.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    expect(await feed.settle()).toEqual([]);
  });

  it('answers NOT_FOUND for a case that does not exist, exactly as for one not shared', async () => {
    const feed = live(officer).subscribe(UPDATES, { c: '00000000-0000-4000-8000-000000000000' });
    await until(feed, (f) => f.errors.length > 0);
    expect(feed.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('tells the owner and a partner holding a share of each change, saying which agency made it', async () => {
    const caseId = await newCase();
    await share(caseId, police);
    const mine = await subscribed(live(owner).subscribe(UPDATES, { c: caseId }));
    const theirs = await subscribed(live(officer).subscribe(UPDATES, { c: caseId }));
    await portal.ok(INCIDENT, { c: caseId }, officer.token);
    await until(mine, (f) => f.events.length > 0);
    await until(theirs, (f) => f.events.length > 0);
    for (const feed of [mine, theirs]) {
      expect(feed.events.at(-1).caseUpdates).toMatchObject({
        caseId,
        what: 'INCIDENT',
        byAgency: { id: police, name: 'Live Police' },
      });
      expect(Date.parse(feed.events.at(-1).caseUpdates.at)).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('signals a change to the case record, to its parties and to its shares', async () => {
    const caseId = await newCase();
    const feed = await subscribed(live(owner).subscribe(UPDATES, { c: caseId }));
    await portal.ok(
      `mutation($c: ID!) { closeCase(id: $c, expectedVersion: 1, input: { outcome: RESOLVED, reason: "Agreed" }) { id } }`,
      { c: caseId },
      owner.token,
    );
    await until(feed, (f) => f.events.some((e) => e.caseUpdates?.what === 'CLOSURE'));
    await share(caseId, police);
    await until(feed, (f) => f.events.some((e) => e.caseUpdates?.what === 'SHARE'));
    expect(feed.events.at(-1).caseUpdates.byAgency).toEqual({ id: landlord, name: 'Live Homes' });
  });

  it('sends null to a partner whose share is revoked, completes, and sends nothing after', async () => {
    const caseId = await newCase();
    await share(caseId, police);
    const feed = await subscribed(live(officer).subscribe(UPDATES, { c: caseId }));
    await portal.ok(REVOKE, { c: caseId, a: police }, owner.token);
    await until(feed, (f) => f.completed);
    expect(feed.events).toEqual([{ caseUpdates: null }]);
    await share(caseId, police);
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    expect(await feed.settle()).toEqual([{ caseUpdates: null }]);
  });

  it('gives a LIMITED partner the signal and nothing more: no names, addresses or notes', async () => {
    const caseId = await newCase();
    await share(caseId, councilOfficer.agencyId, 'LIMITED');
    const feed = await subscribed(live(councilOfficer).subscribe(UPDATES, { c: caseId }));
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    await until(feed, (f) => f.events.length > 0);
    expect(feed.events.at(-1).caseUpdates).toEqual({
      caseId,
      what: 'INCIDENT',
      at: expect.any(String),
      byAgency: { id: landlord, name: 'Live Homes' },
    });
    // The type has nothing else to ask for.
    const nosy = live(councilOfficer).subscribe(
      `subscription($c: ID!) { caseUpdates(caseId: $c) { caseId address } }`,
      {
        c: caseId,
      },
    );
    await until(nosy, (f) => f.errors.length > 0);
    expect(nosy.errors.flat()[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('refuses an administrator, who reads no case', async () => {
    const feed = live({ token: await people.admin() } as Persona).subscribe(ACTIVITY);
    await until(feed, (f) => f.errors.length > 0);
    expect(feed.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  describe('the notification each committed change sends', () => {
    /** What `case_updates` carried while `work` ran (and a moment after, for the commit to be heard). */
    const heard = async (work: () => Promise<unknown>): Promise<string[]> => {
      const listener = new pg.Client({ connectionString: portal.appDatabaseUrl });
      await listener.connect();
      const payloads: string[] = [];
      listener.on('notification', (n) => payloads.push(n.payload ?? ''));
      await listener.query('LISTEN case_updates');
      try {
        await work();
        await new Promise((r) => setTimeout(r, 300));
        return payloads;
      } finally {
        await listener.end();
      }
    };

    it('names the case, the kind of change and the acting agency, and nothing of the case’s content', async () => {
      const caseId = await newCase();
      await share(caseId, police);
      const payloads = await heard(() =>
        portal.ok(
          `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: PATROL, description: "Evening patrols past 9 Alder Court", ownerAgencyId: $a }) { id } }`,
          { c: caseId, a: police },
          owner.token,
        ),
      );
      // The action's owner is named too: it hears of its action even where it does not hold the case (a meeting's).
      expect(payloads).toEqual([`${caseId}|ACTION|${landlord}|${police}`]);
    });

    it('says nothing of a change rolled back, nor of the scheduler marking what it has alerted', async () => {
      const caseId = await newCase();
      await portal.ok(
        `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: PATROL, description: "Evening patrols", ownerAgencyId: $a }) { id } }`,
        { c: caseId, a: landlord },
        owner.token,
      );
      const payloads = await heard(async () => {
        const client = await portal.db.connect();
        try {
          await client.query('BEGIN');
          await client.query(`UPDATE cases SET summary = 'Never committed' WHERE id = $1`, [caseId]);
          await client.query('ROLLBACK');
        } finally {
          client.release();
        }
        await portal.db.query(`UPDATE case_actions SET overdue_alerted_at = now() WHERE case_id = $1`, [caseId]);
        await portal.db.query(`UPDATE cases SET summary = summary WHERE id = $1`, [caseId]);
      });
      expect(payloads).toEqual([]);
    });

    it('tells a change to the case record, its closing and its risk apart, once per transaction', async () => {
      const caseId = await newCase();
      const payloads = await heard(async () => {
        const client = await portal.db.connect();
        try {
          await client.query('BEGIN');
          await client.query(`UPDATE cases SET summary = 'One' WHERE id = $1`, [caseId]);
          await client.query(`UPDATE cases SET summary = 'Two' WHERE id = $1`, [caseId]);
          await client.query(`UPDATE cases SET risk_level = 'HIGH' WHERE id = $1`, [caseId]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      });
      expect(payloads).toEqual([`${caseId}|CASE||`, `${caseId}|RISK||`]);
    });
  });

  describe('caseActivity', () => {
    it('carries changes on the cases the agency holds now, and never a case it does not hold', async () => {
      const held = await newCase();
      const notHeld = await newCase();
      await share(held, police);
      const feed = await subscribed(live(officer).subscribe(ACTIVITY));
      const strangers = await subscribed(live(stranger).subscribe(ACTIVITY));
      await portal.ok(INCIDENT, { c: notHeld }, owner.token);
      await new Promise((r) => setTimeout(r, 300));
      await portal.ok(INCIDENT, { c: held }, owner.token);
      await until(feed, (f) => f.events.some((e) => e.caseActivity.caseId === held));
      expect(feed.events.every((e) => e.caseActivity.caseId === held)).toBe(true);
      expect(await strangers.settle()).toEqual([]);
    });

    it('tells a partner that a share was given to it, and after a revocation carries nothing more of that case', async () => {
      const caseId = await newCase();
      const feed = await subscribed(live(officer).subscribe(ACTIVITY));
      await share(caseId, police);
      await until(feed, (f) => f.events.some((e) => e.caseActivity.caseId === caseId));
      expect(feed.events.at(-1).caseActivity).toMatchObject({ caseId, what: 'SHARE' });
      await portal.ok(REVOKE, { c: caseId, a: police }, owner.token);
      // Its own share ended: a signal to refresh its lists, naming no case.
      await until(feed, (f) => f.events.at(-1).caseActivity.caseId === null);
      expect(feed.events.at(-1).caseActivity).toMatchObject({ caseId: null, what: 'SHARE' });
      const seen = feed.events.length;
      await portal.ok(INCIDENT, { c: caseId }, owner.token);
      await feed.settle();
      expect(feed.events.slice(seen).filter((e) => e.caseActivity.caseId === caseId)).toEqual([]);
    });

    it('signals a new report in the triage queue to the receiving agency only', async () => {
      const colleague = await people.user(landlord, ['CASEWORKER'], 'triage');
      const mine = await subscribed(live(colleague).subscribe(ACTIVITY));
      const theirs = await subscribed(live(officer).subscribe(ACTIVITY));
      await portal.ok(
        SUBMIT,
        { input: { channel: 'PHONE', category: 'NOISE', summary: 'Music at 3am', ward: 'Riverside', anonymous: true } },
        owner.token,
      );
      await until(mine, (f) => f.events.some((e) => e.caseActivity.what === 'TRIAGE'));
      expect(mine.events.at(-1).caseActivity).toMatchObject({
        caseId: null,
        what: 'TRIAGE',
        byAgency: { id: landlord },
      });
      expect((await theirs.settle()).filter((e) => e.caseActivity.what === 'TRIAGE')).toEqual([]);
    });
  });

  it('after the listener is lost and back, tells every open page and list to read itself again, and a revoked partner null', async () => {
    const caseId = await newCase();
    await share(caseId, police);
    const page = await subscribed(live(owner).subscribe(UPDATES, { c: caseId }));
    const revokedPage = await subscribed(live(officer).subscribe(UPDATES, { c: caseId }));
    const list = await subscribed(live(officer).subscribe(ACTIVITY));
    const listener = `SELECT pid FROM pg_stat_activity WHERE application_name = 'partnership-portal-listener' AND datname = current_database()`;
    const [{ pid }] = (await portal.db.query<{ pid: number }>(listener)).rows;
    await portal.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    for (let i = 0; i < 100; i++) {
      const gone = (await portal.db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid])).rows.length === 0;
      if (gone) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // Changes committed while nobody listens are announced to no one.
    await portal.ok(REVOKE, { c: caseId, a: police }, owner.token);
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    await until(page, (f) => f.events.length > 0, 15_000);
    expect(page.events).toEqual([{ caseUpdates: expect.objectContaining({ caseId, what: 'CASE', byAgency: null }) }]);
    await until(revokedPage, (f) => f.events.length > 0, 15_000);
    expect(revokedPage.events).toEqual([{ caseUpdates: null }]);
    await until(list, (f) => f.events.some((e) => e.caseActivity.caseId === null), 15_000);
    expect(list.events.some((e) => e.caseActivity.caseId === caseId)).toBe(false);
  }, 30_000);
});
