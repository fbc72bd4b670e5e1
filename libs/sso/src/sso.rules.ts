import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { Role } from '#libs/common';

/** The part after the last `@`, lower case; null for anything that is not an address. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/** A domain as an administrator types it (`@Police.example.`, ` council.gov.uk`), as compared: bare, lower case. */
export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const isDomainName = (domain: string): boolean => DOMAIN.test(domain);

/** Whether the email's domain is exactly one of these (a subdomain is not its parent: each is listed). */
export function vouchedFor(email: string, domains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return domain !== null && domains.includes(domain);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An issuer is an https URL with no query or fragment. Plain http only on this machine (a provider a developer
 * or a test runs beside the portal): anywhere else, discovery, keys and tokens would cross the network unprotected.
 */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Give the issuer as a URL, like https://login.microsoftonline.com/<tenant>/v2.0';
  }
  if (url.search || url.hash || url.username || url.password)
    return 'The issuer is a URL without a query, fragment or credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return 'The issuer must be an https:// URL';
}

export const isLoopback = (hostname: string): boolean =>
  LOOPBACK.has(hostname) || (isIP(hostname) === 4 && hostname.startsWith('127.'));

/**
 * The portal roles a provider's claim names (its values compared to the role names, case aside). ADMIN never:
 * granting it takes a partnership administrator, not a claim another organisation controls.
 */
export function rolesFromClaim(value: unknown): Role[] {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const roles = new Set<Role>();
  for (const item of values) {
    if (typeof item !== 'string') continue;
    const role = item.trim().toUpperCase() as Role;
    // Administrators are made in the portal, by an administrator, in the administration log; never by a claim.
    if (role !== Role.ADMIN && role !== Role.AGENCY_ADMIN && Object.values(Role).includes(role)) roles.add(role);
  }
  return [...roles];
}

/** A claim by name, or by a dotted path into nested claims (Keycloak's `realm_access.roles`). */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Whether the provider vouches that the email is the person's: `email_verified: true` (OpenID Connect, Keycloak,
 * Okta); or, only where `email_verified` is absent, Microsoft Entra ID's optional `xms_edov: true` (the email's
 * domain is one the tenant has verified), since Entra ID sends no `email_verified`. Anything else (false, the
 * string "true", neither claim) is not verified.
 */
export function emailVerified(claims: Record<string, unknown>): boolean {
  if ('email_verified' in claims) return claims.email_verified === true;
  return claims.xms_edov === true;
}

/** The value of one cookie from a Cookie header; null when absent. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** How a cookie's random value is kept in the database: a copy of the table alone does not give a working cookie. */
export const digestOf = (value: string): string => createHash('sha256').update(value).digest('hex');
