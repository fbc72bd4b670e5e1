import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  type Configuration,
  discovery,
  enableNonRepudiationChecks,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
} from 'openid-client';
import type { DataSource } from 'typeorm';
import { AdminAction, AdministrationService } from '#libs/administration';
import { SessionsService, TokensService } from '#libs/auth';
import { hashPassword, UsersRepository } from '#libs/users';
import { IdentityProvidersService, type ProviderSettings } from './identity-providers.service.js';
import { SsoRepository } from './sso.repository.js';
import {
  claimAt,
  digestOf,
  emailDomainOf,
  emailVerified,
  isLoopback,
  rolesFromClaim,
  vouchedFor,
} from './sso.rules.js';

/** How long a browser has to come back from its provider, and then to collect its session. */
export const ATTEMPT_SECONDS = 10 * 60;
export const HANDOFF_SECONDS = 60;
/** A provider's discovery document and keys are asked again after this long (keys rotate). */
const DISCOVERY_TTL_MS = 10 * 60 * 1000;

/** Why a sign-in was refused: logged for the operator, never shown to the browser (which gets one generic code). */
export class SsoRefusal extends Error {}

const random = () => randomBytes(32).toString('base64url');

/**
 * Sign-in through an agency's own OpenID Connect provider: the authorization code flow with PKCE, `state` and
 * `nonce`, all checked by openid-client, including the ID token's signature against the issuer's published keys
 * (`enableNonRepudiationChecks`: without it a token from the token endpoint is trusted on TLS alone). The person
 * is matched by a verified email of one of the agency's domains, among the agency's own accounts.
 */
@Injectable()
export class SingleSignOnService {
  private readonly logger = new Logger('SingleSignOn');
  private readonly discovered = new Map<string, { version: string; at: number; config: Promise<Configuration> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: IdentityProvidersService,
    private readonly repository: SsoRepository,
    private readonly users: UsersRepository,
    private readonly tokens: TokensService,
    private readonly sessions: SessionsService,
    private readonly administration: AdministrationService,
  ) {}

  /** Where to send the browser, and the value of the cookie that binds this attempt to it. */
  async start(agencyId: string, origin: string): Promise<{ location: string; attempt: string }> {
    const settings = await this.settings(agencyId);
    const config = await this.configuration(settings);
    const verifier = randomPKCECodeVerifier();
    const state = randomState();
    const nonce = randomNonce();
    const redirectUri = this.providers.redirectUri(origin);
    const attempt = random();
    await this.repository.insertAttempt(
      this.dataSource,
      digestOf(attempt),
      { agency_id: settings.agencyId, state, nonce, code_verifier: verifier, redirect_uri: redirectUri },
      ATTEMPT_SECONDS,
    );
    const location = buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { location: location.href, attempt };
  }

