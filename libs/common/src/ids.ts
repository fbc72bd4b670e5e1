import { BadInputError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** A malformed id is bad input; a well-formed one that matches nothing visible is NOT_FOUND, decided later. */
export function parseId(value: string, field: string): string {
  if (!isId(value)) throw new BadInputError(field, `${field} is not a valid id`);
  return value.toLowerCase();
}
