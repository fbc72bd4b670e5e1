import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from './browser.js';
import { ADMIN, codeOf, type GraphQLResult, PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 16, item 2: a second factor (TOTP, RFC 6238) for local accounts. Each attack is sent as a client would
 * send it, over GraphQL, and the database is read afterwards.
 */
const LOGIN = `mutation($e: String!, $p: String!, $c: String) { login(email: $e, password: $p, code: $c) { accessToken } }`;
const BEGIN = `mutation { beginTotpEnrolment { secret otpauthUri qrCodeDataUrl } }`;
const CONFIRM = `mutation($c: String!) { confirmTotpEnrolment(code: $c) }`;
const DISABLE = `mutation($c: String!) { disableTotp(code: $c) }`;
const ME_MFA = `{ me { id mfa { enrolled required } } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STEP = 30;

/** Waits, if need be, until the current 30-second step has long enough left that a code made now is checked in it. */
async function wellInsideAStep(): Promise<void> {
  const into = (Date.now() / 1000) % STEP;
  if (into > STEP - 6) await sleep((STEP - into + 1) * 1000);
}

/** The code of the step `steps` away from now (0: the current one). */
const codeAt = (secret: string, steps: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * STEP });

const retryAfter = (result: GraphQLResult) => result.errors?.[0]?.extensions?.retryAfterSeconds as number | undefined;
const mfaRequired = (result: GraphQLResult) => result.errors?.[0]?.extensions?.mfaRequired === true;

describe('a second factor for local accounts', () => {
  let portal: TestPortal;
  let people: Partnership;
  let agency: string;

  beforeAll(async () => {
    portal = await TestPortal.start({
      MFA_ENROLMENT_REQUIRED: 'true',
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3',
      SIGN_IN_MAX_DELAY_SECONDS: '30',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000',
    });
    people = new Partnership(portal);
    agency = await people.agency('Second Factor Council', 'COUNCIL');
  });
  afterAll(() => portal.close());

  const login = (email: string, password: string, code?: string) =>
    portal.gql<{ login: { accessToken: string } }>(LOGIN, { e: email, p: password, c: code ?? null });

  /** Enrols the persona, confirming with the code of `confirmStep` (0: now); the secret and the recovery codes. */
  async function enrol(person: Persona, confirmStep = 0): Promise<{ secret: string; recovery: string[] }> {
    await wellInsideAStep();
    const { beginTotpEnrolment } = await portal.ok(BEGIN, {}, person.token);
    const secret = beginTotpEnrolment.secret as string;
    const { confirmTotpEnrolment } = await portal.ok(CONFIRM, { c: await codeAt(secret, confirmStep) }, person.token);
    return { secret, recovery: confirmTotpEnrolment };
  }

  const failures = async (email: string) =>
    (await portal.db.query(`SELECT count(*)::int AS n FROM sign_in_failures WHERE email = $1`, [email])).rows[0]
      .n as number;
  const forgetFailures = (email: string) => portal.db.query(`DELETE FROM sign_in_failures WHERE email = $1`, [email]);

  it('enrols with a QR code drawn by the server, then asks for a code at sign-in, and a code gets in', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'enrolling');
    await wellInsideAStep();
    const { beginTotpEnrolment: begun } = await portal.ok(BEGIN, {}, officer.token);
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.otpauthUri).toContain(`secret=${begun.secret}`);
    expect(begun.otpauthUri).toMatch(/^otpauth:\/\/totp\/Partnership%20portal:/);
    expect(begun.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(begun.qrCodeDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    // Pending: sign-in does not ask for a code yet.
    expect((await login(officer.email, PASSWORD)).data?.login.accessToken).toEqual(expect.any(String));
    expect((await portal.ok(ME_MFA, {}, officer.token)).me.mfa).toEqual({ enrolled: false, required: false });

    const { confirmTotpEnrolment: recovery } = await portal.ok(
      CONFIRM,
      { c: await codeAt(begun.secret, 0) },
      officer.token,
    );
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect((await portal.ok(ME_MFA, {}, officer.token)).me.mfa).toEqual({ enrolled: true, required: false });

    const bare = await login(officer.email, PASSWORD);
    expect(codeOf(bare)).toBe('UNAUTHENTICATED');
    expect(mfaRequired(bare)).toBe(true);
    expect(bare.data).toBeNull();
    // The code of the next step (the server's clock a little behind the phone's) gets in.
    await wellInsideAStep();
    const withCode = await login(officer.email, PASSWORD, await codeAt(begun.secret, 1));
    expect(withCode.data?.login.accessToken).toEqual(expect.any(String));
  }, 60_000);

  it('tells a right password without a code from a wrong one by extensions.mfaRequired alone', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'quiet');
    await enrol(officer);
    await forgetFailures(officer.email);
    const wrongPassword = await login(officer.email, 'Wrong-password-123');
    const wrongPasswordWithCode = await login(officer.email, 'Wrong-password-123', '123456');
    const rightPassword = await login(officer.email, PASSWORD);
    // A wrong password with a code is the plain wrong password: the code is not even looked at.
    expect(wrongPasswordWithCode).toEqual(wrongPassword);
    expect(wrongPassword.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(rightPassword.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', mfaRequired: true });
    expect(rightPassword.data).toEqual(wrongPassword.data);
    // And the throttle counts it like a wrong password: knowing the password does not reset anyone's count.
    expect(await failures(officer.email)).toBe(3);
  }, 60_000);

  it('refuses a code replayed in its step, and an older step once a later one was used', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'replayed');
    const { secret } = await enrol(officer, -1);
    await wellInsideAStep();
    const now = await codeAt(secret, 0);
    expect((await login(officer.email, PASSWORD, now)).data?.login.accessToken).toEqual(expect.any(String));
    const replay = await login(officer.email, PASSWORD, now);
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(mfaRequired(replay)).toBe(true);
    expect(replay.data).toBeNull();
    // The code of the step before, still inside the window, is refused too: that step is behind the one used.
    await forgetFailures(officer.email);
    expect(mfaRequired(await login(officer.email, PASSWORD, await codeAt(secret, -1)))).toBe(true);
    const { rows } = await portal.db.query(
      `SELECT last_used_step::text AS step FROM totp_enrolments WHERE user_id = $1`,
      [officer.id],
    );
    expect(Number(rows[0].step)).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000 / STEP) - 1);
  }, 60_000);

  it('accepts one step either side of the server’s clock and no further', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'drifting');
    const { secret } = await enrol(officer, -1);
    await wellInsideAStep();
    for (const steps of [-2, 2, -3, 3, -10]) {
      await forgetFailures(officer.email);
      const result = await login(officer.email, PASSWORD, await codeAt(secret, steps));
      expect({ steps, refused: mfaRequired(result) && result.data === null }).toEqual({ steps, refused: true });
    }
    await forgetFailures(officer.email);
    expect((await login(officer.email, PASSWORD, await codeAt(secret, 1))).data?.login.accessToken).toEqual(
      expect.any(String),
    );
  }, 60_000);

  it('lets each recovery code in once, however it is typed, and keeps only digests of them', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'recovering');
    const { recovery } = await enrol(officer);
    const [first, second] = recovery;
    expect((await login(officer.email, PASSWORD, first)).data?.login.accessToken).toEqual(expect.any(String));
    const again = await login(officer.email, PASSWORD, first);
    expect(codeOf(again)).toBe('UNAUTHENTICATED');
    expect(mfaRequired(again)).toBe(true);
    // Typed in capitals with a space rather than the hyphen: still the same code, once.
    const typed = second.toUpperCase().replace('-', ' ');
    expect((await login(officer.email, PASSWORD, typed)).data?.login.accessToken).toEqual(expect.any(String));
    expect(mfaRequired(await login(officer.email, PASSWORD, second))).toBe(true);
    const { rows } = await portal.db.query(
      `SELECT code_digest, used_at IS NOT NULL AS used FROM totp_recovery_codes WHERE user_id = $1`,
      [officer.id],
    );
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.used)).toHaveLength(2);
    const stored = JSON.stringify(rows);
    for (const code of recovery) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
  }, 60_000);

  it('makes a guesser of codes wait like a guesser of passwords, even with the right password and the right code', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'guessed');
    const { secret } = await enrol(officer);
    await forgetFailures(officer.email);
    for (const guess of ['000000', '111111', '222222'])
      expect(mfaRequired(await login(officer.email, PASSWORD, guess))).toBe(true);
    await wellInsideAStep();
    const throttled = await login(officer.email, PASSWORD, await codeAt(secret, 0));
    expect(codeOf(throttled)).toBe('UNAUTHENTICATED');
    expect(retryAfter(throttled)).toBeGreaterThanOrEqual(1);
    expect(throttled.data).toBeNull();
    expect(await failures(officer.email)).toBe(3);
  }, 60_000);

  it('throttles guessing a code to turn the second factor off with a stolen session', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'stolen');
    const { secret } = await enrol(officer);
    await forgetFailures(officer.email);
    // A slip (too short, not a recovery code's letters) is refused without counting: it is no guess.
    for (const slip of ['12345', 'not-a-code!'])
      expect((await portal.gql(DISABLE, { c: slip }, officer.token)).errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'code',
      });
    expect(await failures(officer.email)).toBe(0);
    for (const guess of ['000000', '111111', '222222']) {
      const result = await portal.gql(DISABLE, { c: guess }, officer.token);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    }
    await wellInsideAStep();
    const throttled = await portal.gql(DISABLE, { c: await codeAt(secret, 0) }, officer.token);
    expect(retryAfter(throttled)).toBeGreaterThanOrEqual(1);
    expect((await portal.ok(ME_MFA, {}, officer.token)).me.mfa.enrolled).toBe(true);
    // After the wait, the owner turns it off with a right code.
    await forgetFailures(officer.email);
    await wellInsideAStep();
    expect((await portal.ok(DISABLE, { c: await codeAt(secret, 1) }, officer.token)).disableTotp).toBe(true);
    expect((await portal.ok(ME_MFA, {}, officer.token)).me.mfa.enrolled).toBe(false);
    const left = await portal.db.query(
      `SELECT (SELECT count(*) FROM totp_enrolments WHERE user_id = $1)::int + (SELECT count(*) FROM totp_recovery_codes WHERE user_id = $1)::int AS n`,
      [officer.id],
    );
    expect(left.rows[0].n).toBe(0);
    expect((await login(officer.email, PASSWORD)).data?.login.accessToken).toEqual(expect.any(String));
  }, 60_000);

  it('never lets one user confirm or turn off another user’s second factor', async () => {
    const victim = await people.user(agency, ['CASEWORKER'], 'victim');
    const other = await people.user(agency, ['CASEWORKER'], 'other');
    await wellInsideAStep();
    const { beginTotpEnrolment: pending } = await portal.ok(BEGIN, {}, victim.token);
    const victimsCode = await codeAt(pending.secret, 0);
    // The other user has nothing pending: the victim's code confirms nothing of theirs, nor of the victim's.
    expect(codeOf(await portal.gql(CONFIRM, { c: victimsCode }, other.token))).toBe('CONFLICT');
    await portal.ok(BEGIN, {}, other.token);
    expect(codeOf(await portal.gql(CONFIRM, { c: victimsCode }, other.token))).toBe('BAD_USER_INPUT');
    const { rows } = await portal.db.query(
      `SELECT user_id, confirmed_at FROM totp_enrolments WHERE user_id = ANY($1::uuid[])`,
      [[victim.id, other.id]],
    );
    expect(rows.map((r) => r.confirmed_at)).toEqual([null, null]);
    // Once the victim is enrolled, the other user cannot turn it off with the victim's codes either.
    const { recovery } = await enrol(victim);
    const [disableTotp] = [await portal.gql(DISABLE, { c: recovery[0] }, other.token)];
    expect(codeOf(disableTotp)).toBe('CONFLICT');
    expect((await portal.ok(ME_MFA, {}, victim.token)).me.mfa.enrolled).toBe(true);
    // And nobody reads another user's second factor.
    const admin = await people.admin();
    const { users } = await portal.ok(`{ users { id mfa { enrolled } } }`, {}, admin);
    expect(users.find((u: { id: string }) => u.id === victim.id).mfa).toBeNull();
  }, 60_000);

  it('never answers the secret again once enrolment has begun, and keeps it sealed at rest', async () => {
    const officer = await people.user(agency, ['CASEWORKER'], 'sealed');
    const { secret, recovery } = await enrol(officer);
    const seen: unknown[] = [];
    seen.push(await portal.gql(ME_MFA, {}, officer.token));
    seen.push(await portal.gql(BEGIN, {}, officer.token));
    seen.push(await portal.gql(CONFIRM, { c: '123456' }, officer.token));
    seen.push(await login(officer.email, PASSWORD));
    seen.push(await login(officer.email, PASSWORD, recovery[0]));
    seen.push(await portal.gql(`{ me { id email displayName roles agency { id name } } }`, {}, officer.token));
    expect(codeOf(seen[1] as GraphQLResult)).toBe('CONFLICT');
    const text = JSON.stringify(seen);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.toLowerCase());
    const { rows } = await portal.db.query(`SELECT * FROM totp_enrolments WHERE user_id = $1`, [officer.id]);
    expect(JSON.stringify(rows)).not.toContain(secret);
    // A sealed secret copied onto another user's row opens for nobody.
    const thief = await people.user(agency, ['CASEWORKER'], 'thief');
    await portal.db.query(`INSERT INTO totp_enrolments (user_id, secret_sealed, confirmed_at) VALUES ($1, $2, now())`, [
      thief.id,
      rows[0].secret_sealed,
    ]);
    await wellInsideAStep();
    expect(mfaRequired(await login(thief.email, PASSWORD, await codeAt(secret, 0)))).toBe(true);
  }, 60_000);

  it('expects a second factor of administrators and managers, and of everyone where the agency says so, without refusing a password-only sign-in', async () => {
    const manager = await people.user(agency, ['MANAGER'], 'manager');
    const caseworker = await people.user(agency, ['CASEWORKER'], 'caseworker');
    const admin = await people.admin();
    expect((await portal.ok(ME_MFA, {}, admin)).me.mfa).toEqual({ enrolled: false, required: true });
    expect((await portal.ok(ME_MFA, {}, manager.token)).me.mfa).toEqual({ enrolled: false, required: true });
    expect((await portal.ok(ME_MFA, {}, caseworker.token)).me.mfa).toEqual({ enrolled: false, required: false });
    // Existing clients keep signing in as these users with a password alone.
    expect((await login(ADMIN.email, ADMIN.password)).data?.login.accessToken).toEqual(expect.any(String));
    expect((await login(manager.email, PASSWORD)).data?.login.accessToken).toEqual(expect.any(String));
    // A code sent for an account without a second factor changes nothing.
    expect((await login(caseworker.email, PASSWORD, '000000')).data?.login.accessToken).toEqual(expect.any(String));

    const set = `mutation($a: ID!, $r: Boolean!) { setAgencyMfaRequired(agencyId: $a, required: $r) }`;
    expect(codeOf(await portal.gql(set, { a: agency, r: true }, manager.token))).toBe('FORBIDDEN');
    expect((await portal.ok(set, { a: agency, r: true }, admin)).setAgencyMfaRequired).toBe(true);
    expect((await portal.ok(ME_MFA, {}, caseworker.token)).me.mfa).toEqual({ enrolled: false, required: true });
    // The setting as administrators read it (the web app's Administration page); nobody else reads it.
    const REQUIRED = `{ agencies { id secondFactorRequired } }`;
    const required = (answer: { agencies: { id: string; secondFactorRequired: boolean | null }[] }) =>
      answer.agencies.map((a) => [a.id === agency, a.secondFactorRequired]);
    expect(required(await portal.ok(REQUIRED, {}, admin))).toEqual(
      expect.arrayContaining([
        [true, true],
        [false, false],
      ]),
    );
    expect(new Set(required(await portal.ok(REQUIRED, {}, manager.token)).map(([, r]) => r))).toEqual(new Set([null]));
    expect(codeOf(await portal.gql(set, { a: '00000000-0000-4000-8000-000000000000', r: true }, admin))).toBe(
      'NOT_FOUND',
    );
    const { administrationLog } = await portal.ok(
      `query($a: ID) { administrationLog(agencyId: $a, first: 1) { edges { node { action detail } } } }`,
      { a: agency },
      admin,
    );
    expect(administrationLog.edges[0].node).toEqual({
      action: 'MFA_REQUIREMENT_CHANGED',
      detail: 'Required a second factor of everyone in Second Factor Council',
    });
    await portal.ok(set, { a: agency, r: false }, admin);
    expect((await portal.ok(ME_MFA, {}, caseworker.token)).me.mfa.required).toBe(false);
  }, 60_000);
});

describe('with MFA_ENROLMENT_REQUIRED=false', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await TestPortal.start({ MFA_ENROLMENT_REQUIRED: 'false' });
  });
  afterAll(() => portal.close());

  it('asks no one to set up a second factor, administrators included', async () => {
    const admin = await portal.login(ADMIN.email, ADMIN.password);
    expect((await portal.ok(ME_MFA, {}, admin)).me.mfa).toEqual({ enrolled: false, required: false });
  });
});

/**
 * In the browser: a manager (who must have a second factor) is sent to set one up before anything else, keeps the
 * recovery codes, then signs in with a code from the app, and with a recovery code.
 */
describe('the second factor in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let manager: Persona;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ MFA_ENROLMENT_REQUIRED: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    manager = await people.user(await people.agency('Browser Homes', 'LANDLORD'), ['CASEWORKER', 'MANAGER'], 'mgr');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function signInWithPassword(page: Page): Promise<void> {
    await page.goto(portal.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(manager.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  it('enrols a manager before anything else, then asks for a code, and takes a recovery code once', async () => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signInWithPassword(page);
    // Straight to the set-up, whatever page was asked for.
    await page.getByRole('heading', { name: 'Set up a second factor' }).waitFor();
    await page.goto(`${portal.url}/cases`);
    await page.getByRole('heading', { name: 'Set up a second factor' }).waitFor();
    await page.getByRole('button', { name: 'Set up a second factor' }).click();
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    await page.getByText('I cannot scan the QR code').click();
    const secret = (await page.locator('#manual-key').getAttribute('data-key'))!;
    expect((await page.locator('#manual-key').textContent())!.replace(/\s/g, '')).toBe(secret);
    await expectAccessible(page, 'second-factor-set-up');

    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Turn on second factor' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/that one is wrong or has expired/)
      .waitFor();
    await wellInsideAStep();
    await page.getByLabel('6-digit code').fill(await codeAt(secret, 0));
    await page.getByRole('button', { name: 'Turn on second factor' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const recovery = await page.getByRole('list', { name: 'Recovery codes' }).locator('code').allTextContents();
    expect(recovery).toHaveLength(10);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download codes' }).click();
    expect((await download).suggestedFilename()).toBe('recovery-codes.txt');
    await expectAccessible(page, 'second-factor-recovery-codes');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await signOut(page);

    // The password alone now leads to the code.
    await signInWithPassword(page);
    await page.getByLabel('Code from your authenticator app').waitFor();
    await expectAccessible(page, 'second-factor-sign-in');
    await page.getByLabel('Code from your authenticator app').fill('123456');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/Enter a correct code/)
      .waitFor();
    await wellInsideAStep();
    await page.getByLabel('Code from your authenticator app').fill(await codeAt(secret, 1));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await signOut(page);

    // A recovery code instead of the app, once.
    await signInWithPassword(page);
    await page.getByLabel('Code from your authenticator app').fill(recovery[3]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await signOut(page);
    await signInWithPassword(page);
    await page.getByLabel('Code from your authenticator app').fill(recovery[3]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/Enter a correct code/)
      .waitFor();
  }, 120_000);
});
