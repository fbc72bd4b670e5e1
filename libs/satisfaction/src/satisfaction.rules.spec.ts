import { describe, expect, it } from '@jest/globals';
import { surveyComment, surveyTokenHash } from './satisfaction.rules.js';

describe('satisfaction rules', () => {
  it('keeps a hash of the token, never the token', () => {
    expect(surveyTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(surveyTokenHash('abc')).not.toContain('abc');
  });

  it('keeps a comment trimmed, and none for a blank one', () => {
    expect(surveyComment('  Much quieter now  ')).toBe('Much quieter now');
    expect(surveyComment('   ')).toBeNull();
    expect(surveyComment(undefined)).toBeNull();
    expect(surveyComment(null)).toBeNull();
  });
});
