import { describe, expect, it } from '@jest/globals';
import { retentionCutoff } from './retention.rules.js';

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
