import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { abilityKey, defineAbilityFor, type PortalAbility, type RequestContext, type SessionUser } from '#libs/access';
import type { AgencyKind, Role } from '#libs/common';
import { AgencyScopedDb } from '#libs/db';
import { TokensService } from './tokens.service.js';

/** Enough for every agency and role set of a large partnership; past it the cache starts again. */
const MAX_ABILITIES = 10_000;

interface SessionRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  agency_id: string;
  agency_kind: AgencyKind;
}

/**
 * Turns an Authorization header into a request context. The user is re-read on every request, so a
 * deactivation or a change of roles takes effect at once, not when the token expires.
 */
@Injectable()
export class SessionsService {
  private readonly abilities = new Map<string, PortalAbility>();

  constructor(
    private readonly tokens: TokensService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async userForToken(authorization: unknown): Promise<SessionUser | null> {
    return (await this.sessionForToken(authorization))?.user ?? null;
  }

  /** The active user a bearer token names, and when the token expires; null for anything else. */
  async sessionForToken(authorization: unknown): Promise<{ user: SessionUser; expiresAt: Date } | null> {
    const match = typeof authorization === 'string' ? /^Bearer (\S+)$/i.exec(authorization.trim()) : null;
    if (!match) return null;
    const claims = await this.tokens.verify(match[1]);
    if (!claims) return null;
    const user = await this.activeUser(claims.userId);
    return user ? { user, expiresAt: claims.expiresAt } : null;
  }

  async activeUser(userId: string): Promise<SessionUser | null> {
    const [row]: SessionRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.roles, u.agency_id, a.kind AS agency_kind
         FROM users u JOIN agencies a ON a.id = u.agency_id
        WHERE u.id = $1 AND u.active`,
      [userId],
    );
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      agencyId: row.agency_id,
      agencyKind: row.agency_kind,
    };
  }

  /**
   * Everything a request reads or writes goes through `db`, scoped in the database to the caller's agency (no
   * agency, no case rows, for a context without a user); `system` is the unscoped manager, for the few named
   * figures and matches that read beyond the caller's rows.
   */
  contextFor(user: SessionUser | null, address: string): RequestContext {
    return {
      user,
      ability: this.abilityFor(user),
      db: new AgencyScopedDb(this.dataSource, user?.agencyId ?? null),
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
