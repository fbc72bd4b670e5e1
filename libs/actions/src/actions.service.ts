import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { type CaseHolder, UsersService } from '#libs/users';
import {
  ActionStatus,
  BadInputError,
  ForbiddenError,
  groupBy,
  LEGAL_ACTION_KINDS,
  NotFoundError,
  pageSize,
  parseId,
  MAX_PAGE_SIZE,
  REGISTERED_ACTION_KINDS,
} from '#libs/common';
import type { ActionWorklist, CaseAction } from './case-action.model.js';
import type { ActionInput, UpdateActionInput } from './actions.inputs.js';
import { ActionsRepository, type CaseActionRow, toAction } from './actions.repository.js';
import { legalDates } from './actions.rules.js';

const FINISHED = new Set([ActionStatus.DONE, ActionStatus.CANCELLED]);

@Injectable()
export class ActionsService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    private readonly users: UsersService,
    private readonly repository: ActionsRepository,
  ) {}

  /** Any agency that can see the case may add an action, for itself or another agency that holds the case. */
  async add(ctx: RequestContext, caseId: string, input: ActionInput): Promise<CaseAction> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    const ownerAgencyId = parseId(input.ownerAgencyId, 'ownerAgencyId');
    if (!(await this.repository.heldBy(ctx.db, kase.id, ownerAgencyId))) {
      throw new BadInputError('ownerAgencyId', 'Share the case with that agency before giving it an action');
    }
    if (input.assigneeId) await this.users.requireMember(ctx, input.assigneeId, ownerAgencyId, 'assigneeId');
    const row = await this.repository.insert(ctx.db, {
      caseId: kase.id,
      kind: input.kind,
      legal: LEGAL_ACTION_KINDS.has(input.kind),
      description: input.description.trim(),
      ownerAgencyId,
      assigneeId: input.assigneeId ?? null,
      dueAt: input.dueAt ?? null,
      createdById: ctx.user!.id,
    });
    await this.audit.record(ctx, kase.id, AuditAction.ACTION_ADDED, {
      actionId: row.id,
      kind: row.kind,
      ownerAgencyId,
    });
    await this.alerts.raise(ctx, AlertKind.ACTION_ASSIGNED, {
      caseId: kase.id,
      actionId: row.id,
      targetAgencyId: ownerAgencyId,
    });
    return toAction(row);
  }

  /** The people an action of `agencyId` on the case may go to, as `add` checks them; none for a caller who may not add one. */
  async possibleAssignees(ctx: RequestContext, kase: Case, agencyId: string): Promise<CaseHolder[]> {
    const target = subject('Case', {
      ownerAgencyId: kase.ownerAgencyId,
      sharedWithAgencyIds: kase.relation === 'OWNER' || kase.held === false ? [] : [ctx.user!.agencyId],
    });
    if (!ctx.ability.can('contribute', target)) return [];
    const id = parseId(agencyId, 'agencyId');
    if (!(await this.repository.heldBy(ctx.db, kase.id, id))) return [];
    return this.users.caseHoldersOf(ctx, id);
  }

  /** The agency that owns an action, or the case's owner, records its progress. */
  async update(ctx: RequestContext, id: string, input: UpdateActionInput): Promise<CaseAction> {
    const actionId = parseId(id, 'id');
    const current = await this.repository.findReadable(ctx.db, ctx.ability, actionId);
    if (!current) throw new NotFoundError('Action', 'id');
    const target = subject('CaseAction', {
      ownerAgencyId: current.owner_agency_id,
      caseOwnerAgencyId: current.case_owner_agency_id,
    });
    if (!ctx.ability.can('update', target))
      throw new ForbiddenError('Only the agency that owns the action, or the case owner, may update it');
    const dates = legalDates(current, input);
    if (input.status == null && input.outcome == null && input.dueAt == null && !dates)
      throw new BadInputError('input', 'Nothing to change');
    const status = input.status ?? current.status;
    const row = await this.repository.recordProgress(ctx.db, actionId, {
      status,
      outcome: input.outcome?.trim() ?? null,
      dueAt: input.dueAt ?? null,
      finished: FINISHED.has(status),
      servedAt: dates?.servedAt ?? null,
      hearingAt: dates?.hearingAt ?? null,
      expiresAt: dates?.expiresAt ?? null,
    });
    await this.audit.record(ctx, current.case_id, AuditAction.ACTION_UPDATED, {
      actionId,
      changes: [
        { field: 'status', from: current.status, to: row.status },
        { field: 'outcome', from: current.outcome, to: row.outcome },
        { field: 'dueAt', from: current.due_at, to: row.due_at },
        { field: 'servedAt', from: current.served_at, to: row.served_at },
        { field: 'hearingAt', from: current.hearing_at, to: row.hearing_at },
        { field: 'expiresAt', from: current.expires_at, to: row.expires_at },
      ].filter((change) => String(change.from) !== String(change.to)),
    });
    return toAction(row);
  }

  /**
   * The caller's agency's live registered interventions (injunctions, notices, ABCs, CPWs, CPNs…) on cases it
   * holds or was given at a meeting, those lapsing soonest first.
   */
  async register(ctx: RequestContext): Promise<CaseAction[]> {
    const rows = await this.repository.liveOfKindsOwnedBy(ctx.db, ctx.ability, ctx.user!.agencyId, [
      ...REGISTERED_ACTION_KINDS.keys(),
    ]);
    return rows.map(toAction);
  }

  /**
   * Issue 17, My work: the actions the caller's agency owns, or with `assignedToMe` those given to the caller, on
   * any case the rules let them read them on (a meeting's actions on cases the agency does not hold included).
   */
  async worklist(
    ctx: RequestContext,
    assignedToMe: boolean,
    first: number | null | undefined,
  ): Promise<ActionWorklist> {
    const user = ctx.user!;
    const rows = await this.repository.worklist(
      ctx.db,
      ctx.ability,
      assignedToMe ? { agencyId: null, assigneeId: user.id } : { agencyId: user.agencyId, assigneeId: user.id },
      pageSize(first ?? MAX_PAGE_SIZE),
    );
    return {
      totalCount: rows[0]?.total_count ?? 0,
      overdueCount: rows[0]?.overdue_count ?? 0,
      actions: rows.map(toAction),
    };
  }

  async ofCase(ctx: RequestContext, parent: Case): Promise<CaseAction[]> {
    const loader = loaderFor(
      ctx,
      'case.actions',
      () =>
        new DataLoader<string, CaseActionRow[]>(async (caseIds) => {
          const rows = await this.repository.ofCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map(toAction);
  }
}
