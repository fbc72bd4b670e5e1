import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { AdminAction, AdministrationRepository } from '#libs/administration';
import { AgenciesService } from '#libs/agencies';
import { BadInputError, NotFoundError, parseId, Role } from '#libs/common';
import { hashPassword, UsersRepository } from '#libs/users';
import type { ApiKey, CreatedApiKey } from './api-key.model.js';
import type { CreateApiKeyInput } from './api-keys.inputs.js';
import { type ApiKeyRow, ApiKeysRepository } from './api-keys.repository.js';
import { MAX_KEY_DAYS, newKey } from './api-keys.rules.js';

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  access: row.access,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/**
 * An agency's keys for its case system, held by its managers (and the partnership administrator, for the
 * administration agency): always the caller's own agency, so no one can make a key that reads another agency's
 * cases. Each key made or revoked is recorded in the administration log in the same transaction.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly users: UsersRepository,
    private readonly log: AdministrationRepository,
    private readonly repository: ApiKeysRepository,
  ) {}

  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const now = Date.now();
    if (input.expiresAt.getTime() <= now) throw new BadInputError('expiresAt', 'expiresAt must be in the future');
    if (input.expiresAt.getTime() > now + MAX_KEY_DAYS * 24 * 3600 * 1000)
      throw new BadInputError('expiresAt', `A key lasts at most ${MAX_KEY_DAYS} days: make a new one before then`);
    const name = input.name.trim();
    if (name.length < 2) throw new BadInputError('name', 'name must be 2 to 100 characters');
    const actor = ctx.user!;
    const account = await this.serviceAccount(ctx, actor.agencyId);
    const { id, key, secretHash } = newKey();
    const row = await this.repository.insert(ctx.db, {
      id,
      agencyId: actor.agencyId,
      userId: account.id,
      name,
      access: input.access,
      secretHash,
      createdBy: actor.id,
      expiresAt: input.expiresAt,
    });
    await this.record(ctx, AdminAction.API_KEY_CREATED, row, account.displayName);
    return { key, apiKey: toApiKey(row) };
  }

  async list(ctx: RequestContext): Promise<ApiKey[]> {
    return (await this.repository.list(ctx.db, ctx.ability)).map(toApiKey);
  }

  /** Stops the key at once, its open sockets too; another agency's key answers as one that does not exist. */
  async revoke(ctx: RequestContext, id: string): Promise<ApiKey> {
    const row = await this.repository.revoke(ctx.db, ctx.ability, parseId(id, 'id'), ctx.user!.id);
    if (!row) throw new NotFoundError('Key', 'id');
    if (row.revoked_now) {
      const account = await this.serviceAccount(ctx, row.agency_id);
      await this.record(ctx, AdminAction.API_KEY_REVOKED, row, account.displayName);
    }
    return toApiKey(row);
  }

  /** The agency's service account, made with its first key: a caseworker no password opens. */
  private async serviceAccount(ctx: RequestContext, agencyId: string): Promise<{ id: string; displayName: string }> {
    const agency = await this.agencies.byId(ctx, agencyId);
    const displayName = `${agency.name} case system`;
    const existing = await this.users.serviceAccountOf(ctx.db, agencyId);
    if (existing) return { id: existing, displayName };
    const { id, created } = await this.users.insertServiceAccount(ctx.db, {
      displayName,
      agencyId,
      roles: [Role.CASEWORKER],
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
    });
    // An account made is in the log like any other, with the manager who caused it as the one who acted.
    if (created)
      await this.log.insert(ctx.db, {
        action: AdminAction.USER_CREATED,
        actor: { id: ctx.user!.id, agencyId: ctx.user!.agencyId },
        agencyId,
        userId: id,
        crossAgency: false,
        detail: { displayName, roles: [Role.CASEWORKER] },
      });
    return { id, displayName };
  }

  private record(ctx: RequestContext, action: AdminAction, row: ApiKeyRow, displayName: string): Promise<void> {
    return this.log.insert(ctx.db, {
      action,
      actor: { id: ctx.user!.id, agencyId: ctx.user!.agencyId },
      agencyId: row.agency_id,
      userId: row.user_id,
      crossAgency: false,
      detail: {
        displayName,
        roles: [Role.CASEWORKER],
        keyName: row.name,
        keyAccess: row.access,
        keyExpiresAt: row.expires_at.toISOString(),
      },
    });
  }
}
