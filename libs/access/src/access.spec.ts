import { describe, expect, it } from '@jest/globals';
import { AgencyKind, Role } from '#libs/common';
import { defineAbilityFor } from './ability.js';
import { accessibleSql, ownedOrSharedIdsSql } from './accessible-sql.js';
import { SqlParams } from '#libs/db';
import { redactedFieldsOf } from './field-access.js';

const user = (agencyKind: AgencyKind, roles: Role[]) => ({
  id: 'u1',
  email: 'u1@x.test',
  displayName: 'U',
  agencyId: '11111111-1111-4111-8111-111111111111',
  agencyKind,
  roles,
});

describe('row scope as SQL', () => {
  it('is FALSE, never "no filter", for someone with no case rule', () => {
    const params = new SqlParams();
    expect(accessibleSql(defineAbilityFor(user(AgencyKind.OTHER, [Role.ADMIN])), 'read', 'Case', 'c', params)).toBe(
      'FALSE',
    );
    expect(accessibleSql(defineAbilityFor(null), 'read', 'Case', 'c', params)).toBe('FALSE');
    expect(params.values).toEqual([]);
  });

  it("is the owner agency or a live share with the caller's agency, with the agency as a parameter", () => {
    const params = new SqlParams();
    const sql = accessibleSql(
      defineAbilityFor(user(AgencyKind.POLICE, [Role.CASEWORKER])),
      'read',
      'Case',
      'c',
      params,
    );
    expect(sql).toContain('c.owner_agency_id = $');
    expect(sql).toContain('EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = c.id');
    expect(sql).toContain('s.revoked_at IS NULL');
    expect(sql).toMatch(/ OR /);
    expect(params.values).toEqual(['11111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111']);
  });

  it('lets only the owner share or close', () => {
    const params = new SqlParams();
    const sql = accessibleSql(
      defineAbilityFor(user(AgencyKind.LANDLORD, [Role.CASEWORKER])),
      'share',
      'Case',
      'c',
      params,
    );
    expect(sql).not.toContain('case_shares');
  });

  it('gives an administrator who is also a caseworker the caseworker rules', () => {
    const sql = accessibleSql(
      defineAbilityFor(user(AgencyKind.COUNCIL, [Role.ADMIN, Role.CASEWORKER])),
      'read',
      'Case',
      'c',
      new SqlParams(),
    );
    expect(sql).not.toBe('FALSE');
  });
});

describe('field rules per row', () => {
  const sensitive = ['address', 'policeIntelligence', 'supportNeeds'];
  const police = defineAbilityFor(user(AgencyKind.POLICE, [Role.CASEWORKER]));
  const idva = defineAbilityFor(user(AgencyKind.SUPPORT, [Role.CASEWORKER]));
  const landlord = defineAbilityFor(user(AgencyKind.LANDLORD, [Role.CASEWORKER]));

  it('withholds identifiers from LIMITED and keeps police intelligence with the police', () => {
    expect(redactedFieldsOf(police, 'Case', { access: 'FULL', category: 'NOISE' }, sensitive)).toEqual([
      'supportNeeds',
    ]);
    expect(redactedFieldsOf(police, 'Case', { access: 'LIMITED', category: 'NOISE' }, sensitive)).toEqual(sensitive);
    expect(redactedFieldsOf(idva, 'Case', { access: 'FULL', category: 'NOISE' }, sensitive)).toEqual([
      'policeIntelligence',
    ]);
  });

  it("keeps a domestic-abuse case's address from a landlord partner but not from its owner", () => {
    expect(redactedFieldsOf(landlord, 'Case', { access: 'FULL', category: 'DOMESTIC_ABUSE' }, ['address'])).toEqual([
      'address',
    ]);
    expect(redactedFieldsOf(landlord, 'Case', { access: 'OWNER', category: 'DOMESTIC_ABUSE' }, ['address'])).toEqual(
      [],
    );
    expect(redactedFieldsOf(idva, 'Case', { access: 'FULL', category: 'DOMESTIC_ABUSE' }, ['address'])).toEqual([]);
  });
});

describe('the visible set counted from indexes', () => {
  const kinds = Object.values(AgencyKind);
  const roles = Object.values(Role);

  it.each(kinds)('is offered to a %s agency’s roles exactly when their rule to read is owner or live share', (kind) => {
    for (const role of roles) {
      const ability = defineAbilityFor(user(kind, [role]));
      const params = new SqlParams();
      const ids = ownedOrSharedIdsSql(ability, 'read', params);
      const rowRule = accessibleSql(ability, 'read', 'Case', 'c', new SqlParams());
      // Either order: CASL lists the later rule first.
      const owner = 'c\\.owner_agency_id = \\$\\d::uuid';
      const share =
        'EXISTS \\(SELECT 1 FROM case_shares s WHERE s\\.case_id = c\\.id AND s\\.agency_id = \\$\\d::uuid AND s\\.revoked_at IS NULL\\)';
      const ownerOrShare = new RegExp(`^\\((${owner} OR ${share}|${share} OR ${owner})\\)$`);
      if (ids === null) {
        expect({ role, rowRule }).not.toEqual({ role, rowRule: expect.stringMatching(ownerOrShare) });
      } else {
        expect({ role, rowRule }).toEqual({ role, rowRule: expect.stringMatching(ownerOrShare) });
        expect(ids).toContain('UNION');
        expect(params.values).toEqual([user(kind, [role]).agencyId]);
      }
    }
  });

  it('is not offered to someone who reads no case, nor to the signed-out', () => {
    expect(
      ownedOrSharedIdsSql(defineAbilityFor(user(AgencyKind.OTHER, [Role.ADMIN])), 'read', new SqlParams()),
    ).toBeNull();
    expect(ownedOrSharedIdsSql(defineAbilityFor(null), 'read', new SqlParams())).toBeNull();
  });

  it('is offered to a caseworker (the case list’s usual reader)', () => {
    expect(
      ownedOrSharedIdsSql(defineAbilityFor(user(AgencyKind.LANDLORD, [Role.CASEWORKER])), 'read', new SqlParams()),
    ).not.toBeNull();
  });
});
