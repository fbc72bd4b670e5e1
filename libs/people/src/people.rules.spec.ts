import { describe, expect, it } from '@jest/globals';
import { DATE_OF_BIRTH_WEIGHT, distinctValues, type MatchedParty, normaliseName, rankMatches } from './people.rules.js';

const party = (over: Partial<MatchedParty>): MatchedParty => ({
  id: 'p1',
  personId: null,
  caseId: 'c1',
  fullName: 'Jane Smith',
  dateOfBirth: null,
  score: 0.5,
  ...over,
});

describe('likely matches', () => {
  it('groups parties linked to the same person into one suggestion, counting their cases', () => {
    const ranked = rankMatches(
      [
        party({ id: 'a', personId: 'P', caseId: 'c1', score: 0.6 }),
        party({ id: 'b', personId: 'P', caseId: 'c2', score: 0.9 }),
        party({ id: 'c', personId: 'P', caseId: 'c2', score: 0.4 }),
      ],
      null,
    );
    expect(ranked).toHaveLength(1);
    expect(ranked[0].best.id).toBe('b');
    expect(ranked[0].caseIds).toEqual(['c1', 'c2']);
  });

  it('keeps unlinked parties apart, each its own suggestion', () => {
    expect(rankMatches([party({ id: 'a' }), party({ id: 'b' })], null)).toHaveLength(2);
  });

  it('ranks an agreeing date of birth above a closer spelling without one', () => {
    const ranked = rankMatches(
      [party({ id: 'close', score: 0.8 }), party({ id: 'born', score: 0.55, dateOfBirth: '1990-01-01' })],
      '1990-01-01',
    );
    expect(ranked.map((m) => m.best.id)).toEqual(['born', 'close']);
    expect(ranked[0].score).toBeCloseTo(0.55 + DATE_OF_BIRTH_WEIGHT);
    expect(ranked[0].dateOfBirthAgrees).toBe(true);
    expect(ranked[1].dateOfBirthAgrees).toBe(false);
  });

  it('shows at most ten', () => {
    const many = Array.from({ length: 15 }, (_, i) => party({ id: `p${i}`, score: i / 20 }));
    expect(rankMatches(many, null)).toHaveLength(10);
  });
});

describe('names', () => {
  it('normalises spacing and case', () => {
    expect(normaliseName('  Jane   SMITH ')).toBe('jane smith');
  });

  it('lists each value once, whatever its case, without blanks', () => {
    expect(distinctValues(['Jane', 'jane ', null, '', 'J. Smith'])).toEqual(['Jane', 'J. Smith']);
  });
});
