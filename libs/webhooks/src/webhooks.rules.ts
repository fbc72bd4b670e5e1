import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** Deliveries are retried for this long after the alert was taken, then marked FAILED. */
export const RETRY_WINDOW_HOURS = 24;
/** What is kept of an endpoint's answer (or of the network error), for its agency to read in the portal. */
export const KEPT_RESPONSE_BYTES = 1024;
/** A partner's system has this long to answer; a slow one is retried like a failing one. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** An answer is read no further than this: we keep 1 KB, and a huge body must not hold a sender. */
export const READ_RESPONSE_BYTES = 64 * 1024;

/** A new signing secret: 256 random bits, shown once, kept sealed. The HMAC key is this whole string. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `Portal-Webhook-Signature`: `v1=` and the hex HMAC-SHA256 of `<timestamp>.<body>`, as Stripe signs. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (docs/webhooks.md): recompute, compare in constant time, refuse an old timestamp. */
export function signatureMatches(
  secret: string,
  header: string,
  timestamp: number,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Seconds before the next attempt after the `attempts`-th failed: 30 s doubling to at most an hour, each with up
 * to a fifth taken off at random, so endpoints that failed together (an outage) are not all retried in one burst.
 * About a dozen attempts over the day; `random` is Math.random in use, fixed in tests.
 */
export function retryDelaySeconds(attempts: number, random: number = Math.random()): number {
  const full = Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
  return Math.max(1, Math.round(full * (1 - 0.2 * random)));
}

const V4_REFUSED: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_REFUSED: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

function v4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** The 16 bytes of an IPv6 address in any textual form (`::`, a trailing dotted quad, a zone). */
function v6Bytes(text: string): number[] {
  const ip = text.replace(/%.*$/, '');
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, null];
  const groups = (part: string) => {
    if (!part) return [] as number[];
    return part.split(':').flatMap((group) => {
      if (group.includes('.')) {
        const [a, b, c, d] = v4Bytes(group);
        return [(a << 8) | b, (c << 8) | d];
      }
      return [parseInt(group, 16)];
    });
  };
  const left = groups(head);
  const right = tail === null ? [] : groups(tail);
  const words = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

function inPrefix(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[i / 8] & mask) !== (prefix[i / 8] & mask)) return false;
  }
  return true;
}

/**
 * Why the portal must not post to this address, or null when it is a public unicast one. IPv6 forms that carry an
 * IPv4 address (mapped `::ffff:a.b.c.d`, the old compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`) are judged by the
 * IPv4 address they reach. Anything not an address at all is refused too.
 */
export function addressRefusal(ip: string): string | null {
  const version = isIP(ip.replace(/%.*$/, ''));
  if (version === 4) {
    const bytes = v4Bytes(ip);
    if (ip === '255.255.255.255') return 'broadcast';
    const hit = V4_REFUSED.find(([prefix, bits]) => inPrefix(bytes, v4Bytes(prefix), bits));
    return hit ? hit[2] : null;
  }
  if (version !== 6) return 'not an IP address';
  const bytes = v6Bytes(ip);
  const embedded = bytes.slice(12).join('.');
  const zeros = (n: number) => bytes.slice(0, n).every((b) => b === 0);
  if (zeros(10) && bytes[10] === 0xff && bytes[11] === 0xff) return addressRefusal(embedded);
  if (inPrefix(bytes, v6Bytes('64:ff9b::'), 96)) return addressRefusal(embedded);
  const hit = V6_REFUSED.find(([prefix, bits]) => inPrefix(bytes, v6Bytes(prefix), bits));
  if (hit) return hit[2];
  if (zeros(12)) return addressRefusal(embedded);
  return null;
}

/** An endpoint's URL as written, before any name is resolved: why it is refused, or null. */
export function endpointProblem(url: URL | null, allowPrivate: boolean): string | null {
  if (!url) return 'url must be an absolute https:// URL';
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    return 'url must start with https:// (deliveries carry case data and are signed, never sent in the clear)';
  if (url.username || url.password) return 'url must not carry a user name or password';
  if (url.hash) return 'url must not have a #fragment';
  if (!url.hostname) return 'url must name a host';
  return null;
}

/**
 * Why these addresses (every one a name resolved to) are refused, or null. All of them are judged: a name that
 * resolves to a public and a private address could be connected to either. Plain http:// is allowed only to a
 * private address, and only with the development allowance: a receiver on the developer's own machine.
 */
export function addressesProblem(protocol: string, addresses: readonly string[], allowPrivate: boolean): string | null {
  if (addresses.length === 0) return 'url’s host does not resolve';
  for (const address of addresses) {
    const refusal = addressRefusal(address);
    // The address itself is not echoed: a manager must not learn the portal's internal DNS by registering names.
    if (refusal && !allowPrivate) return `url resolves to a ${refusal} address: use a public endpoint`;
    if (!refusal && protocol !== 'https:') return 'url must start with https:// for a public address';
  }
  return null;
}

export function parseUrl(text: string): URL | null {
  try {
    return new URL(text.trim());
  } catch {
    return null;
  }
}

/**
 * The first KEPT_RESPONSE_BYTES of an answer, as text, cut at a character boundary. NUL goes: PostgreSQL text cannot
 * hold it, and an answer that could not be recorded would leave its delivery leased and retried without end.
 */
export function keptResponse(bytes: Buffer): string {
  return bytes
    .subarray(0, KEPT_RESPONSE_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '')
    .replaceAll('\u0000', '');
}

/** Endpoints one agency may have: each alert is posted once to each, so this bounds what one alert costs. */
export const MAX_WEBHOOKS_PER_AGENCY = 10;

export const isIpLiteral = (hostname: string): boolean => isIP(hostname.replace(/^\[|\]$/g, '')) !== 0;

/**
 * The case fields a delivery carries: its basics and reference, each one every holder of the case may read (none a
 * sensitive field whose sending the audit trail must note; webhooks.rules.spec.ts holds the field policy to that).
 */
export const PAYLOAD_CASE_FIELDS: readonly string[] = [
  'id',
  'reference',
  'category',
  'status',
  'riskLevel',
  'ward',
  'summary',
  'openedAt',
  'closedAt',
  'access',
  'owned',
];
