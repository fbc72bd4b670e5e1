import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';
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

/** A sealing key derived from MFA_KEY (or the generated one), named by a digest so a sealed secret says which. */
export interface SealingKey {
  id: string;
  key: Buffer;
}

export function sealingKey(material: string): SealingKey {
  const key = Buffer.from(hkdfSync('sha256', material, '', 'partnership-portal totp secret', 32));
  const id = createHash('sha256')
    .update('partnership-portal totp key id\0')
    .update(key)
    .digest('base64url')
    .slice(0, 12);
  return { id, key };
}

/**
 * AES-256-GCM, bound to the user (additional data): a sealed secret copied onto another user's row does not open.
 * `<key id>.<iv>.<tag>.<ciphertext>`, base64url.
 */
export function sealSecret(key: SealingKey, userId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [key.id, iv, cipher.getAuthTag(), sealed]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The secret, or null when no key given opens it (another key, another user, tampered with). */
export function openSecret(keys: readonly SealingKey[], userId: string, sealed: string): string | null {
  const [id, iv, tag, data] = sealed.split('.');
  const key = keys.find((candidate) => candidate.id === id);
  if (!key || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
