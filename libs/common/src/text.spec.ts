import { describe, expect, it } from '@jest/globals';
import { asText } from './text.js';

describe('a stored value as text', () => {
  it('keeps text and numbers, writes dates as ISO 8601 and objects as JSON, never "[object Object]"', () => {
    expect(asText('FULL')).toBe('FULL');
    expect(asText(3)).toBe('3');
    expect(asText(false)).toBe('false');
    expect(asText(new Date('2026-12-04T10:00:00Z'))).toBe('2026-12-04T10:00:00.000Z');
    expect(asText({ name: 'Riverside Homes' })).toBe('{"name":"Riverside Homes"}');
    expect(asText(null)).toBe('');
  });
});