  /**
   * The provider's answer, with the attempt cookie: the attempt is used up whatever happens. Answers the value of
   * the handoff cookie the portal exchanges (once, within a minute) for its session.
   */
  async callback(attemptCookie: string | null, search: string): Promise<string> {
    if (!attemptCookie) throw new SsoRefusal('no attempt cookie');
    const attempt = await this.repository.takeAttempt(this.dataSource, digestOf(attemptCookie));
    if (!attempt) throw new SsoRefusal('no such attempt, or it expired or was used');
    const settings = await this.settings(attempt.agency_id);
    const config = await this.configuration(settings);
    const currentUrl = new URL(attempt.redirect_uri);
    currentUrl.search = search;
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw new SsoRefusal(`the provider's answer did not validate: ${(error as Error).message}`);
    }
    if (!claims) throw new SsoRefusal('no ID token');
    const userId = await this.matchUser(settings, claims);
    const handoff = random();
    await this.repository.insertHandoff(this.dataSource, digestOf(handoff), userId, HANDOFF_SECONDS);
    return handoff;
  }

  /** The session for a handoff cookie: once, within its minute, for a user still active. Made as `login` makes one. */
  async exchange(handoffCookie: string | null, address: string): Promise<{ accessToken: string; expiresAt: Date }> {
    if (!handoffCookie) throw new SsoRefusal('no handoff cookie');
    const userId = await this.repository.takeHandoff(this.dataSource, digestOf(handoffCookie));
    if (!userId) throw new SsoRefusal('no such handoff, or it expired or was used');
    if (!(await this.sessions.activeUser(userId))) throw new SsoRefusal('the account was deactivated');
    const { token, expiresAt } = await this.tokens.issue(userId, address, 'SINGLE_SIGN_ON');
    return { accessToken: token, expiresAt };
  }

  private async settings(agencyId: string): Promise<ProviderSettings> {
    const settings = await this.providers.settings(agencyId);
    if (!settings) throw new SsoRefusal('no identity provider for this agency, or its secret no longer opens');
    return settings;
  }

  /** The agency's account for these claims: an existing one of the agency, or one made now if the agency allows. */
  private async matchUser(settings: ProviderSettings, claims: Record<string, unknown>): Promise<string> {
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    if (!email) throw new SsoRefusal('no email claim');
    if (!emailVerified(claims)) throw new SsoRefusal('the email is not verified by the provider');
    if (!vouchedFor(email, settings.emailDomains)) throw new SsoRefusal('the email is outside the agency’s domains');
    const existing = await this.users.findForSignIn(this.dataSource, email);
    if (existing) {
      if (existing.agency_id !== settings.agencyId) throw new SsoRefusal('the account belongs to another agency');
      if (!existing.active) throw new SsoRefusal('the account is deactivated');
      return existing.id;
    }
    if (!settings.createUsers) throw new SsoRefusal('no account, and the agency does not make one at first sign-in');
    const claimed = settings.rolesClaim ? rolesFromClaim(claimAt(claims, settings.rolesClaim)) : [];
    const roles = claimed.length ? claimed : [settings.defaultRole];
    const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 200) : '';
    const displayName = name || email.slice(0, email.length - (emailDomainOf(email)?.length ?? 0) - 1);
    // Nobody knows this password: the account signs in through its provider (or after a reset, where offered).
    const passwordHash = await hashPassword(random());
    return this.dataSource.transaction(async (db) => {
      const user = await this.users.insert(db, {
        email,
        displayName,
        agencyId: settings.agencyId,
        roles,
        passwordHash,
      });
      await this.administration.recordWithoutActor(db, {
        action: AdminAction.USER_CREATED,
        agencyId: settings.agencyId,
        userId: user.id,
        detail: { displayName, roles, source: 'sso' },
      });
      return user.id;
    });
  }

  /** The provider's discovery, kept per agency for a while and forgotten when its settings change or it fails. */
  private configuration(settings: ProviderSettings): Promise<Configuration> {
    const cached = this.discovered.get(settings.agencyId);
    if (cached && cached.version === settings.version && Date.now() - cached.at < DISCOVERY_TTL_MS)
      return cached.config;
    const issuer = new URL(settings.issuer);
    const insecure = issuer.protocol === 'http:';
    if (insecure && !isLoopback(issuer.hostname)) throw new SsoRefusal('an http issuer off this machine');
    const config = discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
      execute: [...(insecure ? [allowInsecureRequests] : []), enableNonRepudiationChecks],
      timeout: 10,
    });
    const entry = { version: settings.version, at: Date.now(), config };
    this.discovered.set(settings.agencyId, entry);
    return config.catch((error: unknown) => {
      if (this.discovered.get(settings.agencyId) === entry) this.discovered.delete(settings.agencyId);
      throw new SsoRefusal(`discovery failed: ${(error as Error).message}`);
    });
  }

  /** Logged with the reason for the operator; the browser learns only that signing in did not work. */
  noteRefusal(error: unknown): void {
    if (error instanceof SsoRefusal) this.logger.warn(`Single sign-on refused: ${error.message}`);
    else this.logger.error(`Single sign-on failed: ${(error as Error)?.message ?? String(error)}`);
  }
}
