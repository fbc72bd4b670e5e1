import { describe, expect, it } from '@jest/globals';
import { waitAfterFailures } from './sign-in-throttle.js';

describe('the wait after sign-in failures', () => {
  it('is nothing for the first few, then 1 s doubling with each failure, never past the cap', () => {
    expect([0, 4].map((n) => waitAfterFailures(n, 5, 300))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 12, 13, 14].map((n) => waitAfterFailures(n, 5, 300))).toEqual([1, 2, 4, 8, 128, 256, 300]);
    // However many failures pile up, the owner of the account waits the cap at most.
    expect(waitAfterFailures(1_000_000, 5, 300)).toBe(300);
  });
});
