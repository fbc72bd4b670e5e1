import { describe, expect, it } from '@jest/globals';
import { secondsStillToWait, waitAfterFailures } from './auth.rules.js';

describe('the wait after sign-in failures', () => {
  it('is nothing for the first few, then 1 s doubling with each failure, never past the cap', () => {
    expect([0, 4].map((n) => waitAfterFailures(n, 5, 300))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 12, 13, 14].map((n) => waitAfterFailures(n, 5, 300))).toEqual([1, 2, 4, 8, 128, 256, 300]);
    // However many failures pile up, the owner of the account waits the cap at most.
    expect(waitAfterFailures(1_000_000, 5, 300)).toBe(300);
  });
});

describe('the wait still owed', () => {
  it('is the wait less the seconds since the latest failure, and nothing once they have passed', () => {
    expect(secondsStillToWait(6, 0.5, 5, 300)).toBe(1.5);
    expect(secondsStillToWait(6, 3, 5, 300)).toBe(0);
    expect(secondsStillToWait(0, null, 5, 300)).toBe(0);
  });

  it('is nothing while the failures are within the free ones, even one stamped after the count began', () => {
    // A concurrent failure committed after the counting transaction began is "since" a moment below zero.
    expect(secondsStillToWait(4, -0.02, 5, 300)).toBe(0);
    expect(secondsStillToWait(0, -0.02, 5, 300)).toBe(0);
  });

  it('counts a failure stamped after the count began as just now, not as a longer wait', () => {
    expect(secondsStillToWait(5, -0.02, 5, 300)).toBe(1);
    expect(secondsStillToWait(1_000, -5, 5, 300)).toBe(300);
  });
});
