import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService } from '#libs/cases';
import { BadInputError, CaseCategory, CaseStatus, groupBy, DAY_MS } from '#libs/common';
import { ASB_RISK_COLUMNS, type AsbRiskAssessment, type AsbRiskAssessmentInput, type AsbRiskRow, toAsbRisk } from './asb-risk.model.js';
import { asbReviewDueAt, asbRiskOf } from './asb-risk.rules.js';


@Injectable()
export class AsbRiskService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
  ) {}

  /** Domestic abuse is assessed with DASH, everything else with the matrix; the latest sets the case's risk. */
  async record(ctx: RequestContext, caseId: string, input: AsbRiskAssessmentInput): Promise<AsbRiskAssessment> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['asbRiskAssessments']);
    if (kase.category === CaseCategory.DOMESTIC_ABUSE) throw new BadInputError('caseId', 'Domestic-abuse cases are assessed with the DASH checklist');
    if (kase.status !== CaseStatus.OPEN) throw new BadInputError('caseId', 'This case is closed');
    const vulnerabilities = [...new Set(input.vulnerabilities ?? [])];
    const judgedHighRisk = input.judgedHighRisk === true;
    const concerns = input.concerns?.trim() || null;
    if (judgedHighRisk && !concerns) throw new BadInputError('concerns', 'Say what worries you when you judge the risk high');
    if (input.reviewDueAt && input.reviewDueAt.getTime() < Date.now() - DAY_MS) throw new BadInputError('reviewDueAt', 'reviewDueAt cannot be in the past');
    const { score, riskLevel } = asbRiskOf({ ...input, vulnerabilities, judgedHighRisk });
    const reviewDueAt = input.reviewDueAt ?? asbReviewDueAt(riskLevel, Date.now());
    const [row]: AsbRiskRow[] = await ctx.db.query(
      `INSERT INTO asb_risk_assessments AS a (case_id, likelihood, impact, vulnerabilities, score, judged_high_risk, risk_level, concerns, review_due_at,
                                              assessed_by_id, assessed_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${ASB_RISK_COLUMNS}`,
      [kase.id, input.likelihood, input.impact, vulnerabilities, score, judgedHighRisk, riskLevel, concerns, reviewDueAt, ctx.user!.id, ctx.user!.agencyId],
    );
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
          const rows: AsbRiskRow[] = await ctx.db.query(
            `SELECT ${ASB_RISK_COLUMNS} FROM asb_risk_assessments a WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.case_id, a.assessed_at DESC, a.id DESC`,
            [caseIds],
          );
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    const assessments = (await loader.load(parent.id)).map(toAsbRisk);
    if (assessments.length > 0) noteView(ctx, parent.id, 'asbRiskAssessments');
    return assessments;
  }
}
