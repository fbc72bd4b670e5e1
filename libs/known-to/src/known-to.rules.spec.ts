import { describe, expect, it } from '@jest/globals';
import { statedReason } from '#libs/common';
import { PERSON_SEARCH_LIMITS, searchedName, visibleLimit } from './known-to.rules.js';

describe('known-to rules', () => {
  it('takes a reason of 3 to 2,000 characters once trimmed, and no blank one', () => {
    expect(statedReason('  Safeguarding referral for ASB-2026-000001 ')).toBe(
      'Safeguarding referral for ASB-2026-000001',
    );
    expect(statedReason('   ')).toBeNull();
    expect(statedReason('')).toBeNull();
    expect(statedReason(null)).toBeNull();
    expect(statedReason('ok')).toBeNull();
    expect(statedReason('x'.repeat(2001))).toBeNull();
  });

  it('searches for a name of at least three letters, spaces collapsed', () => {
    expect(searchedName('  Jane   Doherty ')).toBe('Jane Doherty');
    expect(searchedName('Jo')).toBeNull();
    expect(searchedName(' % _ ')).toBeNull();
    expect(searchedName('x'.repeat(201))).toBeNull();
  });

  it('returns 20 visible matches unless asked, and never more than 50', () => {
    expect(visibleLimit(undefined)).toBe(PERSON_SEARCH_LIMITS.defaultVisible);
    expect(visibleLimit(50)).toBe(50);
    expect(visibleLimit(51)).toBeNull();
    expect(visibleLimit(0)).toBeNull();
  });
});
