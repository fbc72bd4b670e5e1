/**
 * The live-alert benchmark: `node --expose-gc dist/bench/alerts.bench.js` (part of `npm run bench`).
 *
 * 5,000 subscribers (one graphql-ws socket each, in a child process: alert-subscribers.ts) across 50 agencies
 * and every casework role; the portal in this process, with the driver making 50 changes a second for 30
 * seconds over HTTP as the partnership's users. Measured:
 *   - latency from commit (PostgreSQL's commit timestamp of the change's transaction) to the subscriber's
 *     receipt, p50 / p95 / max; and from the HTTP response of the change, for comparison;
 *   - alerts delivered against expected, (subscriber, alert) pair by pair, and any delivery to a subscriber
 *     who may not see the alert, with the access shown checked against the agency's relation;
 *   - SQL statements the alert hub sends per alert (QueryCounter's 'alert-delivery'), in the same burst with
 *     500 and with 5,000 subscribers (counting is on in these bursts only: it follows every promise, so the
 *     timed phases run without it, as production does); and the extra statements of nested lists
 *     (`case { parties }`), with 500 more subscribers asking for them;
 *   - server heap per idle subscription (after gc: with all subscriptions open, minus before any);
 *   - server CPU per change that 1% of the subscribers may see against one that all may see;
 *   - with about 1,000 people on email and 20 webhook endpoints configured throughout (alert-outbound.ts): how far
 *     behind the email and webhook consumers fell, mail queued→sent, webhook lag from commit to the partner's
 *     receiver, how long the outboxes took to empty after the last change, and one daily digest pass for everyone.
 * Every receipt is checked against the contract, and the hub's reads are traced (its methods wrapped at run
 * time, nothing changed in the library) so a duplicate or a gap can be traced to its cause.
 * Prints a table and writes it into bench/results.json under the key `alerts` (other keys are kept).
 * Missing an aim is reported, not failed; errors exit non-zero. Everything is bounded in time.
 *
 * Phases, in order: warm-up (one subscriber per agency, then closed); baseline (the 1% burst's changes with
 * nobody subscribed); heap; 500 subscribers and a burst; 500 more with nested lists and the same burst;
 * 5,000 subscribers, heap, the same burst; the main run; the 1% burst; the all-subscribers burst.
 *
 * Environment (all optional): BENCH_DATABASE_URL (an empty database instead of a fresh embedded one; latency
 * is then measured from the HTTP response unless track_commit_timestamp is on), BENCH_ALERT_SUBSCRIBERS
 * (5000), BENCH_ALERT_AGENCIES (50), BENCH_ALERT_RATE (50 changes/s), BENCH_ALERT_SECONDS (30),
 * BENCH_ALERT_FEW_SUBSCRIBERS (500), BENCH_ALERT_SQL_SECONDS (5: each burst of the SQL comparison),
 * BENCH_ALERT_CPU_CHANGES (200: changes of the 1% burst and of the no-subscriber baseline),
 * BENCH_ALERT_CPU_WIDE_CHANGES (50: changes of the all-subscribers burst), BENCH_TIMEOUT_SECONDS (900), BENCH_PROFILE
 * (a file: a CPU profile of the main run), BENCH_PROFILE_PHASE (another phase to profile: baseline, wide…).
 */
import { machineFacts, runBenchmark, setting } from './lifecycle.js';
import { type ChildProcess, fork } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import type { INestApplication } from '@nestjs/common';
import { AlertHub } from '#libs/alert-feed';
import { AlertFollowers } from '#libs/alerts';
import { NotificationMailer } from '#libs/notifications';
import { LiveConnections } from '#libs/live';
import { loadConfig } from '#libs/config';
import { type EmbeddedDatabase, QueryCounter, startEmbeddedDatabase } from '#libs/db';
import { createPortal } from '../apps/api/src/portal.js';
import { addEmailUsers, BacklogSampler, outboundResults, registerWebhooks, WebhookReceiver } from './alert-outbound.js';
import { type AlertRecord, check, expectedCount, type Phase, type Relation, type Subscriber } from './alert-check.js';
import { AlertLoad, type ChangeKind, planChanges, type RunResult } from './alert-load.js';
import { type BenchUser, createPartnership, PASSWORD, random, SMALL_AGENCY_USERS } from './alert-partnership.js';
import type { CountResult, OpenResult, ProbeResult, Report, Request, SubscriberSpec } from './alert-subscribers.js';
import { GraphQLClient, LOGIN } from './graphql-client.js';
import { RESULTS_FILE, writeResults } from './results-file.js';
import { formatTable } from './stats.js';

const SUBSCRIBERS = setting('BENCH_ALERT_SUBSCRIBERS', 5000, 100);
const AGENCIES = setting('BENCH_ALERT_AGENCIES', 50, 3);
const RATE = setting('BENCH_ALERT_RATE', 50, 1);
const SECONDS = setting('BENCH_ALERT_SECONDS', 30, 1);
const FEW = Math.min(setting('BENCH_ALERT_FEW_SUBSCRIBERS', Math.round(SUBSCRIBERS / 10), 1), SUBSCRIBERS);
const SQL_SECONDS = setting('BENCH_ALERT_SQL_SECONDS', 5, 1);
const NARROW_CHANGES = setting('BENCH_ALERT_CPU_CHANGES', 200, 5);
const WIDE_CHANGES = setting('BENCH_ALERT_CPU_WIDE_CHANGES', 50, 5);
const TIMEOUT_SECONDS = setting('BENCH_TIMEOUT_SECONDS', 900, 10);
const WARMUP_CHANGES = 100;
const REGULAR_CASES = 300;
const NARROW_CASES = 20;
const CONNECT_CONCURRENCY = 50;
const SEED = 20260601;
/** The main run's mix: alerts to every holder (incident, risk, share) and to one agency (action). */
const MAIN_MIX: Partial<Record<ChangeKind, number>> = { INCIDENT: 0.45, RISK: 0.25, ACTION: 0.2, SHARE: 0.1 };
const BURST_MIX: Partial<Record<ChangeKind, number>> = { INCIDENT: 0.5, RISK: 0.3, ACTION: 0.2 };
const AIMS = { p95Ms: 500, heapKiB: 50, narrowOverWide: 0.1, sqlGrowth: 1.25 };

/** What each subscriber selects: the case through the hub's per-agency view, no nested lists. */
const SUBSCRIPTION = `subscription { caseAlerts { id kind caseId actionId occurredAt case { id reference riskLevel access redactedFields } } }`;
/** The variant with a nested list, resolved through loaders shared by the agency's executions. */
const SUBSCRIPTION_WITH_PARTIES = `subscription { caseAlerts { id kind caseId actionId occurredAt case { id reference riskLevel access redactedFields parties { fullName redactedFields } } } }`;

