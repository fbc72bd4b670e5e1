import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { abilityKey, defineAbilityFor, type PortalAbility, type SessionUser } from '#libs/access';
import type { Queryable, RequestContext } from '#libs/context';
import { AlertScheduler } from '#libs/alerts';
import { UnauthenticatedError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { AgencyScopedDb, QueryCounter, REQUEST_POOL } from '#libs/db';
import { AuthRepository, type SignInMethod, type SessionUserRow } from './auth.repository.js';
import { API_KEY_PREFIX, KeyBearers } from './key-bearers.js';
import { TokensService } from './tokens.service.js';

/** Enough for every agency and role set of a large partnership; past it the cache starts again. */
const MAX_ABILITIES = 10_000;

/** Why a session ended, as kept in `sessions.ended_reason`. */
export type SessionEnd =
  'SIGNED_OUT' | 'SIGNED_OUT_EVERYWHERE' | 'ENDED_BY_ADMINISTRATOR' | 'USER_DEACTIVATED' | 'IDLE' | 'PASSWORD_CHANGED';

/** The signed-in session a token presents. */
export interface Session {
  id: string;
  user: SessionUser;
  expiresAt: Date;
}

/**
 * Turns an Authorization header into a request context. The session and the user are re-read on every request
 * (one statement), so signing out, a deactivation or a change of roles takes effect at once, not when the token
 * expires. A session is open until it is ended, its token expires, or it goes unused for SESSION_IDLE_MINUTES.
 *
 * "Last seen" is written at most once a minute per session, by a conditional UPDATE when the read finds it
 * older than that, so a busy session costs no write per request. A WebSocket with live subscriptions counts as
 * use (the person has the portal open): LiveConnections' sweep touches its session the same way.
 */
@Injectable()
export class SessionsService implements OnModuleInit {
  private readonly abilities = new Map<string, PortalAbility>();

  constructor(
    private readonly tokens: TokensService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectDataSource(REQUEST_POOL) private readonly requestPool: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: AlertScheduler,
    private readonly counter: QueryCounter,
    private readonly repository: AuthRepository,
    private readonly keys: KeyBearers,
  ) {}

  onModuleInit(): void {
    this.scheduler.addPass(() => this.prune());
  }

  /** The request context of whoever presents this Authorization header; a context without a user for anything but an open session. */
  async contextForToken(authorization: unknown, address: string): Promise<RequestContext> {
    const session = await this.sessionForToken(authorization);
    // A partner system's key: one request against its rate, and no session to sign out of.
    if (session?.user.apiKey) {
      this.keys.admit(session.user.apiKey.id);
      return this.contextFor(session.user, address, null);
    }
    return this.contextFor(session?.user ?? null, address, session?.id ?? null);
  }

  /** The open session a bearer token presents, with its active user; null for anything else. */
  async sessionForToken(authorization: unknown): Promise<Session | null> {
    const match = typeof authorization === 'string' ? /^Bearer (\S+)$/i.exec(authorization.trim()) : null;
    if (!match) return null;
    if (match[1].startsWith(API_KEY_PREFIX)) return this.keys.sessionFor(match[1]);
    const claims = await this.tokens.verify(match[1]);
    if (!claims) return null;
    const row = await this.repository.findOpenSession(
      this.dataSource,
      claims.sessionId,
      claims.userId,
      this.config.sessionIdleMinutes,
    );
    if (!row) return null;
    if (row.idle) {
      // Recorded as ended, so a longer SESSION_IDLE_MINUTES later does not bring it back.
      await this.repository.endIdleSession(this.dataSource, claims.sessionId);
      return null;
    }
    // Bookkeeping beside the request, counted apart from its own statements (which tests and the benchmark compare).
    if (row.stale) await this.counter.countAs('session-last-seen', () => this.touch([claims.sessionId]));
    return { id: claims.sessionId, user: toSessionUser(row), expiresAt: claims.expiresAt };
  }

  /** Marks sessions as used now; at most once a minute each, and never one already ended or idle. */
  async touch(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.repository.touchSessions(this.dataSource, sessionIds, this.config.sessionIdleMinutes);
  }

  /** Of these sessions, those still open: not ended, not idle, their user active (expiry is the token's). */
  async stillOpen(sessionIds: readonly string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const open = new Set(
      await this.repository.openSessionIds(this.dataSource, sessionIds, this.config.sessionIdleMinutes),
    );
    // A socket opened with a partner system's key is "named" by the key: asked of the keys only for ids that are
    // no session, so a sweep with no key sockets costs what it did.
    const others = sessionIds.filter((id) => !open.has(id));
    if (others.length > 0) for (const id of await this.keys.stillUsable(others)) open.add(id);
    return open;
  }

  /** Ends the session the caller presented (a socket's context has none to end: it carries no mutation). */
  async signOut(ctx: RequestContext): Promise<boolean> {
    if (!ctx.sessionId) throw new UnauthenticatedError();
    await this.endSession(ctx.db, ctx.sessionId, 'SIGNED_OUT');
    return true;
  }

  /** Ends every session of the caller, the one presented included; how many ended. */
  signOutEverywhere(ctx: RequestContext): Promise<number> {
    return this.endUserSessions(ctx.db, ctx.user!.id, 'SIGNED_OUT_EVERYWHERE');
  }

  /** Ends one session; its sockets close on every instance when `db`'s transaction commits. */
  endSession(db: Queryable, sessionId: string, reason: SessionEnd): Promise<boolean> {
    return this.repository.endSession(db, sessionId, reason);
  }

  /**
   * Ends every open session of a user, and (on commit) closes every socket of theirs on every instance.
   * Counts the sessions that could still have been used: not those already expired or idle.
   */
  endUserSessions(db: Queryable, userId: string, reason: SessionEnd): Promise<number> {
    return this.repository.endUserSessions(db, userId, reason, this.config.sessionIdleMinutes);
  }

  /** Ends every session of a user but the one kept (theirs, changing their password); how many ended. */
  endOtherSessions(db: Queryable, userId: string, keptSessionId: string, reason: SessionEnd): Promise<number> {
    return this.repository.endOtherSessions(db, userId, keptSessionId, reason, this.config.sessionIdleMinutes);
  }

  /**
   * A session's row is kept one token lifetime after its token expired (who was signed in, from where, how it
   * ended), then removed; by the scheduler, so no request pays for it.
   */
  async prune(): Promise<void> {
    await this.repository.deleteSessionsExpiredBefore(this.dataSource, this.config.tokenTtlSeconds);
  }

  /** How the caller's session began; undefined without one (a partner system's key, a test's context). */
  async signInMethod(ctx: RequestContext): Promise<SignInMethod | undefined> {
    return ctx.sessionId ? this.repository.signInMethodOf(ctx.db, ctx.sessionId) : undefined;
  }

  async activeUser(userId: string): Promise<SessionUser | null> {
    const row = await this.repository.findActiveUser(this.dataSource, userId);
    return row ? toSessionUser(row) : null;
  }

  /**
   * Everything a request reads or writes goes through `db`, scoped in the database to the caller's agency (no
   * agency, no case rows, for a context without a user); `system` is the unscoped manager, for the few named
   * figures and matches that read beyond the caller's rows.
   */
  contextFor(user: SessionUser | null, address: string, sessionId: string | null = null): RequestContext {
    return {
      user,
      sessionId,
      ability: this.abilityFor(user),
      db: new AgencyScopedDb(this.requestPool, user?.agencyId ?? null),
      system: this.dataSource.manager,
      address,
      loaders: new Map(),
      views: new Map(),
    };
  }

  /**
   * Rules depend on the agency, its kind and the roles (and a chair's own meetings), so everyone alike shares
   * one ability: five thousand open subscriptions hold a few dozen, not five thousand.
   */
  private abilityFor(user: SessionUser | null): PortalAbility {
    const key = abilityKey(user);
    let ability = this.abilities.get(key);
    if (!ability) {
      if (this.abilities.size >= MAX_ABILITIES) this.abilities.clear();
      this.abilities.set(key, (ability = defineAbilityFor(user)));
    }
    return ability;
  }
}

function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    agencyId: row.agency_id,
    agencyKind: row.agency_kind,
  };
}
