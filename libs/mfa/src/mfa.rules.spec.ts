import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/common';
import {
  isRecoveryCode,
  isTotpCode,
  newRecoveryCode,
  normaliseCode,
  recoveryDigest,
  secondFactorRequired,
} from './mfa.rules.js';

describe('who needs a second factor', () => {
  it('is every administrator and manager, and everyone in an agency that requires it', () => {
    expect(secondFactorRequired([Role.ADMIN], false)).toBe(true);
    expect(secondFactorRequired([Role.AGENCY_ADMIN], false)).toBe(true);
    expect(secondFactorRequired([Role.CASEWORKER, Role.MANAGER], false)).toBe(true);
    expect(secondFactorRequired([Role.CASEWORKER], false)).toBe(false);
    expect(secondFactorRequired([Role.CASEWORKER], true)).toBe(true);
  });
});

describe('recovery codes', () => {
  it('are ten characters in two groups, read one way only, and match however they are typed', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(normaliseCode(` ${code.toUpperCase().replace('-', ' ')} `)).toBe(code.replace('-', ''));
    expect(recoveryDigest('u1', code.toUpperCase())).toBe(recoveryDigest('u1', code));
  });

  it('are told from a TOTP code and from a slip by their shape', () => {
    expect(isRecoveryCode(normaliseCode(newRecoveryCode()))).toBe(true);
    expect(isRecoveryCode('abcdefghjk')).toBe(true);
    expect(isRecoveryCode('abcdefghj0')).toBe(false);
    expect(isRecoveryCode('123456')).toBe(false);
    expect(isTotpCode('123456')).toBe(true);
    expect(isTotpCode('12345')).toBe(false);
  });

  it('digest differently for another user', () => {
    expect(recoveryDigest('u1', 'abcde-fghjk')).not.toBe(recoveryDigest('u2', 'abcde-fghjk'));
  });
});
