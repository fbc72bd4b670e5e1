import { Injectable } from '@nestjs/common';
import { accessibleSql, type PortalAbility } from '#libs/access';
import { type Database, exec, one, rows, SqlParams } from '#libs/db';
import type { AdminAction, AdminEventDetail } from './admin-event.model.js';
import type { AdminGrantRow } from './administration.rules.js';

const GRANT_COLUMNS = 'id, user_id, requested_by, requested_at, expires_at, decided_by, decided_at, outcome';

/** An event as kept in `admin_events`. */
export interface AdminEventRow {
  id: string;
  at: Date;
  action: AdminAction;
  actor_id: string | null;
  agency_id: string;
  user_id: string | null;
  cross_agency: boolean;
  detail: AdminEventDetail;
}

export interface NewAdminEvent {
  action: AdminAction;
  /** Null only for the portal itself at start. */
  actor: { id: string; agencyId: string } | null;
  agencyId: string;
  userId?: string | null;
  crossAgency: boolean;
  detail: AdminEventDetail;
}

/** The one place that names `admin_events` and `admin_grants` in SQL. */
@Injectable()
export class AdministrationRepository {
  /** Held until the transaction ends: two instances starting together must not both create the first administrator. */
  async lockBootstrap(db: Database): Promise<void> {
    await exec(db, `SELECT pg_advisory_xact_lock(hashtext('partnership-bootstrap'))`);
  }

  /** Appends one event through `db`, the change's own transaction: the change and its record commit together or not at all. */
  async insert(db: Database, event: NewAdminEvent): Promise<void> {
    await exec(
      db,
      `INSERT INTO admin_events (actor_id, actor_agency_id, action, agency_id, user_id, cross_agency, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        event.actor?.id ?? null,
        event.actor?.agencyId ?? null,
        event.action,
        event.agencyId,
        event.userId ?? null,
        event.crossAgency,
        event.detail,
      ],
    );
  }

  /**
   * Newest first, `limit` of them, older than `beforeId` when given: the events the reader's rules let them read
   * (row scope in SQL from the same rules), about one agency when `agencyId` is given.
   */
  page(
    db: Database,
    ability: PortalAbility,
    agencyId: string | null,
    beforeId: string | null,
    limit: number,
  ): Promise<AdminEventRow[]> {
    const params = new SqlParams();
    const where = this.scope(ability, agencyId, params);
    if (beforeId !== null) where.push(`e.id < ${params.add(beforeId)}::bigint`);
    return rows<AdminEventRow>(
      db,
      `SELECT e.id::text AS id, e.at, e.action, e.actor_id, e.agency_id, e.user_id, e.cross_agency, e.detail
         FROM admin_events e WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT ${limit}`,
      params.values,
    );
  }

  /** How many events `page` would walk through in all. */
  async count(db: Database, ability: PortalAbility, agencyId: string | null): Promise<number> {
    const params = new SqlParams();
    const where = this.scope(ability, agencyId, params);
    const row = await one<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM admin_events e WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return row!.total;
  }

  private scope(ability: PortalAbility, agencyId: string | null, params: SqlParams): string[] {
    const where = [accessibleSql(ability, 'read', 'AdminEvent', 'e', params, 'set')];
    if (agencyId !== null) where.push(`e.agency_id = ${params.add(agencyId)}::uuid`);
    return where;
  }

  // Requests to give ADMIN (issue 16, item 4)

  /**
   * Opens a request for the user, or renews one that lapsed undecided; undefined when one is already waiting (at
   * most one is open per user, admin_grants_open_key).
   */
  openGrant(db: Database, userId: string, requestedBy: string, days: number): Promise<AdminGrantRow | undefined> {
    return one<AdminGrantRow>(
      db,
      `INSERT INTO admin_grants (user_id, requested_by, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))
       ON CONFLICT (user_id) WHERE outcome IS NULL DO UPDATE
         SET requested_by = EXCLUDED.requested_by, requested_at = now(), expires_at = EXCLUDED.expires_at
         WHERE admin_grants.expires_at <= now()
       RETURNING ${GRANT_COLUMNS}`,
      [userId, requestedBy, days],
    );
  }

  /** The request, locked until the transaction ends so two administrators cannot both decide it. */
  lockGrant(db: Database, id: string): Promise<AdminGrantRow | undefined> {
    return one<AdminGrantRow>(db, `SELECT ${GRANT_COLUMNS} FROM admin_grants WHERE id = $1 FOR UPDATE`, [id]);
  }

  decideGrant(db: Database, id: string, by: string, outcome: 'APPROVED' | 'REFUSED'): Promise<AdminGrantRow> {
    return one<AdminGrantRow>(
      db,
      `UPDATE admin_grants SET decided_by = $2, decided_at = now(), outcome = $3 WHERE id = $1 RETURNING ${GRANT_COLUMNS}`,
      [id, by, outcome],
    ) as Promise<AdminGrantRow>;
  }

  /** Requests still waiting, oldest first (the first to lapse). */
  openGrants(db: Database): Promise<AdminGrantRow[]> {
    return rows<AdminGrantRow>(
      db,
      `SELECT ${GRANT_COLUMNS} FROM admin_grants WHERE outcome IS NULL AND expires_at > now() ORDER BY expires_at, id`,
    );
  }

  /** The requests still waiting for each of these users (at most one each). */
  openGrantsOf(db: Database, userIds: readonly string[]): Promise<AdminGrantRow[]> {
    return rows<AdminGrantRow>(
      db,
      `SELECT ${GRANT_COLUMNS} FROM admin_grants WHERE user_id = ANY($1::uuid[]) AND outcome IS NULL AND expires_at > now()`,
      [userIds],
    );
  }
}
