import { BadInputError } from '#libs/common';

/** A plan's lists as kept: each item trimmed, blank ones dropped. */
export function cleanCommitments(items: readonly string[]): string[] {
  return items.map((item) => item.trim()).filter(Boolean);
}

/**
 * When a plan may say it was agreed: not in the future (five minutes' grace for clocks) and not before the case
 * was opened (a minute's grace). BAD_USER_INPUT on agreedAt otherwise.
 */
export function checkAgreedAt(agreedAt: Date, caseOpenedAt: Date, now: number): void {
  if (agreedAt.getTime() > now + 5 * 60 * 1000) throw new BadInputError('agreedAt', 'agreedAt cannot be in the future');
  if (agreedAt.getTime() < caseOpenedAt.getTime() - 60_000)
    throw new BadInputError('agreedAt', 'agreedAt cannot be before the case was opened');
}
