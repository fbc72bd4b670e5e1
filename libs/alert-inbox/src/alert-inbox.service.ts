import { Injectable } from '@nestjs/common';
import { CASEWORK_ROLES } from '#libs/access';
import { CasesRepository, toCase } from '#libs/cases';
import { BadInputError, decodeCursor, encodeCursor, NotFoundError, pageSize, parseId } from '#libs/common';
import type { RequestContext } from '#libs/context';
import type { AlertInboxFilter } from './alert-inbox.inputs.js';
import type { AlertInboxConnection, AlertInboxEntry, AlertInboxState } from './alert-inbox.model.js';
import { AlertInboxRepository, type InboxOwner, type InboxRow } from './alert-inbox.repository.js';
import { conditionsOf, parseAlertId, parseAlertIds } from './alert-inbox.rules.js';

/**
 * Each user's alert inbox: the alerts the live feed would send their agency now, kept as long as the alerts are
 * (retention), with the user's own read state and the agency's assignments. Every statement runs on the caller's
 * scoped connection and decides visibility in SQL; counts are over exactly what a page would list.
 */
@Injectable()
export class AlertInboxService {
  constructor(
    private readonly repository: AlertInboxRepository,
    private readonly cases: CasesRepository,
  ) {}

  async page(
    ctx: RequestContext,
    filter: AlertInboxFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AlertInboxConnection> {
    const limit = pageSize(first);
    const where = conditionsOf(filter);
    const before = after ? parseAlertId(String(decodeCursor(after, ['string'])[0]), 'after') : undefined;
    const found = await this.repository.page(ctx.db, ownerOf(ctx), { ...where, before }, limit + 1);
    const entries = await this.entries(ctx, found.slice(0, limit));
    let counts: Promise<{ total: number; unread: number }> | undefined;
    const count = () => (counts ??= this.repository.counts(ctx.db, ownerOf(ctx), where));
    const connection = {
      edges: entries.map((node) => ({ cursor: encodeCursor([node.id]), node })),
      pageInfo: {
        hasNextPage: found.length > limit,
        endCursor: entries.length ? encodeCursor([entries.at(-1)!.id]) : null,
      },
    };
    // Counted only when asked for, and once for both: a page alone costs one statement (and one for its cases).
    Object.defineProperty(connection, 'totalCount', { enumerable: true, get: () => count().then((c) => c.total) });
    Object.defineProperty(connection, 'unreadCount', { enumerable: true, get: () => count().then((c) => c.unread) });
    return connection as AlertInboxConnection;
  }

  async state(ctx: RequestContext): Promise<AlertInboxState> {
    const { unread } = await this.repository.counts(ctx.db, ownerOf(ctx), {});
    return { unreadCount: unread };
  }

  /** Alerts the caller cannot see are passed over, as if they were not there. */
  async markRead(ctx: RequestContext, alertIds: readonly string[]): Promise<AlertInboxState> {
    const ids = parseAlertIds(alertIds, 'alertIds');
    if ((await this.repository.markRead(ctx.db, ownerOf(ctx), { alertIds: ids })) > 0) await this.announce(ctx);
    return this.state(ctx);
  }

  async markAllRead(ctx: RequestContext, filter: AlertInboxFilter | null | undefined): Promise<AlertInboxState> {
    if ((await this.repository.markRead(ctx.db, ownerOf(ctx), conditionsOf(filter))) > 0) await this.announce(ctx);
    return this.state(ctx);
  }

  async markUnread(ctx: RequestContext, alertId: string): Promise<AlertInboxEntry> {
    const id = parseAlertId(alertId, 'alertId');
    await this.visible(ctx, id, 'alertId');
    if ((await this.repository.markUnread(ctx.db, ctx.user!.id, id)) > 0) await this.announce(ctx);
    return this.visible(ctx, id, 'alertId');
  }

  /** Assignment is the agency's: another agency holding the same alert keeps its own. */
  async assign(ctx: RequestContext, alertId: string, userId: string | null | undefined): Promise<AlertInboxEntry> {
    const id = parseAlertId(alertId, 'alertId');
    const assignee = userId ? parseId(userId, 'userId') : null;
    const before = await this.visible(ctx, id, 'alertId');
    const { agencyId } = ctx.user!;
    if (assignee && !(await this.repository.isColleague(ctx.db, agencyId, assignee, CASEWORK_ROLES))) {
      throw new BadInputError('userId', 'Assign alerts to a caseworker of your own agency');
    }
    const previous = await this.repository.assign(ctx.db, agencyId, id, assignee, ctx.user!.id);
    await this.repository.announce(ctx.db, [ctx.user!.id, ...[previous, assignee].filter((u): u is string => !!u)]);
    // The alert may leave the caller's own inbox (their own change, no longer assigned to them): the change stands.
    const [after] = await this.repository.page(ctx.db, ownerOf(ctx), { alertIds: [id] }, 1);
    if (after) return (await this.entries(ctx, [after]))[0];
    return { ...before, assigneeId: assignee, assignedAt: assignee ? new Date() : null };
  }

  /** Whom the caller may assign an alert to: their agency's active caseworkers. */
  assigneeIds(ctx: RequestContext): Promise<string[]> {
    return this.repository.colleagueIds(ctx.db, ctx.user!.agencyId, CASEWORK_ROLES);
  }

  private announce(ctx: RequestContext): Promise<void> {
    return this.repository.announce(ctx.db, [ctx.user!.id]);
  }

  private async visible(ctx: RequestContext, id: string, field: string): Promise<AlertInboxEntry> {
    const [row] = await this.repository.page(ctx.db, ownerOf(ctx), { alertIds: [id] }, 1);
    if (!row) throw new NotFoundError('Alert', field);
    return (await this.entries(ctx, [row]))[0];
  }

  /** The rows with their cases, read with the caller's rules in one statement for the page. */
  private async entries(ctx: RequestContext, found: InboxRow[]): Promise<AlertInboxEntry[]> {
    const caseIds = [...new Set(found.filter((row) => row.relation).map((row) => row.case_id!))];
    const cases = caseIds.length ? await this.cases.withLiveShares(ctx.db, caseIds) : [];
    const byId = new Map(cases.map((kase) => [kase.id, kase]));
    return found.map((row) => {
      const kase = row.relation ? byId.get(row.case_id!) : undefined;
      return {
        id: row.id,
        kind: row.kind,
        caseId: row.case_id,
        meetingId: row.meeting_id,
        actionId: row.action_id,
        occurredAt: row.occurred_at,
        case: kase ? toCase(ctx.ability, { ...kase, relation: row.relation! }) : null,
        read: row.read_at !== null,
        readAt: row.read_at,
        assigneeId: row.assignee_id,
        assignedAt: row.assigned_at,
      };
    });
  }
}

function ownerOf(ctx: RequestContext): InboxOwner {
  return { agencyId: ctx.user!.agencyId, userId: ctx.user!.id };
}
