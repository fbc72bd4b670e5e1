import { describe, expect, it } from '@jest/globals';
import { BadInputError, DAY_MS, RiskLevel } from '#libs/common';
import { ASB_REVIEW_DAYS, asbReviewDueAt, asbRiskOf, assessmentConcerns, checkReviewDueAt } from './asb-risk.rules.js';

const { STANDARD: S, MEDIUM: M, HIGH: H } = RiskLevel;

// The published matrix, written out cell by cell (likelihood down, impact across) rather than derived:
// 15 and over is HIGH, 8–14 MEDIUM, lower STANDARD.
const MATRIX: RiskLevel[][] = [
  [S, S, S, S, S],
  [S, S, S, M, M],
  [S, S, M, M, H],
  [S, M, M, H, H],
  [S, M, H, H, H],
];
// The same, for a vulnerable victim: every band raised one step, HIGH stays HIGH.
const VULNERABLE: RiskLevel[][] = [
  [M, M, M, M, M],
  [M, M, M, H, H],
  [M, M, H, H, H],
  [M, H, H, H, H],
  [M, H, H, H, H],
];
const cells = [1, 2, 3, 4, 5].flatMap((likelihood) => [1, 2, 3, 4, 5].map((impact) => ({ likelihood, impact })));

describe('the ASB risk matrix', () => {
  it.each(cells)(
    'likelihood $likelihood × impact $impact scores the product and falls in its band',
    ({ likelihood, impact }) => {
      expect(asbRiskOf({ likelihood, impact, vulnerabilities: [] })).toEqual({
        score: likelihood * impact,
        riskLevel: MATRIX[likelihood - 1][impact - 1],
      });
    },
  );

  it.each(cells)(
    'likelihood $likelihood × impact $impact with a vulnerable victim is raised one band',
    ({ likelihood, impact }) => {
      expect(asbRiskOf({ likelihood, impact, vulnerabilities: ['DISABILITY'] })).toEqual({
        score: likelihood * impact,
        riskLevel: VULNERABLE[likelihood - 1][impact - 1],
      });
    },
  );

  it('puts the band edges at 7|8 and 14|15', () => {
    // 7 is no product of 1–5, so the edges are 6 (2×3) against 8 (2×4), and 12 (3×4) against 15 (3×5).
    expect(asbRiskOf({ likelihood: 2, impact: 3, vulnerabilities: [] }).riskLevel).toBe(S);
    expect(asbRiskOf({ likelihood: 2, impact: 4, vulnerabilities: [] }).riskLevel).toBe(M);
    expect(asbRiskOf({ likelihood: 3, impact: 5, vulnerabilities: [] })).toEqual({ score: 15, riskLevel: H });
    expect(asbRiskOf({ likelihood: 3, impact: 4, vulnerabilities: [] })).toEqual({ score: 12, riskLevel: M });
  });

  it('raises one band however many vulnerabilities there are', () => {
    expect(
      asbRiskOf({ likelihood: 1, impact: 1, vulnerabilities: ['DISABILITY', 'AGE', 'MENTAL_HEALTH'] }).riskLevel,
    ).toBe(M);
  });

  it('is HIGH on professional judgement whatever the score, and keeps the score', () => {
    expect(asbRiskOf({ likelihood: 1, impact: 1, vulnerabilities: [], judgedHighRisk: true })).toEqual({
      score: 1,
      riskLevel: H,
    });
    expect(asbRiskOf({ likelihood: 1, impact: 1, vulnerabilities: [], judgedHighRisk: false })).toEqual({
      score: 1,
      riskLevel: S,
    });
  });

  it('sets the next review sooner the higher the risk: 7, 14 and 28 days', () => {
    const now = Date.parse('2026-11-16T10:00:00Z');
    expect(ASB_REVIEW_DAYS).toEqual({ HIGH: 7, MEDIUM: 14, STANDARD: 28 });
    expect(asbReviewDueAt(H, now).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(asbReviewDueAt(M, now).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(asbReviewDueAt(S, now).toISOString()).toBe('2026-12-14T10:00:00.000Z');
  });
});

describe('what an assessment must say', () => {
  it('keeps concerns trimmed, and asks for them when the assessor judges the risk high', () => {
    expect(assessmentConcerns(false, '  Threats to burn the car ')).toBe('Threats to burn the car');
    expect(assessmentConcerns(false, '   ')).toBeNull();
    expect(assessmentConcerns(true, 'Threats')).toBe('Threats');
    expect(() => assessmentConcerns(true, '  ')).toThrow(BadInputError);
    expect(() => assessmentConcerns(true, null)).toThrow(BadInputError);
  });

  it('accepts a review date from a day ago on, never earlier', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(() => checkReviewDueAt(undefined, now)).not.toThrow();
    expect(() => checkReviewDueAt(new Date(now - DAY_MS + 1000), now)).not.toThrow();
    expect(() => checkReviewDueAt(new Date(now - DAY_MS - 1000), now)).toThrow(BadInputError);
  });
});
