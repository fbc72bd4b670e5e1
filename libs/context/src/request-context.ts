import type { PortalAbility, SessionUser } from '#libs/access';
import type { Queryable } from '#libs/db';

export type { Queryable };

/**
 * Passed as the first argument of every service method: who is asking, what they may do, and the manager
 * to read and write through (inside the mutation's transaction when there is one).
 */
export interface RequestContext {
  user: SessionUser | null;
  /** The session (the token's `jti`) the caller presented, for signing out; null without one. */
  sessionId: string | null;
  ability: PortalAbility;
  /**
   * Every read and write of the request: scoped in the database to the caller's agency (agency-scoped-db.ts),
   * so the case tables' row security admits only the cases the agency holds (or reads as MARAC material), and
   * inside the mutation's transaction when there is one.
   */
  db: Queryable;
  /**
   * Reads beyond the caller's rows, only for figures and matching that reveal no row: partnership-wide and MARAC
   * counts, the case-review threshold, the repeat-referral match, and a reporter's one-time survey link (no
   * account, so no agency). Each such statement applies its own rule in SQL and returns counts or yes/no, never a
   * case's row. Not inside the mutation's transaction: it sees what is committed.
   */
  system: Queryable;
  /** The caller's network address, for sign-in throttling. */
  address: string;
  /** Per-request batch loaders, created on first use so nested lists cost one query per list kind. */
  loaders: Map<string, unknown>;
  /** Sensitive fields this response sent, by case id, for the audit trail (written before the response leaves). */
  views: Map<string, Set<string>>;
}

export function loaderFor<T>(ctx: RequestContext, key: string, create: () => T): T {
  let loader = ctx.loaders.get(key) as T | undefined;
  if (!loader) {
    loader = create();
    ctx.loaders.set(key, loader);
  }
  return loader;
}

/** Notes that this request sent `field` of a case's sensitive data to the caller (written to the audit trail by AuditLog.flushViews). */
export function noteView(ctx: RequestContext, caseId: string, field: string): void {
  let fields = ctx.views.get(caseId);
  if (!fields) ctx.views.set(caseId, (fields = new Set()));
  fields.add(field);
}
