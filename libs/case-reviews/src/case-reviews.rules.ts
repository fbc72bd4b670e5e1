import { addWorkingDays, BadInputError } from '#libs/common';

/** The ASB Case Review counts complaints over the last six months (the SQL's window, named once here). */
export const CASE_REVIEW_WINDOW_MONTHS = 6;
/** From the second complaint the victim is told they may ask for a review. */
export const TELL_VICTIM_FROM_COMPLAINTS = 2;

/** The threshold judged on a count: met at the partnership's threshold (3 by default) or above, never below. */
export function caseReviewThreshold(complaints: number, threshold: number) {
  return {
    complaints,
    threshold,
    windowMonths: CASE_REVIEW_WINDOW_MONTHS,
    met: complaints >= threshold,
    tellVictimAboutReview: complaints >= TELL_VICTIM_FROM_COMPLAINTS,
  };
}

/** The statutory clock of an application, each step counted in working days from when it was received. */
export function caseReviewDeadlines(
  receivedAt: Date,
  days: { acknowledgeDays: number; decideDays: number; meetDays: number },
): { acknowledgeBy: Date; decideBy: Date; meetBy: Date } {
  return {
    acknowledgeBy: addWorkingDays(receivedAt, days.acknowledgeDays),
    decideBy: addWorkingDays(receivedAt, days.decideDays),
    meetBy: addWorkingDays(receivedAt, days.meetDays),
  };
}

/** How far ahead of the server's clock an application may say it was received: a device's clock a little fast. */
export const RECEIVED_AHEAD_MS = 5 * 60_000;

/** When an application was received: not in the future (the clock would start late and its deadlines slip). */
export function checkReceivedAt(receivedAt: Date, now: number): void {
  if (receivedAt.getTime() > now + RECEIVED_AHEAD_MS)
    throw new BadInputError('receivedAt', 'receivedAt cannot be in the future');
}

/** The reason for a threshold decision, trimmed: it must say something. */
export function decisionReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3) throw new BadInputError('reason', 'Give the reason for the decision');
  return trimmed;
}

// Issue 19, item 1: the rest of the process (application, outcome, the applicant told, appeal).

/** The steps of an application's clock, in order; each is alerted once when it runs out. */
export enum CaseReviewStep {
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  DECIDE = 'DECIDE',
  MEET = 'MEET',
  TELL = 'TELL',
  APPEAL_HEARING = 'APPEAL_HEARING',
}

/** When the applicant must be told the outcome: working days from receipt (by default five after the meeting). */
export function tellDeadline(receivedAt: Date, tellDays: number): Date {
  return addWorkingDays(receivedAt, tellDays);
}

/** The last moment an appeal may be made: working days after the applicant was told. */
export function appealDeadline(toldAt: Date, appealDays: number): Date {
  return addWorkingDays(toldAt, appealDays);
}

/** An appeal is received within the window after the applicant was told, never before they were told. */
export function checkAppealInTime(review: { told_at: Date | null; appeal_by: Date | null }, appealedAt: Date): void {
  if (!review.told_at || !review.appeal_by)
    throw new BadInputError('id', 'The applicant has not been told the outcome yet: there is nothing to appeal');
  if (appealedAt.getTime() > review.appeal_by.getTime())
    throw new BadInputError(
      'receivedAt',
      `The appeal window closed on ${review.appeal_by.toISOString().slice(0, 10)}: an appeal after it cannot be heard`,
    );
  if (appealedAt.getTime() < review.told_at.getTime())
    throw new BadInputError('receivedAt', 'An appeal cannot be received before the applicant was told the outcome');
}

/** An appeal is heard by someone who did not chair the review it appeals against. */
export function checkDifferentChair(reviewChairId: string | null, appealChairId: string): void {
  if (reviewChairId && reviewChairId === appealChairId)
    throw new BadInputError('meetingId', 'The appeal must be chaired by someone other than the chair of the review');
}

/** Whom the application is from: the victim, or a third party who must have the victim's consent. */
export function applicantOf(input: {
  name: string;
  contact: string;
  relationship?: string | null;
  thirdParty: boolean;
  consentRecorded?: boolean | null;
}): { name: string; contact: string; relationship: string | null; thirdParty: boolean; consent: boolean } {
  const name = input.name.trim();
  const contact = input.contact.trim();
  const relationship = input.relationship?.trim() || null;
  if (name.length < 2) throw new BadInputError('applicant.name', 'Give the applicant’s name');
  if (contact.length < 3) throw new BadInputError('applicant.contact', 'Say how to contact the applicant');
  if (input.thirdParty) {
    if (!relationship)
      throw new BadInputError('applicant.relationship', 'Say how a third party applicant is related to the victim');
    if (!input.consentRecorded)
      throw new BadInputError(
        'applicant.consentRecorded',
        'A third party may apply only with the victim’s consent: record it before logging the application',
      );
  }
  return { name, contact, relationship, thirdParty: input.thirdParty, consent: Boolean(input.consentRecorded) };
}

/** Free text the process keeps (a conclusion, how the applicant was told, an appeal's grounds): trimmed, not empty. */
export function statedText(text: string, field: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 3) throw new BadInputError(field, `Give ${what}`);
  if (trimmed.length > 5000) throw new BadInputError(field, `${what} is at most 5,000 characters`);
  return trimmed;
}

export interface ReviewClockFacts {
  /** When the application was recorded: a deadline already gone by then (a late-logged application) is not alerted. */
  requested_at: Date;
  acknowledge_by: Date;
  decide_by: Date;
  meet_by: Date;
  tell_by: Date | null;
  appeal_heard_by: Date | null;
  acknowledged_at: Date | null;
  decided_at: Date | null;
  met_at: Date | null;
  told_at: Date | null;
  threshold_met: boolean | null;
  appealed_at: Date | null;
  appeal_decided_at: Date | null;
}

/**
 * The steps to alert as run out at `now`: not done, and due after the application was recorded (one logged after
 * a deadline shows that step breached, but nobody is told of what they could not have prevented). A review is held
 * only where the threshold was met (or is not yet decided); the applicant is told either way; an appeal's hearing
 * runs only once there is an appeal.
 */
export function overdueSteps(review: ReviewClockFacts, now: number): CaseReviewStep[] {
  const recorded = review.requested_at.getTime();
  const late = (due: Date | null, done: Date | null) =>
    due !== null && done === null && due.getTime() < now && due.getTime() > recorded;
  const steps: CaseReviewStep[] = [];
  if (late(review.acknowledge_by, review.acknowledged_at)) steps.push(CaseReviewStep.ACKNOWLEDGE);
  if (late(review.decide_by, review.decided_at)) steps.push(CaseReviewStep.DECIDE);
  if (review.threshold_met !== false && late(review.meet_by, review.met_at)) steps.push(CaseReviewStep.MEET);
  if (late(review.tell_by, review.told_at)) steps.push(CaseReviewStep.TELL);
  if (review.appealed_at && late(review.appeal_heard_by, review.appeal_decided_at))
    steps.push(CaseReviewStep.APPEAL_HEARING);
  return steps;
}
