import { describe, expect, it } from '@jest/globals';
import { isLoopbackOnly, parseMailFile, renderMailPage } from './dev-mail.page.js';

describe('the development mail page', () => {
  it('answers this machine only, and not a request a proxy forwarded', () => {
    expect(isLoopbackOnly('127.0.0.1', {})).toBe(true);
    expect(isLoopbackOnly('::1', {})).toBe(true);
    expect(isLoopbackOnly('::ffff:127.0.0.1', {})).toBe(true);
    expect(isLoopbackOnly('10.0.0.7', {})).toBe(false);
    expect(isLoopbackOnly('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toBe(false);
    expect(isLoopbackOnly('127.0.0.1', { forwarded: 'for=203.0.113.9' })).toBe(false);
    expect(isLoopbackOnly(undefined, {})).toBe(false);
  });

  it('shows a message with its links clickable and its text unable to add markup', () => {
    const file = parseMailFile(
      'From: P <p@x.test>\nTo: officer@police.test\nSubject: Set <your> password\nDate: now\n\nOpen http://localhost:3000/invitation#token=abc <script>alert(1)</script>\n',
    );
    expect(file.headers.to).toBe('officer@police.test');
    const page = renderMailPage([file], '/data/mail');
    expect(page).toContain('<a href="http://localhost:3000/invitation#token=abc">');
    expect(page).toContain('Set &lt;your&gt; password');
    expect(page).not.toContain('<script>');
  });
});
