import { Injectable } from '@nestjs/common';
import type { Queryable, RequestContext } from '#libs/context';
import type { AuditAction, FieldChange } from './audit-action.js';
import { AuditRepository } from './audit.repository.js';

/** How a view reached its reader: a response over HTTP, a subscription event, an alert, a downloaded file. */
export type ViewChannel = 'http' | 'socket' | 'alert' | 'download';

/** That a reader was sent these sensitive fields of one case. */
export interface SentView {
  userId: string;
  agencyId: string;
  caseId: string;
  fields: ReadonlySet<string> | readonly string[];
}

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
  constructor(private readonly repository: AuditRepository) {}

  record(ctx: RequestContext, caseId: string, action: AuditAction, detail: AuditDetail = {}): Promise<void> {
    return this.repository.insert(ctx.db, caseId, ctx.user!, action, JSON.stringify(detail));
  }

  /** The same event on many cases (an export of a list), in one statement. */
  async recordMany(
    ctx: RequestContext,
    caseIds: string[],
    action: AuditAction,
    detail: AuditDetail = {},
  ): Promise<void> {
    if (caseIds.length === 0) return;
    await this.repository.insertForCases(ctx.db, caseIds, ctx.user!, action, JSON.stringify(detail));
  }

  /** One CASE_VIEWED event per case whose sensitive fields this execution sent, in one statement. */
  async flushViews(ctx: RequestContext, via: ViewChannel): Promise<void> {
    if (!ctx.user || ctx.views.size === 0) return;
    const user = ctx.user;
    const views = [...ctx.views].map(([caseId, fields]) => ({
      userId: user.id,
      agencyId: user.agencyId,
      caseId,
      fields,
    }));
    ctx.views.clear();
    await this.recordViews(ctx.db, views, via);
  }

  /**
   * Views by many readers in one statement: the alert hub executes once for a group of subscribers and records
   * what each of them was sent, one insert per batch of alerts rather than one per subscriber.
   */
  async recordViews(db: Queryable, views: readonly SentView[], via: ViewChannel): Promise<void> {
    if (views.length === 0) return;
    await this.repository.insertViews(
      db,
      views.map((v) => ({
        caseId: v.caseId,
        userId: v.userId,
        agencyId: v.agencyId,
        detail: JSON.stringify({ fields: [...v.fields].sort(), via }),
      })),
    );
  }
}
