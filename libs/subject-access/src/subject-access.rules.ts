import { BadInputError, londonDate } from '#libs/common';

/** A calendar day as `YYYY-MM-DD`: the statutory month is counted in days, not instants. */
export type Day = string;

/** The one month the law gives to answer, and the up-to-two further months it allows for a complex request. */
export const MAX_EXTENSION_MONTHS = 2;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The day as a UTC midnight, or BAD_USER_INPUT naming `field` when it is not a real calendar day. */
export function parseDay(value: string, field: string): Date {
  const match = DAY.exec(value.trim());
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!date || date.toISOString().slice(0, 10) !== value.trim())
    throw new BadInputError(field, `${field} must be a date (YYYY-MM-DD)`);
  return date;
}

const dayOf = (date: Date): Day => date.toISOString().slice(0, 10);

/**
 * The day a request received on `received` is due after `months` calendar months: the corresponding day of that
 * month, or its last day when it has none (ICO guidance: received 31 January, due 28 February, or the 29th in a
 * leap year).
 */
export function dueDay(received: Day, months: number): Day {
  const start = parseDay(received, 'receivedAt');
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastOfTarget))));
}

/** Today in England, whatever the server's zone: a request due today is not overdue until tomorrow there. */
export function londonToday(now: number): Day {
  return londonDate(new Date(now));
}

/** Whole days from `today` to `due`: 0 on the day it is due, negative once it is late. */
export function daysBetween(today: Day, due: Day): number {
  return Math.round((parseDay(due, 'dueAt').getTime() - parseDay(today, 'today').getTime()) / MS_PER_DAY);
}

/** When a request was received: not after today (the clock would start late and its deadline slip). */
export function checkReceived(received: Day, today: Day): void {
  parseDay(received, 'receivedAt');
  if (received > today) throw new BadInputError('receivedAt', 'receivedAt cannot be in the future');
}

/** The agency's own reference for the request: something to find it by, on the trail and in the file name. */
export function cleanReference(reference: string): string {
  const trimmed = reference.trim();
  if (!/^[\w ./-]{2,60}$/.test(trimmed))
    throw new BadInputError('reference', 'reference must be 2 to 60 letters, digits, spaces or . / - _');
  return trimmed;
}

/** An extension is by one or two further months in all, with a reason the requester can be told. */
export function checkExtension(alreadyExtended: number, months: number, reason: string): string {
  if (!Number.isInteger(months) || months < 1 || alreadyExtended + months > MAX_EXTENSION_MONTHS)
    throw new BadInputError('months', `A request may be extended by at most ${MAX_EXTENSION_MONTHS} months in all`);
  const trimmed = reason.trim();
  if (trimmed.length < 3) throw new BadInputError('reason', 'Give the reason for the extension');
  return trimmed;
}

/** What a document shows where text named someone else. */
export const REDACTED = '[redacted]';

/** How another person on the subject's cases appears: their role on the case, nothing that identifies them. */
export const thirdParty = (role: string) => `[Third party: ${role.charAt(0)}${role.slice(1).toLowerCase()}]`;

/** The roles whose own account a case's reporter material is (contacts, surveys, risk assessments). */
const REPORTER_ROLES = new Set(['COMPLAINANT', 'VICTIM']);
export const isReporter = (roles: readonly string[]) => roles.some((role) => REPORTER_ROLES.has(role));

export interface Identifiers {
  fullName: string | null;
  address: string | null;
  phone: string | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squeezed = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A name or address anywhere in a text, in any case and spacing, not as part of a longer word. */
function wordsPattern(words: string): RegExp {
  const body = squeezed(words).split(' ').map(escapeRegExp).join('\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${body}($|[^\\p{L}\\p{N}])`, 'iu');
}

/** A telephone number in any layout (spaces, dashes, brackets, +44 for the leading 0), not inside a longer number. */
function phonePatterns(phone: string): RegExp[] {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return [];
  const forms = new Set([digits]);
  if (digits.startsWith('0')) forms.add(`44${digits.slice(1)}`);
  if (digits.startsWith('44')) forms.add(`0${digits.slice(2)}`);
  return [...forms].map((form) => new RegExp(`(^|\\D)\\+?${form.split('').join('[\\s().-]*')}($|\\D)`));
}

/**
 * Which texts name a third party: any of their names, addresses (whole, or the first line) or phone numbers as
 * recorded on the subject's cases. A value the subject shares (a namesake, the same household's address or phone)
 * is the subject's own data too and is left, or nothing about the subject's home could be told them.
 */
export function thirdPartyMatcher(subject: readonly Identifiers[], others: readonly Identifiers[]) {
  const own = new Set(
    subject.flatMap((p) => [p.fullName, p.address, p.phone].filter((v): v is string => !!v).map(squeezed)),
  );
  const ownDigits = new Set(subject.map((p) => p.phone?.replace(/\D/g, '')).filter(Boolean));
  const patterns: RegExp[] = [];
  for (const p of others) {
    if (p.fullName && squeezed(p.fullName).length >= 2 && !own.has(squeezed(p.fullName)))
      patterns.push(wordsPattern(p.fullName));
    if (p.address && !own.has(squeezed(p.address))) {
      patterns.push(wordsPattern(p.address));
      const firstLine = p.address.split(/[,\n]/)[0];
      if (squeezed(firstLine).length >= 5 && !own.has(squeezed(firstLine))) patterns.push(wordsPattern(firstLine));
    }
    if (p.phone && !ownDigits.has(p.phone.replace(/\D/g, ''))) patterns.push(...phonePatterns(p.phone));
  }
  /** The text, or REDACTED in its place when it names a third party (a part left would still point to them). */
  return <T extends string | null | undefined>(text: T): T | typeof REDACTED =>
    text && patterns.some((pattern) => pattern.test(text)) ? REDACTED : text;
}
