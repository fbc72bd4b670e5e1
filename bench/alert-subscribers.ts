/**
 * The live-alert benchmark's subscribers, in a child process of their own (forked by alerts.bench.ts) so
 * that thousands of WebSocket clients spend neither the portal's CPU nor its heap. Each subscriber is a real
 * graphql-ws client on a WebSocket of its own (protocol graphql-transport-ws), signed in with a bearer token
 * in its connectionParams, with one `caseAlerts` subscription.
 *
 * Every alert received is recorded as (subscriber, alert id, receipt wall-clock time, access shown), in
 * typed arrays, and handed to the parent once at the end: nothing crosses IPC per event. The parent asks by
 * message: open, close, probe, count, report, exit; each request gets one reply with the same `id`.
 */
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface SubscriberSpec {
  index: number;
  token: string;
}

export type Request =
  | { id: number; cmd: 'open'; url: string; query: string; subscribers: SubscriberSpec[]; concurrency: number }
  | { id: number; cmd: 'close'; indices: number[] }
  | { id: number; cmd: 'probe'; url: string; query: string; token: string }
  | { id: number; cmd: 'count' }
  | { id: number; cmd: 'report' }
  | { id: number; cmd: 'exit' };

export interface OpenResult {
  opened: number;
  failed: number;
  firstFailure: string | null;
  seconds: number;
}

export interface ProbeResult {
  outcome: 'refused-socket' | 'error' | 'data' | 'complete' | 'nothing';
  detail: string;
}

export interface CountResult {
  received: number;
  problems: number;
}

export interface Report {
  /** Parallel arrays, one entry per alert received. */
  subscriber: Int32Array;
  alertId: Float64Array;
  /** Wall-clock milliseconds (performance.timeOrigin + performance.now()) when the message was handled. */
  receivedAt: Float64Array;
  /** The `case.access` shown: 0 FULL, 1 LIMITED, 2 anything else, 3 no case. */
  access: Int8Array;
  /** The case id each alert id arrived with (one per alert id), and how often a later copy disagreed. */
  caseOfAlert: [number, string | null][];
  caseMismatches: number;
  problems: string[];
  problemCount: number;
  /** Errors in a `next` payload, completions and closes nobody asked for. */
  payloadErrors: number;
  completions: number;
  unexpectedCloses: number;
  cpuMs: number;
  rssMiB: number;
}

const ACCESS: Record<string, number> = { FULL: 0, LIMITED: 1 };

/** A growable set of parallel typed arrays. */
class Receipts {
  length = 0;
  subscriber = new Int32Array(1 << 16);
  alertId = new Float64Array(1 << 16);
  receivedAt = new Float64Array(1 << 16);
  access = new Int8Array(1 << 16);

  add(subscriber: number, alertId: number, receivedAt: number, access: number): void {
    if (this.length === this.subscriber.length) this.grow();
    const i = this.length++;
    this.subscriber[i] = subscriber;
    this.alertId[i] = alertId;
    this.receivedAt[i] = receivedAt;
    this.access[i] = access;
  }

  private grow(): void {
    const size = this.subscriber.length * 2;
    const grow = <T extends Int32Array | Float64Array | Int8Array>(from: T, to: T) => (to.set(from), to);
    this.subscriber = grow(this.subscriber, new Int32Array(size));
    this.alertId = grow(this.alertId, new Float64Array(size));
    this.receivedAt = grow(this.receivedAt, new Float64Array(size));
    this.access = grow(this.access, new Int8Array(size));
  }
}

interface Live {
  client: Client;
  disposing: boolean;
  closed: Promise<void>;
}

const receipts = new Receipts();
const caseOfAlert = new Map<number, string | null>();
const clients = new Map<number, Live>();
const problems: string[] = [];
let problemCount = 0;
let caseMismatches = 0;
let payloadErrors = 0;
let completions = 0;
let unexpectedCloses = 0;

function problem(text: string): void {
  problemCount++;
  if (problems.length < 50) problems.push(text);
}

const now = () => performance.timeOrigin + performance.now();

