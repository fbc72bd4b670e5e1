import { describe, expect, it } from '@jest/globals';
import { BadInputError, StateConflictError } from '#libs/common';
import { assertSameAsReviewed, dueUnderHolds, holdReason, retentionCutoff } from './retention.rules.js';

// Noon UTC keeps these on the same calendar day in any time zone a server is likely to run in.
const cutoff = (now: string, years: number) => retentionCutoff(new Date(now), years).toISOString();

describe('the retention cut-off', () => {
  it('is the same moment six years back', () => {
    expect(cutoff('2026-12-04T12:00:00.000Z', 6)).toBe('2020-12-04T12:00:00.000Z');
  });

  it('follows the configured period', () => {
    expect(cutoff('2026-12-04T12:00:00.000Z', 1)).toBe('2025-12-04T12:00:00.000Z');
    expect(cutoff('2026-12-04T12:00:00.000Z', 10)).toBe('2016-12-04T12:00:00.000Z');
  });

  it('rolls 29 February on to 1 March in a common year, keeping a case a day longer rather than shorter', () => {
    expect(cutoff('2032-02-29T12:00:00.000Z', 6)).toBe('2026-03-01T12:00:00.000Z');
    expect(cutoff('2032-02-29T12:00:00.000Z', 4)).toBe('2028-02-29T12:00:00.000Z');
  });

  it('does not change the moment it is given', () => {
    const now = new Date('2026-12-04T12:00:00.000Z');
    retentionCutoff(now, 6);
    expect(now.toISOString()).toBe('2026-12-04T12:00:00.000Z');
  });
});

describe('what is due, under legal holds', () => {
  const pastPeriod = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('keeps a held case whole and lists the rest as due, in their order', () => {
    expect(dueUnderHolds(pastPeriod, new Map([['b', 'Possession proceedings']]))).toEqual({
      due: [{ id: 'a' }, { id: 'c' }],
      held: [{ id: 'b' }],
    });
    expect(dueUnderHolds(pastPeriod, new Map())).toEqual({ due: pastPeriod, held: [] });
  });

  const conflictOf = (run: () => void) => {
    try {
      run();
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(StateConflictError);
      return (error as StateConflictError).field;
    }
  };

  it('applies only what was reviewed: the same number, and the same cases when named', () => {
    expect(conflictOf(() => assertSameAsReviewed(['a', 'c'], 2, ['c', 'a']))).toBeNull();
    expect(conflictOf(() => assertSameAsReviewed(['a', 'c'], 2))).toBeNull();
    expect(conflictOf(() => assertSameAsReviewed(['a', 'c'], 1))).toBe('expectedCount');
    expect(conflictOf(() => assertSameAsReviewed(['a', 'c'], 2, ['a', 'b']))).toBe('caseIds');
    expect(conflictOf(() => assertSameAsReviewed(['a', 'c'], 2, ['a', 'a']))).toBe('caseIds');
    expect(conflictOf(() => assertSameAsReviewed([], 0, []))).toBeNull();
  });

  it('asks a hold for a reason of 3 to 2,000 characters, trimmed', () => {
    expect(holdReason('  Possession proceedings ')).toBe('Possession proceedings');
    expect(() => holdReason(' ab ')).toThrow(BadInputError);
    expect(() => holdReason('x'.repeat(2001))).toThrow(BadInputError);
  });
});
