import { createHash, randomInt } from 'node:crypto';
import { Role } from '#libs/common';

/** Recovery codes given at enrolment, each good for one sign-in. */
export const RECOVERY_CODE_COUNT = 10;

/** RFC 6238 as authenticator apps use it: 30-second steps, six digits, SHA-1. */
export const TOTP_PERIOD_SECONDS = 30;

/** A code of the step before or after the server's is still accepted (a slow typist, a clock a little off). */
export const TOTP_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** No 0/o, 1/l/i: a code copied from paper reads one way only. 10 characters of 31: about 50 bits. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * ADMIN, AGENCY_ADMIN and MANAGER always need a second factor; anyone else when their agency requires one of
 * everyone.
 */
export function secondFactorRequired(roles: readonly Role[], agencyRequiresIt: boolean): boolean {
  return (
    agencyRequiresIt || roles.includes(Role.ADMIN) || roles.includes(Role.AGENCY_ADMIN) || roles.includes(Role.MANAGER)
  );
}

/** `xxxxx-xxxxx`, shown once. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** As typed, without spaces or hyphens and in lower case: `ABCDE FGHJK` is `abcde-fghjk`. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

export const isTotpCode = (normalised: string): boolean => /^\d{6}$/.test(normalised);

/** Shaped like a recovery code (once normalised): ten characters of its alphabet. */
export const isRecoveryCode = (normalised: string): boolean =>
  normalised.length === 10 && [...normalised].every((c) => RECOVERY_ALPHABET.includes(c));

/**
 * Recovery codes are random (about 50 bits), so a plain digest is as good as a slow hash and lets one statement
 * find and spend a code. The user's id is mixed in: one user's digest matches nothing of another's.
 */
export function recoveryDigest(userId: string, code: string): string {
  return createHash('sha256')
    .update(`partnership-portal recovery\0${userId}\0${normaliseCode(code)}`)
    .digest('hex');
}
