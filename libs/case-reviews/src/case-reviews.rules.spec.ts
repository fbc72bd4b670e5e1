import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '#libs/common';
import {
  CASE_REVIEW_WINDOW_MONTHS,
  caseReviewDeadlines,
  caseReviewThreshold,
  checkReceivedAt,
  decisionReason,
} from './case-reviews.rules.js';

const DEFAULT_DAYS = { acknowledgeDays: 5, decideDays: 10, meetDays: 25 };

describe('the ASB Case Review threshold', () => {
  it('is met at three complaints in six months (the default), not at two', () => {
    expect(caseReviewThreshold(2, 3)).toEqual({
      complaints: 2,
      threshold: 3,
      windowMonths: 6,
      met: false,
      tellVictimAboutReview: true,
    });
    expect(caseReviewThreshold(3, 3)).toEqual({
      complaints: 3,
      threshold: 3,
      windowMonths: 6,
      met: true,
      tellVictimAboutReview: true,
    });
    expect(caseReviewThreshold(4, 3).met).toBe(true);
  });

  it('tells the victim about the review from the second complaint, not the first', () => {
    expect(caseReviewThreshold(0, 3).tellVictimAboutReview).toBe(false);
    expect(caseReviewThreshold(1, 3).tellVictimAboutReview).toBe(false);
    expect(caseReviewThreshold(2, 3).tellVictimAboutReview).toBe(true);
  });

  it('follows a partnership’s own threshold, inclusive', () => {
    expect(caseReviewThreshold(4, 5).met).toBe(false);
    expect(caseReviewThreshold(5, 5).met).toBe(true);
    expect(caseReviewThreshold(1, 1).met).toBe(true);
    expect(caseReviewThreshold(0, 1).met).toBe(false);
  });

  it('counts over six months', () => {
    expect(CASE_REVIEW_WINDOW_MONTHS).toBe(6);
  });
});

describe('the Case Review clock', () => {
  it('gives 5, 10 and 25 working days from receipt by default, at the time of day it was received', () => {
    const due = caseReviewDeadlines(new Date('2026-11-16T10:00:00Z'), DEFAULT_DAYS);
    expect(due).toEqual({
      acknowledgeBy: new Date('2026-11-23T10:00:00Z'),
      decideBy: new Date('2026-11-30T10:00:00Z'),
      meetBy: new Date('2026-12-21T10:00:00Z'),
    });
  });

  it('stops for Christmas, Boxing Day (observed 28th) and New Year', () => {
    const due = caseReviewDeadlines(new Date('2026-12-18T10:00:00Z'), DEFAULT_DAYS);
    expect(due.acknowledgeBy).toEqual(new Date('2026-12-29T10:00:00Z'));
    // 21–24 Dec (4), 29–31 Dec (7), 4–6 Jan (10).
    expect(due.decideBy).toEqual(new Date('2027-01-06T10:00:00Z'));
  });

  it('starts an application received at the weekend on Monday at 9am', () => {
    const due = caseReviewDeadlines(new Date('2026-11-21T15:00:00Z'), {
      acknowledgeDays: 1,
      decideDays: 2,
      meetDays: 3,
    });
    expect(due).toEqual({
      acknowledgeBy: new Date('2026-11-24T09:00:00Z'),
      decideBy: new Date('2026-11-25T09:00:00Z'),
      meetBy: new Date('2026-11-26T09:00:00Z'),
    });
  });
});

describe('an application', () => {
  const now = Date.parse('2026-11-16T10:00:00Z');

  it('may be dated now, earlier, or up to five minutes ahead (a fast clock), never later', () => {
    expect(() => checkReceivedAt(new Date(now - 86_400_000), now)).not.toThrow();
    expect(() => checkReceivedAt(new Date(now + 5 * 60_000), now)).not.toThrow();
    expect(() => checkReceivedAt(new Date(now + 5 * 60_000 + 1), now)).toThrow(
      expect.objectContaining({ field: 'receivedAt' }),
    );
  });

  it('is decided with a reason of three characters or more, kept trimmed', () => {
    expect(decisionReason('  No new complaints  ')).toBe('No new complaints');
    expect(() => decisionReason('  ok ')).toThrow(BadInputError);
    expect(() => decisionReason('')).toThrow(expect.objectContaining({ field: 'reason', code: 'BAD_USER_INPUT' }));
  });
});
