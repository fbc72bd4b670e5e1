import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService } from '#libs/cases';
import { BadInputError, CaseCategory, CaseStatus, groupBy } from '#libs/common';
import type { AsbRiskAssessmentInput } from './asb-risk.inputs.js';
import { type AsbRiskAssessment, type AsbRiskRow, toAsbRisk } from './asb-risk.model.js';
import { AsbRiskRepository } from './asb-risk.repository.js';
import { asbReviewDueAt, asbRiskOf, assessmentConcerns, checkReviewDueAt } from './asb-risk.rules.js';

@Injectable()
export class AsbRiskService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly assessments: AsbRiskRepository,
  ) {}

  /** Domestic abuse is assessed with DASH, everything else with the matrix; the latest sets the case's risk. */
  async record(ctx: RequestContext, caseId: string, input: AsbRiskAssessmentInput): Promise<AsbRiskAssessment> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['asbRiskAssessments']);
    if (kase.category === CaseCategory.DOMESTIC_ABUSE)
      throw new BadInputError('caseId', 'Domestic-abuse cases are assessed with the DASH checklist');
    if (kase.status !== CaseStatus.OPEN) throw new BadInputError('caseId', 'This case is closed');
    const vulnerabilities = [...new Set(input.vulnerabilities ?? [])];
    const judgedHighRisk = input.judgedHighRisk === true;
    const concerns = assessmentConcerns(judgedHighRisk, input.concerns);
    checkReviewDueAt(input.reviewDueAt, Date.now());
    const { score, riskLevel } = asbRiskOf({ ...input, vulnerabilities, judgedHighRisk });
    const reviewDueAt = input.reviewDueAt ?? asbReviewDueAt(riskLevel, Date.now());
    const row = await this.assessments.insert(ctx.db, {
      caseId: kase.id,
      likelihood: input.likelihood,
      impact: input.impact,
      vulnerabilities,
      score,
      judgedHighRisk,
      riskLevel,
      concerns,
      reviewDueAt,
      assessedById: ctx.user!.id,
      assessedByAgencyId: ctx.user!.agencyId,
    });
    await this.audit.record(ctx, kase.id, AuditAction.ASB_RISK_ASSESSED, {
      changes: [{ field: 'asbRiskAssessments', from: null, to: `score ${score}, ${riskLevel.toLowerCase()} risk` }],
    });
    await this.cases.setRiskFromAssessment(ctx, kase.id, riskLevel, 'ASB risk assessment');
    return toAsbRisk(row);
  }

  /** Newest first; null where the caller may not read them (the case lists "asbRiskAssessments" as redacted). */
  async ofCase(ctx: RequestContext, parent: Case): Promise<AsbRiskAssessment[] | null> {
    if (parent.redactedFields.includes('asbRiskAssessments')) return null;
    const loader = loaderFor(
      ctx,
      'case.asbRiskAssessments',
      () =>
        new DataLoader<string, AsbRiskRow[]>(async (caseIds) => {
          const rows = await this.assessments.ofCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    const assessments = (await loader.load(parent.id)).map(toAsbRisk);
    if (assessments.length > 0) noteView(ctx, parent.id, 'asbRiskAssessments');
    return assessments;
  }
}
