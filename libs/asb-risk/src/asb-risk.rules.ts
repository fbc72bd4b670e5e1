import { BadInputError, DAY_MS, RiskLevel } from '#libs/common';
import { type AsbRiskMatrix, AsbVulnerability } from './asb-risk.model.js';

/** What the matrix reads: likelihood and impact (each 1–5), the victim's vulnerabilities and any judgement. */
export interface AsbMatrixInput {
  likelihood: number;
  impact: number;
  vulnerabilities: readonly string[];
  judgedHighRisk?: boolean | null;
}

const BANDS: readonly RiskLevel[] = [RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH];
/** Days until the next review, by the risk found: the higher the risk, the sooner. */
export const ASB_REVIEW_DAYS: Record<RiskLevel, number> = { HIGH: 7, MEDIUM: 14, STANDARD: 28 };

/** The matrix's rule, in one place: the band of likelihood × impact, raised a step for a vulnerable victim. */
export function asbRiskOf(input: AsbMatrixInput): { score: number; riskLevel: RiskLevel } {
  const score = input.likelihood * input.impact;
  if (input.judgedHighRisk) return { score, riskLevel: RiskLevel.HIGH };
  const band = score >= 15 ? 2 : score >= 8 ? 1 : 0;
  const raised = Math.min(band + (input.vulnerabilities.length > 0 ? 1 : 0), 2);
  return { score, riskLevel: BANDS[raised] };
}

/** When the next review falls due unless the assessor sets a date. */
export function asbReviewDueAt(riskLevel: RiskLevel, now: number): Date {
  return new Date(now + ASB_REVIEW_DAYS[riskLevel] * DAY_MS);
}

/**
 * The matrix as asbRiskOf scores it, read off the function itself (so a client shows what the API will record,
 * and the two cannot differ): each score's band, the band a vulnerability gives, and judgement's answer.
 */
export function asbRiskMatrix(): AsbRiskMatrix {
  const plain = (likelihood: number, impact: number) =>
    asbRiskOf({ likelihood, impact, vulnerabilities: [], judgedHighRisk: false });
  const scale = [1, 2, 3, 4, 5];
  // Scores 1–25 (likelihood × impact) read as the product alone, so every score of a band is counted.
  const byScore = Array.from({ length: 25 }, (_, i) => plain(i + 1, 1));
  const bands = BANDS.filter((level) => byScore.some((s) => s.riskLevel === level)).map((riskLevel) => {
    const scores = byScore.filter((s) => s.riskLevel === riskLevel).map((s) => s.score);
    const vulnerable = asbRiskOf({
      likelihood: scores[0],
      impact: 1,
      vulnerabilities: [AsbVulnerability.DISABILITY],
      judgedHighRisk: false,
    });
    return {
      riskLevel,
      minScore: Math.min(...scores),
      maxScore: Math.max(...scores),
      riskLevelIfVulnerable: vulnerable.riskLevel,
      reviewDays: ASB_REVIEW_DAYS[riskLevel],
    };
  });
  const cells = scale.flatMap((likelihood) =>
    scale.map((impact) => ({ likelihood, impact, ...plain(likelihood, impact) })),
  );
  const judgedHighRiskLevel = asbRiskOf({
    likelihood: 1,
    impact: 1,
    vulnerabilities: [],
    judgedHighRisk: true,
  }).riskLevel;
  return { bands, cells, judgedHighRiskLevel };
}

/** The assessor's concerns as kept (trimmed, none when blank): a judgement that the risk is high must say them. */
export function assessmentConcerns(judgedHighRisk: boolean, concerns: string | null | undefined): string | null {
  const kept = concerns?.trim() || null;
  if (judgedHighRisk && !kept) throw new BadInputError('concerns', 'Say what worries you when you judge the risk high');
  return kept;
}

/** A review date the assessor sets may be today (a day's grace for time zones), never in the past. */
export function checkReviewDueAt(reviewDueAt: Date | null | undefined, now: number): void {
  if (reviewDueAt && reviewDueAt.getTime() < now - DAY_MS)
    throw new BadInputError('reviewDueAt', 'reviewDueAt cannot be in the past');
}
