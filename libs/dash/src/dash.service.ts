import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService } from '#libs/cases';
import { groupBy } from '#libs/common';
import { type DashAssessment, toDash } from './dash.model.js';
import type { DashAssessmentInput } from './dash.inputs.js';
import { DashRepository, type DashRow } from './dash.repository.js';
import { checkReviewDueAt, dashAnswers, dashReviewDueAt, dashScore, riskOf } from './dash.rules.js';

@Injectable()
export class DashService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly assessments: DashRepository,
  ) {}

  /**
   * Scores the checklist, keeps it, and lets it set the case's risk level. Professional judgement raises the
   * risk to high; nothing lowers a scored high risk.
   */
  async record(ctx: RequestContext, caseId: string, input: DashAssessmentInput): Promise<DashAssessment> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['dashAssessments']);
    const answers = dashAnswers(input.answers);
    const judgedHighRisk = input.judgedHighRisk === true;
    const { score, highRisk } = dashScore(answers, judgedHighRisk);
    const reviewDueAt = input.reviewDueAt ?? dashReviewDueAt(highRisk, Date.now());
    checkReviewDueAt(input.reviewDueAt, Date.now());
    const row = await this.assessments.add(ctx.db, {
      caseId: kase.id,
      answers,
      score,
      judgedHighRisk,
      highRisk,
      concerns: input.concerns?.trim() || null,
      reviewDueAt,
      assessedById: ctx.user!.id,
      assessedByAgencyId: ctx.user!.agencyId,
    });
    const assessment = toDash(row);
    await this.audit.record(ctx, kase.id, AuditAction.DASH_ASSESSED, {
      changes: [{ field: 'dashAssessments', from: null, to: `score ${score}${highRisk ? ', high risk' : ''}` }],
    });
    await this.cases.setRiskFromAssessment(ctx, kase.id, riskOf(assessment), 'DASH risk assessment');
    return assessment;
  }

  /** Newest first; null where the caller may not read them (the case lists "dashAssessments" as redacted). */
  async ofCase(ctx: RequestContext, parent: Case): Promise<DashAssessment[] | null> {
    if (parent.redactedFields.includes('dashAssessments')) return null;
    const assessments = (await this.loader(ctx).load(parent.id)).map(toDash);
    if (assessments.length > 0) noteView(ctx, parent.id, 'dashAssessments');
    return assessments;
  }

  /** The latest assessment of a case, whoever may read it: for the referral, which carries it. */
  async latest(ctx: RequestContext, caseId: string): Promise<DashAssessment | null> {
    const row = await this.assessments.latestOfCase(ctx.db, caseId);
    return row ? toDash(row) : null;
  }

  async byId(ctx: RequestContext, id: string): Promise<DashAssessment | null> {
    const row = await this.assessments.findById(ctx.db, id);
    return row ? toDash(row) : null;
  }

  private loader(ctx: RequestContext) {
    return loaderFor(
      ctx,
      'case.dashAssessments',
      () =>
        new DataLoader<string, DashRow[]>(async (caseIds) => {
          const rows = await this.assessments.ofCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
  }
}
