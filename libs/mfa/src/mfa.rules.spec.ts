import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/common';
import {
  isRecoveryCode,
  isTotpCode,
  newRecoveryCode,
  normaliseCode,
  openSecret,
  recoveryDigest,
  sealingKey,
  sealSecret,
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

describe('a sealed TOTP secret', () => {
  const key = sealingKey('k'.repeat(40));
  it('opens with its key for its user, and never contains the secret', () => {
    const sealed = sealSecret(key, 'u1', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(sealed.startsWith(`${key.id}.`)).toBe(true);
    expect(openSecret([key], 'u1', sealed)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('does not open for another user, with another key, or tampered with', () => {
    const sealed = sealSecret(key, 'u1', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(openSecret([key], 'u2', sealed)).toBeNull();
    expect(openSecret([sealingKey('o'.repeat(40))], 'u1', sealed)).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(openSecret([key], 'u1', parts.join('.'))).toBeNull();
  });
});
