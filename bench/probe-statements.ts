/**
 * Where request a's time goes, on a timeline: fills a fresh embedded database (BENCH_CASES, 100,000), starts the
 * portal in this process, sends the case-list benchmark's query a (PROBE_REQUESTS, 200, after 100 warm-up) and
 * prints each statement's median start (ms after the request was sent) and median duration, first to last.
 * Gaps between one statement's end and the next one's start are the portal's own work (Node), the durations
 * PostgreSQL's plus one round trip.
 * `npm run build:api && NODE_ENV=production node dist/bench/probe-statements.js`
 */
import pg from 'pg';
import { CASES_PAGE } from './graphql-client.js';
import { setting } from './lifecycle.js';
import { startSignedInPortal } from './signed-in-portal.js';

const CASES = setting('BENCH_CASES', 100_000, 1_000);
const REQUESTS = setting('PROBE_REQUESTS', 200, 1);

interface Timing {
  statement: string;
  start: number;
  end: number;
}

/** Every statement any pg client in this process sends while `timings` is set, with when it started and ended. */
let timings: Timing[] | null = null;
const { query } = pg.Client.prototype as unknown as { query: (this: pg.Client, ...args: unknown[]) => unknown };
pg.Client.prototype.query = function timed(this: pg.Client, ...args: unknown[]) {
  const answer = query.apply(this, args);
  if (timings && answer instanceof Promise) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
    const timing = { statement: text.replace(/\s+/g, ' ').slice(0, 70), start: performance.now(), end: 0 };
    timings.push(timing);
    const ended = () => (timing.end = performance.now());
    answer.then(ended, ended);
  }
  return answer;
} as typeof pg.Client.prototype.query;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { graphql, stop } = await startSignedInPortal(CASES, 100);
try {
  const byStatement = new Map<string, { starts: number[]; durations: number[] }>();
  const totals: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    timings = [];
    const sent = performance.now();
    await graphql.request(CASES_PAGE, { first: 50 });
    totals.push(performance.now() - sent);
    // The views are written before the answer leaves; anything later is not this request's.
    const mine = timings;
    timings = null;
    for (const timing of mine) {
      const seen = byStatement.get(timing.statement) ?? { starts: [], durations: [] };
      byStatement.set(timing.statement, seen);
      seen.starts.push(timing.start - sent);
      seen.durations.push(timing.end - timing.start);
    }
  }
  const lines = [...byStatement].sort(([, a], [, b]) => median(a.starts) - median(b.starts));
  console.log(`${'statement'.padEnd(72)} ${'n'.padStart(5)} ${'start'.padStart(7)} ${'took'.padStart(6)}`);
  for (const [statement, { starts, durations }] of lines)
    console.log(
      `${statement.padEnd(72)} ${String(starts.length).padStart(5)} ${median(starts).toFixed(2).padStart(7)} ${median(durations).toFixed(2).padStart(6)}`,
    );
  console.log(`request a, p50 ${median(totals).toFixed(1)} ms over ${REQUESTS}`);
} finally {
  await stop();
}
