import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/common';
import { AdminAction } from './admin-event.model.js';
import { describeAdminEvent, isCrossAgency } from './administration.rules.js';

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
