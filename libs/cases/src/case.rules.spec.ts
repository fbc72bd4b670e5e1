import { describe, expect, it } from '@jest/globals';
import { CaseCategory, CaseOutcome, CaseStatus, RiskLevel } from '#libs/common';
import {
  closedStatus,
  discoverableByDefault,
  fieldsToChange,
  isBeforeOpening,
  isInFuture,
  referencePrefix,
  storedValue,
} from './case.rules.js';

describe('case rules', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');

  it('makes an ASB case discoverable by other agencies’ searches, and a domestic-abuse case not', () => {
    expect(discoverableByDefault(CaseCategory.NOISE)).toBe(true);
    expect(discoverableByDefault(CaseCategory.HARASSMENT)).toBe(true);
    expect(discoverableByDefault(CaseCategory.DOMESTIC_ABUSE)).toBe(false);
  });

  it('takes a time a few minutes ahead as clock drift, not the future', () => {
    expect(isInFuture(new Date(now + 4 * 60_000), now)).toBe(false);
    expect(isInFuture(new Date(now + 5 * 60_000), now)).toBe(false);
    expect(isInFuture(new Date(now + 5 * 60_000 + 1), now)).toBe(true);
  });

  it('takes a time in the minute the case was opened as after its opening', () => {
    const openedAt = new Date('2026-03-01T09:30:40Z');
    expect(isBeforeOpening(new Date('2026-03-01T09:30:00Z'), openedAt)).toBe(false);
    expect(isBeforeOpening(new Date('2026-03-01T09:29:39Z'), openedAt)).toBe(true);
  });

  it('names a domestic-abuse case DA and every other ASB', () => {
    expect(referencePrefix(CaseCategory.DOMESTIC_ABUSE)).toBe('DA');
    expect(referencePrefix(CaseCategory.NOISE)).toBe('ASB');
  });

  it('closes a resolved case as CLOSED_RESOLVED and any other as CLOSED_UNRESOLVED', () => {
    expect(closedStatus(CaseOutcome.RESOLVED)).toBe(CaseStatus.CLOSED_RESOLVED);
    expect(closedStatus(CaseOutcome.UNRESOLVED)).toBe(CaseStatus.CLOSED_UNRESOLVED);
  });

  it('changes the fields given, clearing with null only those that may be cleared', () => {
    expect(fieldsToChange({ summary: 'Noise at night', ward: undefined })).toEqual(['summary']);
    expect(fieldsToChange({ address: null, supportNeeds: null, summary: null, riskLevel: null })).toEqual([
      'address',
      'supportNeeds',
    ]);
    expect(fieldsToChange({ riskLevel: RiskLevel.HIGH, leadOfficerId: null })).toEqual(['riskLevel', 'leadOfficerId']);
    expect(fieldsToChange({})).toEqual([]);
  });

  it('stores text trimmed, and blank text as no value', () => {
    expect(storedValue('  Flat 2 ')).toBe('Flat 2');
    expect(storedValue('   ')).toBeNull();
    expect(storedValue(RiskLevel.HIGH)).toBe('HIGH');
    expect(storedValue(null)).toBeNull();
  });
});
