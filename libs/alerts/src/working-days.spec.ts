import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, isWorkingDay } from './working-days.js';

describe('working days in England and Wales', () => {
  it('skips weekends', () => {
    expect(addWorkingDays(new Date('2026-11-20T15:00:00Z'), 1).toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('skips bank holidays: Christmas 2026 falls on a Friday, Boxing Day is observed on Monday 28th', () => {
    expect(isWorkingDay(new Date('2026-12-25T12:00:00Z'))).toBe(false);
    expect(isWorkingDay(new Date('2026-12-28T12:00:00Z'))).toBe(false);
    expect(addWorkingDays(new Date('2026-12-24T10:00:00Z'), 1).toISOString()).toBe('2026-12-29T10:00:00.000Z');
  });

  it('counts a weekend report from the start of Monday', () => {
    expect(addWorkingDays(new Date('2026-11-21T20:00:00Z'), 1).toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });

  it('keeps to London time across the clocks changing', () => {
    expect(addWorkingDays(new Date('2026-03-28T10:00:00Z'), 1).toISOString()).toBe('2026-03-31T08:00:00.000Z');
  });
});
