import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, isWorkingDay, londonDayStart } from './working-days.js';

const after = (from: string, days: number) => addWorkingDays(new Date(from), days).toISOString();

describe('working days in England and Wales', () => {
  it('skips weekends', () => {
    expect(after('2026-11-20T15:00:00Z', 1)).toBe('2026-11-23T15:00:00.000Z');
    expect(after('2026-11-20T15:00:00Z', 5)).toBe('2026-11-27T15:00:00.000Z');
  });

  it('adds nothing for zero days on a working day: the deadline is the report itself', () => {
    expect(after('2026-11-18T11:30:00Z', 0)).toBe('2026-11-18T11:30:00.000Z');
  });

  it('skips bank holidays: Christmas 2026 falls on a Friday, Boxing Day is observed on Monday 28th', () => {
    expect(isWorkingDay(new Date('2026-12-25T12:00:00Z'))).toBe(false);
    expect(isWorkingDay(new Date('2026-12-28T12:00:00Z'))).toBe(false);
    expect(after('2026-12-24T10:00:00Z', 1)).toBe('2026-12-29T10:00:00.000Z');
  });

  it('carries across the year end: New Year’s Day and the weekend after it', () => {
    expect(after('2026-12-24T10:00:00Z', 3)).toBe('2026-12-31T10:00:00.000Z');
    expect(after('2026-12-24T10:00:00Z', 4)).toBe('2027-01-04T10:00:00.000Z');
    expect(after('2026-12-31T10:00:00Z', 1)).toBe('2027-01-04T10:00:00.000Z');
  });

  it('skips the substitute days when Christmas and New Year fall at a weekend (2027–28)', () => {
    for (const day of [
      '2027-12-25',
      '2027-12-26',
      '2027-12-27',
      '2027-12-28',
      '2028-01-01',
      '2028-01-02',
      '2028-01-03',
    ]) {
      expect([day, isWorkingDay(new Date(`${day}T12:00:00Z`))]).toEqual([day, false]);
    }
    expect(after('2027-12-24T10:00:00Z', 1)).toBe('2027-12-29T10:00:00.000Z');
    expect(after('2027-12-31T10:00:00Z', 1)).toBe('2028-01-04T10:00:00.000Z');
  });

  it('skips Good Friday and Easter Monday (Easter 2026: 3 and 6 April)', () => {
    expect(isWorkingDay(new Date('2026-04-03T12:00:00Z'))).toBe(false);
    expect(isWorkingDay(new Date('2026-04-06T12:00:00Z'))).toBe(false);
    expect(isWorkingDay(new Date('2026-04-07T12:00:00Z'))).toBe(true);
    expect(after('2026-04-02T13:00:00Z', 1)).toBe('2026-04-07T13:00:00.000Z');
  });

  it('counts a report made on a bank holiday from 9am on the next working day', () => {
    expect(after('2026-04-03T10:00:00Z', 0)).toBe('2026-04-07T08:00:00.000Z');
    expect(after('2026-04-03T10:00:00Z', 1)).toBe('2026-04-08T08:00:00.000Z');
  });

  it('counts a weekend report from the start of Monday', () => {
    expect(after('2026-11-21T20:00:00Z', 1)).toBe('2026-11-24T09:00:00.000Z');
    expect(after('2026-11-22T10:00:00Z', 0)).toBe('2026-11-23T09:00:00.000Z');
  });

  it('reads the day in London, not in UTC: half past midnight on a summer Saturday is the weekend', () => {
    expect(isWorkingDay(new Date('2026-06-05T22:30:00Z'))).toBe(true); // Friday 23:30 BST
    expect(isWorkingDay(new Date('2026-06-05T23:30:00Z'))).toBe(false); // Saturday 00:30 BST
    expect(after('2026-06-05T23:30:00Z', 1)).toBe('2026-06-09T08:00:00.000Z');
  });

  it('keeps to London time across the clocks changing', () => {
    expect(after('2026-03-28T10:00:00Z', 1)).toBe('2026-03-31T08:00:00.000Z');
  });
});

describe('the start of a London day', () => {
  it('is midnight GMT in winter and 23:00 UTC the day before in summer', () => {
    expect(londonDayStart(new Date('2026-01-15T15:00:00Z')).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(londonDayStart(new Date('2026-07-01T15:00:00Z')).toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('takes the London date of a late summer evening, which in UTC is still the day before', () => {
    expect(londonDayStart(new Date('2026-07-01T23:30:00Z')).toISOString()).toBe('2026-07-01T23:00:00.000Z');
  });

  it('keeps the night before’s offset on the days the clocks change, which they do at 1am', () => {
    expect(londonDayStart(new Date('2026-03-29T12:00:00Z')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonDayStart(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });
});
