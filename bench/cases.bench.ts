import { machineFacts, runBenchmark, setting } from './lifecycle.js';
import { randomUUID } from 'node:crypto';
/**
 * `npm run bench`: the case list under load-shaped data.
 *
 * Fills a fresh database with 100,000 cases across 20 agencies (parties, incidents, actions, shares), starts
 * the whole portal on a local port, signs in as a partner agency that sees about 10% of the cases, and
 * measures, interleaved in one run:
 *   a. cases(first: 50) with every nested list, GraphQL over HTTP, against
 *   b. the same rows fetched by hand-written SQL through pg;
 *   c. the same page deep in the list (after 5,000 rows, keyset cursor) against the first page (a);
 *   d. the list's page + count SQL with its visibility predicate against the same SQL without one;
 *   f. d's SQL as the portal's requests send it, as the application role under row security (the second
 *      wall) against d, and g. e's SQL (no predicate of its own) under row security alone against e.
 * Prints a table and writes it into bench/results.json under the key `cases` (other keys are kept). Missing an
 * aim is reported, not failed; errors exit non-zero.
 *
 * Environment (all optional): BENCH_DATABASE_URL (an empty database to use instead of a fresh embedded one),
 * BENCH_CASES (100000), BENCH_ITERATIONS (200), BENCH_WARMUP (20), BENCH_DEEP (5000), BENCH_EXPLAIN=1
 * (print EXPLAIN ANALYZE of the measured SQL), BENCH_TIMEOUT_SECONDS (900).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '#libs/config';
import { DATABASE_URL, QueryCounter, startEmbeddedDatabase } from '#libs/db';
import { createPortal } from '../apps/api/src/portal.js';
import { fillDatabase, type FillResult } from './fill.js';
import { type CasesCursor, type CasesPage, CASES_CURSOR, CASES_PAGE, GraphQLClient, LOGIN } from './graphql-client.js';
import { pageSql, RawCases, scoped } from './raw-sql.js';
import { RESULTS_FILE, writeResults } from './results-file.js';
import { compare, type Comparison, formatTable, type Summary, summarize } from './stats.js';

const CASES = setting('BENCH_CASES', 100_000, 1_000);
const ITERATIONS = setting('BENCH_ITERATIONS', 200, 1);
const WARMUP = setting('BENCH_WARMUP', 20, 0);
const DEEP = setting('BENCH_DEEP', 5_000, 100);
const TIMEOUT_SECONDS = setting('BENCH_TIMEOUT_SECONDS', 900, 10);
const PAGE = 50;
const WALK_PAGE = 100;
// Issue 15's aims: the list within 1.5× of hand-written SQL, the visibility predicate within 1.2× of none.
const AIMS = { graphqlVsSql: 1.5, deepVsFirst: 1.5, visibilityVsNone: 1.2, rowSecurityVsNone: 1.5 };

const log = (line: string) => console.log(line);

/** Teardown steps, run once, newest first, whether the run succeeded, failed or was interrupted. */
const teardown: { label: string; run: () => unknown }[] = [];
let tornDown: Promise<void> | null = null;
function tearDown(): Promise<void> {
  tornDown ??= (async () => {
    for (const step of teardown.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`bench: ${step.label} failed during teardown: ${String(error)}`);
      }
    }
  })();
  return tornDown;
}

interface Scenario {
  key: string;
  /** One request; returns the SQL statements it cost, or how to read them once the clock has stopped. */
  run: () => Promise<number | (() => Promise<number>)>;
}

interface Measured {
  durations: number[];
  statements: number;
}

/**
 * Warm-up rounds, then timed rounds. Each round runs every scenario once, sequentially, in an order rotated
 * per round, so drift (autovacuum, CPU frequency, GC) lands on all scenarios alike rather than on whichever
 * ran last.
 */
async function measure(scenarios: Scenario[]): Promise<Map<string, Summary>> {
  for (let round = 0; round < WARMUP; round++) for (const scenario of scenarios) await scenario.run();
  const measured = new Map<string, Measured>(scenarios.map((s) => [s.key, { durations: [], statements: 0 }]));
  const progressEvery = Math.max(1, Math.floor(ITERATIONS / 4));
  for (let round = 0; round < ITERATIONS; round++) {
    for (let i = 0; i < scenarios.length; i++) {
      const scenario = scenarios[(round + i) % scenarios.length];
      const started = performance.now();
      const outcome = await scenario.run();
      const elapsed = performance.now() - started;
      // The portal's own count of a request's statements is read after the clock stops.
      const statements = typeof outcome === 'function' ? await outcome() : outcome;
      const entry = measured.get(scenario.key)!;
      entry.durations.push(elapsed);
      entry.statements += statements;
    }
    if ((round + 1) % progressEvery === 0 && round + 1 < ITERATIONS) log(`  ${round + 1}/${ITERATIONS} rounds`);
  }
  return new Map([...measured].map(([key, m]) => [key, summarize(m.durations, m.statements)]));
}

