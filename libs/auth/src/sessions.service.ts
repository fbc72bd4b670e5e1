import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { defineAbilityFor, type RequestContext, type SessionUser } from '#libs/access';
import type { AgencyKind, Role } from '#libs/common';
import { TokensService } from './tokens.service.js';

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

  contextFor(user: SessionUser | null, address: string): RequestContext {
    return { user, ability: defineAbilityFor(user), db: this.dataSource.manager, address, loaders: new Map(), views: new Map() };
  }
}
