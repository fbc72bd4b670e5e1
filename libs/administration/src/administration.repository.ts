import { Injectable } from '@nestjs/common';
import { accessibleSql, type PortalAbility } from '#libs/access';
import { type Database, exec, one, rows, SqlParams } from '#libs/db';
import type { AdminAction, AdminEventDetail } from './admin-event.model.js';

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

/** The one place that names `admin_events` in SQL. */
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
}
