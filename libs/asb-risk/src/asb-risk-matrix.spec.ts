import { describe, expect, it } from '@jest/globals';
import { RiskLevel } from '#libs/common';
import { AsbVulnerability } from './asb-risk.model.js';
import { asbRiskMatrix, asbRiskOf } from './asb-risk.rules.js';

describe('the ASB risk matrix as the API answers it (asbRiskMatrix)', () => {
  const matrix = asbRiskMatrix();

  it('reads 1 to 7 standard, 8 to 14 medium, 15 to 25 high, a vulnerability a step up, reviews at 28, 14 and 7 days', () => {
    expect(matrix.bands).toEqual([
      {
        riskLevel: RiskLevel.STANDARD,
        minScore: 1,
        maxScore: 7,
        riskLevelIfVulnerable: RiskLevel.MEDIUM,
        reviewDays: 28,
      },
      { riskLevel: RiskLevel.MEDIUM, minScore: 8, maxScore: 14, riskLevelIfVulnerable: RiskLevel.HIGH, reviewDays: 14 },
      { riskLevel: RiskLevel.HIGH, minScore: 15, maxScore: 25, riskLevelIfVulnerable: RiskLevel.HIGH, reviewDays: 7 },
    ]);
    expect(matrix.judgedHighRiskLevel).toBe(RiskLevel.HIGH);
    expect(matrix.cells).toHaveLength(25);
  });

  it('gives, read as a client reads it, what recording the assessment gives, for every cell, vulnerability and judgement', () => {
    for (const cell of matrix.cells) {
      const band = matrix.bands.find((b) => b.riskLevel === cell.riskLevel)!;
      for (const vulnerable of [false, true]) {
        for (const judged of [false, true]) {
          const recorded = asbRiskOf({
            likelihood: cell.likelihood,
            impact: cell.impact,
            vulnerabilities: vulnerable ? [AsbVulnerability.AGE] : [],
            judgedHighRisk: judged,
          });
          const shown = judged ? matrix.judgedHighRiskLevel : vulnerable ? band.riskLevelIfVulnerable : band.riskLevel;
          expect({ score: cell.score, riskLevel: shown }).toEqual(recorded);
        }
      }
    }
  });
});
