import { subject as asSubject } from '@casl/ability';
import { ForbiddenError } from '#libs/common';
import type { PortalAbility } from './ability.js';
import type { GovernedSubject } from './field-policy.js';

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
  const target = asSubject(subjectName, { ...row });
  return governed.filter((field) => !ability.can('readField', target, field));
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
