import { describe, expect, it } from '@jest/globals';
import { looksLikeToken, passwordProblem, tokenHash } from './accounts.rules.js';

describe('the password policy', () => {
  it('accepts a long password of the user’s own', () => {
    expect(passwordProblem('Correct-horse-battery-1')).toBeNull();
    expect(passwordProblem('kettle lantern orchard', { email: 'j.smith@police.test' })).toBeNull();
  });

  it('needs at least 12 characters, counted as characters', () => {
    expect(passwordProblem('Short-pass1')).toMatch(/at least 12/);
    expect(passwordProblem('ééééé-ünïcødé')).toBeNull();
    expect(passwordProblem('x'.repeat(150) + 'Y'.repeat(51))).toMatch(/at most 200/);
  });

  it('refuses the common passwords, however they are decorated', () => {
    for (const password of ['qwertyuiop123', 'Password123456!', '1234567890qwerty', '!!Liverpool2024', 'iloveyou12345'])
      expect(passwordProblem(password)).toMatch(/most commonly used/);
  });

  it('refuses repeated and sequential characters', () => {
    for (const password of ['aaaaaaaaaaaaaa', 'abcabcabcabc', 'abababababab!', '123456789012', 'zyxwvutsrqpo'])
      expect(passwordProblem(password)).toMatch(/pattern/);
  });

  it("refuses the email's local part and the portal's name", () => {
    expect(passwordProblem('jsmith-is-great-77', { email: 'JSmith@police.test' })).toMatch(/email/);
    expect(passwordProblem('Partnership-portal-1')).toMatch(/portal's name/);
    expect(passwordProblem('my-PORTAL-key-9081')).toMatch(/portal's name/);
  });
});

describe('link tokens', () => {
  it('are stored as a hash, and only their own shape is looked up', () => {
    expect(tokenHash('abc')).toHaveLength(32);
    expect(tokenHash('abc').equals(tokenHash('abd'))).toBe(false);
    expect(looksLikeToken('A'.repeat(43))).toBe(true);
    expect(looksLikeToken('A'.repeat(42))).toBe(false);
    expect(looksLikeToken(`${'A'.repeat(42)}=`)).toBe(false);
  });
});
