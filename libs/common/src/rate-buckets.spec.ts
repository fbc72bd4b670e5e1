import { describe, expect, it } from '@jest/globals';
import { RateBuckets } from './rate-buckets.js';

describe('RateBuckets', () => {
  it('takes a burst up to the limit, then refuses with the seconds until the next is taken', () => {
    const rate = new RateBuckets(60);
    const now = 1_000_000;
    for (let i = 0; i < 60; i++) expect(rate.take('k', now)).toBe(0);
    expect(rate.take('k', now)).toBe(1);
    // One a second comes back.
    expect(rate.take('k', now + 1000)).toBe(0);
    expect(rate.take('k', now + 1000)).toBe(1);
  });

  it('counts each name apart', () => {
    const rate = new RateBuckets(2);
    expect([rate.take('a', 0), rate.take('a', 0), rate.take('a', 0)]).toEqual([0, 0, 30]);
    expect(rate.take('b', 0)).toBe(0);
  });
});
