import { Injectable } from '@nestjs/common';
import type { Queryable, RequestContext } from '#libs/context';
import type { AlertKind } from './alert-kind.js';
import { AlertsRepository } from './alerts.repository.js';

export interface AlertFacts {
  /** Null for a meeting's own alerts (AGENDA_PUBLISHED), which go to its attending agencies. */
  caseId: string | null;
  meetingId?: string;
  actionId?: string;
  /** For action alerts: the agency that owns the action. */
  targetAgencyId?: string;
  detail?: Record<string, unknown>;
}

/** Stateless, so the static `insert` (for time-driven passes outside a request) shares one with the service. */
const repository = new AlertsRepository();

/**
 * Raises alerts into the outbox, in the caller's transaction: no alert for a change that rolls back, none
 * missing for one that commits. Delivery happens after commit, from the table (alert-feed).
 */
@Injectable()
export class AlertOutbox {
  raise(ctx: RequestContext, kind: AlertKind, facts: AlertFacts): Promise<void> {
    return AlertOutbox.insert(ctx.db, kind, facts, ctx.user?.id ?? null);
  }

  /** Ids are assigned in the order the raising transactions commit (AlertsRepository.insert). */
  static insert(db: Queryable, kind: AlertKind, facts: AlertFacts, actorId: string | null): Promise<void> {
    return repository.insert(db, {
      kind,
      caseId: facts.caseId,
      meetingId: facts.meetingId ?? null,
      actionId: facts.actionId ?? null,
      targetAgencyId: facts.targetAgencyId ?? null,
      actorId,
      detail: JSON.stringify(facts.detail ?? {}),
    });
  }
}
