import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable, loaderFor, type RequestContext } from '#libs/access';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService } from '#libs/cases';
import { BadInputError, CaseCategory, CaseStatus, groupBy, RiskLevel, DAY_MS } from '#libs/common';
import {
  ASB_RISK_COLUMNS,
  type AsbRiskAssessment,
  type AsbRiskAssessmentInput,
  AsbRiskMatrix,
  type AsbRiskRow,
  AsbVulnerability,
  toAsbRisk,
} from './asb-risk.model.js';

const BANDS: readonly RiskLevel[] = [RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH];
/** Days until the next review, by the risk found: the higher the risk, the sooner. */
export const ASB_REVIEW_DAYS: Record<RiskLevel, number> = { HIGH: 7, MEDIUM: 14, STANDARD: 28 };

/** The matrix's rule, in one place: the band of likelihood × impact, raised a step for a vulnerable victim. */
export function asbRiskOf(input: Pick<AsbRiskAssessmentInput, 'likelihood' | 'impact' | 'vulnerabilities' | 'judgedHighRisk'>): { score: number; riskLevel: RiskLevel } {
  const score = input.likelihood * input.impact;
  if (input.judgedHighRisk) return { score, riskLevel: RiskLevel.HIGH };
  const band = score >= 15 ? 2 : score >= 8 ? 1 : 0;
  const raised = Math.min(band + (input.vulnerabilities.length > 0 ? 1 : 0), 2);
  return { score, riskLevel: BANDS[raised] };
}

/**
 * The matrix as asbRiskOf scores it, read off the function itself (so a client shows what the API will record,
 * and the two cannot differ): each score's band, the band a vulnerability gives, and judgement's answer.
 */
export function asbRiskMatrix(): AsbRiskMatrix {
  const plain = (likelihood: number, impact: number) => asbRiskOf({ likelihood, impact, vulnerabilities: [], judgedHighRisk: false });
  const scale = [1, 2, 3, 4, 5];
  // Scores 1–25 (likelihood × impact) read as the product alone, so every score of a band is counted.
  const byScore = Array.from({ length: 25 }, (_, i) => plain(i + 1, 1));
  const bands = BANDS.filter((level) => byScore.some((s) => s.riskLevel === level)).map((riskLevel) => {
    const scores = byScore.filter((s) => s.riskLevel === riskLevel).map((s) => s.score);
    const vulnerable = asbRiskOf({ likelihood: scores[0], impact: 1, vulnerabilities: [AsbVulnerability.DISABILITY], judgedHighRisk: false });
    return { riskLevel, minScore: Math.min(...scores), maxScore: Math.max(...scores), riskLevelIfVulnerable: vulnerable.riskLevel, reviewDays: ASB_REVIEW_DAYS[riskLevel] };
  });
  const cells = scale.flatMap((likelihood) => scale.map((impact) => ({ likelihood, impact, ...plain(likelihood, impact) })));
  const judgedHighRiskLevel = asbRiskOf({ likelihood: 1, impact: 1, vulnerabilities: [], judgedHighRisk: true }).riskLevel;
  return { bands, cells, judgedHighRiskLevel };
}

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
    const reviewDueAt = input.reviewDueAt ?? new Date(Date.now() + ASB_REVIEW_DAYS[riskLevel] * DAY_MS);
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
    if (assessments.length > 0) AuditLog.noteView(ctx, parent.id, 'asbRiskAssessments');
    return assessments;
  }
}
