import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { accessibleSql } from '#libs/access';
import { SqlParams } from '#libs/db';
import { loaderFor, type RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { UsersService } from '#libs/users';
import { ActionStatus, BadInputError, ForbiddenError, groupBy, LEGAL_ACTION_KINDS, NotFoundError, parseId, REGISTERED_ACTION_KINDS } from '#libs/common';
import { ACTION_COLUMNS, type ActionInput, type CaseAction, type CaseActionRow, toAction, type UpdateActionInput } from './case-action.model.js';

const FINISHED = new Set([ActionStatus.DONE, ActionStatus.CANCELLED]);

@Injectable()
export class ActionsService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    private readonly users: UsersService,
  ) {}

  /** Any agency that can see the case may add an action, for itself or another agency that holds the case. */
  async add(ctx: RequestContext, caseId: string, input: ActionInput): Promise<CaseAction> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    const ownerAgencyId = parseId(input.ownerAgencyId, 'ownerAgencyId');
    const [holder] = await ctx.db.query(
      `SELECT 1 FROM cases c WHERE c.id = $1 AND (c.owner_agency_id = $2
         OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = c.id AND s.agency_id = $2 AND s.revoked_at IS NULL))`,
      [kase.id, ownerAgencyId],
    );
    if (!holder) throw new BadInputError('ownerAgencyId', 'Share the case with that agency before giving it an action');
    if (input.assigneeId) await this.users.requireMember(ctx, input.assigneeId, ownerAgencyId, 'assigneeId');
    const [row]: CaseActionRow[] = await ctx.db.query(
      `INSERT INTO case_actions AS a (case_id, kind, legal, description, owner_agency_id, assignee_id, due_at, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ACTION_COLUMNS}`,
      [kase.id, input.kind, LEGAL_ACTION_KINDS.has(input.kind), input.description.trim(), ownerAgencyId, input.assigneeId ?? null, input.dueAt ?? null, ctx.user!.id],
    );
    await this.audit.record(ctx, kase.id, AuditAction.ACTION_ADDED, { actionId: row.id, kind: row.kind, ownerAgencyId });
    await this.alerts.raise(ctx, AlertKind.ACTION_ASSIGNED, { caseId: kase.id, actionId: row.id, targetAgencyId: ownerAgencyId });
    return toAction(row);
  }

  /** The agency that owns an action, or the case's owner, records its progress. */
  async update(ctx: RequestContext, id: string, input: UpdateActionInput): Promise<CaseAction> {
    const actionId = parseId(id, 'id');
    const params = new SqlParams();
    const idParam = params.add(actionId);
    const scope = `(${accessibleSql(ctx.ability, 'read', 'Case', 'c', params)} OR ${accessibleSql(ctx.ability, 'read', 'CaseAction', 'a', params)})`;
    // LEFT JOIN: an action a meeting gave the agency stays its own on a case it no longer reads (row security
    // then hides the case row, and with it the case owner's claim, which is not the caller's).
    const [current]: CaseActionRow[] = await ctx.db.query(
      `SELECT ${ACTION_COLUMNS}, c.owner_agency_id AS case_owner_agency_id
         FROM case_actions a LEFT JOIN cases c ON c.id = a.case_id
        WHERE a.id = ${idParam}::uuid AND ${scope}`,
      params.values,
    );
    if (!current) throw new NotFoundError('Action', 'id');
    const target = subject('CaseAction', { ownerAgencyId: current.owner_agency_id, caseOwnerAgencyId: current.case_owner_agency_id });
    if (!ctx.ability.can('update', target)) throw new ForbiddenError('Only the agency that owns the action, or the case owner, may update it');
    const dates = this.legalDates(current, input);
    if (input.status == null && input.outcome == null && input.dueAt == null && !dates) throw new BadInputError('input', 'Nothing to change');
    const status = input.status ?? current.status;
    const [rows]: [CaseActionRow[], number] = await ctx.db.query(
      `UPDATE case_actions a SET status = $2, outcome = coalesce($3, a.outcome), due_at = coalesce($4, a.due_at),
              completed_at = CASE WHEN $5 THEN coalesce(a.completed_at, now()) ELSE NULL END,
              served_at = coalesce($6, a.served_at), hearing_at = coalesce($7, a.hearing_at), expires_at = coalesce($8, a.expires_at)
        WHERE a.id = $1 RETURNING ${ACTION_COLUMNS}`,
      [actionId, status, input.outcome?.trim() ?? null, input.dueAt ?? null, FINISHED.has(status), dates?.servedAt ?? null, dates?.hearingAt ?? null, dates?.expiresAt ?? null],
    );
    await this.audit.record(ctx, current.case_id, AuditAction.ACTION_UPDATED, {
      actionId,
      changes: [
        { field: 'status', from: current.status, to: rows[0].status },
        { field: 'outcome', from: current.outcome, to: rows[0].outcome },
        { field: 'dueAt', from: current.due_at, to: rows[0].due_at },
        { field: 'servedAt', from: current.served_at, to: rows[0].served_at },
        { field: 'hearingAt', from: current.hearing_at, to: rows[0].hearing_at },
        { field: 'expiresAt', from: current.expires_at, to: rows[0].expires_at },
      ].filter((change) => String(change.from) !== String(change.to)),
    });
    return toAction(rows[0]);
  }

  /**
   * A registered intervention's dates, checked; the expiry worked out from serving and the kind when not
   * given. Null when the input gives none.
   */
  private legalDates(current: CaseActionRow, input: UpdateActionInput): { servedAt?: Date; hearingAt?: Date; expiresAt?: Date } | null {
    if (!input.servedAt && !input.hearingAt && !input.expiresAt) return null;
    if (!REGISTERED_ACTION_KINDS.has(current.kind)) throw new BadInputError('servedAt', `A ${current.kind} has no legal dates`);
    const servedAt = input.servedAt ?? current.served_at ?? undefined;
    const months = REGISTERED_ACTION_KINDS.get(current.kind);
    let expiresAt = input.expiresAt ?? undefined;
    if (!expiresAt && input.servedAt && months && !current.expires_at) {
      expiresAt = new Date(input.servedAt);
      expiresAt.setUTCMonth(expiresAt.getUTCMonth() + months);
    }
    if (servedAt && expiresAt && expiresAt.getTime() <= servedAt.getTime()) throw new BadInputError('expiresAt', 'expiresAt must be after servedAt');
    if (servedAt && input.hearingAt && input.hearingAt.getTime() < servedAt.getTime()) throw new BadInputError('hearingAt', 'hearingAt cannot be before servedAt');
    return { servedAt: input.servedAt ?? undefined, hearingAt: input.hearingAt ?? undefined, expiresAt };
  }

  /**
   * The caller's agency's live registered interventions (injunctions, notices, ABCs, CPWs, CPNs…) on cases it
   * holds or was given at a meeting, those lapsing soonest first.
   */
  async register(ctx: RequestContext): Promise<CaseAction[]> {
    const params = new SqlParams();
    const scope = `(${accessibleSql(ctx.ability, 'read', 'Case', 'c', params)} OR ${accessibleSql(ctx.ability, 'read', 'CaseAction', 'a', params)})`;
    const agency = params.add(ctx.user!.agencyId);
    const kinds = params.add([...REGISTERED_ACTION_KINDS.keys()]);
    const rows: CaseActionRow[] = await ctx.db.query(
      `SELECT ${ACTION_COLUMNS} FROM case_actions a JOIN cases c ON c.id = a.case_id
        WHERE a.owner_agency_id = ${agency}::uuid AND a.kind = ANY(${kinds}::text[]) AND a.status IN ('OPEN','IN_PROGRESS')
          AND (a.expires_at IS NULL OR a.expires_at > now()) AND ${scope}
        ORDER BY a.expires_at NULLS LAST, a.created_at, a.id LIMIT 500`,
      params.values,
    );
    return rows.map(toAction);
  }

  async ofCase(ctx: RequestContext, parent: Case): Promise<CaseAction[]> {
    const loader = loaderFor(
      ctx,
      'case.actions',
      () =>
        new DataLoader<string, CaseActionRow[]>(async (caseIds) => {
          const rows: CaseActionRow[] = await ctx.db.query(
            `SELECT ${ACTION_COLUMNS} FROM case_actions a WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
            [caseIds],
          );
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map(toAction);
  }
}
