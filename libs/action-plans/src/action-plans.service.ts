import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService } from '#libs/cases';
import { BadInputError, CaseStatus, groupBy } from '#libs/common';
import { ACTION_PLAN_COLUMNS, type ActionPlan, type ActionPlanInput, type ActionPlanRow, toActionPlan } from './action-plan.model.js';

const clean = (items: readonly string[]) => items.map((item) => item.trim()).filter(Boolean);

@Injectable()
export class ActionPlansService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
  ) {}

  /** The reporter is the owner agency's customer, so the owner agrees the plan (the field rules say so). */
  async agree(ctx: RequestContext, caseId: string, input: ActionPlanInput): Promise<ActionPlan> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['actionPlans']);
    if (kase.status !== CaseStatus.OPEN) throw new BadInputError('caseId', 'This case is closed');
    if (input.agreedAt.getTime() > Date.now() + 5 * 60 * 1000) throw new BadInputError('agreedAt', 'agreedAt cannot be in the future');
    if (input.agreedAt.getTime() < kase.openedAt.getTime() - 60_000) throw new BadInputError('agreedAt', 'agreedAt cannot be before the case was opened');
    const ours = clean(input.ourCommitments);
    if (ours.length === 0) throw new BadInputError('ourCommitments', 'Say at least one thing the agency will do');
    const [row]: ActionPlanRow[] = await ctx.db.query(
      `INSERT INTO action_plans AS p (case_id, agreed_at, agreed_with, our_commitments, reporter_commitments, update_every_days, update_channel, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ACTION_PLAN_COLUMNS}`,
      [kase.id, input.agreedAt, input.agreedWith.trim(), ours, clean(input.reporterCommitments ?? []), input.updateEveryDays, input.updateChannel, ctx.user!.id],
    );
    await this.audit.record(ctx, kase.id, AuditAction.ACTION_PLAN_AGREED, {
      changes: [{ field: 'actionPlans', from: null, to: `agreed with ${row.agreed_with}; updates every ${row.update_every_days} days by ${row.update_channel}` }],
    });
    return toActionPlan(row);
  }

  /** Newest first; null where the caller may not read them. */
  async ofCase(ctx: RequestContext, parent: Case): Promise<ActionPlan[] | null> {
    if (parent.redactedFields.includes('actionPlans')) return null;
    const loader = loaderFor(
      ctx,
      'case.actionPlans',
      () =>
        new DataLoader<string, ActionPlanRow[]>(async (caseIds) => {
          const rows: ActionPlanRow[] = await ctx.db.query(
            `SELECT ${ACTION_PLAN_COLUMNS} FROM action_plans p WHERE p.case_id = ANY($1::uuid[]) ORDER BY p.case_id, p.agreed_at DESC, p.id DESC`,
            [caseIds],
          );
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    const plans = (await loader.load(parent.id)).map(toActionPlan);
    if (plans.length > 0) noteView(ctx, parent.id, 'actionPlans');
    return plans;
  }
}
