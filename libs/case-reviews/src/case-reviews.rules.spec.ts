import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '#libs/common';
import {
  appealDeadline,
  applicantOf,
  CaseReviewStep,
  checkAppealInTime,
  checkDifferentChair,
  overdueSteps,
  tellDeadline,
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

describe('the rest of the process (issue 19)', () => {
  const told = new Date('2026-11-16T10:00:00Z');

  it('opens an appeal window of working days after the applicant was told, and refuses an appeal after it', () => {
    const appealBy = appealDeadline(told, 20);
    // 20 working days from Monday 16 November: Monday 14 December.
    expect(appealBy).toEqual(new Date('2026-12-14T10:00:00Z'));
    expect(() => checkAppealInTime({ told_at: told, appeal_by: appealBy }, appealBy)).not.toThrow();
    expect(() => checkAppealInTime({ told_at: told, appeal_by: appealBy }, new Date(appealBy.getTime() + 1))).toThrow(
      expect.objectContaining({ field: 'receivedAt', code: 'BAD_USER_INPUT' }),
    );
    expect(() => checkAppealInTime({ told_at: null, appeal_by: null }, told)).toThrow(
      expect.objectContaining({ field: 'id' }),
    );
    expect(() => checkAppealInTime({ told_at: told, appeal_by: appealBy }, new Date(told.getTime() - 1))).toThrow(
      expect.objectContaining({ field: 'receivedAt' }),
    );
  });

  it('has the appeal heard by a different chair', () => {
    expect(() => checkDifferentChair('chair-1', 'chair-1')).toThrow(expect.objectContaining({ field: 'meetingId' }));
    expect(() => checkDifferentChair('chair-1', 'chair-2')).not.toThrow();
    expect(() => checkDifferentChair(null, 'chair-2')).not.toThrow();
  });

  it('takes a third party’s application only with the victim’s consent and their relationship', () => {
    const base = { name: ' Cllr Ward ', contact: 'cllr@council.test', thirdParty: true, relationship: 'Councillor' };
    expect(() => applicantOf({ ...base, consentRecorded: false })).toThrow(
      expect.objectContaining({ field: 'applicant.consentRecorded' }),
    );
    expect(() => applicantOf({ ...base, relationship: ' ', consentRecorded: true })).toThrow(
      expect.objectContaining({ field: 'applicant.relationship' }),
    );
    expect(applicantOf({ ...base, consentRecorded: true })).toEqual({
      name: 'Cllr Ward',
      contact: 'cllr@council.test',
      relationship: 'Councillor',
      thirdParty: true,
      consent: true,
    });
    expect(applicantOf({ name: 'Val', contact: '07700 900123', thirdParty: false }).consent).toBe(false);
  });

  it('counts the tell step in working days from receipt', () => {
    // Meeting by 21 December (25); 22–24 (28), Christmas and Boxing Day (observed 28th) stop it, 29–30 (30).
    expect(tellDeadline(new Date('2026-11-16T10:00:00Z'), 30)).toEqual(new Date('2026-12-30T10:00:00Z'));
  });

  describe('overdue steps', () => {
    const received = Date.parse('2026-11-16T10:00:00Z');
    const day = 86_400_000;
    const fresh = {
      requested_at: new Date(received),
      acknowledge_by: new Date(received + 7 * day),
      decide_by: new Date(received + 14 * day),
      meet_by: new Date(received + 35 * day),
      tell_by: new Date(received + 42 * day),
      appeal_heard_by: null,
      acknowledged_at: null,
      decided_at: null,
      met_at: null,
      told_at: null,
      threshold_met: null,
      appealed_at: null,
      appeal_decided_at: null,
    };

    it('names each step run out and not done, in order', () => {
      expect(overdueSteps(fresh, received + day)).toEqual([]);
      expect(overdueSteps(fresh, received + 8 * day)).toEqual([CaseReviewStep.ACKNOWLEDGE]);
      expect(overdueSteps(fresh, received + 50 * day)).toEqual([
        CaseReviewStep.ACKNOWLEDGE,
        CaseReviewStep.DECIDE,
        CaseReviewStep.MEET,
        CaseReviewStep.TELL,
      ]);
    });

    it('alerts no step already run out when the application was recorded (logged late)', () => {
      const loggedLate = { ...fresh, requested_at: new Date(received + 10 * day) };
      expect(overdueSteps(loggedLate, received + 20 * day)).toEqual([CaseReviewStep.DECIDE]);
    });

    it('holds no review where the threshold was not met, and times an appeal only once there is one', () => {
      const notMet = {
        ...fresh,
        acknowledged_at: new Date(received),
        decided_at: new Date(received),
        threshold_met: false,
      };
      expect(overdueSteps(notMet, received + 40 * day)).toEqual([]);
      const appealed = {
        ...notMet,
        told_at: new Date(received),
        appealed_at: new Date(received + day),
        appeal_heard_by: new Date(received + 20 * day),
      };
      expect(overdueSteps(appealed, received + 21 * day)).toEqual([CaseReviewStep.APPEAL_HEARING]);
      expect(overdueSteps({ ...appealed, appeal_decided_at: new Date() }, received + 21 * day)).toEqual([]);
    });
  });
});