const here = dirname(fileURLToPath(import.meta.url));
const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const thousands = (n: number) => n.toLocaleString('en-GB');

/** Teardown steps, run once, newest first, whether the run succeeded, failed or was interrupted. */
const teardown: { label: string; run: () => unknown }[] = [];
let tornDown: Promise<void> | null = null;
function tearDown(): Promise<void> {
  tornDown ??= (async () => {
    for (const step of teardown.reverse()) {
      try {
        await Promise.race([step.run(), sleep(30_000).then(() => Promise.reject(new Error('timed out after 30 s')))]);
      } catch (error) {
        console.error(`bench: ${step.label} failed during teardown: ${String(error)}`);
      }
    }
  })();
  return tornDown;
}

/** A real gc() for heap readings: --expose-gc's, or the same function obtained at run time. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > until) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * With BENCH_PROFILE=<file>, a CPU profile of this process (the portal and the driver) over the main run
 * (or the phase named by BENCH_PROFILE_PHASE), for Chrome DevTools or any .cpuprofile reader.
 */
async function startProfile(phase: string): Promise<{ stop: () => Promise<void> }> {
  const file = process.env.BENCH_PROFILE?.trim();
  if (!file || phase !== (process.env.BENCH_PROFILE_PHASE?.trim() || 'main')) return { stop: () => Promise.resolve() };
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      log(`  CPU profile of the main run written to ${file}`);
    },
  };
}

/** The open-file limit of this process (the subscriber process inherits it): one descriptor per socket end. */
function openFileLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === undefined || soft === 'unlimited' ? null : Number(soft);
  } catch {
    return null;
  }
}

interface HubTrace {
  passes: number;
  reads: { after: number; count: number; first: number; last: number; at: number; ids: number[] }[];
  /** Alert id → how often the hub dispatched it live. */
  dispatched: Map<number, number>;
  maxConcurrentPasses: number;
}

/**
 * Wraps the hub's read and dispatch methods (the instance's, at run time; nothing in the library changes) to
 * see what it reads and dispatches: the evidence for any duplicate or missing delivery.
 */
function traceHub(hub: AlertHub): HubTrace {
  const trace: HubTrace = { passes: 0, reads: [], dispatched: new Map(), maxConcurrentPasses: 0 };
  const target = hub as unknown as Record<string, (...args: unknown[]) => unknown>;
  let running = 0;
  const drain = target.drain.bind(hub);
  target.drain = async () => {
    trace.passes++;
    trace.maxConcurrentPasses = Math.max(trace.maxConcurrentPasses, ++running);
    try {
      return await drain();
    } finally {
      running--;
    }
  };
  const alertsAfter = target.alertsAfter.bind(hub);
  target.alertsAfter = async (after: unknown, upTo: unknown) => {
    const rows = (await alertsAfter(after, upTo)) as { id: string }[];
    if (upTo === null) {
      const ids = rows.map((row) => Number(row.id));
      trace.reads.push({
        after: Number(after),
        count: rows.length,
        first: ids[0] ?? 0,
        last: ids.at(-1) ?? 0,
        at: performance.now(),
        ids,
      });
    }
    return rows;
  };
  const dispatch = target.dispatch.bind(hub);
  target.dispatch = (row: unknown, prepared: unknown, only: unknown) => {
    if (only === undefined) {
      const id = Number((row as { id: string }).id);
      trace.dispatched.set(id, (trace.dispatched.get(id) ?? 0) + 1);
    }
    return dispatch(row, prepared, only);
  };
  return trace;
}

type Command = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The subscriber process and its request/reply protocol. */
class SubscriberProcess {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  private exited = false;

