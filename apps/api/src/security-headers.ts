import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { PRINT_STYLE_HASH } from '#libs/documents';

/** What the API answers is per user and often sensitive: no browser or proxy keeps a copy. */
const API_PATHS = /^\/(graphql|health|packs|exports|evidence|auth|notifications\/unsubscribe)(\/|$)/;

/**
 * Helmet's headers on every response, API and web app alike (and no X-Powered-By). The Content Security Policy is
 * same-origin only: the app's own scripts, styles and images, and its own API over HTTP and WebSocket ('self'
 * covers ws: and wss: to the same host); the one inline style allowed, by its hash, is the printable documents'
 * (meeting packs). HSTS is sent always: browsers heed it only over TLS, which is where it matters.
 */
export function applySecurityHeaders(app: INestApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", `'${PRINT_STYLE_HASH}'`],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (API_PATHS.test(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
