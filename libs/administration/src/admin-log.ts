import type { Queryable } from '#libs/context';
import type { AdminAction, AdminEventDetail } from './admin-event.model.js';

export interface AdminEventInput {
  action: AdminAction;
  /** Null only for the portal itself at start. */
  actor: { id: string; agencyId: string } | null;
  agencyId: string;
  userId?: string | null;
  detail: AdminEventDetail;
}

/**
 * Appends one event through `db`, the change's own transaction: the change and its record commit together or
 * not at all. An account created or given roles by someone outside its agency is flagged for that agency.
 */
export async function recordAdminEvent(db: Queryable, event: AdminEventInput): Promise<void> {
  const crossAgency = event.userId != null && event.actor != null && event.actor.agencyId !== event.agencyId;
  await db.query(
    `INSERT INTO admin_events (actor_id, actor_agency_id, action, agency_id, user_id, cross_agency, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [event.actor?.id ?? null, event.actor?.agencyId ?? null, event.action, event.agencyId, event.userId ?? null, crossAgency, event.detail],
  );
}
