import { describe, expect, it } from '@jest/globals';
import { CaseCategory, DAY_MS, PartyRole } from '#libs/common';
import {
  addressLocatesVictim,
  isAnonymousReport,
  namesOfReport,
  partiesOfReport,
  receivedAtProblem,
} from './intake.rules.js';

describe('intake rules', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');

  it('dates a report up to 30 days back and a few minutes ahead, no further', () => {
    expect(receivedAtProblem(new Date(now - 30 * DAY_MS), now)).toBeNull();
    expect(receivedAtProblem(new Date(now + 4 * 60_000), now)).toBeNull();
    expect(receivedAtProblem(new Date(now - 30 * DAY_MS - 1), now)).toBe('receivedAt can be at most 30 days ago');
    expect(receivedAtProblem(new Date(now + 6 * 60_000), now)).toBe('receivedAt cannot be in the future');
  });

  it('takes a report without a reporter’s name as anonymous unless it says otherwise', () => {
    expect(isAnonymousReport(undefined, '  ')).toBe(true);
    expect(isAnonymousReport(undefined, 'Ann Lee')).toBe(false);
    expect(isAnonymousReport(true, 'Ann Lee')).toBe(true);
    expect(isAnonymousReport(false, null)).toBe(false);
  });

  it('makes the reporter the complainant (as anonymous as they asked) and names the subject', () => {
    expect(
      partiesOfReport({ reporter_name: 'Ann', reporter_phone: null, anonymous: true, subject_name: 'Bob' }),
    ).toEqual([
      { role: PartyRole.COMPLAINANT, fullName: 'Ann', phone: null, anonymous: true },
      { role: PartyRole.SUBJECT, fullName: 'Bob' },
    ]);
    expect(partiesOfReport({ reporter_name: null, reporter_phone: null, anonymous: true, subject_name: null })).toEqual(
      [],
    );
  });

  it('keeps an address off the incident when the report or its case is domestic abuse', () => {
    expect(addressLocatesVictim(CaseCategory.DOMESTIC_ABUSE, CaseCategory.NOISE)).toBe(true);
    expect(addressLocatesVictim(CaseCategory.NOISE, CaseCategory.DOMESTIC_ABUSE)).toBe(true);
    expect(addressLocatesVictim(CaseCategory.NOISE, CaseCategory.NOISE)).toBe(false);
  });

  it('looks for the names given, trimmed and in lower case', () => {
    expect(namesOfReport([' Ann Lee ', null, undefined, 'BOB'])).toEqual(['ann lee', 'bob']);
  });
});
