import { assertWritable } from '#libs/access';
import type { RequestContext } from '#libs/context';
import type { FieldChange } from '#libs/audit';
import type { Case } from './case.model.js';
import type { PartyInput, UpdatePartyInput } from './case.inputs.js';

/** Party input fields and the columns they write. */
export const PARTY_FIELD_COLUMNS = {
  role: 'role',
  fullName: 'full_name',
  aliases: 'aliases',
  address: 'address',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  anonymous: 'anonymous',
  tenant: 'tenant',
  tenancyType: 'tenancy_type',
  rentArrears: 'rent_arrears',
  tenancyBreaches: 'tenancy_breaches',
} as const;

export type PartyField = keyof typeof PARTY_FIELD_COLUMNS;
export const PARTY_FIELDS = Object.keys(PARTY_FIELD_COLUMNS) as PartyField[];

const clean = (value: unknown) => (typeof value === 'string' ? value.trim() || null : (value ?? null));

/** A party's other names as stored: trimmed, blanks and repeats (in any case) dropped, never null. */
export function cleanAliases(value: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  return (value ?? [])
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '' && !seen.has(alias.toLowerCase()) && seen.add(alias.toLowerCase()));
}

const cleanField = (field: PartyField, value: unknown) =>
  field === 'aliases' ? cleanAliases(value as string[] | null | undefined) : clean(value);

/** The fields a new party sets: everything given, flags only when raised. */
export function fieldsOfNewParty(input: PartyInput): PartyField[] {
  return PARTY_FIELDS.filter((field) => {
    const value = input[field];
    if (field === 'aliases') return cleanAliases(input.aliases).length > 0;
    return field === 'role' || (value !== undefined && value !== null && value !== false);
  });
}

/** Refuses, naming the field (`parties.0.tenancyType`), any party field the caller may not write on this case. */
export function assertPartyWritable(
  ctx: RequestContext,
  kase: Pick<Case, 'relation' | 'category'>,
  party: { role: string; anonymous: boolean },
  fields: readonly string[],
  prefix = '',
): void {
  const attributes = {
    access: kase.relation,
    caseCategory: kase.category,
    role: party.role,
    anonymous: party.anonymous,
  };
  try {
    assertWritable(ctx.ability, 'Party', attributes, fields);
  } catch (error) {
    if (prefix && error instanceof Error && 'field' in error)
      Object.assign(error, { field: `${prefix}${String(error.field)}` });
    throw error;
  }
}

/** The columns a new party writes, in the order `partyValues` gives their values. */
export const PARTY_COLUMNS_WRITTEN = PARTY_FIELDS.map((field) => PARTY_FIELD_COLUMNS[field]);

/** A new party's values as stored: text trimmed (blank is null), the flags false unless raised. */
export function partyValues(party: PartyInput): unknown[] {
  return PARTY_FIELDS.map((field) => {
    const value = cleanField(field, party[field]);
    return field === 'anonymous' || field === 'tenant' ? value === true : value;
  });
}

/** The audit record of a new party's values (kept whole; withheld from trail readers who may not read them). */
export function newPartyChanges(input: PartyInput): FieldChange[] {
  return fieldsOfNewParty(input).map((field) => ({ field, from: null, to: cleanField(field, input[field]) }));
}

export function changedPartyFields(input: UpdatePartyInput): PartyField[] {
  return PARTY_FIELDS.filter(
    (field) =>
      input[field] !== undefined &&
      !(input[field] === null && (field === 'role' || field === 'anonymous' || field === 'tenant')),
  );
}

export const cleanPartyValue = cleanField;
