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
