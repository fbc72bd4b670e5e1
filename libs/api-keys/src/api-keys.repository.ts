import { Injectable } from '@nestjs/common';
import { accessibleSql, type PortalAbility } from '#libs/access';
import { AgenciesRepository } from '#libs/agencies';
import { SESSIONS_CHANNEL } from '#libs/auth';
import type { AgencyKind } from '#libs/common';
import { type Database, exec, one, rows, SqlParams } from '#libs/db';
import { UsersRepository } from '#libs/users';
import type { ApiKeyAccess } from './api-key.model.js';

/** A key as listed: never its hash. */
export interface ApiKeyRow {
  id: string;
  agency_id: string;
  user_id: string;
  name: string;
  access: ApiKeyAccess;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** A usable key as a request presents it: its hash to compare, and the service account it acts as. */
export interface KeyBearerRow {
  id: string;
  access: ApiKeyAccess;
  secret_hash: Buffer;
  expires_at: Date;
  /** Due a "last used" write: not noted within the last minute. */
  stale: boolean;
  user_id: string;
  email: string;
  display_name: string;
  agency_id: string;
  agency_kind: AgencyKind;
}

export interface NewApiKey {
  id: string;
  agencyId: string;
  userId: string;
  name: string;
  access: ApiKeyAccess;
  secretHash: Buffer;
  createdBy: string;
  expiresAt: Date;
}

const COLUMNS =
  'k.id, k.agency_id, k.user_id, k.name, k.access, k.created_at, k.expires_at, k.last_used_at, k.revoked_at';
// The key lookup reads the service account and its agency in the same statement: it runs on every key's request.
const USERS_U = UsersRepository.tableAs('u');
const AGENCIES_A = AgenciesRepository.tableAs('a');
/** Unrevoked, unexpired, its service account active: `k` the key, `u` its account. */
const USABLE = 'k.revoked_at IS NULL AND k.expires_at > now() AND u.active AND u.system';

/** The one place that names `api_keys` in SQL. */
@Injectable()
export class ApiKeysRepository {
  async insert(db: Database, key: NewApiKey): Promise<ApiKeyRow> {
    const [row] = await rows<ApiKeyRow>(
      db,
      `INSERT INTO api_keys AS k (id, agency_id, user_id, name, access, secret_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [key.id, key.agencyId, key.userId, key.name, key.access, key.secretHash, key.createdBy, key.expiresAt],
    );
    return row;
  }

  /** Newest first: the keys the reader's rules let them read (their own agency's), in SQL from the same rules. */
  list(db: Database, ability: PortalAbility): Promise<ApiKeyRow[]> {
    const params = new SqlParams();
    const scope = accessibleSql(ability, 'read', 'ApiKey', 'k', params, 'set');
    return rows<ApiKeyRow>(
      db,
      `SELECT ${COLUMNS} FROM api_keys k WHERE ${scope} ORDER BY k.created_at DESC, k.id LIMIT 500`,
      params.values,
    );
  }

  /**
   * Revokes a key the caller may revoke; undefined for any other (missing and not theirs alike). `revokedNow` is
   * false for a key already revoked, left as it was. Its sockets close on every instance when `db` commits.
   */
  async revoke(
    db: Database,
    ability: PortalAbility,
    id: string,
    by: string,
  ): Promise<(ApiKeyRow & { revoked_now: boolean }) | undefined> {
    const params = new SqlParams();
    const keyId = params.add(id);
    const byId = params.add(by);
    const scope = accessibleSql(ability, 'deactivate', 'ApiKey', 'k', params, 'row');
    const row = await one<ApiKeyRow & { revoked_now: boolean }>(
      db,
      `UPDATE api_keys k SET revoked_at = coalesce(k.revoked_at, now()), revoked_by = coalesce(k.revoked_by, ${byId}::uuid)
        FROM api_keys was WHERE was.id = k.id AND k.id = ${keyId}::uuid AND ${scope}
        RETURNING ${COLUMNS}, was.revoked_at IS NULL AS revoked_now`,
      params.values,
    );
    if (row) await exec(db, `SELECT pg_notify('${SESSIONS_CHANNEL}', $1)`, [`session:${id}`]);
    return row;
  }

  /** The usable key with this id, with its service account; undefined if none. */
  findForBearer(db: Database, id: string): Promise<KeyBearerRow | undefined> {
    return one<KeyBearerRow>(
      db,
      `SELECT k.id, k.access, k.secret_hash, k.expires_at,
              k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute' AS stale,
              u.id AS user_id, u.email, u.display_name, u.agency_id, a.kind AS agency_kind
         FROM api_keys k JOIN ${USERS_U} ON u.id = k.user_id JOIN ${AGENCIES_A} ON a.id = u.agency_id
        WHERE k.id = $1 AND ${USABLE}`,
      [id],
    );
  }

  /** At most once a minute per key. */
  async touch(db: Database, id: string): Promise<void> {
    await exec(
      db,
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  async usableIds(db: Database, ids: readonly string[]): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT k.id FROM api_keys k JOIN ${USERS_U} ON u.id = k.user_id WHERE k.id = ANY($1::uuid[]) AND ${USABLE}`,
      [ids],
    );
    return found.map((row) => row.id);
  }
}
