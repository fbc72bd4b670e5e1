import { ConfigError, loadConfig } from '#libs/config';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '#libs/db';
import type { DemoPartnership } from '#libs/demo';
import { announceDemo } from './demo-announcement.js';
import { createPortal } from './portal.js';

const log = (line: string) => console.log(`[portal] ${line}`);

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) embedded = await startEmbeddedDatabase(config.dataDir, log);
  const url = config.databaseUrl ?? embedded!.url;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let demo = null as DemoPartnership | null;
  const app = await createPortal(config, url, { onReady: (facts) => void (demo = facts.demo) });
  await app.listen(config.port);
  const address = `http://localhost:${config.port}`;
  log(`Database: ${embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`);
  if (demo) (await announceDemo(demo, config.dataDir)).forEach(log);
  if (config.adminEmail) log(`Administrator: ${config.adminEmail}`);
  // With no SMTP server, invitations and reset links land in files: say where to read them.
  if (!config.mail.smtpUrl)
    log(
      `Mail: not sent (no SMTP_URL), written to ${config.dataDir}/mail${config.mail.devPage ? ` and listed at ${address}/dev/mail` : ''}`,
    );
  log(`Ready. GraphQL API: ${address}/graphql (WebSocket ws://localhost:${config.port}/graphql)`);
  log(`Health: ${address}/health`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`[portal] Configuration: ${error.message}`);
  } else {
    console.error('[portal] Could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
