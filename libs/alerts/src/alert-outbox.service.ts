import { Injectable } from '@nestjs/common';
import type { Queryable, RequestContext } from '#libs/context';
import type { AlertKind } from './alert-kind.js';

export interface AlertFacts {
  /** Null for a meeting's own alerts (AGENDA_PUBLISHED), which go to its attending agencies. */
  caseId: string | null;
  meetingId?: string;
  actionId?: string;
  /** For action alerts: the agency that owns the action. */
  targetAgencyId?: string;
  detail?: Record<string, unknown>;
}

/** Alert ids must be handed out in commit order, or a listener that has read id 11 would never see id 10. */
const OUTBOX_LOCK = 'hashtext(\'portal-alert-outbox\')';

/**
 * Raises alerts into the outbox, in the caller's transaction: no alert for a change that rolls back, none
 * missing for one that commits. Delivery happens after commit, from the table (alert-feed).
 */
@Injectable()
export class AlertOutbox {
  raise(ctx: RequestContext, kind: AlertKind, facts: AlertFacts): Promise<void> {
    return AlertOutbox.insert(ctx.db, kind, facts, ctx.user?.id ?? null);
  }

  /**
   * The transaction-scoped lock is held until commit, so ids are assigned in the order transactions commit
   * (outbox writers queue only for the short tail of their transaction).
   */
  static async insert(db: Queryable, kind: AlertKind, facts: AlertFacts, actorId: string | null): Promise<void> {
    await db.query(`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK})`);
    await db.query(
      `INSERT INTO alerts (kind, case_id, meeting_id, action_id, target_agency_id, actor_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [kind, facts.caseId, facts.meetingId ?? null, facts.actionId ?? null, facts.targetAgencyId ?? null, actorId, JSON.stringify(facts.detail ?? {})],
    );
  }
}
