/**
 * Profiles the portal serving `cases(first: 50)` with every nested list (the case-list benchmark's query a):
 * fills a fresh embedded database (BENCH_CASES, 100,000), starts the portal in this process, and writes a CPU
 * profile of PROFILE_REQUESTS (300) requests to PROFILE_OUT (cases.cpuprofile), to open in Chrome DevTools.
 * PROFILE=0 measures without the profiler: latency, and this process's CPU per request (client included).
 * `npm run build:api && node dist/bench/profile-cases.js`
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '#libs/config';
import { QueryCounter, startEmbeddedDatabase } from '#libs/db';
import { createPortal } from '../apps/api/src/portal.js';
import { fillDatabase } from './fill.js';
import { CASES_PAGE, GraphQLClient, LOGIN } from './graphql-client.js';
import { setting } from './lifecycle.js';

const CASES = setting('BENCH_CASES', 100_000, 1_000);
const REQUESTS = setting('PROFILE_REQUESTS', 300, 1);

const dataDir = mkdtempSync(join(os.tmpdir(), 'cases-profile-'));
chmodSync(dataDir, 0o755);
const database = await startEmbeddedDatabase(join(dataDir, 'data'), () => undefined);
try {
  const config = loadConfig({
    SEED_DEMO: 'false',
    PORT: '0',
    DATA_DIR: join(dataDir, 'portal'),
    DATABASE_URL: database.url,
    NODE_ENV: 'production',
  });
  const app = await createPortal(config, database.url, { logger: false });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const client = await pool.connect();
  const fill = await fillDatabase(client, CASES, () => undefined);
  client.release();
  await pool.end();
  app.get(QueryCounter).setTracking(false);
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const graphql = new GraphQLClient(`http://127.0.0.1:${port}/graphql`);
  const { login } = await graphql.request<{ login: { accessToken: string } }>(LOGIN, {
    email: fill.partner.email,
    password: fill.password,
  });
  graphql.token = login.accessToken;
  for (let i = 0; i < 50; i++) await graphql.request(CASES_PAGE, { first: 50 });
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
  await app.close();
} finally {
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
