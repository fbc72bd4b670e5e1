import { BadInputError, StateConflictError, statedReason } from '#libs/common';

/**
 * Cases closed before this moment are due for anonymising: the same date and time `years` back, in the
 * server's calendar. 29 February has no twin in a common year and rolls on to 1 March, so a case is never
 * kept a day short.
 */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setFullYear(cutoff.getFullYear() - years);
  return cutoff;
}

/** Splits the cases past the period into those due now and those a legal hold keeps whole, keeping their order. */
export function dueUnderHolds<T extends { id: string }, H>(
  pastPeriod: readonly T[],
  holds: ReadonlyMap<string, H>,
): { due: T[]; held: T[] } {
  return { due: pastPeriod.filter((c) => !holds.has(c.id)), held: pastPeriod.filter((c) => holds.has(c.id)) };
}

/**
 * A real run anonymises exactly what the manager reviewed: the number the dry run listed as due, and the cases
 * themselves when given. Anything different now (a case crossed the cut-off, a hold was placed) is a CONFLICT.
 */
export function assertSameAsReviewed(
  dueIds: readonly string[],
  expectedCount: number,
  reviewedIds?: readonly string[] | null,
): void {
  if (dueIds.length !== expectedCount) {
    throw new StateConflictError(
      `${dueIds.length} cases are due now, not ${expectedCount}: review them again`,
      'expectedCount',
    );
  }
  if (reviewedIds) {
    const reviewed = new Set(reviewedIds);
    if (reviewed.size !== dueIds.length || dueIds.some((id) => !reviewed.has(id))) {
      throw new StateConflictError('The cases due now are not the ones reviewed: review them again', 'caseIds');
    }
  }
}

/** A hold's reason, or its release's, as kept: trimmed, 3–2,000 characters. */
export function holdReason(reason: string): string {
  const why = statedReason(reason);
  if (why === null) throw new BadInputError('reason', 'Give a reason of 3–2,000 characters');
  return why;
}
