import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { RateBuckets } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { cookieValue } from './sso.rules.js';
import { ATTEMPT_SECONDS, HANDOFF_SECONDS, SingleSignOnService, SsoRefusal } from './single-sign-on.service.js';

const ATTEMPT_COOKIE = 'portal_sso_attempt';
const HANDOFF_COOKIE = 'portal_sso_handoff';
/** Where the portal's sign-in page is; it reads `sso` (success) or `sso_error` (a code, never a detail). */
const SIGNED_IN = '/?sso=complete';
const FAILED = '/?sso_error=failed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sign-ins one address may start a minute (in bursts of as many), per instance. Each start keeps a row for ten
 * minutes, so without a bound one address could fill the table; with it, a whole force behind one NAT signing in
 * at the start of a shift (a hundred a minute) still never waits.
 */
export const SSO_STARTS_PER_MINUTE = 300;

/**
 * The browser's side of single sign-on. Both cookies are HttpOnly (no script reads them), SameSite=Lax (sent on
 * the provider's top-level redirect back, not on another site's form post), scoped to /auth/sso, short-lived and
 * Secure over https. The session itself never appears in a URL: the callback leaves a single-use handoff in a
 * cookie, and the portal's page exchanges it by POST for its access token.
 */
@Controller('auth/sso')
export class SsoController {
  private readonly starts = new RateBuckets(SSO_STARTS_PER_MINUTE);

  constructor(
    private readonly sso: SingleSignOnService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':agencyId/start')
  async start(@Param('agencyId') agencyId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const wait = this.starts.take(req.ip ?? 'unknown');
    if (wait > 0) {
      res.set('Retry-After', String(wait)).status(429).type('text/plain');
      res.send(`Too many sign-ins started from this address. Try again in ${wait} seconds.`);
      return;
    }
    try {
      if (!UUID.test(agencyId)) throw new SsoRefusal('not an agency id');
      const { location, attempt } = await this.sso.start(agencyId.toLowerCase(), originOf(req));
      res.cookie(ATTEMPT_COOKIE, attempt, this.cookie(req, ATTEMPT_SECONDS));
      res.redirect(302, location);
    } catch (error) {
      this.fail(res, error);
    }
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const attempt = cookieValue(req.headers.cookie, ATTEMPT_COOKIE);
    // Used up whatever the outcome: the browser forgets it too.
    res.clearCookie(ATTEMPT_COOKIE, this.cookie(req));
    try {
      const search = new URL(req.originalUrl, 'http://portal.invalid').search;
      const handoff = await this.sso.callback(attempt, search);
      res.cookie(HANDOFF_COOKIE, handoff, this.cookie(req, HANDOFF_SECONDS));
      res.redirect(302, SIGNED_IN);
    } catch (error) {
      this.fail(res, error);
    }
  }

  /**
   * The session for the handoff cookie, once. JSON only: a form another site posts cannot ask (and SameSite=Lax
   * keeps the cookie off such a post anyway); a script elsewhere cannot read the answer (no CORS).
   */
  @Post('exchange')
  @HttpCode(200)
  async exchange(@Req() req: Request, @Res() res: Response): Promise<void> {
    const handoff = cookieValue(req.headers.cookie, HANDOFF_COOKIE);
    res.clearCookie(HANDOFF_COOKIE, this.cookie(req));
    res.set('Cache-Control', 'no-store');
    try {
      if (!req.is('application/json')) throw new SsoRefusal('the exchange is asked with a JSON request');
      const session = await this.sso.exchange(handoff, req.ip ?? 'unknown');
      res.status(200).json({ accessToken: session.accessToken, expiresAt: session.expiresAt.toISOString() });
    } catch (error) {
      this.sso.noteRefusal(error);
      res.status(401).json({ error: 'UNAUTHENTICATED' });
    }
  }

  /** Secure whenever the browser is on https: by PUBLIC_URL, or as the trusted proxies report the request. */
  private cookie(req: Request, seconds?: number): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure || this.config.publicUrl?.startsWith('https:') === true,
      path: '/auth/sso',
      ...(seconds === undefined ? {} : { maxAge: seconds * 1000 }),
    };
  }

  private fail(res: Response, error: unknown): void {
    this.sso.noteRefusal(error);
    res.redirect(302, FAILED);
  }
}

/** The address the browser used, as the trusted proxies report it (PUBLIC_URL, when set, wins over this). */
function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
