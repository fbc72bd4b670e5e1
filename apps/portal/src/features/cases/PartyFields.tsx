import { Checkboxes, Select, TextInput, Textarea, type FieldError } from '../../ui/govuk';
import { options } from '../../format';
import type { PartyInput, PartyRole } from '../../gql/graphql';

export const PARTY_ROLES = ['COMPLAINANT', 'SUBJECT', 'VICTIM', 'WITNESS'] as const;
export const TENANCY_TYPES = [
  'SECURE',
  'ASSURED',
  'ASSURED_SHORTHOLD',
  'INTRODUCTORY',
  'STARTER',
  'FLEXIBLE',
  'DEMOTED',
  'LICENCE',
  'LEASEHOLD',
  'OTHER',
] as const;

/** A person as typed into a form: every value a string or a flag, so it keeps as a draft. */
export interface PartyDraft {
  role: string;
  fullName: string;
  /** Other names, separated by commas; absent in a draft kept by an earlier portal. */
  aliases?: string;
  address: string;
  phone: string;
  dateOfBirth: string;
  anonymous: boolean;
  tenant: boolean;
}

export interface TenancyDraft {
  tenancyType: string;
  rentArrears: string;
  tenancyBreaches: string;
}

export const emptyParty = (): PartyDraft => ({
  role: '',
  fullName: '',
  aliases: '',
  address: '',
  phone: '',
  dateOfBirth: '',
  anonymous: false,
  tenant: false,
});

export const PARTY_LABELS: Record<string, string> = {
  role: 'Role',
  fullName: 'Full name',
  aliases: 'Other names',
  address: 'Address',
  phone: 'Phone',
  dateOfBirth: 'Date of birth',
  anonymous: 'Anonymous',
  tenant: 'Tenant',
  tenancyType: 'Tenancy type',
  rentArrears: 'Rent arrears',
  tenancyBreaches: 'Breaches of tenancy',
};

/** The input id for a party field; the two flags share one checkbox group. */
export function partyFieldId(prefix: string, field: string): string {
  if (field === 'anonymous') return `${prefix}-flags`;
  if (field === 'tenant') return `${prefix}-flags-1`;
  return `${prefix}-${field}`;
}

/** Client-side checks for a person; messages follow the GOV.UK pattern and link to the input. */
export function partyProblems(prefix: string, p: PartyDraft, who = ''): FieldError[] {
  const problems: FieldError[] = [];
  const suffix = who ? ` for ${who}` : '';
  if (!p.role) problems.push({ text: `Select a role${suffix}`, href: partyFieldId(prefix, 'role') });
  if (p.dateOfBirth) {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(p.dateOfBirth) ? new Date(`${p.dateOfBirth}T00:00:00Z`) : null;
    if (!d || Number.isNaN(d.getTime()))
      problems.push({ text: `Date of birth must be a real date${suffix}`, href: partyFieldId(prefix, 'dateOfBirth') });
    else if (d.getTime() > Date.now())
      problems.push({ text: `Date of birth must be in the past${suffix}`, href: partyFieldId(prefix, 'dateOfBirth') });
  }
  return problems;
}

export function tenancyProblems(prefix: string, t: TenancyDraft): FieldError[] {
  const v = t.rentArrears.trim().replace(/^£/, '').replace(/,/g, '');
  if (v && !/^\d+(\.\d{1,2})?$/.test(v))
    return [{ text: 'Rent arrears must be an amount in pounds, like 120.50', href: `${prefix}-rentArrears` }];
  return [];
}

export const arrearsValue = (s: string): number | null => {
  const v = s.trim().replace(/^£/, '').replace(/,/g, '');
  return v ? Number(v) : null;
};

