import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { QueryCounter } from '#libs/db';
import { launchBrowser } from './browser.js';
import { ADMIN, codeOf, type GraphQLResult, PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sign-in as a client sends it, optionally through a proxy that says whom it speaks for; with its SQL statement count. */
async function attempt(
  portal: TestPortal,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<GraphQLResult & { statements: number }> {
  const id = randomBytes(8).toString('hex');
  const req = request(portal.app.getHttpServer())
    .post('/graphql')
    .set('Content-Type', 'application/json')
    .set('x-request-id', id);
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  const res = await req.send({ query: LOGIN, variables: { e: email, p: password } });
  const counter = portal.app.get(QueryCounter);
  for (let i = 0; i < 100 && counter.statementsOf(id) === undefined; i++) await sleep(10);
  return { ...(res.body as GraphQLResult), statements: counter.statementsOf(id)! };
}

const retryAfter = (result: GraphQLResult) => result.errors?.[0]?.extensions?.retryAfterSeconds as number | undefined;
/** The contract's code for any refused sign-in is UNAUTHENTICATED; a wait is what marks a throttled one. */
const refusal = (result: GraphQLResult) =>
  codeOf(result) === 'UNAUTHENTICATED' && retryAfter(result) !== undefined ? 'THROTTLED' : codeOf(result);
const failuresOf = async (portal: TestPortal, column: 'email' | 'address', value: string) =>
  (await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures WHERE ${column} = $1`, [value])).rows[0]
    .n as number;

/**
 * Issue 14, finding 5, written as the attack: anyone who can read an officer's email used to lock that officer
 * out for 15 minutes by failing five times. Now each failure past the first few makes the next attempt on that
 * email wait longer (1 s, 2 s, 4 s … up to a cap: 2 s here, 5 minutes by default), and a correct password after
 * the wait gets in. Every request here comes from one address, whose own limit is tested below.
 */
describe('an account under a guessing attack slows down but stays open to its owner', () => {
  let portal: TestPortal;
  let people: Partnership;
  let agency: string;

  beforeAll(async () => {
    portal = await TestPortal.start({
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3',
      SIGN_IN_MAX_DELAY_SECONDS: '2',
      SIGN_IN_THROTTLE_WINDOW_SECONDS: '60',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000',
    });
    people = new Partnership(portal);
    agency = await people.agency('Guessed Police', 'POLICE');
  });
  afterAll(() => portal.close());

  it('lets the officer sign in after a short wait however hard an attacker fails on their email', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'guessed');
    // Three failures are free; each further one doubles the wait before the next attempt.
    for (let i = 0; i < 3; i++)
      expect(codeOf(await attempt(portal, officer.email, `Wrong-password-${i}`))).toBe('UNAUTHENTICATED');
    const first = await attempt(portal, officer.email, 'Wrong-password-3');
    expect(refusal(first)).toBe('THROTTLED');
    expect(retryAfter(first)).toBe(1);
    await sleep(1100);
    expect(codeOf(await attempt(portal, officer.email, 'Wrong-password-4'))).toBe('UNAUTHENTICATED');
    const second = await attempt(portal, officer.email, 'Wrong-password-5');
    expect(retryAfter(second)).toBe(2);
    // The attacker hammers on: every attempt inside the wait is refused unheard, and none extends it.
    for (let i = 0; i < 20; i++)
      expect(refusal(await attempt(portal, officer.email, `Wrong-password-x${i}`))).toBe('THROTTLED');
    expect(await failuresOf(portal, 'email', officer.email)).toBe(4);
    // The officer, inside the wait, is told how long to wait, in words and in the extensions.
    const early = await attempt(portal, officer.email, PASSWORD);
    expect(refusal(early)).toBe('THROTTLED');
    expect(early.data).toBeNull();
    const wait = retryAfter(early)!;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(2);
    expect(early.errors?.[0].message).toBe(
      `Too many attempts. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`,
    );
    await sleep(wait * 1000 + 100);
    const inside = await attempt(portal, officer.email, PASSWORD);
    expect(inside.data?.login.accessToken).toEqual(expect.any(String));
    // Signing in forgets the account's failures: the next typo is free again.
    expect(await failuresOf(portal, 'email', officer.email)).toBe(0);
    expect(codeOf(await attempt(portal, officer.email, 'Wrong-password-again'))).toBe('UNAUTHENTICATED');
  }, 30_000);

  it('refuses an attempt inside the wait at once: no password check, no new failure, not queued behind others', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'hammered');
    const failed: number[] = [];
    for (let i = 0; i < 3; i++) failed.push((await attempt(portal, officer.email, `Wrong-password-${i}`)).statements);
    const refused = await attempt(portal, officer.email, PASSWORD);
    expect(refusal(refused)).toBe('THROTTLED');
    // One statement (the throttle's read): the user is never looked up, so no password is checked.
    expect(refused.statements).toBe(1);
    expect(Math.min(...failed)).toBeGreaterThan(refused.statements);
    expect(await failuresOf(portal, 'email', officer.email)).toBe(3);
    // While a burst of sign-ins queues for the password hasher (two at a time), a refusal does not join the queue.
    const finished: string[] = [];
    const burst = Array.from({ length: 16 }, (_, i) =>
      attempt(portal, `burst-${i}@partnership.test`, 'Wrong-password-b').then(() => finished.push('burst')),
    );
    await sleep(20);
    await attempt(portal, officer.email, PASSWORD).then((r) => finished.push(refusal(r)!));
    await Promise.all(burst);
    expect(finished.indexOf('THROTTLED')).toBeLessThan(finished.length - 1);
    expect(finished.filter((f) => f === 'burst')).toHaveLength(16);
  }, 30_000);

  it('answers an unknown email exactly as a known one, so the throttle tells no one who has an account', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'known');
    const unknown = `nobody-${randomBytes(3).toString('hex')}@partnership.test`;
    const run = async (email: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const result = await attempt(portal, email, `Wrong-password-${i}`);
        seen.push({ errors: result.errors, data: result.data, statements: result.statements });
      }
      return seen;
    };
    const [known, nobody] = [await run(officer.email), await run(unknown)];
    expect(nobody).toEqual(known);
    expect(known.map((r) => refusal(r as GraphQLResult))).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'THROTTLED',
      'THROTTLED',
    ]);
    expect(await failuresOf(portal, 'email', unknown)).toBe(await failuresOf(portal, 'email', officer.email));
  }, 30_000);

  it('forgets failures older than the longest window, a bounded batch at each attempt', async () => {
    await portal.db.query(
      `INSERT INTO sign_in_failures (email, address, at) SELECT 'old-' || n || '@partnership.test', '192.0.2.1', now() - interval '2 hours' FROM generate_series(1, 150) n`,
    );
    const old = async () =>
      (await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures WHERE at < now() - interval '1 hour'`))
        .rows[0].n;
    expect(await old()).toBe(150);
    await attempt(portal, 'pruner-1@partnership.test', 'Wrong-password-p');
    expect(await old()).toBe(50);
    await attempt(portal, 'pruner-2@partnership.test', 'Wrong-password-p');
    expect(await old()).toBe(0);
    // Recent failures stay: they are still counted.
    expect(await failuresOf(portal, 'email', 'pruner-1@partnership.test')).toBe(1);
  });
});

