import { DAY_MS, RiskLevel } from '#libs/common';

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
