import { describe, expect, it } from '@jest/globals';
import { PartyRole, TenancyType } from '#libs/common';
import {
  changedPartyFields,
  fieldsOfNewParty,
  newPartyChanges,
  PARTY_COLUMNS_WRITTEN,
  partyValues,
} from './party.rules.js';

describe('party rules', () => {
  it('sets on a new party what was given, and the flags only when raised', () => {
    expect(fieldsOfNewParty({ role: PartyRole.VICTIM, fullName: 'Ann Lee', anonymous: false, tenant: true })).toEqual([
      'role',
      'fullName',
      'tenant',
    ]);
    expect(fieldsOfNewParty({ role: PartyRole.SUBJECT, phone: null })).toEqual(['role']);
  });

  it('stores a new party in column order: text trimmed, blank as null, flags false unless true', () => {
    const values = partyValues({
      role: PartyRole.COMPLAINANT,
      fullName: '  Ann Lee ',
      address: ' ',
      tenancyType: TenancyType.SECURE,
    });
    expect(values).toHaveLength(PARTY_COLUMNS_WRITTEN.length);
    const byColumn = Object.fromEntries(PARTY_COLUMNS_WRITTEN.map((column, i) => [column, values[i]]));
    expect(byColumn).toMatchObject({
      role: 'COMPLAINANT',
      full_name: 'Ann Lee',
      address: null,
      anonymous: false,
      tenant: false,
      tenancy_type: 'SECURE',
    });
  });

  it('records a new party’s values whole for the audit trail', () => {
    expect(newPartyChanges({ role: PartyRole.VICTIM, fullName: ' Ann ' })).toEqual([
      { field: 'role', from: null, to: 'VICTIM' },
      { field: 'fullName', from: null, to: 'Ann' },
    ]);
  });

  it('changes the fields given, and never clears the role or a flag with null', () => {
    expect(
      changedPartyFields({ fullName: null, role: null, anonymous: null, tenant: null, phone: '0161 000 0000' }),
    ).toEqual(['fullName', 'phone']);
    expect(changedPartyFields({})).toEqual([]);
  });
});
