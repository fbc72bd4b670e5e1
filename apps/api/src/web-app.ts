import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { PRINT_STYLE_HASH } from '#libs/documents';

const API_PATHS = /^\/(graphql|health|packs|exports|evidence)(\/|$)/;

/**
 * Same-origin only: the app's own scripts, styles and images, and its own API over HTTP and WebSocket. The
 * one inline style allowed, by its hash, is the printable documents' (meeting packs), which the app opens as documents of their own.
 */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    `default-src 'self'; script-src 'self'; style-src 'self' '${PRINT_STYLE_HASH}'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * Serves the built web app at `/`, and its index for any other page address so the app's own routing takes
 * over. Hashed assets are cached for a year; the index never, so a new release is picked up at once.
 */
export function serveWebApp(app: INestApplication, portalDir: string): void {
  const index = join(portalDir, 'index.html');
  app.use(
    express.static(portalDir, {
      index: false,
      setHeaders: (res, path) => {
        res.set(SECURITY_HEADERS);
        if (path.includes('/assets/')) res.set('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || req.path.startsWith('/assets/')) return next();
    res.set(SECURITY_HEADERS);
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send('The web app has not been built: run `npm run build` (npm start does this).');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
}