/**
 * Per-address limits, generous enough for a police force behind one NAT and progressive rather than a cliff,
 * counted against the address the connection comes from: `X-Forwarded-For` is believed only from a proxy named
 * in TRUST_PROXY, so an attacker can neither rotate it to escape the limit nor write someone else's into it.
 */
describe('the per-address limit, and whom X-Forwarded-For is believed from', () => {
  describe('with no proxy trusted (the default)', () => {
    let portal: TestPortal;
    beforeAll(async () => {
      portal = await TestPortal.start({
        SIGN_IN_MAX_FAILURES_PER_ADDRESS: '4',
        SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '1000',
        SIGN_IN_MAX_DELAY_SECONDS: '2',
      });
    });
    afterAll(() => portal.close());

    it('lets a whole force behind one address sign in at once: attempts still being checked are not failures', async () => {
      // Found by the alert benchmark: 500 officers signing in together counted as 500 failures of their address.
      const people = new Partnership(portal);
      const agency = await people.agency('Shift Change Police', 'POLICE');
      const officers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => people.user(agency, ['CASEWORKER'], `shift-${i}`)),
      );
      await portal.db.query(`DELETE FROM sign_in_failures`);
      const results = await Promise.all(officers.map((o) => attempt(portal, o.email, PASSWORD)));
      expect(results.map((r) => (typeof r.data?.login?.accessToken === 'string' ? 'signed in' : refusal(r)))).toEqual(
        officers.map(() => 'signed in'),
      );
      expect((await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures`)).rows[0].n).toBe(0);
    }, 30_000);

    it('counts every attempt against the connecting address whatever X-Forwarded-For claims, then makes the address wait, not stop', async () => {
      for (let i = 0; i < 4; i++) {
        expect(
          codeOf(await attempt(portal, `spray-${i}@partnership.test`, 'Wrong-password-s', `203.0.113.${i + 1}`)),
        ).toBe('UNAUTHENTICATED');
      }
      const { rows } = await portal.db.query(`SELECT DISTINCT address FROM sign_in_failures`);
      expect(rows.map((r) => r.address)).toEqual([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)]);
      // A fifth from the same connection, under a fresh forged address and for a different account: made to wait.
      const refused = await attempt(portal, ADMIN.email, ADMIN.password, '198.51.100.77');
      expect(refusal(refused)).toBe('THROTTLED');
      expect(retryAfter(refused)).toBe(1);
      expect(await failuresOf(portal, 'address', '198.51.100.77')).toBe(0);
      // Not a 15-minute cliff for everyone behind the address: after the wait, the right password gets in.
      await sleep(retryAfter(refused)! * 1000 + 100);
      expect((await attempt(portal, ADMIN.email, ADMIN.password)).data?.login.accessToken).toEqual(expect.any(String));
    }, 20_000);
  });

  describe('with the proxy in front named in TRUST_PROXY', () => {
    let portal: TestPortal;
    let people: Partnership;
    let agency: string;
    let officer: Persona;
    beforeAll(async () => {
      portal = await TestPortal.start({
        TRUST_PROXY: '127.0.0.1',
        SIGN_IN_MAX_FAILURES_PER_ADDRESS: '4',
        SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3',
        SIGN_IN_MAX_DELAY_SECONDS: '30',
      });
      people = new Partnership(portal);
      agency = await people.agency('Proxied Police', 'POLICE');
      officer = await people.user(agency, ['CASEWORKER'], 'proxied');
    });
    afterAll(() => portal.close());

    it('counts each client behind the proxy apart, by the address the proxy saw even when the client forged one first', async () => {
      for (let i = 0; i < 4; i++) {
        // The client sends a forged X-Forwarded-For; the proxy appends the address it really came from.
        const result = await attempt(
          portal,
          `guess-${i}@partnership.test`,
          'Wrong-password-g',
          `10.9.9.${i}, 203.0.113.7`,
        );
        expect(codeOf(result)).toBe('UNAUTHENTICATED');
      }
      expect(await failuresOf(portal, 'address', '203.0.113.7')).toBe(4);
      expect(refusal(await attempt(portal, officer.email, PASSWORD, '203.0.113.7'))).toBe('THROTTLED');
      // Another client behind the same proxy is not held up by the guesser's failures.
      expect((await attempt(portal, officer.email, PASSWORD, '198.51.100.9')).data?.login.accessToken).toEqual(
        expect.any(String),
      );
    });

    it('lets an officer in at once from where they usually sign in, however persistently someone elsewhere fails on their email', async () => {
      const office = '198.51.100.20';
      const targeted = await people.user(agency, ['CASEWORKER'], 'targeted');
      expect((await attempt(portal, targeted.email, PASSWORD, office)).data?.login.accessToken).toEqual(
        expect.any(String),
      );
      // A partner who can read the officer's email fails on it from home, then keeps failing at every chance.
      for (let i = 0; i < 3; i++)
        expect(codeOf(await attempt(portal, targeted.email, `Wrong-password-${i}`, '203.0.113.66'))).toBe(
          'UNAUTHENTICATED',
        );
      await portal.db.query(
        `INSERT INTO sign_in_failures (email, address) SELECT $1, '203.0.113.66' FROM generate_series(1, 7)`,
        [targeted.email],
      );
      expect(refusal(await attempt(portal, targeted.email, 'Wrong-password-3', '203.0.113.66'))).toBe('THROTTLED');
      // Anywhere else the account's wait holds: a guesser cannot dodge it by moving to an address of their own.
      const elsewhere = await attempt(portal, targeted.email, PASSWORD, '192.0.2.50');
      expect(refusal(elsewhere)).toBe('THROTTLED');
      expect(retryAfter(elsewhere)).toBeGreaterThan(20);
      // From the office, the officer is in at once.
      expect((await attempt(portal, targeted.email, PASSWORD, office)).data?.login.accessToken).toEqual(
        expect.any(String),
      );
      // And signing in there forgave none of the guesser's failures: they still wait.
      expect(await failuresOf(portal, 'address', '203.0.113.66')).toBe(10);
      expect(refusal(await attempt(portal, targeted.email, PASSWORD, '192.0.2.50'))).toBe('THROTTLED');
    });

    it('still slows a guesser who shares the officer’s usual address', async () => {
      const shared = '198.51.100.30';
      const colleague = await people.user(agency, ['CASEWORKER'], 'colleague');
      expect((await attempt(portal, colleague.email, PASSWORD, shared)).data?.login.accessToken).toEqual(
        expect.any(String),
      );
      for (let i = 0; i < 3; i++)
        expect(codeOf(await attempt(portal, colleague.email, `Wrong-password-${i}`, shared))).toBe('UNAUTHENTICATED');
      expect(refusal(await attempt(portal, colleague.email, 'Wrong-password-3', shared))).toBe('THROTTLED');
    });
  });
});

/** The web app says how long to wait, in the GOV.UK error summary, rather than a fixed "15 minutes". */
describe('the sign-in page when attempts are throttled', () => {
  let portal: TestPortal;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '1', SIGN_IN_MAX_DELAY_SECONDS: '30' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('shows "Too many attempts. Try again in N seconds." in the error summary', async () => {
    // Someone has failed on this email ten times just now: the next attempt waits the cap, 30 s.
    await portal.db.query(
      `INSERT INTO sign_in_failures (email, address) SELECT $1, '192.0.2.9' FROM generate_series(1, 10)`,
      [ADMIN.email],
    );
    const page = await (await browser.newContext()).newPage();
    await page.goto(portal.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText(/^Too many attempts\. Try again in \d+ seconds\.$/).waitFor();
    expect(await page.evaluate(`!!document.activeElement?.closest('.govuk-error-summary')`)).toBe(true);
  }, 30_000);
});
