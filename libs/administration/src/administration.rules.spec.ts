import { describe, expect, it } from '@jest/globals';
import { BadInputError, ForbiddenError, Role } from '#libs/common';
import { AdminAction } from './admin-event.model.js';
import { AdminGrantStatus } from './admin-grant.model.js';
import {
  checkMayManage,
  checkRolesWithinPower,
  describeAdminEvent,
  distinctRoles,
  grantNeedsSecondAdministrator,
  grantStatus,
  isCrossAgency,
} from './administration.rules.js';

describe('an administration event flagged as cross-agency', () => {
  const council = { id: 'a1', agencyId: 'council' };
  it('is an account created or changed by an administrator of another agency', () => {
    expect(isCrossAgency({ actor: council, agencyId: 'police', userId: 'u1' })).toBe(true);
    expect(isCrossAgency({ actor: council, agencyId: 'council', userId: 'u1' })).toBe(false);
  });

  it('is never an agency created, nor what the portal did itself at start', () => {
    expect(isCrossAgency({ actor: council, agencyId: 'police' })).toBe(false);
    expect(isCrossAgency({ actor: null, agencyId: 'police', userId: 'u1' })).toBe(false);
  });
});

describe('an administration event in words', () => {
  it('names the account, its roles and who acted from outside', () => {
    expect(
      describeAdminEvent({
        action: AdminAction.ROLES_CHANGED,
        cross_agency: true,
        detail: { displayName: 'Sam', roles: [Role.MANAGER], previousRoles: [] },
      }),
    ).toBe('Changed the roles of Sam from none to MANAGER (by an administrator of another agency)');
  });

  it('names an identity provider by issuer and domains, and an account made at its first single sign-on', () => {
    expect(
      describeAdminEvent({
        action: AdminAction.IDENTITY_PROVIDER_CONFIGURED,
        cross_agency: false,
        detail: { issuer: 'https://idp.example', emailDomains: ['police.example', 'force.example'] },
      }),
    ).toBe("Set the agency's identity provider to https://idp.example for police.example, force.example");
    expect(
      describeAdminEvent({
        action: AdminAction.USER_CREATED,
        cross_agency: false,
        detail: { displayName: 'Sam', roles: [Role.CASEWORKER], source: 'sso' },
      }),
    ).toBe('Created the account of Sam with roles CASEWORKER (at their first single sign-on, as the agency allows)');
  });

  it('says the portal acted at start from ADMIN_EMAIL', () => {
    expect(
      describeAdminEvent({
        action: AdminAction.AGENCY_CREATED,
        cross_agency: false,
        detail: { agencyName: 'Admin', agencyKind: 'OTHER', source: 'start' },
      }),
    ).toBe('Created the agency Admin (OTHER) (the portal, at start, from ADMIN_EMAIL)');
  });

  it('counts the sessions ended, one or many', () => {
    const ended = (n: number) =>
      describeAdminEvent({
        action: AdminAction.SESSIONS_ENDED,
        cross_agency: false,
        detail: { displayName: 'Sam', sessionsEnded: n },
      });
    expect([ended(1), ended(2)]).toEqual([
      'Signed Sam out everywhere (1 session ended)',
      'Signed Sam out everywhere (2 sessions ended)',
    ]);
  });
});

describe('a partner system’s key in the administration log', () => {
  it('names the key, its access and expiry, and the service account it acts as', () => {
    const detail = { displayName: 'Key Constabulary case system', keyName: 'Niche RMS', keyAccess: 'READ_ONLY' };
    expect(
      describeAdminEvent({
        action: AdminAction.API_KEY_CREATED,
        cross_agency: false,
        detail: { ...detail, keyExpiresAt: '2027-01-31T00:00:00.000Z' },
      }),
    ).toBe('Made the read-only key “Niche RMS” for Key Constabulary case system, expiring 2027-01-31');
    expect(describeAdminEvent({ action: AdminAction.API_KEY_REVOKED, cross_agency: false, detail })).toBe(
      'Revoked the key “Niche RMS” of Key Constabulary case system',
    );
  });
});

