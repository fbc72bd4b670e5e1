import { describe, expect, it } from '@jest/globals';
import { BadInputError, DAY_MS, ReferralReason } from '#libs/common';
import {
  checkAgendaOrder,
  checkMeetingDate,
  checkPeriod,
  checkReferralDashScore,
  checkReferralReason,
  materialWindowOpen,
  writtenText,
} from './meetings.rules.js';

const now = Date.parse('2026-11-16T10:00:00Z');
const refusal = (field: string) => expect.objectContaining({ field, code: 'BAD_USER_INPUT' }) as never;

describe('a meeting’s date', () => {
  it('may fall within a year either side of now', () => {
    expect(() => checkMeetingDate(new Date(now - 365 * DAY_MS), now)).not.toThrow();
    expect(() => checkMeetingDate(new Date(now + 365 * DAY_MS), now)).not.toThrow();
  });

  it('may not be further back or ahead: a date such as 2099 would hold the material open until then', () => {
    expect(() => checkMeetingDate(new Date(now - 365 * DAY_MS - 1), now)).toThrow('startsAt is more than a year ago');
    expect(() => checkMeetingDate(new Date('2099-01-01T10:00:00Z'), now)).toThrow(refusal('startsAt'));
  });
});

describe('the case material window of an attendee without the case', () => {
  const startsAt = new Date(now - 2 * DAY_MS);

  it('is open from the start until the meeting is closed', () => {
    expect(materialWindowOpen({ startsAt, closedAt: null }, 30, now)).toBe(true);
    expect(materialWindowOpen({ startsAt, closedAt: new Date(now + 1) }, 30, now)).toBe(true);
    expect(materialWindowOpen({ startsAt, closedAt: new Date(now) }, 30, now)).toBe(false);
  });

  it('closes the set number of days after the start of a meeting never closed', () => {
    expect(materialWindowOpen({ startsAt, closedAt: null }, 2, now - 1)).toBe(true);
    expect(materialWindowOpen({ startsAt, closedAt: null }, 2, now)).toBe(false);
  });
});

describe('a referral', () => {
  const judged = { reason: ReferralReason.PROFESSIONAL_JUDGEMENT, score: null, criteria: [] };

  it('takes a DASH score of 0–24, whole', () => {
    for (const score of [null, undefined, 0, 14, 24]) expect(() => checkReferralDashScore(score)).not.toThrow();
    for (const score of [-1, 25, 1.5]) expect(() => checkReferralDashScore(score)).toThrow(refusal('dashScore'));
  });

  it('on professional judgement needs the concern in writing', () => {
    expect(() => checkReferralReason({ ...judged, concern: null })).toThrow(refusal('concerns'));
    expect(() => checkReferralReason({ ...judged, concern: 'Stalking since separation' })).not.toThrow();
  });

  it('on the DASH threshold needs 14 or more, given or assessed, unless the case meets it now', () => {
    const dash = { reason: ReferralReason.DASH_THRESHOLD, concern: null };
    expect(() => checkReferralReason({ ...dash, score: 13, criteria: [] })).toThrow(refusal('reason'));
    expect(() => checkReferralReason({ ...dash, score: null, criteria: [] })).toThrow(BadInputError);
    expect(() => checkReferralReason({ ...dash, score: 14, criteria: [] })).not.toThrow();
    expect(() =>
      checkReferralReason({ ...dash, score: null, criteria: [ReferralReason.DASH_THRESHOLD] }),
    ).not.toThrow();
  });

  it('on escalation or a repeat needs the case to meet it now, saying what it meets', () => {
    const escalation = { reason: ReferralReason.ESCALATION, score: 20, concern: 'x' };
    expect(() => checkReferralReason({ ...escalation, criteria: [ReferralReason.DASH_THRESHOLD] })).toThrow(
      'This case does not meet ESCALATION now (it meets: DASH_THRESHOLD)',
    );
    expect(() => checkReferralReason({ ...escalation, reason: ReferralReason.REPEAT_REFERRAL, criteria: [] })).toThrow(
      '(it meets: none)',
    );
    expect(() => checkReferralReason({ ...escalation, criteria: [ReferralReason.ESCALATION] })).not.toThrow();
  });
});

describe('the order of an agenda', () => {
  it('names every live item exactly once', () => {
    expect(() => checkAgendaOrder(['b', 'a'], ['a', 'b'])).not.toThrow();
    expect(() => checkAgendaOrder(['a'], ['a', 'b'])).toThrow(refusal('itemIds'));
    expect(() => checkAgendaOrder(['a', 'a'], ['a', 'b'])).toThrow(refusal('itemIds'));
    expect(() => checkAgendaOrder(['a', 'c'], ['a', 'b'])).toThrow(refusal('itemIds'));
  });
});

describe('written reasons and summaries', () => {
  it('are kept trimmed and need three characters', () => {
    expect(writtenText('  Moved away  ', 'reason', 'Say why')).toBe('Moved away');
    expect(() => writtenText(' ab ', 'reason', 'Say why')).toThrow(refusal('reason'));
  });
});

describe('a period of figures', () => {
  it('ends after it starts', () => {
    expect(() => checkPeriod(new Date(now), new Date(now + 1))).not.toThrow();
    expect(() => checkPeriod(new Date(now), new Date(now))).toThrow(refusal('to'));
  });
});
