import { BadInputError, DAY_MS, ReferralReason } from '#libs/common';
import { DASH_HIGH_RISK_SCORE, DASH_QUESTIONS } from '#libs/dash';

/** How far back and ahead a meeting may be dated: its date bounds how long its case material stays open. */
export const SCHEDULE_BACK_DAYS = 365;
export const SCHEDULE_AHEAD_DAYS = 365;

/** A meeting's date: within a year either side of now (a date far ahead would hold the case material open until then). */
export function checkMeetingDate(startsAt: Date, now: number): void {
  if (startsAt.getTime() < now - SCHEDULE_BACK_DAYS * DAY_MS)
    throw new BadInputError('startsAt', 'startsAt is more than a year ago');
  if (startsAt.getTime() > now + SCHEDULE_AHEAD_DAYS * DAY_MS)
    throw new BadInputError('startsAt', 'startsAt is more than a year ahead');
}

/**
 * Whether a meeting's case material is open to an attendee who does not hold the case: until the meeting is
 * closed, or `materialDays` after it started if it never is.
 */
export function materialWindowOpen(
  meeting: { startsAt: Date; closedAt: Date | null },
  materialDays: number,
  now: number,
): boolean {
  const until = Math.min(meeting.closedAt?.getTime() ?? Infinity, meeting.startsAt.getTime() + materialDays * DAY_MS);
  return now < until;
}

/** A period of figures: it ends after it starts. */
export function checkPeriod(from: Date, to: Date): void {
  if (to.getTime() <= from.getTime()) throw new BadInputError('to', 'to must be after from');
}

/** A DASH score given with a referral: a whole number of "yes" answers, 0–24. */
export function checkReferralDashScore(dashScore: number | null | undefined): void {
  if (
    dashScore !== null &&
    dashScore !== undefined &&
    (!Number.isInteger(dashScore) || dashScore < 0 || dashScore > DASH_QUESTIONS.length)
  ) {
    throw new BadInputError('dashScore', `dashScore must be 0–${DASH_QUESTIONS.length}`);
  }
}

/**
 * The reason a case is referred must hold: PROFESSIONAL_JUDGEMENT needs the concern in writing; DASH_THRESHOLD
 * a DASH score of 14 or more (given, or the latest assessment's) unless the case meets it now; ESCALATION and
 * REPEAT_REFERRAL must be among the criteria the case meets now.
 */
export function checkReferralReason(referral: {
  reason: ReferralReason;
  score: number | null;
  concern: string | null;
  criteria: readonly ReferralReason[];
}): void {
  const { reason, score, concern, criteria } = referral;
  if (reason === ReferralReason.PROFESSIONAL_JUDGEMENT && !concern) {
    throw new BadInputError('concerns', 'A referral on professional judgement needs the concern in writing');
  }
  if (
    reason === ReferralReason.DASH_THRESHOLD &&
    !criteria.includes(reason) &&
    !(score !== null && score >= DASH_HIGH_RISK_SCORE)
  ) {
    throw new BadInputError('reason', `DASH_THRESHOLD needs a DASH score of ${DASH_HIGH_RISK_SCORE} or more`);
  }
  if (
    (reason === ReferralReason.ESCALATION || reason === ReferralReason.REPEAT_REFERRAL) &&
    !criteria.includes(reason)
  ) {
    throw new BadInputError(
      'reason',
      `This case does not meet ${reason} now (it meets: ${criteria.join(', ') || 'none'})`,
    );
  }
}

/** A new order of the live agenda: every live item exactly once. */
export function checkAgendaOrder(given: readonly string[], live: readonly string[]): void {
  if (given.length !== live.length || new Set(given).size !== given.length || !live.every((id) => given.includes(id))) {
    throw new BadInputError('itemIds', 'Give every item on the agenda exactly once, in the new order');
  }
}

/** A written reason or summary, trimmed: at least three characters, else `message` against `field`. */
export function writtenText(text: string, field: string, message: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 3) throw new BadInputError(field, message);
  return trimmed;
}
