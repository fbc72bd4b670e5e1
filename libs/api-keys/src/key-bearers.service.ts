import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type KeyBearer, KeyBearers, type Session } from '#libs/auth';
import { RateBuckets, Role, TooManyRequestsError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { QueryCounter } from '#libs/db';
import { ApiKeyAccess } from './api-key.model.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { parseKey, secretMatches } from './api-keys.rules.js';

/**
 * A key presented where a token would be: the request then acts as the agency's service account, with the
 * caseworker role whatever its row says (so no change of roles can widen what a key does), the same rules, row
 * scope and audit as any caseworker of the agency. The key is re-read on every request (one statement), so a
 * revocation or expiry takes effect at once; "last used" is written at most once a minute, beside the request.
 */
@Injectable()
export class KeyBearerService implements KeyBearer, OnModuleInit {
  private readonly rate: RateBuckets;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly counter: QueryCounter,
    private readonly repository: ApiKeysRepository,
    private readonly bearers: KeyBearers,
  ) {
    this.rate = new RateBuckets(config.apiKeyRequestsPerMinute);
  }

  onModuleInit(): void {
    this.bearers.lend(this);
  }

  async sessionFor(key: string): Promise<Session | null> {
    const parsed = parseKey(key);
    if (!parsed) return null;
    const row = await this.repository.findForBearer(this.dataSource, parsed.id);
    if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
    // Bookkeeping beside the request, counted apart from its own statements (as a session's "last seen" is).
    if (row.stale) await this.counter.countAs('key-last-used', () => this.repository.touch(this.dataSource, row.id));
    return {
      id: row.id,
      expiresAt: row.expires_at,
      user: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        agencyId: row.agency_id,
        agencyKind: row.agency_kind,
        roles: [Role.CASEWORKER],
        apiKey: { id: row.id, readOnly: row.access === ApiKeyAccess.READ_ONLY },
      },
    };
  }

  admit(keyId: string): void {
    const wait = this.rate.take(keyId);
    if (wait > 0) throw new TooManyRequestsError(wait);
  }

  stillUsable(keyIds: readonly string[]): Promise<string[]> {
    return this.repository.usableIds(this.dataSource, keyIds);
  }
}
