import { describe, expect, it } from '@jest/globals';
import { readGovernedFields } from '#libs/access';
import {
  addressesProblem,
  addressRefusal,
  endpointProblem,
  keptResponse,
  parseUrl,
  PAYLOAD_CASE_FIELDS,
  retryDelaySeconds,
  signatureMatches,
  signatureOf,
} from './webhooks.rules.js';

describe('where a webhook may post', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['not-an-address', 'not an IP address'],
  ])('refuses %s (%s)', (ip, why) => {
    expect(addressRefusal(ip)).toBe(why);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::6810:85e5', '::ffff:8.8.8.8'])(
    'lets %s through: a public address',
    (ip) => {
      expect(addressRefusal(ip)).toBeNull();
    },
  );

  it('asks for https://, no credentials, no fragment', () => {
    expect(endpointProblem(parseUrl('https://hooks.example.org/portal'), false)).toBeNull();
    expect(endpointProblem(parseUrl('http://hooks.example.org/portal'), false)).toMatch(/https/);
    expect(endpointProblem(parseUrl('ftp://hooks.example.org/'), true)).toMatch(/https/);
    expect(endpointProblem(parseUrl('https://me:pw@hooks.example.org/'), false)).toMatch(/password/);
    expect(endpointProblem(parseUrl('https://hooks.example.org/#x'), false)).toMatch(/fragment/);
    expect(endpointProblem(parseUrl('hooks.example.org'), false)).toMatch(/absolute/);
  });

  it('judges every address a name resolves to, and allows http:// only to a private one in development', () => {
    expect(addressesProblem('https:', ['93.184.216.34'], false)).toBeNull();
    expect(addressesProblem('https:', ['93.184.216.34', '10.0.0.1'], false)).toMatch(
      /private address: use a public endpoint$/,
    );
    expect(addressesProblem('https:', [], false)).toMatch(/does not resolve/);
    expect(addressesProblem('https:', ['127.0.0.1'], true)).toBeNull();
    expect(addressesProblem('http:', ['127.0.0.1'], true)).toBeNull();
    expect(addressesProblem('http:', ['93.184.216.34'], true)).toMatch(/https/);
  });
});

describe('a delivery', () => {
  it('is signed over the timestamp and the exact body', () => {
    const body = '{"id":"1","kind":"INCIDENT_LOGGED"}';
    const header = signatureOf('whsec_test', 1_700_000_000, body);
    expect(header).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signatureMatches('whsec_test', header, 1_700_000_000, body, 1_700_000_010)).toBe(true);
    expect(signatureMatches('whsec_test', header, 1_700_000_000, `${body} `, 1_700_000_010)).toBe(false);
    expect(signatureMatches('whsec_other', header, 1_700_000_000, body, 1_700_000_010)).toBe(false);
    // A replay of an old delivery fails the receiver's clock check.
    expect(signatureMatches('whsec_test', header, 1_700_000_000, body, 1_700_001_000)).toBe(false);
  });

  it('is retried after 30 s, doubling to an hour, less up to a fifth at random', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, 0))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(20, 0)).toBe(3600);
    expect(retryDelaySeconds(1, 1)).toBe(24);
    expect(retryDelaySeconds(20, 0.5)).toBe(3240);
  });

  it('keeps the first kilobyte of what the endpoint answered', () => {
    expect(keptResponse(Buffer.from('x'.repeat(5000)))).toHaveLength(1024);
    expect(keptResponse(Buffer.from('{"ok":false}'))).toBe('{"ok":false}');
    expect(keptResponse(Buffer.from('bad\u0000answer'))).toBe('badanswer');
  });
});

describe('what a delivery says of the case', () => {
  it('is only fields every holder of the case may read: none is a disclosure for the audit trail', () => {
    const sensitive = new Set(readGovernedFields('Case'));
    expect(PAYLOAD_CASE_FIELDS.filter((field) => sensitive.has(field))).toEqual([]);
    expect(PAYLOAD_CASE_FIELDS).toContain('reference');
  });
});
