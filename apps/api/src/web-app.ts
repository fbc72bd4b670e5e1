import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

const API_PATHS = /^\/(graphql|health|packs|exports|evidence|auth|dev\/mail|notifications\/unsubscribe)(\/|$)/;

/**
 * Serves the built web app at `/`, and its index for any other page address so the app's own routing takes
 * over. Hashed assets are cached for a year; the index never, so a new release is picked up at once.
 */
export function serveWebApp(app: INestApplication, portalDir: string): void {
  const index = join(portalDir, 'index.html');
  app.use(
    express.static(portalDir, {
      index: false,
      // The security headers are helmet's, for the whole app (security-headers.ts).
      setHeaders: (res, path) => {
        if (path.includes('/assets/')) res.set('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || req.path.startsWith('/assets/'))
      return next();
    if (!existsSync(index)) {
      res
        .status(404)
        .type('text/plain')
        .send('The web app has not been built: run `npm run build` (npm start does this).');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
}
