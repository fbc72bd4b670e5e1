import { describe, expect, it } from '@jest/globals';
import { describeFailure, isHeader, isOneLine, MAX_ATTEMPTS, retryDelaySeconds } from './mail.rules.js';

describe('mail rules', () => {
  it('retries after a minute, doubling to at most six hours, and gives up after the last attempt', () => {
    expect(retryDelaySeconds(1)).toBe(60);
    expect(retryDelaySeconds(2)).toBe(120);
    expect(retryDelaySeconds(5)).toBe(960);
    expect(retryDelaySeconds(MAX_ATTEMPTS - 1)).toBeLessThanOrEqual(6 * 3600);
    expect(retryDelaySeconds(MAX_ATTEMPTS)).toBeNull();
  });

  it('refuses a header value that spans lines (a Bcc smuggled into a subject)', () => {
    expect(isOneLine('Your invitation to the partnership portal')).toBe(true);
    expect(isOneLine('Hello\r\nBcc: attacker@example.org')).toBe(false);
    expect(isOneLine('a@b.c\nx')).toBe(false);
  });

  it('keeps a failure short and without the credentials of a URL', () => {
    expect(describeFailure(new Error('connect to smtp://portal:secret@mail.example.org failed'))).toBe(
      'connect to smtp://…@mail.example.org failed',
    );
    expect(describeFailure('x'.repeat(900))).toHaveLength(500);
  });

  it('takes an extra header only with a plain name that is not one the sender sets, and a one-line value', () => {
    expect(isHeader('List-Unsubscribe', '<https://portal.example.org/notifications/unsubscribe/x>')).toBe(true);
    expect(isHeader('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')).toBe(true);
    expect(isHeader('Bcc', 'thief@example.org')).toBe(false);
    expect(isHeader('X-Note', 'one\r\nBcc: thief@example.org')).toBe(false);
    expect(isHeader('Bad Name', 'x')).toBe(false);
  });
});
