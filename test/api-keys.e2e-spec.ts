import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { ALERTS, LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 16, item 5, written as the attacks: a partner's case system reaches the API with a key its agency's
 * manager made. The key acts exactly as a caseworker of that agency (same rules, same row scope, same audit),
 * and no further: read-only means no write of any kind, a revoked or expired key stops at once (sockets too),
 * a key shows once and is never answered or kept again, and one agency's managers never touch another's keys.
 */

// Low enough that one test can run a key out, high enough that no other test comes near it with its own key.
const PER_MINUTE = 40;
const ENV = { API_KEY_REQUESTS_PER_MINUTE: String(PER_MINUTE), SESSION_SWEEP_SECONDS: '60' };

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  key apiKey { id name access createdAt expiresAt lastUsedAt revokedAt } } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const KEYS = `{ apiKeys { id name access createdAt expiresAt lastUsedAt revokedAt } }`;
const ME = `{ me { id displayName roles agency { id } } }`;
const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id ownerAgency { id } } }`;
const CASE = `query($id: ID!) { case(id: $id) { id access parties { fullName redactedFields } } }`;
const UPDATE_CASE = `mutation($id: ID!) { updateCase(id: $id, expectedVersion: 1, input: { summary: "Rewritten by a key" }) { id } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Loud party" }) { id } }`;
const TRAIL = `query($caseId: ID!) { caseAuditTrail(caseId: $caseId, first: 50) { edges { node { action actor { id displayName agency { id } } } } } }`;
const LOG = `{ administrationLog(first: 20) { edges { node { action detail user { id displayName } actor { id } } } } }`;

const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const closedWithin = (client: LiveClient, ms: number) =>
  Promise.race([client.closed, sleep(ms).then(() => 'open' as const)]);

describe('partner-system keys', () => {
  let portal: TestPortal;
  let people: Partnership;
  let police: string;
  let homes: string;
  let policeManager: Persona;
  let policeOfficer: Persona;
  let homesManager: Persona;
  let homesCoordinator: Persona;
  let homesOfficer: Persona;
  const clients: LiveClient[] = [];
  /** Every key answered in this file: none may ever appear again in an answer or the database. */
  const secrets: string[] = [];

  const createKey = async (by: Persona, access = 'READ_WRITE', name = 'Records system') => {
    const data = await portal.ok(CREATE_KEY, { input: { name, access, expiresAt: inAMonth() } }, by.token);
    secrets.push(data.createApiKey.key);
    return data.createApiKey as { key: string; apiKey: { id: string; name: string; access: string } };
  };
  const newCase = async (token: string) =>
    (
      await portal.ok(
        CREATE_CASE,
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
        token,
      )
    ).createCase as { id: string; ownerAgency: { id: string } };
  const keyRow = async (id: string) =>
    (await portal.db.query(`SELECT * FROM api_keys WHERE id = $1`, [id])).rows[0] as Record<string, any>;
  const live = (key: string) => {
    const client = LiveClient.connect(portal, key);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    portal = await TestPortal.start(ENV);
    people = new Partnership(portal);
    police = await people.agency('Key Constabulary', 'POLICE');
    homes = await people.agency('Key Homes', 'LANDLORD');
    policeManager = await people.user(police, ['MANAGER'], 'police-manager');
    policeOfficer = await people.user(police, ['CASEWORKER'], 'police-officer');
    homesManager = await people.user(homes, ['MANAGER'], 'homes-manager');
    homesCoordinator = await people.user(homes, ['MARAC_COORDINATOR'], 'homes-coordinator');
    homesOfficer = await people.user(homes, ['CASEWORKER'], 'homes-officer');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await portal.close();
  });

  it('shows a new key once, keeps only its hash, and records it in the administration log', async () => {
    const { key, apiKey } = await createKey(policeManager, 'READ_ONLY', 'Niche RMS');
    expect(key).toMatch(/^asbp_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Niche RMS', access: 'READ_ONLY', lastUsedAt: null, revokedAt: null });
    const row = await keyRow(apiKey.id);
    const secret = key.split('_').slice(2).join('_');
    expect(Buffer.from(row.secret_hash)).toEqual(createHash('sha256').update(secret).digest());
    expect(JSON.stringify(row)).not.toContain(secret);
    // Listed by name, access and dates, never with anything of the secret.
    const listed = (await portal.ok(KEYS, {}, policeManager.token)).apiKeys;
    expect(listed).toEqual([expect.objectContaining({ id: apiKey.id, name: 'Niche RMS', access: 'READ_ONLY' })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    // The agency's service account: a system row with the caseworker role, that no password opens.
    const { rows: accounts } = await portal.db.query(
      `SELECT id, email, display_name, roles, system FROM users WHERE agency_id = $1 AND system`,
      [police],
    );
    expect(accounts).toEqual([expect.objectContaining({ roles: ['CASEWORKER'], system: true })]);
    expect(row.user_id).toBe(accounts[0].id);
    const login = await portal.gql(
      `mutation($e: String!) { login(email: $e, password: "whatever-it-is-12") { accessToken } }`,
      {
        e: accounts[0].email,
      },
    );
    expect(codeOf(login)).toBe('UNAUTHENTICATED');
    const log = (await portal.ok(LOG, {}, policeManager.token)).administrationLog.edges.map((e: any) => e.node);
    expect(log[0]).toMatchObject({
      action: 'API_KEY_CREATED',
      actor: { id: policeManager.id },
      user: { id: accounts[0].id },
      detail: expect.stringContaining('Niche RMS'),
    });
    // The service account itself, made with the agency's first key, is in the log too.
    expect(log[1]).toMatchObject({
      action: 'USER_CREATED',
      actor: { id: policeManager.id },
      user: { id: accounts[0].id },
    });
    expect(JSON.stringify(log)).not.toContain(secret);
  });

  it('acts as a caseworker of its agency: its own cases, the same audit, shown as the system', async () => {
    const { key } = await createKey(policeManager);
    const me = (await portal.ok(ME, {}, key)).me;
    expect(me).toMatchObject({ roles: ['CASEWORKER'], agency: { id: police } });
    expect(me.displayName).toMatch(/case system/i);
    const created = await newCase(key);
    expect(created.ownerAgency.id).toBe(police);
    await portal.ok(INCIDENT, { c: created.id }, key);
    const trail = (await portal.ok(TRAIL, { caseId: created.id }, policeManager.token)).caseAuditTrail.edges.map(
      (e: any) => e.node,
    );
    expect(trail.length).toBeGreaterThan(0);
    for (const event of trail) expect(event.actor).toMatchObject({ id: me.id, displayName: me.displayName });
  });

  it('never reads a case of another agency not shared with its own (null, NOT_FOUND), as its caseworkers cannot', async () => {
    const { key } = await createKey(policeManager);
    const theirs = await newCase(homesOfficer.token);
    expect((await portal.ok(CASE, { id: theirs.id }, key)).case).toBeNull();
    expect((await portal.ok(CASE, { id: theirs.id }, policeOfficer.token)).case).toBeNull();
    expect(codeOf(await portal.gql(UPDATE_CASE, { id: theirs.id }, key))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(INCIDENT, { c: theirs.id }, key))).toBe('NOT_FOUND');
    const { rows } = await portal.db.query(`SELECT summary FROM cases WHERE id = $1`, [theirs.id]);
    expect(rows[0].summary).toBe('Music through the wall every night');
    // Shared LIMITED with the police: the key reads it as a police caseworker does, without identifiers.
    await portal.ok(SHARE, { c: theirs.id, a: police, x: 'LIMITED' }, homesOfficer.token);
    const asKey = (await portal.ok(CASE, { id: theirs.id }, key)).case;
    expect(asKey).toEqual((await portal.ok(CASE, { id: theirs.id }, policeOfficer.token)).case);
    expect(asKey.parties[0]).toMatchObject({ fullName: null, redactedFields: expect.arrayContaining(['fullName']) });
  });

  it('refuses a READ_ONLY key every mutation (FORBIDDEN), over GraphQL and on an upload, and changes nothing', async () => {
    const { key } = await createKey(policeManager, 'READ_ONLY');
    const ours = await newCase(policeOfficer.token);
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
    expect((await portal.ok(CASE, { id: ours.id }, key)).case.id).toBe(ours.id);
    for (const [query, variables] of [
      [
        CREATE_CASE,
        { input: { category: 'NOISE', summary: 'A read-only write', ward: 'Riverside', riskLevel: 'STANDARD' } },
      ],
      [INCIDENT, { c: ours.id }],
      [UPDATE_CASE, { id: ours.id }],
      [`mutation { signOut }`, {}],
      [`mutation { signOutEverywhere }`, {}],
      [CREATE_KEY, { input: { name: 'More', access: 'READ_WRITE', expiresAt: inAMonth() } }],
      [`mutation { login(email: "x@y.test", password: "whatever-it-is-12") { accessToken } }`, {}],
    ] as const) {
      expect(codeOf(await portal.gql(query, variables, key))).toBe('FORBIDDEN');
    }
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n).toBe(before);
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM incidents WHERE case_id = $1`, [ours.id])).rows[0].n,
    ).toBe(0);
    const form = new FormData();
    form.append('file', new Blob(['plain words'], { type: 'text/plain' }), 'note.txt');
    const upload = await fetch(`${portal.url}/evidence/cases/${ours.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    expect(upload.status).toBe(403);
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM evidence_files`)).rows[0].n).toBe(0);
  });

  it('lets a key neither make keys, sign out, nor manage users, even READ_WRITE', async () => {
    const { key } = await createKey(policeManager);
    expect(
      codeOf(
        await portal.gql(CREATE_KEY, { input: { name: 'More', access: 'READ_WRITE', expiresAt: inAMonth() } }, key),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(KEYS, {}, key))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(`mutation { signOutEverywhere }`, {}, key))).toBe('FORBIDDEN');
    const createUser = await portal.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email: 'planted@partnership.test',
          displayName: 'Planted',
          agencyId: police,
          roles: ['MANAGER'],
          password: 'Planted-password-1',
        },
      },
      key,
    );
    expect(codeOf(createUser)).toBe('FORBIDDEN');
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM api_keys WHERE agency_id = $1`, [police])).rows[0].n,
    ).toBeGreaterThan(0);
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'planted@partnership.test'`)).rows[0]
        .n,
    ).toBe(0);
  });

  it('stops a revoked key at once: UNAUTHENTICATED over HTTP, its open sockets closed with 4403, logged', async () => {
    const { key, apiKey } = await createKey(policeManager);
    const spare = await createKey(policeManager);
    const socket = live(key);
    socket.subscribe(ALERTS);
    const kept = live(spare.key);
    kept.subscribe(ALERTS);
    expect((await portal.ok(ME, {}, key)).me.agency.id).toBe(police);
    await sleep(300);
    const revoked = (await portal.ok(REVOKE_KEY, { id: apiKey.id }, policeManager.token)).revokeApiKey;
    expect(revoked).toMatchObject({ id: apiKey.id, revokedAt: expect.any(String) });
    expect(await socket.closed).toBe(4403);
    expect(codeOf(await portal.gql(ME, {}, key))).toBe('UNAUTHENTICATED');
    expect(await live(key).closed).toBe(4403);
    // The agency's other key goes on working.
    expect(await closedWithin(kept, 300)).toBe('open');
    expect((await portal.ok(ME, {}, spare.key)).me.agency.id).toBe(police);
    const log = (await portal.ok(LOG, {}, policeManager.token)).administrationLog.edges.map((e: any) => e.node);
    expect(log[0]).toMatchObject({ action: 'API_KEY_REVOKED', actor: { id: policeManager.id } });
  });

  it('refuses an expired key at once, and a key whose secret is wrong by one character', async () => {
    const { key, apiKey } = await createKey(policeManager);
    expect((await portal.ok(ME, {}, key)).me.agency.id).toBe(police);
    const forged = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(codeOf(await portal.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
    await portal.db.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [apiKey.id]);
    expect(codeOf(await portal.gql(ME, {}, key))).toBe('UNAUTHENTICATED');
    expect(await live(key).closed).toBe(4403);
    // And an expiry must be in the future when the key is made.
    const past = await portal.gql(
      CREATE_KEY,
      { input: { name: 'Old', access: 'READ_ONLY', expiresAt: new Date(Date.now() - 1000).toISOString() } },
      policeManager.token,
    );
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    // And at most a year or so away: a partner's key is rotated.
    const forever = await portal.gql(
      CREATE_KEY,
      {
        input: {
          name: 'Forever',
          access: 'READ_ONLY',
          expiresAt: new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString(),
        },
      },
      policeManager.token,
    );
    expect(forever.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
  });

  it('delivers to a key’s subscription only what a caseworker of its agency receives', async () => {
    const { key } = await createKey(policeManager);
    const asKey = live(key).subscribe(ALERTS);
    const asOfficer = live(policeOfficer.token).subscribe(ALERTS);
    await sleep(300);
    // Another agency's case, not shared: nothing.
    const unshared = await newCase(homesOfficer.token);
    await portal.ok(INCIDENT, { c: unshared.id }, homesOfficer.token);
    // Shared LIMITED with the police: the share, without the victim's name.
    const shared = await newCase(homesOfficer.token);
    await portal.ok(SHARE, { c: shared.id, a: police, x: 'LIMITED' }, homesOfficer.token);
    await portal.alertsSettled();
    const officerSaw = await asOfficer.received(1);
    await asKey.received(1);
    await sleep(300);
    expect(asKey.events.map((e) => e.caseAlerts.caseId)).toEqual([shared.id]);
    expect(asKey.events.map((e) => ({ ...e.caseAlerts, id: undefined }))).toEqual(
      officerSaw.map((e) => ({ ...e.caseAlerts, id: undefined })),
    );
    expect(asKey.events[0].caseAlerts.case.parties[0].fullName).toBeNull();
  });

  it('keeps one agency’s managers away from another’s keys (NOT_FOUND), and others from keys at all (FORBIDDEN)', async () => {
    const { key, apiKey } = await createKey(policeManager);
    const homesKey = await createKey(homesManager);
    const homesList = (await portal.ok(KEYS, {}, homesManager.token)).apiKeys;
    expect(homesList.map((k: { id: string }) => k.id)).toEqual([homesKey.apiKey.id]);
    expect(codeOf(await portal.gql(REVOKE_KEY, { id: apiKey.id }, homesManager.token))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(REVOKE_KEY, { id: apiKey.id }, homesCoordinator.token))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(KEYS, {}, homesCoordinator.token))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(REVOKE_KEY, { id: apiKey.id }, policeOfficer.token))).toBe('FORBIDDEN');
    // The partnership administrator holds the administration agency's keys, not the police's.
    const admin = await people.admin();
    expect((await portal.ok(KEYS, {}, admin)).apiKeys).toEqual([]);
    expect(codeOf(await portal.gql(REVOKE_KEY, { id: apiKey.id }, admin))).toBe('NOT_FOUND');
    expect((await keyRow(apiKey.id)).revoked_at).toBeNull();
    expect((await portal.ok(ME, {}, key)).me.agency.id).toBe(police);
  });

  it('notes a key’s last use at most once a minute', async () => {
    const { key, apiKey } = await createKey(policeManager);
    await portal.ok(ME, {}, key);
    const first = (await keyRow(apiKey.id)).last_used_at as Date;
    expect(Date.now() - first.getTime()).toBeLessThan(10_000);
    await portal.db.query(`UPDATE api_keys SET last_used_at = now() - interval '30 seconds' WHERE id = $1`, [
      apiKey.id,
    ]);
    const recent = (await keyRow(apiKey.id)).last_used_at as Date;
    await portal.ok(ME, {}, key);
    await portal.ok(ME, {}, key);
    expect((await keyRow(apiKey.id)).last_used_at).toEqual(recent);
    await portal.db.query(`UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [apiKey.id]);
    await portal.ok(ME, {}, key);
    expect(Date.now() - ((await keyRow(apiKey.id)).last_used_at as Date).getTime()).toBeLessThan(10_000);
    const listed = (await portal.ok(KEYS, {}, policeManager.token)).apiKeys.find((k: any) => k.id === apiKey.id);
    expect(listed.lastUsedAt).toEqual(expect.any(String));
  });

  it('limits each key to API_KEY_REQUESTS_PER_MINUTE: TOO_MANY_REQUESTS (429) with retryAfterSeconds', async () => {
    const { key } = await createKey(policeManager);
    const other = await createKey(policeManager);
    const send = () =>
      fetch(`${portal.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: ME }),
      });
    // A minute's worth at once is served (a little more, refilled while they ran), then the key is held up.
    let served = 0;
    let res = await send();
    while (res.status === 200 && served < PER_MINUTE * 2) {
      served++;
      res = await send();
    }
    expect(served).toBeGreaterThanOrEqual(PER_MINUTE);
    expect(served).toBeLessThan(PER_MINUTE * 1.5);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
    });
    expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(body.data).toBeUndefined();
    // A subscription started with the key is counted too, and refused alike.
    const feed = live(key).subscribe(ALERTS);
    for (let i = 0; i < 50 && feed.errors.length === 0; i++) await sleep(20);
    // graphql-ws hands an `error` message's errors over as one array.
    expect(feed.errors.flat()[0]).toMatchObject({
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) },
    });
    // Per key: the agency's other key is not held up.
    expect((await portal.ok(ME, {}, other.key)).me.agency.id).toBe(police);
  });

  it('never shows a key again after creating it: not in any table, log or answer', async () => {
    expect(secrets.length).toBeGreaterThan(5);
    const dump = await portal.db.query(
      `SELECT (SELECT json_agg(k) FROM api_keys k)::text AS keys, (SELECT json_agg(e) FROM admin_events e)::text AS admin,
              (SELECT json_agg(a) FROM audit_events a)::text AS audit, (SELECT json_agg(u) FROM users u)::text AS users`,
    );
    const answers = JSON.stringify([
      await portal.ok(KEYS, {}, policeManager.token),
      await portal.ok(LOG, {}, policeManager.token),
      await portal.ok(LOG, {}, await people.admin()),
    ]);
    for (const key of secrets) {
      const secret = key.split('_').slice(2).join('_');
      expect(JSON.stringify(dump.rows[0])).not.toContain(secret);
      expect(answers).not.toContain(secret);
    }
  });
});
