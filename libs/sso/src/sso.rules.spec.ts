import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/common';
import {
  claimAt,
  cookieValue,
  emailDomainOf,
  emailVerified,
  isDomainName,
  issuerProblem,
  normaliseDomain,
  rolesFromClaim,
  vouchedFor,
} from './sso.rules.js';

describe('the email domains a provider vouches for', () => {
  it('match an address by its exact domain, whatever its case', () => {
    expect(vouchedFor('Sam@Police.Example', ['police.example'])).toBe(true);
    expect(vouchedFor('sam@east.police.example', ['police.example'])).toBe(false);
    expect(vouchedFor('sam@police.example.evil.test', ['police.example'])).toBe(false);
    expect(vouchedFor('police.example', ['police.example'])).toBe(false);
    expect(emailDomainOf('a@b@council.example')).toBe('council.example');
  });

  it('are kept bare and lower case, and must be domain names', () => {
    expect(normaliseDomain(' @Council.Example. ')).toBe('council.example');
    expect(isDomainName('council.example')).toBe(true);
    expect(isDomainName('localhost')).toBe(false);
    expect(isDomainName('*.example.org')).toBe(false);
  });
});

describe('a verified email', () => {
  it('is email_verified true, or Entra ID’s verified-domain claim; never a string or an absent claim', () => {
    expect(emailVerified({ email_verified: true })).toBe(true);
    expect(emailVerified({ xms_edov: true })).toBe(true);
    expect(emailVerified({ email_verified: 'true' })).toBe(false);
    expect(emailVerified({ email_verified: false, xms_edov: false })).toBe(false);
    expect(emailVerified({ email_verified: false, xms_edov: true })).toBe(false);
    expect(emailVerified({})).toBe(false);
  });
});

describe('an issuer URL', () => {
  it('is https, or http on this machine only', () => {
    expect(issuerProblem('https://login.microsoftonline.com/tenant/v2.0')).toBeNull();
    expect(issuerProblem('http://127.0.0.1:4000')).toBeNull();
    expect(issuerProblem('http://idp.example.org')).toMatch(/https/);
    expect(issuerProblem('https://idp.example.org/?x=1')).toMatch(/query/);
    expect(issuerProblem('not a url')).toMatch(/URL/);
  });
});

describe('roles from a provider claim', () => {
  it('takes the portal roles it names, never ADMIN, from a list or a string, nested or not', () => {
    expect(rolesFromClaim(['caseworker', 'Admin', 'MANAGER', 'someone-else'])).toEqual([Role.CASEWORKER, Role.MANAGER]);
    expect(rolesFromClaim('MARAC_CHAIR ADMIN')).toEqual([Role.MARAC_CHAIR]);
    expect(rolesFromClaim(['AGENCY_ADMIN', 'CASEWORKER'])).toEqual([Role.CASEWORKER]);
    expect(rolesFromClaim(undefined)).toEqual([]);
    expect(claimAt({ realm_access: { roles: ['MANAGER'] } }, 'realm_access.roles')).toEqual(['MANAGER']);
    expect(claimAt({ 'https://x/roles': ['A'] }, 'https://x/roles')).toEqual(['A']);
  });
});

describe('a cookie header', () => {
  it('gives one cookie by name', () => {
    expect(cookieValue('a=1; portal_sso=abc; b=2', 'portal_sso')).toBe('abc');
    expect(cookieValue('xportal_sso=abc', 'portal_sso')).toBeNull();
    expect(cookieValue(undefined, 'portal_sso')).toBeNull();
  });
});
