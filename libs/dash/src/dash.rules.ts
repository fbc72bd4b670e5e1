import { BadInputError, DAY_MS, DashAnswer, ReferralReason, RiskLevel } from '#libs/common';

/**
 * The 24 questions of the SafeLives DASH risk identification checklist (2009), in order. Question numbers
 * are the contract's `question: Int` (1–24). A "yes" to 14 or more marks visible high risk.
 */
export const DASH_QUESTIONS: readonly string[] = [
  'Has the current incident resulted in injury?',
  'Are you very frightened?',
  'What are you afraid of? Is it further injury or violence?',
  'Do you feel isolated from family or friends?',
  'Are you feeling depressed or having suicidal thoughts?',
  'Have you separated or tried to separate from the abuser within the past year?',
  'Is there conflict over child contact?',
  'Does the abuser constantly text, call, contact, follow, stalk or harass you?',
  'Are you pregnant or have you had a baby in the last 18 months?',
  'Is the abuse happening more often?',
  'Is the abuse getting worse?',
  'Does the abuser try to control everything you do and/or are they excessively jealous?',
  'Has the abuser ever used weapons or objects to hurt you?',
  'Has the abuser ever threatened to kill you or someone else and you believed them?',
  'Has the abuser ever attempted to strangle, choke, suffocate or drown you?',
  'Does the abuser do or say things of a sexual nature that make you feel bad or that physically hurt you or someone else?',
  'Is there any other person who has threatened you or who you are afraid of?',
  'Do you know if the abuser has hurt anyone else?',
  'Has the abuser ever mistreated an animal or the family pet?',
  'Are there any financial issues?',
  'Has the abuser had problems in the past year with drugs, alcohol or mental health leading to problems in leading a normal life?',
  'Has the abuser ever threatened or attempted suicide?',
  'Has the abuser ever breached bail, an injunction or any agreement for when they can see you or the children?',
  'Does the abuser have a criminal history (domestic abuse, violence)?',
];

/** Visible high risk: this many "yes" answers or more. */
export const DASH_HIGH_RISK_SCORE = 14;

/** Below high risk, this many "yes" answers read as medium risk. */
export const DASH_MEDIUM_RISK_SCORE = 10;

/** Days until the next review unless the assessor sets a date: four weeks at high risk, thirteen otherwise. */
export const DASH_REVIEW_DAYS = { highRisk: 28, otherwise: 91 } as const;

export interface DashAnswerGiven {
  question: number;
  answer: DashAnswer;
  note?: string | null;
}

export interface DashAnswerKept {
  question: number;
  answer: DashAnswer;
  note: string | null;
}

/**
 * All 24 answers in question order: a question not answered is NOT_KNOWN, so a score is always out of the
 * whole checklist. A question outside 1–24, or answered twice, is refused rather than guessed at.
 */
export function dashAnswers(given: readonly DashAnswerGiven[]): DashAnswerKept[] {
  const answers: DashAnswerKept[] = DASH_QUESTIONS.map((_, i) => ({
    question: i + 1,
    answer: DashAnswer.NOT_KNOWN,
    note: null,
  }));
  const seen = new Set<number>();
  for (const one of given) {
    if (!Number.isInteger(one.question) || one.question < 1 || one.question > DASH_QUESTIONS.length) {
      throw new BadInputError('answers', `question must be 1–${DASH_QUESTIONS.length}, not ${one.question}`);
    }
    if (seen.has(one.question)) throw new BadInputError('answers', `question ${one.question} is answered twice`);
    seen.add(one.question);
    answers[one.question - 1] = { question: one.question, answer: one.answer, note: one.note?.trim() || null };
  }
  return answers;
}

/** The score and whether the risk is high: 14 "yes" or more, or professional judgement, which never lowers it. */
export function dashScore(
  answers: readonly { answer: DashAnswer }[],
  judgedHighRisk: boolean,
): { score: number; highRisk: boolean } {
  const score = answers.filter((a) => a.answer === DashAnswer.YES).length;
  return { score, highRisk: score >= DASH_HIGH_RISK_SCORE || judgedHighRisk };
}

/** The risk level an assessment gives the case. */
export function riskOf(assessment: { highRisk: boolean; score: number }): RiskLevel {
  if (assessment.highRisk) return RiskLevel.HIGH;
  return assessment.score >= DASH_MEDIUM_RISK_SCORE ? RiskLevel.MEDIUM : RiskLevel.STANDARD;
}

/** When the next review falls due unless the assessor sets a date. */
export function dashReviewDueAt(highRisk: boolean, now: number): Date {
  return new Date(now + (highRisk ? DASH_REVIEW_DAYS.highRisk : DASH_REVIEW_DAYS.otherwise) * DAY_MS);
}

/** A review date the assessor sets: today or later (a day's grace for time zones), never in the past. */
export function checkReviewDueAt(reviewDueAt: Date | null | undefined, now: number): void {
  if (reviewDueAt && reviewDueAt.getTime() < now - DAY_MS)
    throw new BadInputError('reviewDueAt', 'reviewDueAt cannot be in the past');
}

/**
 * The referral reasons a case meets, in the contract's order. The facts come from the database, scoped to the
 * caller: the latest DASH is high risk; three or more incidents in the last twelve months (escalation); the
 * same victim and subject referred to a MARAC in the twelve months before the latest incident (repeat).
 */
export function referralReasons(facts: {
  dashHighRisk: boolean;
  escalation: boolean;
  repeat: boolean;
}): ReferralReason[] {
  return [
    ...(facts.dashHighRisk ? [ReferralReason.DASH_THRESHOLD] : []),
    ...(facts.escalation ? [ReferralReason.ESCALATION] : []),
    ...(facts.repeat ? [ReferralReason.REPEAT_REFERRAL] : []),
  ];
}