describe('who gives which roles', () => {
  it('lets an agency administrator change casework roles only, never ADMIN or AGENCY_ADMIN either way', () => {
    const agencyAdmin = [Role.AGENCY_ADMIN];
    expect(() => checkRolesWithinPower(agencyAdmin, [Role.CASEWORKER], [Role.MANAGER, Role.MARAC_CHAIR])).not.toThrow();
    expect(() =>
      checkRolesWithinPower(agencyAdmin, [Role.AGENCY_ADMIN], [Role.AGENCY_ADMIN, Role.MANAGER]),
    ).not.toThrow();
    for (const [before, after] of [
      [[Role.CASEWORKER], [Role.CASEWORKER, Role.ADMIN]],
      [[Role.CASEWORKER], [Role.AGENCY_ADMIN]],
      [[Role.AGENCY_ADMIN], [Role.CASEWORKER]],
      [[Role.ADMIN, Role.CASEWORKER], [Role.CASEWORKER]],
    ])
      expect(() => checkRolesWithinPower(agencyAdmin, before, after)).toThrow(ForbiddenError);
    expect(() => checkRolesWithinPower([Role.ADMIN], [Role.CASEWORKER], [Role.ADMIN, Role.AGENCY_ADMIN])).not.toThrow();
  });

  it('keeps an administrator’s account from anyone but an administrator', () => {
    expect(() => checkMayManage([Role.AGENCY_ADMIN], { roles: [Role.ADMIN, Role.CASEWORKER] })).toThrow(ForbiddenError);
    expect(() => checkMayManage([Role.AGENCY_ADMIN], { roles: [Role.AGENCY_ADMIN] })).not.toThrow();
    expect(() => checkMayManage([Role.ADMIN], { roles: [Role.ADMIN] })).not.toThrow();
  });

  it('names each role once and at least one', () => {
    expect(distinctRoles([Role.MANAGER, Role.MANAGER, Role.CASEWORKER])).toEqual([Role.MANAGER, Role.CASEWORKER]);
    expect(() => distinctRoles([])).toThrow(BadInputError);
  });
});

describe('a request to give ADMIN', () => {
  it('waits for a second administrator only while two or more are active (the first makes the second alone)', () => {
    expect(grantNeedsSecondAdministrator(true, 1)).toBe(false);
    expect(grantNeedsSecondAdministrator(true, 2)).toBe(true);
    expect(grantNeedsSecondAdministrator(false, 5)).toBe(false);
  });

  it('is pending until decided or until it lapses', () => {
    const now = new Date('2026-12-05T12:00:00Z');
    const later = new Date('2026-12-12T12:00:00Z');
    expect(grantStatus({ outcome: null, expires_at: later }, now)).toBe(AdminGrantStatus.PENDING);
    expect(grantStatus({ outcome: null, expires_at: now }, now)).toBe(AdminGrantStatus.EXPIRED);
    expect(grantStatus({ outcome: 'REFUSED', expires_at: later }, now)).toBe(AdminGrantStatus.REFUSED);
    expect(grantStatus({ outcome: 'APPROVED', expires_at: now }, now)).toBe(AdminGrantStatus.APPROVED);
  });

  it('is in the log in words', () => {
    const detail = { displayName: 'Sam', roles: [Role.CASEWORKER, Role.ADMIN], previousRoles: [Role.CASEWORKER] };
    expect(describeAdminEvent({ action: AdminAction.ADMIN_GRANT_APPROVED, cross_agency: false, detail })).toBe(
      'Approved giving ADMIN to Sam: roles from CASEWORKER to CASEWORKER, ADMIN',
    );
    expect(
      describeAdminEvent({
        action: AdminAction.SECOND_FACTOR_RESET,
        cross_agency: false,
        detail: { displayName: 'Sam', hadSecondFactor: true, sessionsEnded: 1 },
      }),
    ).toBe('Reset the second factor of Sam: they set one up again (one was set up; 1 session ended)');
  });
});
