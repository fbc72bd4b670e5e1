import { assertWritable } from '#libs/access';
import { SqlParams } from '#libs/db';
import type { RequestContext } from '#libs/context';
import type { FieldChange } from '#libs/audit';
import type { Case } from './case.model.js';
import type { PartyInput, UpdatePartyInput } from './case.inputs.js';
import type { PartyRow } from './case-record.js';

/** Party input fields and the columns they write. */
export const PARTY_FIELD_COLUMNS = {
  role: 'role',
  fullName: 'full_name',
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

/** The fields a new party sets: everything given, flags only when raised. */
export function fieldsOfNewParty(input: PartyInput): PartyField[] {
  return PARTY_FIELDS.filter((field) => {
    const value = input[field as keyof PartyInput];
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
  const attributes = { access: kase.relation, caseCategory: kase.category, role: party.role, anonymous: party.anonymous };
  try {
    assertWritable(ctx.ability, 'Party', attributes, fields);
  } catch (error) {
    if (prefix && error instanceof Error && 'field' in error) Object.assign(error, { field: `${prefix}${String(error.field)}` });
    throw error;
  }
}

/** Inserts parties after the case's existing ones, in one statement. */
export async function insertParties(ctx: RequestContext, caseId: string, parties: readonly PartyInput[]): Promise<PartyRow[]> {
  if (parties.length === 0) return [];
  const params = new SqlParams();
  const caseParam = params.add(caseId);
  const values = parties.map((party, index) => {
    const row = PARTY_FIELDS.map((field) => {
      const value = clean(party[field as keyof PartyInput]);
      return params.add(field === 'anonymous' || field === 'tenant' ? value === true : value);
    });
    return `(${caseParam}::uuid, ${params.add(index)}::int + coalesce((SELECT max(position) + 1 FROM parties WHERE case_id = ${caseParam}::uuid), 0), ${row.join(', ')})`;
  });
  return ctx.db.query(
    `INSERT INTO parties (case_id, position, ${PARTY_FIELDS.map((f) => PARTY_FIELD_COLUMNS[f]).join(', ')})
     VALUES ${values.join(', ')} RETURNING id, case_id, role, anonymous`,
    params.values,
  );
}

/** The audit record of a new party's values (kept whole; withheld from trail readers who may not read them). */
export function newPartyChanges(input: PartyInput): FieldChange[] {
  return fieldsOfNewParty(input).map((field) => ({ field, from: null, to: clean(input[field as keyof PartyInput]) }));
}

export function changedPartyFields(input: UpdatePartyInput): PartyField[] {
  return PARTY_FIELDS.filter((field) => input[field] !== undefined && !(input[field] === null && (field === 'role' || field === 'anonymous' || field === 'tenant')));
}

export const cleanPartyValue = clean;
