import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type DocumentNode,
  getNamedType,
  getNullableType,
  type GraphQLObjectType,
  isCompositeType,
  isListType,
  print,
  validate,
} from 'graphql';
import request from 'supertest';
import WebSocket, { type RawData } from 'ws';
import * as portalOperations from '../apps/portal/src/gql/graphql.js';
import { parseWithTokenLimit, QUERY_LIMITS, type QueryLimits, queryLimitRules } from '../apps/api/src/query-limits.js';
import { codeOf, TestPortal } from './harness.js';
import { ALERTS, LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

/** A frame as ws hands it over: one Buffer, unless the socket's binaryType asks for another shape. */
const textOf = (data: RawData): string =>
  (Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data).toString();

/**
 * Issue 14, finding 1, written as the attack: a burst of failed sign-ins used to take every pooled connection
 * and then wait for a second one each, so nothing was ever released and the whole service stopped. The pool is
 * small here so that the burst is many times its size.
 */
describe('a burst of failed sign-ins does not stop the service', () => {
  let portal: TestPortal;
  let officer: Persona;

  beforeAll(async () => {
    portal = await TestPortal.start({
      DATABASE_POOL_MAX: '4',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000',
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '1000',
    });
    officer = await new Partnership(portal).user(await new Partnership(portal).agency('Burst Homes', 'LANDLORD'));
  });
  afterAll(() => portal.close());

  it('answers sixty wrong passwords at once, records every failure, and stays healthy for the next person', async () => {
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures`)).rows[0].n;
    const attempts = Array.from({ length: 60 }, (_, i) =>
      portal.gql(`mutation($e: String!) { login(email: $e, password: "wrong-password-${i}") { accessToken } }`, {
        e: i % 2 ? officer.email : `nobody-${i}@example.org`,
      }),
    );
    const results = await Promise.all(attempts);
    expect(results.map(codeOf)).toEqual(Array(60).fill('UNAUTHENTICATED'));
    // Each one a wrong password, none held back by the throttle (its limits are far above sixty here).
    expect(results.map((r) => r.errors?.[0]?.message)).toEqual(Array(60).fill('Wrong email or password'));
    // Recorded although every answer was an error: the throttle counts them.
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures`)).rows[0].n).toBe(before + 60);
    const health = await request(portal.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(await portal.login(officer.email)).toEqual(expect.any(String));
    // And the pool is whole again: nothing is left checked out.
    const idle = (
      await portal.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'partnership-portal' AND state = 'idle in transaction'`,
      )
    ).rows[0].n;
    expect(idle).toBe(0);
  }, 60_000);
});

/** Issue 14, finding 2 in part: the schema is not handed to outsiders, on either transport. */
describe('introspection and schema hints only in development', () => {
  let portal: TestPortal;
  let officer: Persona;

  beforeAll(async () => {
    portal = await TestPortal.start();
    officer = await new Partnership(portal).user(await new Partnership(portal).agency('Hint Homes', 'LANDLORD'));
  });
  afterAll(() => portal.close());

  it('refuses introspection over HTTP, signed in or not, with no data', async () => {
    for (const token of [undefined, officer.token]) {
      const result = await portal.gql(`{ __schema { types { name } } }`, {}, token);
      expect(result.data).toBeUndefined();
      expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(result)).not.toContain('Case');
    }
    const typed = await portal.gql(`{ __type(name: "Case") { fields { name } } }`, {}, officer.token);
    expect(codeOf(typed)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typed)).not.toContain('policeIntelligence');
  });

  it('gives no "Did you mean" over HTTP or the socket, and the socket’s refusals carry the HTTP codes', async () => {
    const http = await portal.gql(`{ cases { totalCont } }`, {}, officer.token);
    expect(codeOf(http)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(http)).not.toContain('Did you mean');
    const live = LiveClient.connect(portal, officer.token);
    const misspelt = live.subscribe(`subscription { caseAlert { id } }`);
    const broken = live.subscribe(`subscription { caseAlerts { id `);
    await new Promise((r) => setTimeout(r, 400));
    expect(misspelt.errors[0]).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
    expect(JSON.stringify(misspelt.errors)).not.toContain('Did you mean');
    expect(broken.errors[0]).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
    // A broken document costs that subscription, not the socket.
    const still = live.subscribe(`subscription { caseAlerts { id } }`);
    await new Promise((r) => setTimeout(r, 200));
    expect(still.errors).toEqual([]);
    await live.close();
  });
});

/** Issue 14, finding 3 in part, and the contract's socket limits: what a socket may send before and after signing in. */
describe('the WebSocket’s limits', () => {
  let portal: TestPortal;
  let officer: Persona;

  /**
   * A raw graphql-transport-ws socket, for messages no well-behaved client sends: `send` runs when it opens,
   * `acked` once the server acknowledges a `connection_init`. Resolves with the close code and reason.
   */
  const rawClose = (send: (socket: WebSocket) => void, acked: (socket: WebSocket) => void = () => undefined) =>
    new Promise<{ code: number; reason: string }>((resolve) => {
      const socket = new WebSocket(portal.wsUrl, 'graphql-transport-ws');
      socket.on('open', () => send(socket));
      socket.on('message', (data) => JSON.parse(textOf(data)).type === 'connection_ack' && acked(socket));
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
      socket.on('error', () => undefined);
    });
  const raw = async (send: (socket: WebSocket) => void, acked?: (socket: WebSocket) => void) =>
    (await rawClose(send, acked)).code;
  const init = (token: string) =>
    JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    portal = await TestPortal.start({ SOCKET_INIT_TIMEOUT_SECONDS: '1' });
    officer = await new Partnership(portal).user(await new Partnership(portal).agency('Socket Homes', 'LANDLORD'));
  });
  afterAll(() => portal.close());

  it('closes a socket that sends an oversized message, before any sign-in (1009), without logging it as an internal error', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const code = await raw((socket) =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(100 * 1024) } })),
      );
      expect(code).toBe(1009);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
  });

  it('closes a socket that initialises twice (4429) or not within SOCKET_INIT_TIMEOUT_SECONDS (4408)', async () => {
    expect(await raw((socket) => (socket.send(init(officer.token)), socket.send(init(officer.token))))).toBe(4429);
    const opened = Date.now();
    expect(await rawClose(() => undefined)).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
    // Configured to one second here (three by default).
    expect(Date.now() - opened).toBeLessThan(2_500);
  }, 15_000);

  it('closes a socket that sends a message the protocol does not know (4400) or a bad token (4403)', async () => {
    expect(await raw((socket) => socket.send('{"type":"connection_init"'))).toBe(4400);
    expect(await raw((socket) => socket.send(JSON.stringify({ type: 'shout', payload: {} })))).toBe(4400);
    expect(await rawClose((socket) => socket.send(init(`${officer.token}x`)))).toEqual({
      code: 4403,
      reason: 'Forbidden',
    });
  });

  it('closes a socket that starts two subscriptions with one id (4409)', async () => {
    const subscribe = JSON.stringify({
      id: 'same',
      type: 'subscribe',
      payload: { query: 'subscription { caseAlerts { id } }' },
    });
    const closed = await rawClose(
      (socket) => socket.send(init(officer.token)),
      (socket) => (socket.send(subscribe), socket.send(subscribe)),
    );
    expect(closed).toEqual({ code: 4409, reason: 'Subscriber for same already exists' });
  });

  it('refuses a subscription whose document is over the token limit, with an error and no data', async () => {
    const live = LiveClient.connect(portal, officer.token);
    const feed = live.subscribe(`subscription { caseAlerts { ${'id '.repeat(QUERY_LIMITS.tokens)} } }`);
    await new Promise((r) => setTimeout(r, 400));
    expect(feed.errors[0]).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
    expect(feed.events).toEqual([]);
    await live.close();
  });

  it('refuses a subscription past the cap on one socket with an error, and keeps the others', async () => {
    const live = LiveClient.connect(portal, officer.token);
    const feeds = Array.from({ length: 21 }, () => live.subscribe(`subscription { caseAlerts { id } }`));
    await new Promise((r) => setTimeout(r, 600));
    expect(feeds.slice(0, 20).flatMap((f) => f.errors)).toEqual([]);
    expect(feeds[20].errors[0]).toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_REQUESTS' } })]);
    // The cap is on subscriptions held at once: completing one makes room for another.
    feeds[0].stop();
    await new Promise((r) => setTimeout(r, 200));
    const another = live.subscribe(`subscription { caseAlerts { id } }`);
    await new Promise((r) => setTimeout(r, 300));
    expect(another.errors).toEqual([]);
    await live.close();
  });
});

/** Issue 14, finding 3: what one user may hold open and replay, whatever sockets they spread it over. */
describe('sockets per user and replays', () => {
  let portal: TestPortal;
  let officer: Persona;
  let colleague: Persona;

  const closeOf = (socket: WebSocket) =>
    new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
  /** A signed-in socket, resolved once the server has acknowledged it (or with the close, if it refuses). */
  const connect = (token: string) =>
    new Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }>((resolve) => {
      const socket = new WebSocket(portal.wsUrl, 'graphql-transport-ws');
      const closed = closeOf(socket);
      socket.on('error', () => undefined);
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
      );
      socket.on('message', (data) => JSON.parse(textOf(data)).type === 'connection_ack' && resolve({ socket, closed }));
      void closed.then(() => resolve({ socket, closed }));
    });

  beforeAll(async () => {
    portal = await TestPortal.start({ MAX_SOCKETS_PER_USER: '3', ALERT_REPLAYS_PER_MINUTE: '2' });
    const partnership = new Partnership(portal);
    const agency = await partnership.agency('Many Sockets Homes', 'LANDLORD');
    officer = await partnership.user(agency);
    colleague = await partnership.user(agency);
  });
  afterAll(() => portal.close());

  it('refuses a user’s socket past MAX_SOCKETS_PER_USER at connection_init, saying why, and no one else’s', async () => {
    const open = await Promise.all([1, 2, 3].map(() => connect(officer.token)));
    expect(open.map((s) => s.socket.readyState)).toEqual([WebSocket.OPEN, WebSocket.OPEN, WebSocket.OPEN]);
    const fourth = await connect(officer.token);
    expect(await fourth.closed).toEqual({ code: 4403, reason: 'Too many open connections for this user' });
    // The cap is per user: a colleague from the same agency and address still connects.
    const other = await connect(colleague.token);
    expect(other.socket.readyState).toBe(WebSocket.OPEN);
    // And on sockets held at once: closing one makes room.
    open[0].socket.close();
    await open[0].closed;
    await new Promise((r) => setTimeout(r, 100));
    const again = await connect(officer.token);
    expect(again.socket.readyState).toBe(WebSocket.OPEN);
    for (const s of [...open.slice(1), other, again]) s.socket.close();
    await Promise.all([...open.slice(1), other, again].map((s) => s.closed));
  });

  it('refuses a replay past ALERT_REPLAYS_PER_MINUTE with an error that says the wait, and still serves live alerts', async () => {
    const live = LiveClient.connect(portal, officer.token);
    // Literal, through a variable, and through a variable's default: each asks for a replay.
    const first = live.subscribe(ALERTS, { since: '0' });
    const second = live.subscribe(`subscription { caseAlerts(since: "0") { id } }`);
    const third = live.subscribe(`subscription($s: String = "0") { caseAlerts(since: $s) { id } }`);
    await new Promise((r) => setTimeout(r, 400));
    expect([...first.errors, ...second.errors]).toEqual([]);
    expect(third.errors[0]).toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_REQUESTS' } })]);
    expect(third.errors[0][0].message).toMatch(/try again in \d+ s/);
    // Another socket of the same user is the same user.
    const other = LiveClient.connect(portal, officer.token);
    const fourth = other.subscribe(ALERTS, { since: '0' });
    // A live subscription, or `since: null`, is no replay.
    const liveOnly = other.subscribe(ALERTS, { since: null });
    await new Promise((r) => setTimeout(r, 400));
    expect(fourth.errors[0]).toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_REQUESTS' } })]);
    expect(liveOnly.errors).toEqual([]);
    // Someone else's replays are their own.
    const colleagues = LiveClient.connect(portal, colleague.token);
    const theirs = colleagues.subscribe(ALERTS, { since: '0' });
    await new Promise((r) => setTimeout(r, 400));
    expect(theirs.errors).toEqual([]);
    await Promise.all([live.close(), other.close(), colleagues.close()]);
  });
});

/** Issue 14, finding 7: headers on every response, and a cross-site form cannot drive the API. */
describe('headers and cross-site requests', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await TestPortal.start();
  });
  afterAll(() => portal.close());

  it('answers /graphql uncached, unsniffed and without saying what serves it', async () => {
    const res = await request(portal.app.getHttpServer())
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('serves the web app with a same-origin policy: no WebSocket to another host', async () => {
    const res = await request(portal.app.getHttpServer()).get('/cases');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/ws:|wss:/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a simple cross-site form POST to /graphql, unexecuted', async () => {
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures`)).rows[0].n;
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await request(portal.app.getHttpServer())
        .post('/graphql')
        .set('Content-Type', type)
        .send('query=mutation { login(email: "victim@example.org", password: "guess") { accessToken } }');
      expect(res.status).toBe(400);
    }
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures`)).rows[0].n).toBe(before);
  });
});

/** Issue 14, finding 2: a document's size is limited before anything runs, on both transports. */
describe('depth, alias and cost limits', () => {
  let portal: TestPortal;
  let officer: Persona;

  beforeAll(async () => {
    portal = await TestPortal.start();
    officer = await new Partnership(portal).user(await new Partnership(portal).agency('Limit Homes', 'LANDLORD'));
  });
  afterAll(() => portal.close());

  it('refuses a query nested 15 deep through incidents and their case, with QUERY_TOO_COMPLEX and no data', async () => {
    let selection = 'id';
    for (let i = 0; i < 7; i++) selection = `incidents { case { ${selection} } }`;
    const result = await portal.gql(`{ cases(first: 1) { edges { node { ${selection} } } } }`, {}, officer.token);
    expect(result.data).toBeUndefined();
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses 200 aliased case lists, signed in or not, before running any', async () => {
    const aliased = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: cases(first: 100) { totalCount }`).join(' ')} }`;
    for (const token of [undefined, officer.token]) {
      const result = await portal.gql(aliased, {}, token);
      expect(result.data).toBeUndefined();
      expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    }
  });

  it('refuses a document over the token limit before parsing it all, signed in or not, with QUERY_TOO_COMPLEX and no data', async () => {
    const long = `{ me { ${'id '.repeat(QUERY_LIMITS.tokens)} } }`;
    for (const token of [undefined, officer.token]) {
      const result = await portal.gql(long, {}, token);
      expect(result.data).toBeUndefined();
      expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
      expect(result.errors?.[0].message).toBe(`Token limit of ${QUERY_LIMITS.tokens} exceeded.`);
    }
    // A syntax error within the limit is still just that.
    expect(codeOf(await portal.gql(`{ me { id `, {}, officer.token))).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses lists nested in lists (every case’s incidents’ cases’ incidents) before running, however `first` is given', async () => {
    const nested = `cases(first: 100) { edges { node { id incidents { id case { id incidents { id } } } } } }`;
    const attacks: [string, Record<string, unknown>][] = [
      [`{ ${nested} }`, {}],
      [`query($n: Int) { ${nested.replace('first: 100', 'first: $n')} }`, { n: 100 }],
      [
        `{ meetings { agenda { case { incidents { id } parties { id } actions { id } contacts { id } evidence { id } } } agencies { id } } cases { edges { node { parties { id } actions { id } } } } }`,
        {},
      ],
    ];
    for (const [query, variables] of attacks) {
      const result = await portal.gql(query, variables, officer.token);
      expect(result.data).toBeUndefined();
      expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
      expect(result.errors?.[0].message).toMatch(/objects, more than the limit of 35000/);
    }
    // Over HTTP a `first` given by a variable counts as its value: the same document for a small page runs.
    const small = await portal.gql(
      `query($n: Int) { ${nested.replace('first: 100', 'first: $n')} }`,
      { n: 5 },
      officer.token,
    );
    expect(small.errors).toBeUndefined();
    // One level of nested lists over a page is what a partner's system asks for, and runs.
    const fine = await portal.gql(
      `{ cases(first: 100) { edges { node { id incidents { id } parties { id } } } } }`,
      {},
      officer.token,
    );
    expect(fine.errors).toBeUndefined();
  });

  it('lets a page of 100 cases with every list of a case through, and refuses it with a list inside each list', () => {
    const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    const caseType = schema.getType('Case') as GraphQLObjectType;
    const everything = Object.values(caseType.getFields())
      .filter(
        (field) =>
          isCompositeType(getNamedType(field.type)) &&
          field.args.every((arg) => !getNullableType(arg.type).toString().endsWith('!')),
      )
      .map((field) => `${field.name} { __typename }`)
      .join(' ');
    expect(
      Object.values(caseType.getFields()).filter((field) => isListType(getNullableType(field.type))).length,
    ).toBeGreaterThan(10);
    const page = (more = '') =>
      validate(
        schema,
        parseWithTokenLimit(`{ cases(first: 100) { edges { node { id ${everything} ${more} } } } }`),
        queryLimitRules(),
      );
    expect(page()).toEqual([]);
    expect(page(`actions { case { parties { id } } }`).map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses an over-deep subscription over the socket too', async () => {
    let selection = 'id';
    for (let i = 0; i < 7; i++) selection = `incidents { case { ${selection} } }`;
    const live = LiveClient.connect(portal, officer.token);
    const feed = live.subscribe(`subscription { caseAlerts { case { ${selection} } } }`);
    await new Promise((r) => setTimeout(r, 400));
    // Too deep, and too many lists within lists: each limit says so.
    expect(feed.errors[0].map((e: { extensions: unknown }) => e.extensions)).toEqual([
      { code: 'QUERY_TOO_COMPLEX' },
      { code: 'QUERY_TOO_COMPLEX' },
    ]);
    await live.close();
  });

  it('keeps every operation of the web app well inside the limits (a third tighter still passes)', () => {
    const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    const limits = Object.fromEntries(
      Object.entries(QUERY_LIMITS).map(([name, n]) => [name, Math.floor((n * 2) / 3)]),
    ) as QueryLimits;
    const tighter = queryLimitRules(limits);
    const operations = Object.entries(portalOperations).filter(
      ([, value]) => (value as { kind?: string })?.kind === 'Document',
    ) as [string, DocumentNode][];
    expect(operations.length).toBeGreaterThan(50);
    const refused = operations.flatMap(([name, document]) => {
      // The tokens as the portal sends them: the printed document, fragments included.
      try {
        parseWithTokenLimit(print(document), limits.tokens);
      } catch (error) {
        return [`${name}: ${(error as Error).message}`];
      }
      return validate(schema, document, tighter).map((e) => `${name}: ${e.message}`);
    });
    expect(refused).toEqual([]);
  });
});