  constructor() {
    this.child = fork(join(here, 'alert-subscribers.js'), [], {
      serialization: 'advanced',
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(`subscriber process: ${message.error}`));
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      for (const waiting of this.pending.values()) {
        clearTimeout(waiting.timer);
        waiting.reject(new Error(`the subscriber process exited (${signal ?? code})`));
      }
      this.pending.clear();
    });
  }

  ask<T>(command: Command, timeoutMs: number): Promise<T> {
    if (this.exited) return Promise.reject(new Error('the subscriber process has exited'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the subscriber process did not answer "${command.cmd}" within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.child.send({ ...command, id });
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    await this.ask({ cmd: 'exit' }, 20_000).catch(() => undefined);
    await Promise.race([gone, sleep(5000)]);
    if (!this.exited) {
      this.child.kill('SIGKILL');
      await Promise.race([gone, sleep(2000)]);
    }
  }
}

interface Usage {
  seconds: number;
  cpuMs: number;
  batches: number;
  alerts: number;
  deliveries: number;
  /** Statements the hub sent (QueryCounter background 'alert-delivery'). */
  hubStatements: number;
  /** Statements outside any HTTP request or hub pass: socket sign-ins, sweeps. */
  otherStatements: number;
  /** Subscriber executions: one per agency, role set and selection, shared by everyone in it. */
  executions: number;
}

interface PhaseResult {
  name: string;
  run: RunResult | null;
  alerts: number;
  expected: number;
  received: number;
  usage: Usage;
  waitedSeconds: number;
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const gc = collector();
  log(
    `Live alert benchmark: ${thousands(SUBSCRIBERS)} subscribers across ${AGENCIES} agencies, ${RATE} changes/s for ${SECONDS} s ` +
      `(1% burst ${NARROW_CHANGES} changes, all-subscribers burst ${WIDE_CHANGES})`,
  );
  const limit = openFileLimit();
  if (limit !== null && limit < SUBSCRIBERS + 1000) {
    throw new Error(
      `The open-file limit is ${limit}: each of the two processes needs one descriptor per socket (${SUBSCRIBERS}) plus some. ` +
        `Raise it (ulimit -n ${Math.max(65536, SUBSCRIBERS * 2)}) or set BENCH_ALERT_SUBSCRIBERS lower.`,
    );
  }

  // 1. A fresh database, with commit timestamps on so latency is measured from the commit itself.
  let databaseUrl = process.env.BENCH_DATABASE_URL?.trim() || null;
  const dataDir = mkdtempSync(join(os.tmpdir(), 'alerts-bench-'));
  chmodSync(dataDir, 0o755);
  teardown.push({
    label: 'removing the temporary directory',
    run: () => rmSync(dataDir, { recursive: true, force: true }),
  });
  if (!databaseUrl) {
    const started = performance.now();
    let database: EmbeddedDatabase = await startEmbeddedDatabase(join(dataDir, 'data'), log);
    const stopFirst = { label: 'stopping the embedded PostgreSQL', run: () => database.stop() };
    teardown.push(stopFirst);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('ALTER SYSTEM SET track_commit_timestamp = on');
    await admin.end();
    await database.stop();
    database = await startEmbeddedDatabase(join(dataDir, 'data'), log);
    databaseUrl = database.url;
    log(
      `Embedded PostgreSQL started (restarted with track_commit_timestamp = on) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } else {
    log('Using BENCH_DATABASE_URL');
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: 'alerts-bench' });
  // pool.end() resolves before its connections have closed; the database stopping right after must not crash us.
  pool.on('error', () => undefined);
  teardown.push({ label: 'closing the pg pool', run: () => pool.end() });
  const [{ server_version: postgresVersion, track_commit_timestamp: trackCommit }] = (
    await pool.query<{ server_version: string; track_commit_timestamp: string }>(
      `SELECT current_setting('server_version') AS server_version, current_setting('track_commit_timestamp') AS track_commit_timestamp`,
    )
  ).rows;
  const commitTimestamps = trackCommit === 'on';
  if (!commitTimestamps)
    log('track_commit_timestamp is off: latency is measured from the HTTP response of each change (after its commit).');

  // 2. The portal, migrated, on a local port. The scheduler's time-driven alerts stay out of the measurement.
  const config = loadConfig({
    SEED_DEMO: 'false',
    PORT: '0',
    DATA_DIR: join(dataDir, 'portal'),
    DATABASE_URL: databaseUrl,
    // The process runs with NODE_ENV=production (npm run bench); the configuration is loaded without it only because
    // production refuses WEBHOOK_ALLOW_PRIVATE_ADDRESSES, and the partners' receiver is on this machine.
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    ALERT_SCHEDULER_SECONDS: '3600',
    // The hub's SQL per alert is read from the statement counter.
    COUNT_SQL_STATEMENTS: 'true',
  });
  const app: INestApplication = await createPortal(config, databaseUrl, { logger: false });
  teardown.push({ label: 'closing the portal', run: () => app.close() });
  const counter = app.get(QueryCounter);
  const hub = app.get(AlertHub);
  const connections = app.get(LiveConnections);
  // Statements outside any HTTP request and outside the hub's own passes: the subscribers' executions.
  let otherStatements = 0;
  const scope = (counter as unknown as { scope: { getStore(): unknown } }).scope;
  const logQuery: (...args: unknown[]) => void = counter.logQuery.bind(counter);
  (counter as unknown as { logQuery: (...args: unknown[]) => void }).logQuery = (...args: unknown[]) => {
    if (scope.getStore() === undefined) otherStatements++;
    logQuery(...args);
  };

  // The hub's own reads, traced: any alert it dispatches twice, and whether two passes ever overlap.
  const hubTrace = traceHub(hub);

  // 3. The partnership.
  const planRand = random(SEED + 1);
  const mainPlan = planChanges(planRand, RATE * SECONDS, MAIN_MIX);
  const shareChanges = mainPlan.filter((kind) => kind === 'SHARE').length;
  const client = await pool.connect();
  const fillStarted = performance.now();
  const partnership = await createPartnership(client, {
    agencies: AGENCIES,
    regularCases: REGULAR_CASES,
    narrowCases: NARROW_CASES,
    shareCases: shareChanges,
    seed: SEED,
  }).finally(() => client.release());
  const { agencies, desk, admin } = partnership;
  const mailClient = await pool.connect();
  const emailUsers = await addEmailUsers(mailClient, agencies).finally(() => mailClient.release());
  const allUsers = [...agencies.flatMap((a) => a.users), desk, admin];
  log(
    `Partnership: ${agencies.length} agencies, ${allUsers.length} users, ${partnership.cases.length} cases ` +
      `(${REGULAR_CASES} regular with 0–3 shares, ${NARROW_CASES} narrow, 1 shared with every agency, ${shareChanges} to share during the run) ` +
      `in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`,
  );

  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const httpUrl = `http://127.0.0.1:${port}/graphql`;
  const wsUrl = `ws://127.0.0.1:${port}/graphql`;

  // 4. Everyone signs in through the login mutation (argon2, a few at a time).
  const signInStarted = performance.now();
  let nextUser = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (nextUser < allUsers.length) {
        const user: BenchUser = allUsers[nextUser++];
        const { login } = await new GraphQLClient(httpUrl).request<{ login: { accessToken: string } }>(LOGIN, {
          email: user.email,
          password: PASSWORD,
        });
        user.token = login.accessToken;
      }
    }),
  );
  log(
    `${allUsers.length} users signed in (login mutation) in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`,
  );

  // Partners' systems: webhooks to a receiver in this process; the consumers' backlog sampled from here on.
  const receiver = new WebhookReceiver();
  const receiverUrl = await receiver.start();
  teardown.push({ label: 'stopping the webhook receiver', run: () => receiver.stop() });
  const webhookEndpoints = await registerWebhooks(httpUrl, agencies, receiverUrl);
  log(`${thousands(emailUsers)} users on email (defaults), ${webhookEndpoints} webhook endpoints (every kind)`);
  const followers = app.get(AlertFollowers);
  const backlog = new BacklogSampler(followers);
  backlog.start();

  // 5. Who subscribes: 1% on the 1% agency's five users, the rest spread over the other agencies' users, in
  // rounds so that any prefix of the list (the "few" subscribers) spans every agency and role.
  const quota = new Map<BenchUser, number>();
  const smallShare = Math.max(SMALL_AGENCY_USERS, Math.round(SUBSCRIBERS / 100));
  const spread = (users: BenchUser[], total: number) =>
    users.forEach((user, i) => quota.set(user, Math.floor(total / users.length) + (i < total % users.length ? 1 : 0)));
  spread(agencies[0].users, smallShare);
  const otherUsers = agencies.slice(1).flatMap((a) => a.users);
  spread(otherUsers, SUBSCRIBERS - smallShare);
  const interleaved: BenchUser[] = [];
  for (let u = 0; u < Math.max(...agencies.map((a) => a.users.length)); u++)
    for (const agency of agencies) if (agency.users[u]) interleaved.push(agency.users[u]);
  const subscriberUsers: BenchUser[] = [];
  for (let r = 0; subscriberUsers.length < SUBSCRIBERS; r++)
    for (const user of interleaved) if (quota.get(user)! > r) subscriberUsers.push(user);
  // Beyond the measured subscribers: one warm-up subscriber per agency, and the nested-list variant's
  // subscribers (the same users as the first FEW), each with an index of its own.
  const warmupUsers = agencies.map((a) => a.users[0]);
  const partiesUsers = subscriberUsers.slice(0, FEW);
  const subscribing = [...subscriberUsers, ...warmupUsers, ...partiesUsers];
  const subscribers: Subscriber[] = subscribing.map((user) => ({
    userId: user.id,
    agencyId: agencies[user.agency].id,
  }));
  const spec = (index: number): SubscriberSpec => ({ index, token: subscribing[index].token });
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const warmupIndices = range(SUBSCRIBERS, SUBSCRIBERS + warmupUsers.length);
  const partiesIndices = range(SUBSCRIBERS + warmupUsers.length, subscribing.length);

  // 6. The subscriber process.
  const child = new SubscriberProcess();
  teardown.push({ label: 'stopping the subscriber process', run: () => child.stop() });
  const received = async () => (await child.ask<CountResult>({ cmd: 'count' }, 30_000)).received;
  const open = async (indices: number[], label: string, query = SUBSCRIPTION) => {
    const target = hub.subscriberCount + indices.length;
    const result = await child.ask<OpenResult>(
      { cmd: 'open', url: wsUrl, query, subscribers: indices.map(spec), concurrency: CONNECT_CONCURRENCY },
      300_000,
    );
    if (result.failed > 0)
      throw new Error(
        `${result.failed} of ${indices.length} subscribers could not connect; first: ${result.firstFailure}`,
      );
    await waitUntil(
      `${label}: ${target} subscriptions registered with the hub`,
      () => hub.subscriberCount >= target,
      120_000,
    );
    log(
      `${label}: ${thousands(indices.length)} sockets connected and subscribed in ${result.seconds.toFixed(1)} s (hub: ${thousands(hub.subscriberCount)}, sockets: ${thousands(connections.size)})`,
    );
  };

  const load = new AlertLoad(httpUrl, partnership, pool, random(SEED + 2));
  const phases: Phase[] = [];
  const maxAlertId = async () =>
    Number((await pool.query<{ max: string }>(`SELECT coalesce(max(id), 0)::text AS max FROM alerts`)).rows[0].max);
  const loadAlerts = async (fromId: number, toId: number): Promise<AlertRecord[]> =>
    (
      await pool.query<{
        id: number;
        kind: string;
        case_id: string | null;
        target_agency_id: string | null;
        actor_id: string | null;
        xid: string;
        commit_ms: number | null;
      }>(
        `SELECT id::float8 AS id, kind, case_id, target_agency_id, actor_id, xmin::text AS xid,
                ${commitTimestamps ? `extract(epoch FROM pg_xact_commit_timestamp(xmin))::float8 * 1000` : 'NULL::float8'} AS commit_ms
           FROM alerts WHERE id > $1 AND id <= $2 ORDER BY id`,
        [fromId, toId],
      )
    ).rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      caseId: row.case_id,
      targetAgencyId: row.target_agency_id,
      actorId: row.actor_id,
      xid: row.xid,
      commitMs: row.commit_ms,
    }));
  const loadHolders = async () => {
    const { rows } = await pool.query<{ id: string; owner_agency_id: string; shares: { a: string; x: Relation }[] }>(
      `SELECT c.id, c.owner_agency_id,
              coalesce(json_agg(json_build_object('a', s.agency_id, 'x', s.access)) FILTER (WHERE s.id IS NOT NULL), '[]') AS shares
         FROM cases c LEFT JOIN case_shares s ON s.case_id = c.id AND s.revoked_at IS NULL GROUP BY c.id`,
    );
    return new Map(
      rows.map((row) => [
        row.id,
        new Map<string, Relation>([
          [row.owner_agency_id, 'OWNER'],
          ...row.shares.map((s) => [s.a, s.x] as [string, Relation]),
        ]),
      ]),
    );
  };
  const snapshot = () => ({
    at: performance.now(),
    cpu: process.cpuUsage(),
    hub: { ...hub.stats },
    hubStatements: counter.background.get('alert-delivery') ?? 0,
    otherStatements,
  });
  const usageSince = (before: ReturnType<typeof snapshot>): Usage => {
    const now = snapshot();
    return {
      seconds: round((now.at - before.at) / 1000, 2),
      cpuMs: round((now.cpu.user - before.cpu.user + now.cpu.system - before.cpu.system) / 1000, 1),
      batches: now.hub.batches - before.hub.batches,
      alerts: now.hub.alerts - before.hub.alerts,
      deliveries: now.hub.deliveries - before.hub.deliveries,
      executions: now.hub.executions - before.hub.executions,
      hubStatements: now.hubStatements - before.hubStatements,
      otherStatements: now.otherStatements - before.otherStatements,
    };
  };

  /**
   * One phase: the changes, then waiting until every expected delivery has arrived (or nothing more arrives
   * for 20 s after the hub has read every alert), measuring the server's CPU and the hub's work meanwhile.
   */
  const phase = async (name: string, active: number[], work: () => Promise<RunResult | null>): Promise<PhaseResult> => {
    const fromId = await maxAlertId();
    const countBefore = await received();
    const before = snapshot();
    const profile = await startProfile(name);
    const run = await work();
    await profile.stop();
    const toId = await maxAlertId();
    const alerts = await loadAlerts(fromId, toId);
    const expected = expectedCount(alerts, await loadHolders(), subscribers, active);
    const waitStarted = performance.now();
    let last = -1;
    let lastProgress = performance.now();
    for (;;) {
      const got = (await received()) - countBefore;
      const hubDone = hub.stats.alerts - before.hub.alerts >= alerts.length;
      if (got >= expected && hubDone) break;
      if (got !== last) {
        last = got;
        lastProgress = performance.now();
      } else if (hubDone && performance.now() - lastProgress > 20_000) {
        log(
          `  ${name}: stopped waiting with ${thousands(got)} of ${thousands(expected)} deliveries (nothing new for 20 s)`,
        );
        break;
      }
      if (performance.now() - waitStarted > 300_000) {
        log(`  ${name}: stopped waiting after 300 s with ${thousands(got)} of ${thousands(expected)} deliveries`);
        break;
      }
      await sleep(50);
    }
    const waitedSeconds = (performance.now() - waitStarted) / 1000;
    await sleep(250); // the hub's last (empty) pass, if one was queued
    const usage = usageSince(before);
    const got = (await received()) - countBefore;
    phases.push({ name, fromId, toId, active });
    const result: PhaseResult = {
      name,
      run,
      alerts: alerts.length,
      expected,
      received: got,
      usage,
      waitedSeconds: round(waitedSeconds, 2),
    };
    log(
      `  ${name}: ${run ? `${run.ok}/${run.sent} changes in ${run.seconds.toFixed(1)} s, ` : ''}${thousands(alerts.length)} alerts, ` +
        `${thousands(got)}/${thousands(expected)} deliveries (${waitedSeconds.toFixed(1)} s after the last change), server CPU ${usage.cpuMs.toFixed(0)} ms, ` +
        `hub: ${usage.batches} batches, ${usage.hubStatements} statements`,
    );
    if (run?.failed) log(`  ${name}: ${run.failed} changes failed; first: ${run.firstError}`);
    return result;
  };
  const heap = async () => {
    for (let i = 0; i < 4; i++) {
      gc();
      await sleep(100);
    }
    return process.memoryUsage();
  };

  // 7. Warm-up: one subscriber per agency, a hundred changes, then closed. Also: an ADMIN-only user's attempt.
  log('Warm-up…');
  await open(warmupIndices, 'warm-up');
  const probe = await child.ask<ProbeResult>(
    { cmd: 'probe', url: wsUrl, query: SUBSCRIPTION, token: admin.token },
    20_000,
  );
  log(`  ADMIN-only user subscribing: ${probe.outcome} (${probe.detail})`);
  const warmup = await phase('warmup', warmupIndices, () =>
    load.run(planChanges(planRand, WARMUP_CHANGES, BURST_MIX), { phase: 'warmup', rate: RATE }),
  );
  await child.ask({ cmd: 'close', indices: warmupIndices }, 60_000);
  await waitUntil('the warm-up subscriptions to end', () => hub.subscriberCount === 0, 60_000);

  // 8. Baseline: the 1% burst's changes with nobody subscribed (the change itself, the hub's reads, the driver).
  // Statements are counted only in the SQL bursts: counting follows every promise, which costs CPU and latency.
  counter.setTracking(false);
  log('CPU baseline: changes with no subscriber connected…');
  const baseline = await phase('baseline', [], () =>
    load.run(Array<ChangeKind>(NARROW_CHANGES).fill('INCIDENT'), { phase: 'baseline', target: 'narrow', actor: desk }),
  );

  // 9. Heap before any subscription; then the few, the burst; then everyone, the same burst.
  const heapNone = await heap();
  log(`Heap with no subscription: ${(heapNone.heapUsed / 2 ** 20).toFixed(1)} MiB`);
  const few = range(0, FEW);
  await open(few, `${thousands(FEW)} subscribers`);
  await sleep(1000);
  const heapFew = await heap();
  const burstPlan = planChanges(planRand, RATE * SQL_SECONDS, BURST_MIX);
  counter.setTracking(true);
  log(`SQL burst with ${thousands(FEW)} subscribers…`);
  const sqlFew = await phase('sqlFew', few, () => load.run(burstPlan, { phase: 'sqlFew', rate: RATE }));
  // The same burst with as many subscribers again selecting `case { parties { … } }`: the statements of the
  // nested loaders, which the hub's executions share per agency.
  await open(partiesIndices, `${thousands(FEW)} subscribers with parties`, SUBSCRIPTION_WITH_PARTIES);
  log(`SQL burst with ${thousands(FEW)} + ${thousands(FEW)} subscribers (the second ${thousands(FEW)} with parties)…`);
  const sqlParties = await phase('sqlParties', [...few, ...partiesIndices], () =>
    load.run(burstPlan, { phase: 'sqlParties', rate: RATE }),
  );
  await child.ask({ cmd: 'close', indices: partiesIndices }, 60_000);
  await waitUntil('the nested-list variant to end', () => hub.subscriberCount === FEW, 60_000);
  const everyone = range(0, SUBSCRIBERS);
  await open(range(FEW, SUBSCRIBERS), `${thousands(SUBSCRIBERS - FEW)} more subscribers`);
  await sleep(2000);
  const heapAll = await heap();
  const perSubscription = (heapAll.heapUsed - heapNone.heapUsed) / SUBSCRIBERS;
  const marginal = SUBSCRIBERS > FEW ? (heapAll.heapUsed - heapFew.heapUsed) / (SUBSCRIBERS - FEW) : perSubscription;
  const offHeap = (heapAll.external + heapAll.arrayBuffers - heapNone.external - heapNone.arrayBuffers) / SUBSCRIBERS;
  log(
    `Heap with ${thousands(SUBSCRIBERS)} idle subscriptions: ${(heapAll.heapUsed / 2 ** 20).toFixed(1)} MiB, ` +
      `${(perSubscription / 1024).toFixed(1)} KiB per subscription (marginal ${(marginal / 1024).toFixed(1)} KiB)`,
  );
  log(`SQL burst with ${thousands(SUBSCRIBERS)} subscribers…`);
  const sqlAll = await phase('sqlAll', everyone, () => load.run(burstPlan, { phase: 'sqlAll', rate: RATE }));

  counter.setTracking(false);

  // 10. The main run.
  log(`Main run: ${RATE} changes/s for ${SECONDS} s with ${thousands(SUBSCRIBERS)} subscribers…`);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const mainRun = await phase('main', everyone, () => load.run(mainPlan, { phase: 'main', rate: RATE }));
  loopDelay.disable();

  // 11. CPU: a change 1% of the subscribers may see, against one that all may see.
  log(`CPU: ${NARROW_CHANGES} changes that 1% may see…`);
  const narrow = await phase('narrow', everyone, () =>
    load.run(Array<ChangeKind>(NARROW_CHANGES).fill('INCIDENT'), { phase: 'narrow', target: 'narrow', actor: desk }),
  );
  log(`CPU: ${WIDE_CHANGES} changes that every subscriber may see…`);
  const wide = await phase('wide', everyone, () =>
    load.run(Array<ChangeKind>(WIDE_CHANGES).fill('INCIDENT'), { phase: 'wide', target: 'wide', actor: desk }),
  );

  // 12. Email and webhooks: everything drained, their lags, and one digest pass over the whole run.
  await backlog.stop();
  log('Email and webhooks: waiting for the outboxes to drain…');
  const outbound = await outboundResults(pool, followers, receiver, { emailUsers, webhookEndpoints }, backlog, () =>
    app.get(NotificationMailer).sendDigests(new Date()),
  );
  log(`  ${JSON.stringify(outbound)}`);

  // 13. Every receipt against the contract.
  const report = await child.ask<Report>({ cmd: 'report' }, 120_000);
  const lastId = await maxAlertId();
  const checked = check(await loadAlerts(0, lastId), await loadHolders(), subscribers, phases, report, load.changes);
  const p = checked.phases;
  const all = Object.values(p);
  const sum = (
    key:
      | 'expected'
      | 'delivered'
      | 'matched'
      | 'missing'
      | 'unexpected'
      | 'notEntitled'
      | 'duplicates'
      | 'wrongAccess'
      | 'toActor'
      | 'notSubscribed',
  ) => all.reduce((n, c) => n + c[key], 0);
  const deliveriesExact =
    sum('missing') === 0 &&
    sum('unexpected') === 0 &&
    sum('wrongAccess') === 0 &&
    checked.strays === 0 &&
    checked.caseIdMismatches === 0 &&
    report.payloadErrors === 0 &&
    report.completions === 0 &&
    report.unexpectedCloses === 0;
  const changesExact = all.every((c) => c.changes.mismatched === 0);

  // What the hub itself read and dispatched: alerts dispatched more than once or never, and re-reads.
  const allIds = (await pool.query<{ id: number }>(`SELECT id::float8 AS id FROM alerts ORDER BY id`)).rows.map(
    (r) => r.id,
  );
  const dispatchedTwice = allIds.filter((id) => (hubTrace.dispatched.get(id) ?? 0) > 1);
  const neverDispatched = allIds.filter((id) => !hubTrace.dispatched.has(id));
  const rereads: string[] = [];
  let highest = 0;
  for (const read of hubTrace.reads) {
    if (read.count > 0 && read.first <= highest) {
      rereads.push(
        `read after ${read.after} returned ${read.first}…${read.last} (${read.count}), already read up to ${highest}`,
      );
    }
    highest = Math.max(highest, read.last);
  }
  // A read whose rows are not in increasing id order: the hub then takes the wrong row as its last.
  const unordered = hubTrace.reads.filter((r) => r.ids.some((id, i) => i > 0 && id < r.ids[i - 1]));
  const hubFindings = {
    readsOutOfIdOrder: unordered.length,
    firstOutOfOrder: unordered[0]
      ? `after ${unordered[0].after}: ${unordered[0].count} rows, first ${unordered[0].first}, last ${unordered[0].last}`
      : null,
    passes: hubTrace.passes,
    reads: hubTrace.reads.length,
    maxConcurrentPasses: hubTrace.maxConcurrentPasses,
    alertsDispatchedTwice: dispatchedTwice.length,
    alertsNeverDispatched: neverDispatched.length,
    rereads: rereads.length,
    firstRereads: rereads.slice(0, 5),
  };
  if (
    dispatchedTwice.length ||
    neverDispatched.length ||
    rereads.length ||
    unordered.length ||
    hubTrace.maxConcurrentPasses > 1
  ) {
    log(`Hub trace: ${JSON.stringify(hubFindings)}`);
    for (const id of dispatchedTwice.slice(0, 3)) {
      const reads = hubTrace.reads.map((r, i) => ({ i, r })).filter(({ r }) => r.ids.includes(id));
      log(
        `  alert ${id} dispatched ${hubTrace.dispatched.get(id)}×; in reads ${reads.map(({ i, r }) => `#${i} (after ${r.after}: ${r.first}…${r.last}, ${r.count} rows)`).join(', ')}`,
      );
    }
  }

  // 14. The figures.
  const main_ = p.main;
  const latency = main_.latency!;
  const perAlert = (phaseResult: PhaseResult) =>
    round(phaseResult.usage.hubStatements / Math.max(1, phaseResult.usage.alerts), 3);
  const perBatch = (phaseResult: PhaseResult) =>
    round(phaseResult.usage.hubStatements / Math.max(1, phaseResult.usage.batches), 2);
  const sqlGrowth = perAlert(sqlAll) / Math.max(1e-9, perAlert(sqlFew));
  const sqlIndependent = sqlGrowth <= AIMS.sqlGrowth && perBatch(sqlAll) <= 3;
  const nestedPerAlert = round(Math.max(0, perAlert(sqlParties) - perAlert(sqlFew)), 3);
  const cpuPerChange = (phaseResult: PhaseResult) => phaseResult.usage.cpuMs / Math.max(1, phaseResult.run?.sent ?? 1);
  const cpuBaseline = cpuPerChange(baseline);
  const cpuNarrow = cpuPerChange(narrow);
  const cpuWide = cpuPerChange(wide);
  const narrowOverWide = cpuNarrow / cpuWide;
  const deliveryOnly = Math.max(0, cpuNarrow - cpuBaseline) / Math.max(1e-9, cpuWide - cpuBaseline);
  const perDelivery = (phaseResult: PhaseResult, base: number) =>
    ((phaseResult.usage.cpuMs - base * (phaseResult.run?.sent ?? 0)) / Math.max(1, phaseResult.usage.deliveries)) *
    1000;
  const changesPerSecond = (mainRun.run?.sent ?? 0) / Math.max(1e-9, mainRun.run?.seconds ?? 1);
  const mainCpuShare = mainRun.usage.cpuMs / (mainRun.usage.seconds * 1000);

  const aims = {
    latencyP95: { value: latency.p95Ms, aim: `p95 < ${AIMS.p95Ms} ms`, met: latency.p95Ms < AIMS.p95Ms },
    deliveredEqualsExpected: {
      value: `${sum('matched')} matched of ${sum('expected')} expected, ${sum('unexpected')} unexpected`,
      aim: 'equal, none unexpected',
      met: deliveriesExact,
    },
    noneToTheUnentitled: {
      value: sum('notEntitled'),
      aim: '0',
      met: sum('notEntitled') === 0 && sum('wrongAccess') === 0,
    },
    sqlPerAlertIndependent: {
      value: `${perAlert(sqlFew)} @${FEW}, ${perAlert(sqlAll)} @${SUBSCRIBERS}`,
      aim: `@${SUBSCRIBERS} ≤ ${AIMS.sqlGrowth}× @${FEW}, ≤ 3 per batch`,
      met: sqlIndependent,
    },
    heapPerIdleSubscription: {
      value: round(perSubscription / 1024, 1),
      aim: `< ${AIMS.heapKiB} KB`,
      met: perSubscription / 1024 < AIMS.heapKiB,
    },
    narrowCpuFarBelowWide: {
      value: round(narrowOverWide, 4),
      aim: `≤ ${AIMS.narrowOverWide}×`,
      met: narrowOverWide <= AIMS.narrowOverWide,
    },
  };
  const yes = (met: boolean) => (met ? 'yes' : 'NO');
  const ms = (n: number) => n.toFixed(1);
  const summaryOf = (s: typeof latency | null) => (s ? `${ms(s.p50Ms)} / ${ms(s.p95Ms)} / ${ms(s.maxMs)}` : '—');
  const table = formatTable(
    ['metric', 'value', 'aim', 'met'],
    [
      [
        'Subscribers (one socket each), agencies',
        `${thousands(SUBSCRIBERS)} on ${AGENCIES} agencies, 4 casework roles`,
        '',
        '',
      ],
      [
        `Main run: changes → alerts → deliveries`,
        `${thousands(mainRun.run?.sent ?? 0)} in ${mainRun.run?.seconds.toFixed(1)} s (${changesPerSecond.toFixed(1)}/s${mainRun.run?.failed ? `, ${mainRun.run.failed} failed` : ''}) → ` +
          `${thousands(mainRun.alerts)} → ${thousands(main_.delivered)}`,
        `${RATE}/s for ${SECONDS} s`,
        '',
      ],
      [
        `Latency ${main_.latencyBasis === 'commit' ? 'commit' : 'HTTP response'} → client, p50 / p95 / max (ms)`,
        summaryOf(latency),
        `p95 < ${AIMS.p95Ms}`,
        yes(aims.latencyP95.met),
      ],
      ['Latency HTTP response → client, p50 / p95 / max (ms)', summaryOf(main_.latencyFromResponse), '', ''],
      [
        `Latency p95 (ms), bursts @${thousands(FEW)} / +${thousands(FEW)} with parties / @${thousands(SUBSCRIBERS)}`,
        [p.sqlFew, p.sqlParties, p.sqlAll].map((c) => (c.latency ? ms(c.latency.p95Ms) : '—')).join(' / '),
        '',
        '',
      ],
      ['Latency p50 / p95 / max (ms) of a change all may see', summaryOf(p.wide.latency), '', ''],
      [
        'Delivered / expected, main run',
        `${thousands(main_.matched)} / ${thousands(main_.expected)} (missing ${main_.missing}, extra ${main_.unexpected})`,
        'equal',
        yes(main_.missing === 0 && main_.unexpected === 0),
      ],
      [
        'Delivered / expected, all phases',
        `${thousands(sum('matched'))} / ${thousands(sum('expected'))} (missing ${sum('missing')}, extra ${sum('unexpected')}, wrong access ${sum('wrongAccess')})`,
        'equal',
        yes(deliveriesExact),
      ],
      [
        'Delivered to someone not entitled (agency, actor)',
        `${sum('notEntitled')} + ${sum('toActor')}`,
        '0',
        yes(aims.noneToTheUnentitled.met && sum('toActor') === 0),
      ],
      [
        'Changes ↔ alerts (exact, per case in commit order)',
        `${all.reduce((n, c) => n + c.changes.matched, 0)} matched, ${all.reduce((n, c) => n + c.changes.mismatched, 0)} not`,
        'all',
        yes(changesExact),
      ],
      [
        `Hub SQL per alert, burst @${thousands(FEW)} / @${thousands(SUBSCRIBERS)}`,
        `${perAlert(sqlFew)} / ${perAlert(sqlAll)}`,
        `≤ ${AIMS.sqlGrowth}× growth`,
        yes(sqlIndependent),
      ],
      [
        `Hub SQL per batch, burst @${thousands(FEW)} / @${thousands(SUBSCRIBERS)}`,
        `${perBatch(sqlFew)} / ${perBatch(sqlAll)}`,
        '≤ 3',
        '',
      ],
      [`Nested-list SQL per alert, +${thousands(FEW)} with parties`, `${nestedPerAlert}`, '', ''],
      [
        'SQL outside requests and the hub in the bursts (sweeps…)',
        `${sqlFew.usage.otherStatements + sqlParties.usage.otherStatements + sqlAll.usage.otherStatements}`,
        '',
        '',
      ],
      [
        `Subscriber executions per delivery, main run`,
        `${round(mainRun.usage.executions / Math.max(1, mainRun.usage.deliveries), 4)} (${thousands(mainRun.usage.executions)} for ${thousands(mainRun.usage.deliveries)})`,
        '',
        '',
      ],
      [
        'Server heap per idle subscription (KiB)',
        `${(perSubscription / 1024).toFixed(1)} (marginal ${(marginal / 1024).toFixed(1)}; off-heap ${(offHeap / 1024).toFixed(1)})`,
        `< ${AIMS.heapKiB}`,
        yes(aims.heapPerIdleSubscription.met),
      ],
      [
        'Server CPU per change: 1% / all / nobody (ms)',
        `${cpuNarrow.toFixed(2)} / ${cpuWide.toFixed(2)} / ${cpuBaseline.toFixed(2)}`,
        '',
        '',
      ],
      [
        'CPU 1% ÷ all (delivery only, baseline removed)',
        `${narrowOverWide.toFixed(4)}× (${deliveryOnly.toFixed(4)}×)`,
        `≤ ${AIMS.narrowOverWide}×`,
        yes(aims.narrowCpuFarBelowWide.met),
      ],
      [
        'Deliveries per change: 1% / all',
        `${(narrow.usage.deliveries / Math.max(1, narrow.run?.sent ?? 1)).toFixed(0)} / ${(wide.usage.deliveries / Math.max(1, wide.run?.sent ?? 1)).toFixed(0)}`,
        '',
        '',
      ],
      [
        'Server CPU per delivery, main / all burst (µs)',
        `${perDelivery(mainRun, cpuBaseline).toFixed(1)} / ${perDelivery(wide, cpuBaseline).toFixed(1)}`,
        '',
        '',
      ],
      ['Server CPU in the main run (share of one core)', `${(mainCpuShare * 100).toFixed(0)}%`, '', ''],
      [
        'Event loop delay in the main run p99 / max (ms)',
        `${(loopDelay.percentile(99) / 1e6).toFixed(1)} / ${(loopDelay.max / 1e6).toFixed(1)}`,
        '',
        '',
      ],
      [
        `Email (${thousands(outbound.emailUsers)} users): mails queued / sent, queued→sent p50 / p95 / max (ms)`,
        `${thousands(outbound.mails.queued)} / ${thousands(outbound.mails.sent)}, ${outbound.mails.queuedToSentP50Ms} / ${outbound.mails.queuedToSentP95Ms} / ${outbound.mails.maxMs}`,
        '',
        '',
      ],
      [
        `Webhooks (${outbound.webhookEndpoints} endpoints): delivered / queued, duplicates`,
        `${thousands(outbound.webhooks.delivered)} / ${thousands(outbound.webhooks.deliveries)}, ${outbound.webhooks.duplicates}`,
        'all, none',
        yes(outbound.webhooks.delivered === outbound.webhooks.deliveries && outbound.webhooks.duplicates === 0),
      ],
      [
        'Webhook lag, commit → partner received p50 / p95 / max (ms)',
        `${outbound.webhooks.p50Ms} / ${outbound.webhooks.p95Ms} / ${outbound.webhooks.maxMs}`,
        '',
        '',
      ],
      [
        'Alerts not yet taken, most at any sample: email / webhooks',
        `${outbound.emailMaxBehind} / ${outbound.webhooksMaxBehind}`,
        '',
        '',
      ],
      ['Outboxes empty after the last change (s)', `${outbound.drainedSeconds}`, '', ''],
      [
        `Daily digest pass, ${thousands(outbound.digest.users)} users: mails, time (s)`,
        `${thousands(outbound.digest.mails)}, ${outbound.digest.seconds}`,
        '',
        '',
      ],
      [
        'ADMIN-only user subscribing',
        `${probe.outcome}: ${probe.detail}`,
        'refused',
        yes(probe.outcome === 'error' || probe.outcome === 'refused-socket'),
      ],
    ],
  );
  log('');
  log(table);
  log('');
  log(
    `Latency is from ${main_.latencyBasis === 'commit' ? "PostgreSQL's commit timestamp of each change's transaction" : 'the HTTP response of each change'} ` +
      `to the subscriber process handling the message, over every (subscriber, alert) delivery of the main run.`,
  );
  log(
    `The subscriber process shares the machine's ${os.cpus().length} cores with the portal and PostgreSQL (its own CPU: ${(report.cpuMs / 1000).toFixed(1)} s).`,
  );
  if (report.problems.length)
    log(`Subscriber problems (${report.problemCount}): ${report.problems.slice(0, 5).join(' | ')}`);
  for (const [name, c] of Object.entries(p)) if (c.changes.firstMismatch) log(`${name}: ${c.changes.firstMismatch}`);

  const output = {
    date: new Date().toISOString(),
    machine: machineFacts(
      postgresVersion,
      process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded, fresh, track_commit_timestamp on',
    ),
    settings: {
      subscribers: SUBSCRIBERS,
      socketsPerSubscriber: 1,
      agencies: AGENCIES,
      users: allUsers.length,
      subscribingUsers: new Set(subscriberUsers).size,
      oneHundredthAgency: { name: agencies[0].name, subscribers: smallShare },
      rate: RATE,
      seconds: SECONDS,
      mainMix: MAIN_MIX,
      burstMix: BURST_MIX,
      fewSubscribers: FEW,
      sqlBurstSeconds: SQL_SECONDS,
      narrowChanges: NARROW_CHANGES,
      wideChanges: WIDE_CHANGES,
      cases: { regular: REGULAR_CASES, narrow: NARROW_CASES, wide: 1, toShare: shareChanges },
      subscription: SUBSCRIPTION,
      nestedListVariant: SUBSCRIPTION_WITH_PARTIES,
      latencyBasis: main_.latencyBasis,
    },
    phases: Object.fromEntries(
      [warmup, baseline, sqlFew, sqlParties, sqlAll, mainRun, narrow, wide].map((r) => [
        r.name,
        { ...r, check: p[r.name] },
      ]),
    ),
    metrics: {
      latencyMs: latency,
      latencyFromResponseMs: main_.latencyFromResponse,
      commitToResponseMs: main_.commitToResponse,
      deliveries: {
        expected: sum('expected'),
        delivered: sum('delivered'),
        matched: sum('matched'),
        missing: sum('missing'),
        unexpected: sum('unexpected'),
        notEntitled: sum('notEntitled'),
        toActor: sum('toActor'),
        notSubscribed: sum('notSubscribed'),
        duplicates: sum('duplicates'),
        wrongAccess: sum('wrongAccess'),
        strays: checked.strays,
        caseIdMismatches: checked.caseIdMismatches,
        subscriberProblems: report.problemCount,
        payloadErrors: report.payloadErrors,
        completions: report.completions,
        unexpectedCloses: report.unexpectedCloses,
      },
      sql: {
        counted: 'in the three SQL bursts only; the other phases run with counting off, as in production',
        perAlert: { few: perAlert(sqlFew), all: perAlert(sqlAll) },
        perBatch: { few: perBatch(sqlFew), all: perBatch(sqlAll) },
        growth: round(sqlGrowth, 3),
        outsideTheHub: sqlFew.usage.otherStatements + sqlParties.usage.otherStatements + sqlAll.usage.otherStatements,
        nestedListVariant: {
          subscribers: `${FEW} + ${FEW} selecting case { parties { fullName redactedFields } }`,
          hubStatementsPerAlert: perAlert(sqlParties),
          nestedStatementsPerAlert: nestedPerAlert,
        },
        executionsPerDeliveryMainRun: round(mainRun.usage.executions / Math.max(1, mainRun.usage.deliveries), 4),
      },
      heap: {
        heapUsedMiB: {
          none: round(heapNone.heapUsed / 2 ** 20),
          few: round(heapFew.heapUsed / 2 ** 20),
          all: round(heapAll.heapUsed / 2 ** 20),
        },
        perIdleSubscriptionKiB: round(perSubscription / 1024, 2),
        marginalPerSubscriptionKiB: round(marginal / 1024, 2),
        offHeapPerSubscriptionKiB: round(offHeap / 1024, 2),
        rssMiB: round(heapAll.rss / 2 ** 20),
      },
      cpu: {
        perChangeMs: { nobody: round(cpuBaseline, 3), onePercent: round(cpuNarrow, 3), all: round(cpuWide, 3) },
        onePercentOverAll: round(narrowOverWide, 5),
        deliveryOnlyOnePercentOverAll: round(deliveryOnly, 5),
        perDeliveryMicros: {
          main: round(perDelivery(mainRun, cpuBaseline), 1),
          all: round(perDelivery(wide, cpuBaseline), 1),
        },
        mainRunShareOfOneCore: round(mainCpuShare, 3),
        subscriberProcessCpuSeconds: round(report.cpuMs / 1000, 1),
      },
      eventLoopDelayMainRunMs: {
        p50: round(loopDelay.percentile(50) / 1e6),
        p99: round(loopDelay.percentile(99) / 1e6),
        max: round(loopDelay.max / 1e6),
      },
      adminOnlySubscription: probe,
      emailAndWebhooks: outbound,
      hubTrace: hubFindings,
    },
    aims,
    aimsMet: Object.values(aims).every((a) => a.met),
    table,
    notes: [
      'Latency: from the commit timestamp of the change’s transaction (track_commit_timestamp) to the subscriber process handling the message; all processes share the machine’s clock.',
      'Expected deliveries are computed independently of the hub: holders (owner + live shares) of the case, or the action’s owner agency for action alerts, minus the user who made the change.',
      'ADMIN-only users cannot subscribe: the subscription requires reading cases, which only the casework roles do.',
      'Hub SQL counts the statements of the AlertHub’s passes (QueryCounter background "alert-delivery"); nested fields resolved in each subscriber’s execution are counted apart (other statements).',
      'CPU is this process’s (the portal and the driver’s HTTP client); the subscribers run in a child process.',
    ],
  };
  writeResults('alerts', output);
  log(
    `\nWrote ${RESULTS_FILE} (key "alerts"). ${output.aimsMet ? 'All aims met.' : 'Some aims missed (reported, not failed).'} ` +
      `Total ${((performance.now() - runStarted) / 1000).toFixed(0)} s.`,
  );
}

runBenchmark(main, tearDown, TIMEOUT_SECONDS);
