import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/access';
import type { AuditAction, FieldChange } from './audit-action.js';

export interface AuditDetail {
  changes?: FieldChange[];
  /** Party changes are checked against the party's own attributes when the trail is read. */
  party?: { id: string; role: string; anonymous: boolean };
  agency?: { id: string; name: string };
  access?: string;
  basis?: string;
  outcome?: string;
  reason?: string;
  fields?: string[];
  [key: string]: unknown;
}

/**
 * Writes the audit trail. Changes are written through the mutation's own transaction, so a rolled-back
 * change leaves no trace and a committed one always has its event. Views are gathered while a response is
 * built (the fields actually sent) and written in one statement before the response leaves.
 */
@Injectable()
export class AuditLog {
  async record(ctx: RequestContext, caseId: string, action: AuditAction, detail: AuditDetail = {}): Promise<void> {
    const user = ctx.user!;
    await ctx.db.query(
      `INSERT INTO audit_events (case_id, actor_id, actor_agency_id, action, detail) VALUES ($1, $2, $3, $4, $5)`,
      [caseId, user.id, user.agencyId, action, JSON.stringify(detail)],
    );
  }

  /** The same event on many cases (an export of a list), in one statement. */
  async recordMany(ctx: RequestContext, caseIds: string[], action: AuditAction, detail: AuditDetail = {}): Promise<void> {
    if (caseIds.length === 0) return;
    const user = ctx.user!;
    await ctx.db.query(
      `INSERT INTO audit_events (case_id, actor_id, actor_agency_id, action, detail) SELECT unnest($1::uuid[]), $2, $3, $4, $5`,
      [caseIds, user.id, user.agencyId, action, JSON.stringify(detail)],
    );
  }

  /** Notes that this request sent `field` of a case's sensitive data to the caller. */
  static noteView(ctx: RequestContext, caseId: string, field: string): void {
    let fields = ctx.views.get(caseId);
    if (!fields) ctx.views.set(caseId, (fields = new Set()));
    fields.add(field);
  }

  /** One CASE_VIEWED event per case whose sensitive fields this request sent, in one statement. */
  async flushViews(ctx: RequestContext): Promise<void> {
    if (!ctx.user || ctx.views.size === 0) return;
    const caseIds = [...ctx.views.keys()];
    const details = caseIds.map((id) => JSON.stringify({ fields: [...ctx.views.get(id)!].sort() }));
    ctx.views.clear();
    await ctx.db.query(
      `INSERT INTO audit_events (case_id, actor_id, actor_agency_id, action, detail)
       SELECT v.case_id, $1, $2, 'CASE_VIEWED', v.detail::jsonb FROM unnest($3::uuid[], $4::text[]) AS v(case_id, detail)`,
      [ctx.user.id, ctx.user.agencyId, caseIds, details],
    );
  }
}
