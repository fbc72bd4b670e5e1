import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { loadConfig } from '#libs/config';
import { QueryCounter, startEmbeddedDatabase } from '#libs/db';
import { createPortal } from '../apps/api/src/portal.js';
import { fillDatabase } from './fill.js';
import { CASES_PAGE, GraphQLClient, LOGIN } from './graphql-client.js';

/** The portal in this process on a filled embedded database, signed in as the benchmark's partner and warmed up. */
export interface SignedInPortal {
  graphql: GraphQLClient;
  app: INestApplication;
  /** Closes the portal, stops the database and removes its directory. */
  stop: () => Promise<void>;
}

/**
 * For the tools that look inside one request (bench/profile-cases.ts, bench/probe-statements.ts): a fresh embedded
 * database of `cases` cases, the whole portal on a local port (`NODE_ENV=production` in its config, statement
 * counting off), its partner's caseworker signed in, and `warmUp` requests of the case list sent first.
 */
export async function startSignedInPortal(cases: number, warmUp: number): Promise<SignedInPortal> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'cases-inside-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the cluster's parent directory.
  chmodSync(dataDir, 0o755);
  const database = await startEmbeddedDatabase(join(dataDir, 'data'), () => undefined);
  const removeAll = async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
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
    const fill = await fillDatabase(client, cases, () => undefined);
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
    for (let i = 0; i < warmUp; i++) await graphql.request(CASES_PAGE, { first: 50 });
    return {
      graphql,
      app,
      stop: async () => {
        await app.close();
        await removeAll();
      },
    };
  } catch (error) {
    await removeAll();
    throw error;
  }
}
