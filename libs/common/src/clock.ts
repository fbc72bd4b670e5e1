import { registerEnumType } from '@nestjs/graphql';

export enum ClockState {
  MET = 'MET',
  DUE = 'DUE',
  BREACHED = 'BREACHED',
}
registerEnumType(ClockState, {
  name: 'ClockState',
  description: 'A deadline: met, still due, or breached (missed, or done late)',
});

/** A deadline's state: done in time is met, done late or not done once it has passed is breached. */
export function clockState(dueAt: Date, doneAt: Date | null, now: number): ClockState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? ClockState.MET : ClockState.BREACHED;
  return now > dueAt.getTime() ? ClockState.BREACHED : ClockState.DUE;
}

/** A calendar day in milliseconds (a day of elapsed time: working days and London days are counted elsewhere). */
export const DAY_MS = 24 * 60 * 60 * 1000;
