import { describe, expect, it } from '@jest/globals';
import { sharingBasis } from './shares.rules.js';

describe('share rules', () => {
  it('records the sharing basis trimmed, and only one of 3 to 2,000 characters', () => {
    expect(sharingBasis('  Crime and Disorder Act s.115 ')).toBe('Crime and Disorder Act s.115');
    expect(sharingBasis('  ok ')).toBeNull();
    expect(sharingBasis('x'.repeat(2000))).toHaveLength(2000);
    expect(sharingBasis('x'.repeat(2001))).toBeNull();
  });
});
