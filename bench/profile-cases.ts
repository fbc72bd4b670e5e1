/**
 * Profiles the portal serving `cases(first: 50)` with every nested list (the case-list benchmark's query a):
 * fills a fresh embedded database (BENCH_CASES, 100,000), starts the portal in this process, and writes a CPU
 * profile of PROFILE_REQUESTS (300) requests to PROFILE_OUT (cases.cpuprofile), to open in Chrome DevTools.
 * PROFILE=0 measures without the profiler: latency, and this process's CPU per request (client included).
 * `npm run build:api && node dist/bench/profile-cases.js`
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { CASES_PAGE } from './graphql-client.js';
import { setting } from './lifecycle.js';
import { startSignedInPortal } from './signed-in-portal.js';

const CASES = setting('BENCH_CASES', 100_000, 1_000);
const REQUESTS = setting('PROFILE_REQUESTS', 300, 1);

const { graphql, stop } = await startSignedInPortal(CASES, 50);
try {
  const profiling = process.env.PROFILE !== '0';
  const session = new Session();
  session.connect();
  if (profiling) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
  }
  const cpu = process.cpuUsage();
  const durations: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    await graphql.request(CASES_PAGE, { first: 50 });
    durations.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  if (profiling) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.PROFILE_OUT ?? 'cases.cpuprofile', JSON.stringify(profile));
  }
  durations.sort((a, b) => a - b);
  console.log(`this process's CPU per request ${((used.user + used.system) / 1000 / REQUESTS).toFixed(1)} ms`);
  console.log(
    `p50 ${durations[Math.floor(REQUESTS / 2)].toFixed(1)} ms, p95 ${durations[Math.floor(REQUESTS * 0.95)].toFixed(1)} ms`,
  );
} finally {
  await stop();
}
