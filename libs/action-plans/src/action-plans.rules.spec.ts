import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '#libs/common';
import { checkAgreedAt, cleanCommitments } from './action-plans.rules.js';

describe('action plan rules', () => {
  it('keeps commitments trimmed and drops blank ones', () => {
    expect(cleanCommitments(['  Visit weekly ', '', '   ', 'Call back'])).toEqual(['Visit weekly', 'Call back']);
  });

  const opened = new Date('2026-03-01T10:00:00Z');
  const now = new Date('2026-03-10T10:00:00Z').getTime();
  const fieldOf = (agreedAt: Date) => {
    try {
      checkAgreedAt(agreedAt, opened, now);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(BadInputError);
      return (error as BadInputError).message;
    }
  };

  it('accepts a plan agreed between the case opening and now, with a little grace for clocks', () => {
    expect(fieldOf(new Date('2026-03-05T10:00:00Z'))).toBeNull();
    expect(fieldOf(new Date(now + 4 * 60 * 1000))).toBeNull();
    expect(fieldOf(new Date(opened.getTime() - 30_000))).toBeNull();
  });

  it('refuses a plan agreed in the future or before the case was opened', () => {
    expect(fieldOf(new Date(now + 6 * 60 * 1000))).toBe('agreedAt cannot be in the future');
    expect(fieldOf(new Date(opened.getTime() - 2 * 60_000))).toBe('agreedAt cannot be before the case was opened');
  });
});
