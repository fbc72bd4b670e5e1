import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { AlertHub } from '#libs/alert-feed';
import { loadConfig } from '#libs/config';
import type { DemoPartnership } from '#libs/demo';
import { DATABASE_URL, QueryCounter } from '#libs/db';
import { createPortal } from '../apps/api/src/portal.js';

export const ADMIN = { email: 'admin@partnership.test', password: 'Admin-password-123' };
export const PASSWORD = 'Correct-horse-battery-1';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

/**
 * A real portal on a database of its own: a fresh PostgreSQL database per test file, migrated by the app
 * at start, spoken to over HTTP exactly as partners' systems do.
 */
export class TestPortal {
  private constructor(
    readonly app: INestApplication,
    readonly db: pg.Pool,
    readonly databaseUrl: string,
    private readonly dropDatabase: () => Promise<void>,
    /** What the demo loader did at start (with SEED_DEMO=true): the sign-ins, and the administrator's password when it made one. */
    readonly demo: DemoPartnership | null,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestPortal> {
    const serverUrl = process.env.PORTAL_TEST_SERVER_URL;
    if (!serverUrl) throw new Error('PORTAL_TEST_SERVER_URL is not set: run the tests with npm test');
    const name = `portal_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return TestPortal.open(url.toString(), env, async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    });
  }

  /** Another instance of the portal on this one's database, as a second server behind a load balancer. */
  another(env: Record<string, string> = {}): Promise<TestPortal> {
    return TestPortal.open(this.databaseUrl, env, () => Promise.resolve());
  }

  private static async open(
    databaseUrl: string,
    env: Record<string, string>,
    dropDatabase: () => Promise<void>,
  ): Promise<TestPortal> {
    const url = new URL(databaseUrl);
    const config = loadConfig({
      DATABASE_URL: url.toString(),
      SEED_DEMO: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PORT: '0',
      COUNT_SQL_STATEMENTS: 'true',
      // The browser tests of other features sign in as managers and administrators, who are otherwise sent to
      // set up a second factor first; test/second-factor.e2e-spec.ts turns it back on.
      MFA_ENROLMENT_REQUIRED: 'false',
      // Likewise, the tests of other features make an administrator per agency; test/agency-administrators.e2e-spec.ts
      // turns the second administrator's approval of ADMIN back on.
      ADMIN_GRANT_APPROVAL: 'false',
      // PORTAL_TEST_POOL_MAX=2 runs the suite on a pool of two: a path that holds one pooled connection while it
      // waits for another then stalls and fails, instead of hiding behind a large pool.
      ...(process.env.PORTAL_TEST_POOL_MAX ? { DATABASE_POOL_MAX: process.env.PORTAL_TEST_POOL_MAX } : {}),
      ...env,
    });
    let demo = null as DemoPartnership | null;
    const app = await createPortal(config, url.toString(), {
      logger: false,
      onReady: (facts) => void (demo = facts.demo),
    });
    await app.listen(0, '127.0.0.1');
    const db = new pg.Pool({ connectionString: url.toString(), max: 2 });
    return new TestPortal(app, db, url.toString(), dropDatabase, demo);
  }

  get url(): string {
    const address = this.app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  /** The credentials the portal's own requests use (a role of their own, not the owner's `databaseUrl`). */
  get appDatabaseUrl(): string {
    return this.app.get<string>(DATABASE_URL);
  }

  get wsUrl(): string {
    return `${this.url.replace('http', 'ws')}/graphql`;
  }

  /** The data of a request, and how many SQL statements the portal sent to answer it. */
  async measured<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<{ data: T; statements: number }> {
    const id = randomBytes(8).toString('hex');
    const res = await request(this.app.getHttpServer())
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${token}`)
      .set('x-request-id', id)
      .send({ query, variables });
    const counter = this.app.get(QueryCounter);
    for (let i = 0; i < 100 && counter.statementsOf(id) === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    if (res.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
    return { data: res.body.data as T, statements: counter.statementsOf(id)! };
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResult<T>> {
    const req = request(this.app.getHttpServer()).post('/graphql').set('Content-Type', 'application/json');
    if (token) req.set('Authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return res.body as GraphQLResult<T>;
  }

  /** The data of a request that must succeed; fails the test with the errors otherwise. */
  async ok<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const result = await this.gql<T>(query, variables, token);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  /**
   * Waits until this instance has sent every alert committed so far: live subscriptions opened after it are
   * told of later changes only (alerts go to whoever holds the case when they are delivered).
   */
  async alertsSettled(ms = 10_000): Promise<void> {
    const hub = this.app.get(AlertHub);
    const until = Date.now() + ms;
    for (;;) {
      const { rows } = await this.db.query(`SELECT coalesce(max(id), 0)::text AS max FROM alerts`);
      if (hub.settledUpTo(Number(rows[0].max))) return;
      if (Date.now() > until) throw new Error(`alerts up to ${rows[0].max} not sent within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async login(email: string, password = PASSWORD): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email, password },
    );
    return data.login.accessToken;
  }

  async close(): Promise<void> {
    await this.db.end();
    await this.app.close();
    await this.dropDatabase();
  }
}

/** The first error's code, for asserting on refusals. */
export const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
