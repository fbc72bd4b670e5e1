import { describe, expect, it } from '@jest/globals';
import { BadInputError, DashAnswer, ReferralReason, RiskLevel } from '#libs/common';
import {
  checkReviewDueAt,
  DASH_HIGH_RISK_SCORE,
  DASH_QUESTIONS,
  dashAnswers,
  dashReviewDueAt,
  dashScore,
  referralReasons,
  riskOf,
} from './dash.rules.js';

const { YES, NO, NOT_KNOWN } = DashAnswer;
/** The first `yes` questions answered YES, the rest as `rest`. */
const checklist = (yes: number, rest: DashAnswer = NO) =>
  DASH_QUESTIONS.map((_, i) => ({ question: i + 1, answer: i < yes ? YES : rest }));
const assess = (yes: number, judgedHighRisk = false, rest: DashAnswer = NO) => {
  const scored = dashScore(dashAnswers(checklist(yes, rest)), judgedHighRisk);
  return { ...scored, risk: riskOf(scored) };
};

describe('the DASH checklist', () => {
  it('has the 24 SafeLives questions and its high-risk line at 14', () => {
    expect(DASH_QUESTIONS).toHaveLength(24);
    expect(DASH_HIGH_RISK_SCORE).toBe(14);
  });

  it('marks visible high risk at 14 "yes" answers, not at 13', () => {
    expect(assess(13)).toEqual({ score: 13, highRisk: false, risk: RiskLevel.MEDIUM });
    expect(assess(14)).toEqual({ score: 14, highRisk: true, risk: RiskLevel.HIGH });
    expect(assess(24)).toEqual({ score: 24, highRisk: true, risk: RiskLevel.HIGH });
  });

  it('reads 10 to 13 "yes" as medium risk and fewer as standard', () => {
    expect(assess(10).risk).toBe(RiskLevel.MEDIUM);
    expect(assess(9).risk).toBe(RiskLevel.STANDARD);
    expect(assess(0).risk).toBe(RiskLevel.STANDARD);
  });

  it('counts only YES: NO and NOT_KNOWN score nothing', () => {
    expect(assess(13, false, NOT_KNOWN)).toMatchObject({ score: 13, highRisk: false });
    expect(dashScore(dashAnswers([]), false)).toEqual({ score: 0, highRisk: false });
  });

  it('raises the risk to high on professional judgement, whatever the score, and keeps the score', () => {
    expect(assess(0, true)).toEqual({ score: 0, highRisk: true, risk: RiskLevel.HIGH });
    expect(assess(13, true)).toEqual({ score: 13, highRisk: true, risk: RiskLevel.HIGH });
  });

  it('takes a review date the assessor sets from a day ago on, refusing one further back', () => {
    const now = Date.parse('2026-11-16T10:00:00Z');
    expect(() => checkReviewDueAt(null, now)).not.toThrow();
    expect(() => checkReviewDueAt(new Date(now - 86_400_000), now)).not.toThrow();
    expect(() => checkReviewDueAt(new Date(now - 86_400_001), now)).toThrow(
      expect.objectContaining({ field: 'reviewDueAt' }),
    );
  });

  it('reviews a high risk in 28 days and any other in 91', () => {
    const now = Date.parse('2026-11-16T10:00:00Z');
    expect(dashReviewDueAt(true, now).toISOString()).toBe('2026-12-14T10:00:00.000Z');
    expect(dashReviewDueAt(false, now).toISOString()).toBe('2027-02-15T10:00:00.000Z');
  });
});

describe('the answers kept', () => {
  it('are all 24 in question order, NOT_KNOWN where not answered', () => {
    const answers = dashAnswers([
      { question: 24, answer: YES },
      { question: 2, answer: NO, note: '  Scared at night  ' },
    ]);
    expect(answers).toHaveLength(24);
    expect(answers.map((a) => a.question)).toEqual(DASH_QUESTIONS.map((_, i) => i + 1));
    expect(answers[1]).toEqual({ question: 2, answer: NO, note: 'Scared at night' });
    expect(answers[23]).toEqual({ question: 24, answer: YES, note: null });
    expect(answers.filter((a) => a.answer === NOT_KNOWN)).toHaveLength(22);
  });

  it('keep a blank note as no note', () => {
    expect(dashAnswers([{ question: 1, answer: YES, note: '   ' }])[0].note).toBeNull();
  });

  it.each([0, 25, -1, 1.5, Number.NaN])('refuse question %p, naming the answers field', (question) => {
    const attempt = () => dashAnswers([{ question, answer: YES }]);
    expect(attempt).toThrow(BadInputError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'answers', code: 'BAD_USER_INPUT' }));
  });

  it('accept the first and the last question', () => {
    expect(
      dashAnswers([
        { question: 1, answer: YES },
        { question: 24, answer: YES },
      ]).filter((a) => a.answer === YES),
    ).toHaveLength(2);
  });

  it('refuse a question answered twice, even the same way', () => {
    expect(() =>
      dashAnswers([
        { question: 7, answer: YES },
        { question: 7, answer: YES },
      ]),
    ).toThrow('question 7 is answered twice');
  });
});

describe('the referral reasons of a case', () => {
  it('are none when no criterion is met', () => {
    expect(referralReasons({ dashHighRisk: false, escalation: false, repeat: false })).toEqual([]);
  });

  it('list each criterion met, in the contract’s order', () => {
    expect(referralReasons({ dashHighRisk: true, escalation: true, repeat: true })).toEqual([
      ReferralReason.DASH_THRESHOLD,
      ReferralReason.ESCALATION,
      ReferralReason.REPEAT_REFERRAL,
    ]);
    expect(referralReasons({ dashHighRisk: false, escalation: true, repeat: false })).toEqual([
      ReferralReason.ESCALATION,
    ]);
    expect(referralReasons({ dashHighRisk: true, escalation: false, repeat: true })).toEqual([
      ReferralReason.DASH_THRESHOLD,
      ReferralReason.REPEAT_REFERRAL,
    ]);
  });

  it('never offer professional judgement: a person claims that one at referral', () => {
    expect(referralReasons({ dashHighRisk: true, escalation: true, repeat: true })).not.toContain(
      ReferralReason.PROFESSIONAL_JUDGEMENT,
    );
  });
});
