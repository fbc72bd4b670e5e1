import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService } from '#libs/cases';
import { BadInputError, CaseStatus, groupBy } from '#libs/common';
import type { ActionPlanInput } from './action-plans.inputs.js';
import { type ActionPlan, type ActionPlanRow, toActionPlan } from './action-plans.model.js';
import { ActionPlansRepository } from './action-plans.repository.js';
import { checkAgreedAt, cleanCommitments } from './action-plans.rules.js';

@Injectable()
export class ActionPlansService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly plans: ActionPlansRepository,
  ) {}

  /** The reporter is the owner agency's customer, so the owner agrees the plan (the field rules say so). */
  async agree(ctx: RequestContext, caseId: string, input: ActionPlanInput): Promise<ActionPlan> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['actionPlans']);
    if (kase.status !== CaseStatus.OPEN) throw new BadInputError('caseId', 'This case is closed');
    checkAgreedAt(input.agreedAt, kase.openedAt, Date.now());
    const ours = cleanCommitments(input.ourCommitments);
    if (ours.length === 0) throw new BadInputError('ourCommitments', 'Say at least one thing the agency will do');
    const row = await this.plans.insert(ctx.db, {
      caseId: kase.id,
      agreedAt: input.agreedAt,
      agreedWith: input.agreedWith.trim(),
      ourCommitments: ours,
      reporterCommitments: cleanCommitments(input.reporterCommitments ?? []),
      updateEveryDays: input.updateEveryDays,
      updateChannel: input.updateChannel,
      recordedById: ctx.user!.id,
    });
    await this.audit.record(ctx, kase.id, AuditAction.ACTION_PLAN_AGREED, {
      changes: [
        {
          field: 'actionPlans',
          from: null,
          to: `agreed with ${row.agreed_with}; updates every ${row.update_every_days} days by ${row.update_channel}`,
        },
      ],
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
          const rows = await this.plans.ofCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    const plans = (await loader.load(parent.id)).map(toActionPlan);
    if (plans.length > 0) noteView(ctx, parent.id, 'actionPlans');
    return plans;
  }
}
