import { createHash } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** How long an invitation link works. */
export const INVITATION_HOURS = 72;
/** How long a reset link works: long enough to find the mail, short enough that an old mailbox is no key. */
export const RESET_MINUTES = 60;

const COMMON = new Set(COMMON_PASSWORDS.split('\n').filter(Boolean));

/** The portal's own names: a password built on them is the first thing anyone would try. */
const PORTAL_WORDS = ['partnership', 'portal', 'asbportal', 'casework'];

/** What a password is, under its decoration: lower case, without the digits and symbols around it. */
function core(password: string): string {
  return password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
}

/** Runs a password may not simply follow: the digits, the alphabet, the keyboard's rows, wrapping round. */
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'].flatMap((run) => {
  const long = run.repeat(Math.ceil(MAX_PASSWORD_LENGTH / run.length) + 1);
  return [long, [...long].reverse().join('')];
});

/** One character again and again, a short run repeated ("abcabcabcabc"), or a straight run ("123456789012"). */
function isPattern(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return true;
  if (/^(.{1,6})\1+.{0,3}$/.test(lower)) return true;
  return RUNS.some((run) => run.includes(lower));
}

/**
 * Why a password may not be used, or null when it may: NCSC's and NIST's advice (length over composition rules,
 * and a check against passwords known to be common) plus the obvious guesses about this user and this portal.
 */
export function passwordProblem(password: string, about: { email?: string | null } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `A password has at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(core(password)))
    return 'This password is one of the most commonly used: choose another';
  if (isPattern(password))
    return 'This password is a simple pattern (repeated or sequential characters): choose another';
  const local = about.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && lower.includes(local)) return 'A password may not contain your email address';
  const letters = lower.replace(/[^a-z]/g, '');
  if (PORTAL_WORDS.some((word) => letters.includes(word))) return "A password may not contain the portal's name";
  return null;
}

/** What is stored of a link's token: its SHA-256, so the table alone opens nothing (the token has 256 random bits). */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A token as links carry it: 32 random bytes, base64url (43 characters). Anything else cannot be one. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Reset requests an hour: per email as typed (whether or not an account has it), then per address. */
export const RESET_MAILS_PER_EMAIL = 3;
export const RESET_REQUESTS_PER_ADDRESS = 50;