/** Role, identifiers and the two flags of a person. */
export function PartyFields({
  prefix,
  value,
  onChange,
  errors,
}: {
  prefix: string;
  value: PartyDraft;
  onChange: (patch: Partial<PartyDraft>) => void;
  errors: FieldError[];
}) {
  const err = (field: string) => errors.find((e) => e.href === partyFieldId(prefix, field))?.text;
  const flags = [value.anonymous && 'anonymous', value.tenant && 'tenant'].filter(Boolean) as string[];
  return (
    <>
      <Select
        id={`${prefix}-role`}
        label="Role"
        value={value.role}
        onChange={(role) => onChange({ role })}
        error={err('role')}
        options={[{ value: '', text: 'Select a role' }, ...options(PARTY_ROLES)]}
      />
      <TextInput
        id={`${prefix}-fullName`}
        label="Full name"
        hint="Optional"
        autoComplete="off"
        spellCheck={false}
        value={value.fullName}
        onChange={(fullName) => onChange({ fullName })}
        error={err('fullName')}
      />
      <TextInput
        id={`${prefix}-aliases`}
        label="Other names"
        hint="Optional. Names this person is also known by, separated by commas"
        autoComplete="off"
        spellCheck={false}
        value={value.aliases ?? ''}
        onChange={(aliases) => onChange({ aliases })}
        error={err('aliases')}
      />
      <TextInput
        id={`${prefix}-address`}
        label="Address"
        hint="Optional"
        autoComplete="off"
        value={value.address}
        onChange={(address) => onChange({ address })}
        error={err('address')}
      />
      <TextInput
        id={`${prefix}-phone`}
        label="Phone"
        hint="Optional"
        type="tel"
        autoComplete="off"
        inputClass="govuk-input--width-20"
        value={value.phone}
        onChange={(phone) => onChange({ phone })}
        error={err('phone')}
      />
      <TextInput
        id={`${prefix}-dateOfBirth`}
        label="Date of birth"
        hint="Optional"
        type="date"
        inputClass="govuk-input--width-10"
        value={value.dateOfBirth}
        onChange={(dateOfBirth) => onChange({ dateOfBirth })}
        error={err('dateOfBirth')}
      />
      <Checkboxes
        id={`${prefix}-flags`}
        legend="About this person"
        values={flags}
        error={err('anonymous') ?? err('tenant')}
        onChange={(v) => onChange({ anonymous: v.includes('anonymous'), tenant: v.includes('tenant') })}
        options={[
          { value: 'anonymous', text: 'Anonymous' },
          { value: 'tenant', text: 'Tenant' },
        ]}
      />
    </>
  );
}

/** Tenancy information: landlords and councils holding the case in full write it. */
export function TenancyFields({
  prefix,
  value,
  onChange,
  errors,
}: {
  prefix: string;
  value: TenancyDraft;
  onChange: (patch: Partial<TenancyDraft>) => void;
  errors: FieldError[];
}) {
  const err = (field: string) => errors.find((e) => e.href === `${prefix}-${field}`)?.text;
  return (
    <>
      <Select
        id={`${prefix}-tenancyType`}
        label="Tenancy type"
        value={value.tenancyType}
        onChange={(tenancyType) => onChange({ tenancyType })}
        error={err('tenancyType')}
        options={[{ value: '', text: 'Not recorded' }, ...options(TENANCY_TYPES)]}
      />
      <TextInput
        id={`${prefix}-rentArrears`}
        label="Rent arrears"
        hint="In pounds, for example 120.50"
        inputClass="govuk-input--width-10"
        value={value.rentArrears}
        onChange={(rentArrears) => onChange({ rentArrears })}
        error={err('rentArrears')}
      />
      <Textarea
        id={`${prefix}-tenancyBreaches`}
        label="Breaches of tenancy"
        hint="Optional"
        rows={3}
        value={value.tenancyBreaches}
        onChange={(tenancyBreaches) => onChange({ tenancyBreaches })}
        error={err('tenancyBreaches')}
      />
    </>
  );
}

/** The other names typed, one per comma, blanks dropped. */
export function aliasList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((alias) => alias.trim())
    .filter(Boolean);
}

export function toPartyInput(p: PartyDraft): PartyInput {
  const aliases = aliasList(p.aliases);
  return {
    role: p.role as PartyRole,
    fullName: p.fullName.trim() || null,
    ...(aliases.length ? { aliases } : {}),
    address: p.address.trim() || null,
    phone: p.phone.trim() || null,
    dateOfBirth: p.dateOfBirth || null,
    anonymous: p.anonymous,
    tenant: p.tenant,
  };
}