function assertSame(what: string, actual: readonly string[], expected: readonly string[]): void {
  const same = actual.length === expected.length && actual.every((id, i) => id === expected[i]);
  if (!same)
    throw new Error(
      `${what}: GraphQL returned ${actual.length} rows that differ from the ${expected.length} the reference SQL returns`,
    );
}

async function explain(pool: pg.Pool, label: string, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  log(`\n-- ${label}\n${plan}`);
  return plan;
}

async function explainScoped(appPool: pg.Pool, agencyId: string, label: string, sql: string): Promise<string> {
  const { rows } = await scoped<{ 'QUERY PLAN': string }>(appPool, agencyId, `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [
    agencyId,
  ]);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  log(`\n-- ${label}\n${plan}`);
  return plan;
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  log(
    `Case list benchmark: ${CASES.toLocaleString('en-GB')} cases, ${ITERATIONS} timed iterations per scenario after ${WARMUP} warm-up`,
  );

  // 1. A fresh database: embedded PostgreSQL in a temporary directory, unless one is given.
  let databaseUrl = process.env.BENCH_DATABASE_URL?.trim() || null;
  const dataDir = mkdtempSync(join(os.tmpdir(), 'cases-bench-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the cluster's parent directory.
  chmodSync(dataDir, 0o755);
  teardown.push({
    label: 'removing the temporary directory',
    run: () => rmSync(dataDir, { recursive: true, force: true }),
  });
  if (!databaseUrl) {
    const started = performance.now();
    const database = await startEmbeddedDatabase(join(dataDir, 'data'), log);
    teardown.push({ label: 'stopping the embedded PostgreSQL', run: () => database.stop() });
    databaseUrl = database.url;
    log(`Embedded PostgreSQL started in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    log('Using BENCH_DATABASE_URL');
  }

  // 2. The whole portal, migrated, on a local port: requests take the real HTTP → Apollo → Nest path.
  const config = loadConfig({
    SEED_DEMO: 'false',
    PORT: '0',
    DATA_DIR: join(dataDir, 'portal'),
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
  });
  const app: INestApplication = await createPortal(config, databaseUrl, { logger: false });
  teardown.push({ label: 'closing the portal', run: () => app.close() });
  const counter = app.get(QueryCounter);

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, application_name: 'cases-bench' });
  teardown.push({ label: 'closing the pg pool', run: () => pool.end() });
  // The application role's own connections, as the portal's pool makes them (row security applies to it, not to the owner).
  const appPool = new pg.Pool({
    connectionString: app.get<string>(DATABASE_URL),
    max: 10,
    application_name: 'cases-bench-app',
    options: '-c portal.scope=system',
  });
  teardown.push({ label: 'closing the application role pool', run: () => appPool.end() });
  const [{ server_version: postgresVersion }] = (await pool.query<{ server_version: string }>('SHOW server_version'))
    .rows;

  // 3. The data.
  log('Filling the database…');
  const client = await pool.connect();
  let fill: FillResult;
  try {
    fill = await fillDatabase(client, CASES, log);
  } finally {
    client.release();
  }
  const { partner, sizes } = fill;
  log(
    `Filled in ${fill.fillSeconds} s. Partner "${partner.agencyName}" sees ${sizes.partner_visible.toLocaleString('en-GB')} cases ` +
      `(${((100 * sizes.partner_visible) / sizes.cases).toFixed(1)}%: owns ${sizes.partner_owned}, shared live ${sizes.partner_shared_live}).`,
  );
  if (sizes.partner_visible < DEEP + PAGE)
    throw new Error(`The partner sees ${sizes.partner_visible} cases: too few for a page after ${DEEP}`);

  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const graphql = new GraphQLClient(`http://127.0.0.1:${port}/graphql`);

  // 4. Sign in as the partner's caseworker.
  const { login } = await graphql.request<{ login: { accessToken: string } }>(LOGIN, {
    email: partner.email,
    password: fill.password,
  });
  graphql.token = login.accessToken;

  // Check before timing that every path returns the same rows: a fast wrong answer is no benchmark.
  const raw = new RawCases(pool);
  const first = await graphql.request<CasesPage>(CASES_PAGE, { first: PAGE });
  const reference = await raw.fullPage(partner.agencyId, PAGE);
  assertSame(
    'first page',
    first.cases.edges.map((e) => e.node.id),
    reference.cases.map((c) => c.id as string),
  );
  if (first.cases.totalCount !== reference.totalCount || reference.totalCount !== sizes.partner_visible) {
    throw new Error(
      `totalCount: GraphQL ${first.cases.totalCount}, SQL ${reference.totalCount}, expected ${sizes.partner_visible}`,
    );
  }
  for (const list of ['parties', 'incidents', 'actions', 'shares'] as const) {
    const viaGraphql = first.cases.edges.reduce((n, e) => n + e.node[list].length, 0);
    const viaSql = reference.cases.reduce((n, c) => n + (c[list] as unknown[]).length, 0);
    if (viaGraphql !== viaSql) throw new Error(`${list} on the first page: GraphQL ${viaGraphql}, SQL ${viaSql}`);
  }

  // Walk to the deep page by cursor, WALK_PAGE rows at a time, checking the walk against OFFSET.
  const walked: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < Math.ceil(DEEP / WALK_PAGE); page++) {
    const take = Math.min(WALK_PAGE, DEEP - walked.length);
    const result: CasesCursor = await graphql.request<CasesCursor>(CASES_CURSOR, { first: take, after });
    walked.push(...result.cases.edges.map((e) => e.node.id));
    after = result.cases.pageInfo.endCursor;
    if (!result.cases.pageInfo.hasNextPage || !after)
      throw new Error(`The list ended after ${walked.length} rows, before ${DEEP}`);
  }
  assertSame(`walk to row ${DEEP}`, walked, await raw.idsAtOffset(partner.agencyId, 0, DEEP));
  const deepCursor = after!;
  const deep = await graphql.request<CasesPage>(CASES_PAGE, { first: PAGE, after: deepCursor });
  assertSame(
    `page after ${DEEP}`,
    deep.cases.edges.map((e) => e.node.id),
    await raw.idsAtOffset(partner.agencyId, DEEP, PAGE),
  );
  // Row security returns the very rows the predicate does, with or without the predicate in the SQL.
  const visibleRef = await raw.pageAndCount(partner.agencyId, PAGE, true);
  for (const visibility of [true, false]) {
    const underRls = await raw.pageAndCountScoped(appPool, partner.agencyId, PAGE, visibility);
    assertSame(
      `row security${visibility ? ' with the predicate' : ' alone'}`,
      underRls.rows.map((row) => row.id),
      visibleRef.rows.map((row) => row.id),
    );
    if (underRls.total !== visibleRef.total)
      throw new Error(`row security count: ${underRls.total}, predicate count ${visibleRef.total}`);
  }
  log(
    `Checked: GraphQL and SQL agree on the first page, the walk to row ${DEEP.toLocaleString('en-GB')} and the page after it.`,
  );

  // 5. The scenarios.
  const graphqlPage = (cursor: string | null) => async () => {
    const requestId = randomUUID();
    const data = await graphql.request<CasesPage>(CASES_PAGE, { first: PAGE, after: cursor }, requestId);
    if (data.cases.edges.length !== PAGE) throw new Error(`Expected ${PAGE} cases, got ${data.cases.edges.length}`);
    return async () => {
      for (let i = 0; i < 200 && counter.statementsOf(requestId) === undefined; i++)
        await new Promise((r) => setTimeout(r, 5));
      return counter.statementsOf(requestId) ?? NaN;
    };
  };
  const scenarios: Scenario[] = [
    { key: 'graphqlFirst', run: graphqlPage(null) },
    {
      key: 'sqlFirst',
      run: async () => {
        const page = await raw.fullPage(partner.agencyId, PAGE);
        if (page.cases.length !== PAGE) throw new Error(`Expected ${PAGE} cases, got ${page.cases.length}`);
        return page.statements;
      },
    },
    { key: 'graphqlDeep', run: graphqlPage(deepCursor) },
    { key: 'sqlVisible', run: async () => (await raw.pageAndCount(partner.agencyId, PAGE, true)).statements },
    { key: 'sqlUnscoped', run: async () => (await raw.pageAndCount(partner.agencyId, PAGE, false)).statements },
    {
      key: 'sqlVisibleRls',
      run: async () => (await raw.pageAndCountScoped(appPool, partner.agencyId, PAGE, true)).statements,
    },
    {
      key: 'sqlRlsOnly',
      run: async () => (await raw.pageAndCountScoped(appPool, partner.agencyId, PAGE, false)).statements,
    },
  ];
  log(`Measuring ${scenarios.length} scenarios…`);
  const measureStarted = performance.now();
  // Timed with statement counting off (it costs about a tenth of a request), then counted in a pass of its own.
  counter.setTracking(false);
  const results = await measure(scenarios);
  counter.setTracking(true);
  for (const scenario of scenarios.filter((s) => s.key.startsWith('graphql'))) {
    let statements = 0;
    for (let i = 0; i < 10; i++) {
      const outcome = await scenario.run();
      statements += typeof outcome === 'function' ? await outcome() : outcome;
    }
    results.get(scenario.key)!.statementsPerRequest = Math.round((statements / 10) * 100) / 100;
  }
  log(`Measured in ${((performance.now() - measureStarted) / 1000).toFixed(1)} s`);
  const r = (key: string) => results.get(key)!;

  const comparisons: Record<string, Comparison> = {
    graphqlVsSql: compare(
      'cases(first: 50) GraphQL vs hand-written SQL',
      r('graphqlFirst'),
      r('sqlFirst'),
      AIMS.graphqlVsSql,
    ),
    deepVsFirst: compare(`page after ${DEEP} vs first page`, r('graphqlDeep'), r('graphqlFirst'), AIMS.deepVsFirst),
    visibilityVsNone: compare(
      'page + count with visibility vs without',
      r('sqlVisible'),
      r('sqlUnscoped'),
      AIMS.visibilityVsNone,
    ),
    rowSecurityVsNone: compare(
      'page + count with visibility, under row security vs without',
      r('sqlVisibleRls'),
      r('sqlVisible'),
      AIMS.rowSecurityVsNone,
    ),
    rowSecurityAloneVsNone: compare(
      'page + count, row security alone vs no visibility at all',
      r('sqlRlsOnly'),
      r('sqlUnscoped'),
      AIMS.rowSecurityVsNone,
    ),
  };

  // 6. The table.
  const fmt = (n: number) => n.toFixed(2);
  const row = (label: string, s: Summary, c?: Comparison, baseline = '') => [
    label,
    fmt(s.p50Ms),
    fmt(s.p95Ms),
    String(s.statementsPerRequest),
    c ? `${fmt(c.ratioP95)}×` : baseline,
    c ? `≤ ${c.aim}×` : '',
    c ? (c.met ? 'yes' : 'NO') : '',
  ];
  const deepLabel = DEEP.toLocaleString('en-GB');
  const table = formatTable(
    ['scenario', 'p50 ms', 'p95 ms', 'SQL/request', 'ratio (p95)', 'aim', 'met'],
    [
      row('a. cases(first: 50), every nested list — GraphQL/HTTP', r('graphqlFirst'), comparisons.graphqlVsSql),
      row('b. same page, hand-written SQL through pg', r('sqlFirst'), undefined, 'baseline of a'),
      row(`c. same query after ${deepLabel} rows (keyset) — GraphQL`, r('graphqlDeep'), comparisons.deepVsFirst),
      row('d. page + count, with visibility predicate — SQL', r('sqlVisible'), comparisons.visibilityVsNone),
      row('e. page + count, without visibility — SQL', r('sqlUnscoped'), undefined, 'baseline of d'),
      row('f. d under row security (app role, agency scope) — SQL', r('sqlVisibleRls'), comparisons.rowSecurityVsNone),
      row('g. e under row security, the policies alone — SQL', r('sqlRlsOnly'), comparisons.rowSecurityAloneVsNone),
    ],
  );
  log('');
  log(table);
  log('');
  log(
    `Ratios compare p95: a/b, c/a (the deep page against the first page), d/e. ${ITERATIONS} timed requests per scenario, sequential, interleaved.`,
  );
  log(
    'Visibility is compared at the SQL level: every user who can list cases has a visibility rule, so there is no GraphQL',
  );
  log(
    'request without one to compare with. SQL/request for a and c counts every statement the portal sent, the session lookup included.',
  );
  log(
    "a, f and g run under row security (the portal's requests, as the application role, each statement on a connection narrowed to",
  );
  log(
    "the agency: f/d and g/e are its cost); b, d and e run as the schema's owner, which row security does not apply to.",
  );

  let plans: Record<string, string> | undefined;
  if (process.env.BENCH_EXPLAIN === '1') {
    // The cursor names its order first (case-order.ts), then the keyset.
    const [openedAt, id] = (JSON.parse(Buffer.from(deepCursor, 'base64url').toString('utf8')) as string[]).slice(-2);
    const visible = pageSql(PAGE, true);
    const none = pageSql(PAGE, false);
    const keyset = pageSql(PAGE, true, true);
    plans = {
      pageVisible: await explain(pool, 'page, with visibility', visible.page, [partner.agencyId]),
      countVisible: await explain(pool, 'count, with visibility', visible.count, [partner.agencyId]),
      pageDeep: await explain(pool, `page after ${DEEP}, with visibility`, keyset.page, [
        partner.agencyId,
        openedAt,
        id,
      ]),
      pageNone: await explain(pool, 'page, without visibility', none.page, [partner.agencyId]),
      countNone: await explain(pool, 'count, without visibility', none.count, [partner.agencyId]),
      pageVisibleRls: await explainScoped(
        appPool,
        partner.agencyId,
        'page, with visibility, under row security',
        visible.page,
      ),
      countVisibleRls: await explainScoped(
        appPool,
        partner.agencyId,
        'count, with visibility, under row security',
        visible.count,
      ),
      pageRlsOnly: await explainScoped(appPool, partner.agencyId, 'page, row security alone', none.page),
      countRlsOnly: await explainScoped(appPool, partner.agencyId, 'count, row security alone', none.count),
    };
  }

  // 7. results.json.
  const output = {
    date: new Date().toISOString(),
    machine: machineFacts(postgresVersion, process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded, fresh'),
    dataset: {
      ...sizes,
      partnerAgency: partner.agencyName,
      partnerKind: partner.agencyKind,
      fillSeconds: fill.fillSeconds,
    },
    settings: {
      pageSize: PAGE,
      deepAfterRows: DEEP,
      warmup: WARMUP,
      iterations: ITERATIONS,
      order: 'sequential, interleaved round-robin',
    },
    scenarios: {
      graphqlFirstPage: {
        description: 'cases(first: 50) with every nested list, GraphQL over HTTP',
        ...r('graphqlFirst'),
      },
      sqlFirstPage: {
        description: 'the same page by hand-written SQL through pg (page ∥ count, 4 lists, agencies)',
        ...r('sqlFirst'),
      },
      graphqlDeepPage: { description: `the same query after ${DEEP} rows by keyset cursor`, ...r('graphqlDeep') },
      sqlPageCountVisible: {
        description: 'page + count with the visibility predicate, SQL through pg',
        ...r('sqlVisible'),
      },
      sqlPageCountUnscoped: {
        description: 'page + count without a visibility predicate, SQL through pg',
        ...r('sqlUnscoped'),
      },
      sqlPageCountVisibleRowSecurity: {
        description:
          'page + count with the visibility predicate, as the application role under row security (each statement on a connection narrowed to the agency for its session)',
        ...r('sqlVisibleRls'),
      },
      sqlPageCountRowSecurityOnly: {
        description: 'page + count without a predicate of its own, row security alone',
        ...r('sqlRlsOnly'),
      },
    },
    ratios: comparisons,
    aimsMet: Object.values(comparisons).every((c) => c.met),
    notes: [
      'Ratios are of p95 latencies; p50 ratios are given alongside.',
      'Visibility is compared at the SQL level: every user who can list cases has a visibility rule.',
      'a, f and g run under row security as the application role; b, d and e as the schema owner, which it does not apply to.',
    ],
    ...(plans ? { plans } : {}),
  };
  writeResults('cases', output);
  log(
    `\nWrote ${RESULTS_FILE} (key "cases"). ${output.aimsMet ? 'All aims met.' : 'Some aims missed (reported, not failed).'} ` +
      `Total ${((performance.now() - runStarted) / 1000).toFixed(0)} s.`,
  );
}

runBenchmark(main, tearDown, TIMEOUT_SECONDS);
