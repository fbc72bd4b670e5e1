import { subject as asSubject } from '@casl/ability';
import { ForbiddenError } from '#libs/common';
import type { PortalAbility } from './ability.js';
import type { GovernedSubject } from './field-policy.js';

/** Past this many verdicts for one ability the memo starts again: attribute sets are few, this is only a bound. */
const MAX_VERDICTS = 1_000;

/**
 * Verdicts per ability (abilities are immutable and shared by everyone alike, sessions.service.ts), subject,
 * governed list and attributes. A rule sees nothing of a row but the attributes it is given, so the same
 * attributes always get the same verdict, and a page of 50 cases with 200 parties needs a handful of CASL
 * checks instead of one per field per row (about 3,000).
 */
const verdicts = new WeakMap<PortalAbility, Map<string, readonly string[]>>();
const governedKeys = new WeakMap<readonly string[], string>();

/**
 * Field rules are decided per row: a page may mix cases the caller owns, holds in FULL and holds LIMITED,
 * so asking the type (or CASL's union of fields across rows) would be wrong.
 */
export function redactedFieldsOf(
  ability: PortalAbility,
  subjectName: GovernedSubject,
  row: Record<string, unknown>,
  governed: readonly string[],
): string[] {
  let fieldsKey = governedKeys.get(governed);
  if (fieldsKey === undefined) governedKeys.set(governed, (fieldsKey = JSON.stringify(governed)));
  const key = `${subjectName}\u0000${fieldsKey}\u0000${JSON.stringify(row)}`;
  let memo = verdicts.get(ability);
  if (!memo) verdicts.set(ability, (memo = new Map<string, readonly string[]>()));
  let redacted = memo.get(key);
  if (!redacted) {
    const target = asSubject(subjectName, { ...row });
    redacted = governed.filter((field) => !ability.can('readField', target, field));
    if (memo.size >= MAX_VERDICTS) memo.clear();
    memo.set(key, redacted);
  }
  return [...redacted];
}

/** Nulls the fields the caller may not read and lists them, so a client can show "withheld" rather than "empty". */
export function redact<T extends object>(
  ability: PortalAbility,
  subjectName: GovernedSubject,
  row: T,
  attributes: Record<string, unknown>,
  governed: readonly string[],
): T & { redactedFields: string[] } {
  const redactedFields = redactedFieldsOf(ability, subjectName, attributes, governed);
  const copy = { ...row, redactedFields } as T & { redactedFields: string[] };
  for (const field of redactedFields) (copy as Record<string, unknown>)[field] = null;
  return copy;
}

/** Refuses a write to any field the caller may not write on this row, naming the first such field. */
export function assertWritable(
  ability: PortalAbility,
  subjectName: 'Case' | 'Party',
  attributes: Record<string, unknown>,
  fields: readonly string[],
): void {
  const target = asSubject(subjectName, { ...attributes });
  for (const field of fields) {
    if (!ability.can('writeField', target, field)) {
      throw new ForbiddenError(`You may not change ${field} on this case`, field);
    }
  }
}