function connect(url: string, query: string, spec: SubscriberSpec): Promise<void> {
  let connected!: () => void;
  let failed!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    connected = resolve;
    failed = reject;
  });
  let onClosed!: () => void;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  let isConnected = false;
  const live: Live = {
    disposing: false,
    closed,
    client: createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${spec.token}` },
      lazy: true,
      retryAttempts: 0,
      on: {
        connected: () => {
          isConnected = true;
          connected();
        },
        closed: (event) => {
          onClosed();
          const code = (event as { code?: number }).code;
          if (!isConnected)
            failed(new Error(`subscriber ${spec.index}: socket closed before it was accepted (code ${code})`));
          else if (!live.disposing) {
            unexpectedCloses++;
            problem(`subscriber ${spec.index}: socket closed by the server (code ${code})`);
          }
        },
        error: (error) => failed(new Error(`subscriber ${spec.index}: ${String((error as Error)?.message ?? error)}`)),
      },
    }),
  };
  clients.set(spec.index, live);
  live.client.subscribe(
    { query },
    {
      next: (result) => {
        const receivedAt = now();
        if (result.errors?.length) {
          payloadErrors++;
          problem(`subscriber ${spec.index}: ${result.errors.map((e) => e.message).join('; ')}`);
          return;
        }
        const alert = (
          result.data as { caseAlerts?: { id: string; caseId: string | null; case: { access?: string } | null } } | null
        )?.caseAlerts;
        if (!alert) {
          payloadErrors++;
          problem(`subscriber ${spec.index}: a message without caseAlerts`);
          return;
        }
        const alertId = Number(alert.id);
        const known = caseOfAlert.get(alertId);
        if (known === undefined) caseOfAlert.set(alertId, alert.caseId);
        else if (known !== alert.caseId) caseMismatches++;
        receipts.add(spec.index, alertId, receivedAt, alert.case ? (ACCESS[alert.case.access ?? ''] ?? 2) : 3);
      },
      error: (error) => {
        if (live.disposing) return;
        payloadErrors++;
        problem(`subscriber ${spec.index}: subscription error ${JSON.stringify(error)?.slice(0, 300)}`);
      },
      complete: () => {
        if (live.disposing) return;
        completions++;
        problem(`subscriber ${spec.index}: the server completed the subscription`);
      },
    },
  );
  const timeout = setTimeout(() => failed(new Error(`subscriber ${spec.index}: not accepted within 30 s`)), 30_000);
  return ready.finally(() => clearTimeout(timeout));
}

async function open(
  url: string,
  query: string,
  subscribers: SubscriberSpec[],
  concurrency: number,
): Promise<OpenResult> {
  const started = performance.now();
  let next = 0;
  let opened = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const worker = async () => {
    while (next < subscribers.length) {
      const spec = subscribers[next++];
      try {
        await connect(url, query, spec);
        opened++;
      } catch (error) {
        failed++;
        firstFailure ??= String((error as Error).message ?? error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { opened, failed, firstFailure, seconds: (performance.now() - started) / 1000 };
}

async function close(indices: number[]): Promise<{ closed: number }> {
  const closing: Promise<void>[] = [];
  for (const index of indices) {
    const live = clients.get(index);
    if (!live) continue;
    live.disposing = true;
    clients.delete(index);
    void live.client.dispose();
    closing.push(live.closed);
  }
  await Promise.race([Promise.all(closing), new Promise((r) => setTimeout(r, 10_000))]);
  return { closed: closing.length };
}

/** One subscription attempt that is expected to be refused; says how it was. */
function probe(url: string, query: string, token: string): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let done = false;
    let client: Client | undefined = undefined;
    const finish = (result: ProbeResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void client?.dispose();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ outcome: 'nothing', detail: 'no answer within 3 s' }), 3000);
    client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: true,
      retryAttempts: 0,
      on: {
        closed: (event) =>
          finish({ outcome: 'refused-socket', detail: `closed with ${(event as { code?: number }).code}` }),
      },
    });
    client.subscribe(
      { query },
      {
        next: (result) =>
          finish(
            result.errors?.length
              ? {
                  outcome: 'error',
                  detail: result.errors
                    .map((e) =>
                      `${typeof e.extensions?.code === 'string' ? e.extensions.code : ''} ${e.message}`.trim(),
                    )
                    .join('; '),
                }
              : { outcome: 'data', detail: JSON.stringify(result.data).slice(0, 200) },
          ),
        error: (error) => {
          const list = Array.isArray(error) ? (error as { message: string; extensions?: { code?: string } }[]) : null;
          finish({
            outcome: 'error',
            detail: list
              ? list.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('; ')
              : String((error as Error)?.message ?? error),
          });
        },
        complete: () => finish({ outcome: 'complete', detail: 'completed without data' }),
      },
    );
  });
}

function report(): Report {
  const n = receipts.length;
  const cpu = process.cpuUsage();
  return {
    subscriber: receipts.subscriber.slice(0, n),
    alertId: receipts.alertId.slice(0, n),
    receivedAt: receipts.receivedAt.slice(0, n),
    access: receipts.access.slice(0, n),
    caseOfAlert: [...caseOfAlert],
    caseMismatches,
    problems,
    problemCount,
    payloadErrors,
    completions,
    unexpectedCloses,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

async function handle(request: Request): Promise<unknown> {
  switch (request.cmd) {
    case 'open':
      return open(request.url, request.query, request.subscribers, request.concurrency);
    case 'close':
      return close(request.indices);
    case 'probe':
      return probe(request.url, request.query, request.token);
    case 'count':
      return { received: receipts.length, problems: problemCount } satisfies CountResult;
    case 'report':
      return report();
    case 'exit':
      await close([...clients.keys()]);
      setImmediate(() => process.exit(0));
      return { exiting: true };
  }
}

if (!process.send) {
  console.error('alert-subscribers.js is started by alerts.bench.js (child_process.fork), not on its own');
  process.exit(2);
}
process.on('message', (request: Request) => {
  handle(request).then(
    (result) => process.send!({ id: request.id, ok: true, result }),
    (error: unknown) => process.send!({ id: request.id, ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
// The parent gone (finished, failed or killed): nothing left to measure for.
process.on('disconnect', () => process.exit(0));
