import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { LiveConnections } from '#libs/live';
import { AlertScheduler } from '#libs/alerts';
import { codeOf, TestPortal } from './harness.js';
import { ALERTS, LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

const SECRET = 'the-current-token-secret-of-at-least-32-characters';
const PREVIOUS = 'the-previous-token-secret-of-at-least-32-characters';
// The sweep is a minute away: whatever closes within a few seconds was closed by the announcement, not by it.
const ENV = { TOKEN_SECRET: SECRET, SESSION_SWEEP_SECONDS: '60', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' };

const ME = `{ me { id } }`;
const SIGN_OUT = `mutation { signOut }`;
const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere }`;
const END_SESSIONS = `mutation($id: ID!) { endSessionsOfUser(userId: $id) }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jti = (token: string) => decodeJwt(token).jti as string;
/** The close code if the socket closed within `ms`, else 'open'. */
const closedWithin = (client: LiveClient, ms: number) =>
  Promise.race([client.closed, sleep(ms).then(() => 'open' as const)]);

/**
 * Issue 14, finding 4, written as the attack: a token that has been signed out of, or left idle, or whose
 * user an administrator signed out, must stop working at once — over HTTP, on a download and on the socket,
 * on every instance — and a token the server did not issue must not work even with a valid signature.
 */
describe('sessions: signing out ends a token at once', () => {
  let portal: TestPortal;
  let second: TestPortal;
  let people: Partnership;
  let landlord: string;
  let officer: Persona;
  let manager: Persona;
  const clients: LiveClient[] = [];

  const live = (token: string, on: TestPortal = portal) => {
    const client = LiveClient.connect(on, token);
    clients.push(client);
    client.subscribe(ALERTS);
    return client;
  };
  const download = (token: string) =>
    fetch(`${portal.url}/exports/cases/cases.csv`, { headers: { authorization: `Bearer ${token}` } });
  const session = async (token: string) =>
    (
      await portal.db.query(`SELECT ended_at, ended_reason, last_seen_at, address FROM sessions WHERE id = $1`, [
        jti(token),
      ])
    ).rows[0];

  beforeAll(async () => {
    portal = await TestPortal.start(ENV);
    // A second instance on the same database, as behind a load balancer.
    second = await portal.another(ENV);
    people = new Partnership(portal);
    landlord = await people.agency('Session Homes', 'LANDLORD');
    officer = await people.user(landlord, ['CASEWORKER'], 'officer');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await second.close().catch(() => undefined);
    await portal.close();
  });

  it('keeps a session per token, named by its jti and signed with a named key', async () => {
    const token = await portal.login(officer.email);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', kid: expect.any(String) });
    const row = await session(token);
    expect(row).toMatchObject({ ended_at: null, ended_reason: null, address: expect.any(String) });
    // With TOKEN_SECRET set, no key is kept in the application's tables.
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM app_settings WHERE key = 'token_secret'`)).rows[0].n,
    ).toBe(0);
  });

  it('refuses a signed-out token over HTTP and on a download, and keeps the same user’s other token working', async () => {
    const token = await portal.login(officer.email);
    const other = await portal.login(officer.email);
    expect((await download(token)).status).toBe(200);
    expect(await portal.ok(SIGN_OUT, {}, token)).toEqual({ signOut: true });
    expect(codeOf(await portal.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await portal.gql(SIGN_OUT, {}, token))).toBe('UNAUTHENTICATED');
    expect((await download(token)).status).toBe(401);
    expect(await session(token)).toMatchObject({ ended_at: expect.any(Date), ended_reason: 'SIGNED_OUT' });
    // Only the presented token ended.
    expect((await portal.ok(ME, {}, other)).me.id).toBe(officer.id);
    expect((await download(other)).status).toBe(200);
    expect(await session(other)).toMatchObject({ ended_at: null });
  });

  it('closes the signed-out token’s sockets with 4403 at once, on every instance, and leaves the other token’s open', async () => {
    const token = await portal.login(officer.email);
    const other = await portal.login(officer.email);
    const here = live(token);
    const there = live(token, second);
    const kept = live(other, second);
    await sleep(300);
    const started = Date.now();
    await portal.ok(SIGN_OUT, {}, token);
    expect(await here.closed).toBe(4403);
    expect(await there.closed).toBe(4403);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await closedWithin(kept, 500)).toBe('open');
    // A new socket with the ended token is refused before any subscription.
    expect(await live(token).closed).toBe(4403);
  });

  it('signs a user out everywhere: every token and socket of theirs, and nobody else’s', async () => {
    const tokens = [
      await portal.login(manager.email),
      await portal.login(manager.email),
      await portal.login(manager.email),
    ];
    const socket = live(tokens[1], second);
    const bystander = await portal.login(officer.email);
    await sleep(300);
    expect(await portal.ok(SIGN_OUT_EVERYWHERE, {}, tokens[0])).toEqual({ signOutEverywhere: 4 }); // and the one Partnership signed in with
    expect(await socket.closed).toBe(4403);
    for (const token of [...tokens, manager.token]) {
      expect(codeOf(await portal.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
      expect(await session(token)).toMatchObject({ ended_reason: 'SIGNED_OUT_EVERYWHERE' });
    }
    expect((await portal.ok(ME, {}, bystander)).me.id).toBe(officer.id);
  });

  it('lets an administrator end another user’s sessions, recorded in the administration log; nobody else may', async () => {
    const target = await people.user(landlord, ['CASEWORKER'], 'lost-laptop');
    const spare = await portal.login(target.email);
    const socket = live(spare);
    const colleague = await people.user(landlord, ['MANAGER'], 'colleague');
    await sleep(300);
    const refused = await portal.gql(END_SESSIONS, { id: target.id }, colleague.token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(END_SESSIONS, { id: target.id }, target.token))).toBe('FORBIDDEN');
    expect((await portal.ok(ME, {}, target.token)).me.id).toBe(target.id);

    const admin = await people.admin();
    expect(await portal.ok(END_SESSIONS, { id: target.id }, admin)).toEqual({ endSessionsOfUser: 2 });
    expect(await socket.closed).toBe(4403);
    for (const token of [target.token, spare]) {
      expect(codeOf(await portal.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
      expect(await session(token)).toMatchObject({ ended_reason: 'ENDED_BY_ADMINISTRATOR' });
    }
    const adminId = decodeJwt(admin).sub;
    const { rows } = await portal.db.query(
      `SELECT actor_id, agency_id, detail FROM admin_events WHERE action = 'SESSIONS_ENDED' AND user_id = $1`,
      [target.id],
    );
    expect(rows).toEqual([
      { actor_id: adminId, agency_id: landlord, detail: expect.objectContaining({ sessionsEnded: 2 }) },
    ]);
    const log = await portal.ok(
      `{ administrationLog(first: 1) { edges { node { action detail user { id } } } } }`,
      {},
      admin,
    );
    expect(log.administrationLog.edges[0].node).toMatchObject({
      action: 'SESSIONS_ENDED',
      user: { id: target.id },
      detail: expect.stringContaining('2 sessions ended'),
    });
    // Not oneself (signOutEverywhere is for that), and not a user who does not exist.
    expect(codeOf(await portal.gql(END_SESSIONS, { id: adminId }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await portal.gql(END_SESSIONS, { id: randomUUID() }, admin))).toBe('NOT_FOUND');
    // The user may sign in again.
    expect((await portal.ok(ME, {}, await portal.login(target.email))).me.id).toBe(target.id);
  });

  it('ends a deactivated user’s sessions with the deactivation', async () => {
    const leaver = await people.user(landlord, ['CASEWORKER'], 'leaver');
    await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: leaver.id }, await people.admin());
    expect(await session(leaver.token)).toMatchObject({ ended_at: expect.any(Date), ended_reason: 'USER_DEACTIVATED' });
  });

  it('refuses a session left idle past SESSION_IDLE_MINUTES, and notes use at most once a minute', async () => {
    const token = await portal.login(officer.email);
    // Used 30 seconds ago: a request writes nothing.
    await portal.db.query(`UPDATE sessions SET last_seen_at = now() - interval '30 seconds' WHERE id = $1`, [
      jti(token),
    ]);
    const recent = (await session(token)).last_seen_at;
    await portal.ok(ME, {}, token);
    expect((await session(token)).last_seen_at).toEqual(recent);
    // Used 29 minutes ago: still open, and this use is noted.
    await portal.db.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1`, [
      jti(token),
    ]);
    await portal.ok(ME, {}, token);
    expect(Date.now() - (await session(token)).last_seen_at.getTime()).toBeLessThan(10_000);
    // Unused for 31 minutes: refused over HTTP and on a download, and recorded as ended.
    await portal.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [
      jti(token),
    ]);
    expect(codeOf(await portal.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect((await download(token)).status).toBe(401);
    expect(await session(token)).toMatchObject({ ended_reason: 'IDLE' });
    // Ended, it stays ended: fresh use does not bring it back.
    await portal.db.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [jti(token)]);
    expect(codeOf(await portal.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('counts a socket with a live subscription as use, and closes an idle session’s socket at the sweep', async () => {
    const watching = await portal.login(officer.email);
    const idle = await portal.login(officer.email);
    const open = live(watching);
    const bare = LiveClient.connect(portal, idle); // connected, but subscribed to nothing
    clients.push(bare);
    await sleep(300);
    await portal.db.query(`UPDATE sessions SET last_seen_at = now() - interval '20 minutes' WHERE id = $1`, [
      jti(watching),
    ]);
    await portal.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [
      jti(idle),
    ]);
    await portal.app.get(LiveConnections).sweep();
    expect(await bare.closed).toBe(4403);
    expect(await closedWithin(open, 300)).toBe('open');
    expect(Date.now() - (await session(watching)).last_seen_at.getTime()).toBeLessThan(10_000);
    expect((await portal.ok(ME, {}, watching)).me.id).toBe(officer.id);
  });

  it('refuses a forged token with a valid signature whose jti the server never issued, or that names someone else', async () => {
    const real = await portal.login(officer.email);
    const { kid } = decodeProtectedHeader(real);
    const forge = (claims: { sub: string; jti?: string }) => {
      const jwt = new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', kid })
        .setSubject(claims.sub)
        .setIssuedAt()
        .setExpirationTime('1h');
      if (claims.jti) jwt.setJti(claims.jti);
      return jwt.sign(new TextEncoder().encode(SECRET));
    };
    for (const forged of [
      await forge({ sub: officer.id, jti: randomUUID() }),
      await forge({ sub: officer.id }),
      await forge({ sub: manager.id, jti: jti(real) }),
    ]) {
      expect(codeOf(await portal.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
      expect((await download(forged)).status).toBe(401);
      expect(await LiveClient.connect(portal, forged).closed).toBe(4403);
    }
    // A jti that is not even an id is refused the same way, not with a database error.
    expect(codeOf(await portal.gql(ME, {}, await forge({ sub: officer.id, jti: "x'; DROP TABLE sessions; --" })))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('prunes session rows a token lifetime after their token expired, and keeps the rest', async () => {
    const [{ id: old }] = (
      await portal.db.query(
        `INSERT INTO sessions (id, user_id, issued_at, expires_at, last_seen_at, ended_at, ended_reason, address)
         VALUES (gen_random_uuid(), $1, now() - interval '17 hours', now() - interval '9 hours', now() - interval '17 hours', now() - interval '17 hours', 'SIGNED_OUT', 'test') RETURNING id`,
        [officer.id],
      )
    ).rows;
    const recent = await portal.login(officer.email);
    await portal.ok(SIGN_OUT, {}, recent);
    await portal.app.get(AlertScheduler).runOnce();
    const { rows } = await portal.db.query(`SELECT id FROM sessions WHERE id = ANY($1::uuid[])`, [[old, jti(recent)]]);
    expect(rows).toEqual([{ id: jti(recent) }]);
  });
});

/** Issue 14, finding 4: the signing key rotates without signing everyone out, and only known keys verify. */
describe('sessions: rotating the signing key', () => {
  let before: TestPortal;
  let officer: Persona;

  beforeAll(async () => {
    before = await TestPortal.start({ TOKEN_SECRET: PREVIOUS });
    const people = new Partnership(before);
    officer = await people.user(await people.agency('Rotation Homes', 'LANDLORD'));
  });
  afterAll(() => before.close());

  it('accepts a token signed with TOKEN_SECRET_PREVIOUS, signs new ones with TOKEN_SECRET, and refuses any other key', async () => {
    // A key generated while TOKEN_SECRET was unset does not stay in the tables once it is set.
    await before.db.query(
      `INSERT INTO app_settings (key, value) VALUES ('token_secret', 'a-key-generated-before-TOKEN_SECRET-was-set')`,
    );
    const rotated = await before.another({ TOKEN_SECRET: SECRET, TOKEN_SECRET_PREVIOUS: PREVIOUS });
    expect(
      (await before.db.query(`SELECT count(*)::int AS n FROM app_settings WHERE key = 'token_secret'`)).rows[0].n,
    ).toBe(0);
    const forgotten = await before.another({ TOKEN_SECRET: SECRET });
    try {
      expect((await rotated.ok(ME, {}, officer.token)).me.id).toBe(officer.id);
      const fresh = await rotated.login(officer.email);
      expect(decodeProtectedHeader(fresh).kid).not.toBe(decodeProtectedHeader(officer.token).kid);
      expect((await forgotten.ok(ME, {}, fresh)).me.id).toBe(officer.id);
      // Once the previous key is dropped, its tokens stop; and a key the portal never held is refused.
      expect(codeOf(await forgotten.gql(ME, {}, officer.token))).toBe('UNAUTHENTICATED');
      const { kid } = decodeProtectedHeader(fresh);
      const stranger = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', kid })
        .setSubject(officer.id)
        .setJti(jti(fresh))
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('a-key-this-portal-never-held-of-40-chars'));
      expect(codeOf(await rotated.gql(ME, {}, stranger))).toBe('UNAUTHENTICATED');
      expect(await LiveClient.connect(rotated, stranger).closed).toBe(4403);
    } finally {
      await rotated.close();
      await forgotten.close();
    }
  }, 60_000);
});
