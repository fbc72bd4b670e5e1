import 'reflect-metadata';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '#libs/config';
import { produceDemoLetter, seedDemoPartnership } from '#libs/demo';
import { prepareDatabase, QueryCounter } from '#libs/db';
import { ensureAdministrator } from '#libs/administration';
import { AppModule } from './app.module.js';
import { applySecurityHeaders } from './security-headers.js';
import { serveWebApp } from './web-app.js';

export interface PortalOptions {
  logger?: LoggerService | false;
  /** Called with what start-up did, for the start banner. */
  onReady?: (facts: { demo: Awaited<ReturnType<typeof seedDemoPartnership>> | null }) => void;
}

/**
 * The whole portal, migrated and bootstrapped, not yet listening: `main.ts`, the end-to-end tests and the
 * benchmark all start it the same way. `databaseUrl` is the owner's: it migrates, then everything else
 * (requests, the listener, the scheduler, seeding) runs as the application role.
 */
export async function createPortal(
  config: AppConfig,
  databaseUrl: string,
  options: PortalOptions = {},
): Promise<INestApplication> {
  const appDatabaseUrl = await prepareDatabase(databaseUrl, config.appDatabaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, appDatabaseUrl), {
    logger: options.logger ?? ['error', 'warn'],
    abortOnError: false,
  });
  // `req.ip` is then the client as the trusted proxies saw it, and the socket's peer when none is trusted:
  // the address sign-in throttling counts against, which a client cannot choose by writing X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  const counter = app.get(QueryCounter);
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) =>
    counter.track(req.headers['x-request-id'] as string | undefined, next, (listener) => res.on('finish', listener)),
  );
  applySecurityHeaders(app);
  serveWebApp(app, config.portalDir);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (config.adminEmail && config.adminPassword)
    await ensureAdministrator(dataSource, config.adminEmail, config.adminPassword);
  const demo = config.seedDemo ? await seedDemoPartnership(dataSource) : null;
  // The demo's one letter already sent is made as a caseworker makes one, so its PDF is in the evidence store.
  if (demo?.loaded) await produceDemoLetter(app, dataSource);
  options.onReady?.({ demo });
  return app;
}
