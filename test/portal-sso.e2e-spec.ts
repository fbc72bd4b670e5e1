import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectAccessible, launchBrowser } from './browser.js';
import { ADMIN, TestPortal } from './harness.js';
import { CLIENT, TestIdentityProvider } from './identity-provider.js';
import { Partnership } from './partnership.js';

describe('single sign-on in the portal, against the test’s own OpenID Connect provider', () => {
  let portal: TestPortal;
  let idp: TestIdentityProvider;
  let browser: Browser;
  let police: string;
  let council: string;

  /** A fresh browser profile; the provider's development pages ask a font from the internet, which is refused. */
  const context = async (): Promise<BrowserContext> => {
    const ctx = await browser.newContext();
    await ctx.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    return ctx;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start();
    idp = await TestIdentityProvider.start(`${portal.url}/auth/sso/callback`);
    const people = new Partnership(portal);
    police = await people.agency('Northshire Police', 'POLICE');
    council = await people.agency('Northshire Council', 'COUNCIL');
    const officer = await people.user(police, ['CASEWORKER'], 'officer');
    await portal.db.query(`UPDATE users SET email = 'pc.jones@police.example' WHERE id = $1`, [officer.id]);
    idp.accounts.set('jones', { email: 'pc.jones@police.example', email_verified: true, name: 'PC Jones' });
    await portal.ok(
      `mutation($id: ID!, $input: ConfigureIdentityProviderInput!) { configureIdentityProvider(agencyId: $id, input: $input) { issuer } }`,
      {
        id: police,
        input: {
          issuer: idp.issuer,
          clientId: CLIENT.id,
          clientSecret: CLIENT.secret,
          emailDomains: ['police.example'],
          createUsersOnFirstSignIn: false,
          defaultRole: 'CASEWORKER',
        },
      },
      await people.admin(),
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await idp?.close();
    await portal?.close();
  });

  it('signs an officer in with their force’s provider, the session handed over without a token in any URL', async () => {
    const page = await (await context()).newPage();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    await page.goto(portal.url);
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await expectAccessible(page, 'sign-in-with-provider');
    await page.getByRole('button', { name: 'Sign in with Northshire Police' }).click();
    await page.locator('input[name="login"]').fill('jones');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    const session = await page.evaluate(`JSON.parse(sessionStorage.getItem('portal.session'))`);
    expect((session as { user: { email: string } }).user.email).toBe('pc.jones@police.example');
    const token = (session as { token: string }).token;
    expect(visited.some((url) => url.includes(token))).toBe(false);
    expect(visited).toContain(`${portal.url}/?sso=complete`);
  });

  it('tells someone the provider vouched for but who has no account only that it did not work', async () => {
    idp.accounts.set('stranger', { email: 'stranger@police.example', email_verified: true });
    const page = await (await context()).newPage();
    await page.goto(portal.url);
    await page.getByRole('button', { name: 'Sign in with Northshire Police' }).click();
    await page.locator('input[name="login"]').fill('stranger');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Signing in through your organisation did not work').waitFor();
    await expectAccessible(page, 'sign-in-with-provider-failed');
  });

  it('lets the administrator set an agency’s provider from the administration page', async () => {
    const page = await (await context()).newPage();
    await page.goto(portal.url);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Single sign-on' }).waitFor();
    await page.getByText(`${portal.url}/auth/sso/callback`).waitFor();
    await page.getByLabel('Agency', { exact: true }).last().selectOption(council);
    await page.getByLabel('Issuer URL').fill(idp.issuer);
    await page.getByLabel('Client ID').fill(CLIENT.id);
    await page.getByLabel('Client secret').fill(CLIENT.secret);
    await page.getByLabel('Email domains').fill('council.example, council.example.org');
    await page.getByLabel(/Create an account at first sign-in/).check();
    await page.getByRole('button', { name: 'Save identity provider' }).click();
    await page.getByText("Northshire Council's staff can now sign in through their identity provider.").waitFor();
    await page.getByRole('cell', { name: 'council.example, council.example.org' }).waitFor();
    await expectAccessible(page, 'administration-single-sign-on');
    const { signInProviders } = await portal.ok(`query { signInProviders { agencyName } }`);
    expect(signInProviders.map((p: { agencyName: string }) => p.agencyName)).toEqual([
      'Northshire Council',
      'Northshire Police',
    ]);
  });

  it('lets the administrator ask everyone in an agency to set up a second factor, from the same page', async () => {
    const page = await (await context()).newPage();
    await page.goto(portal.url);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Northshire Council' }).last();
    await row.getByRole('button', { name: 'Ask everyone' }).click();
    await page.getByText('Everyone in Northshire Council will be asked to set up a second factor.').waitFor();
    await row.getByRole('cell', { name: 'Everyone', exact: true }).waitFor();
    await expectAccessible(page, 'administration-second-factor');
    const { agencies } = await portal.ok(
      `{ agencies { name secondFactorRequired } }`,
      {},
      await portal.login(ADMIN.email, ADMIN.password),
    );
    expect(agencies.find((a: { name: string }) => a.name === 'Northshire Council').secondFactorRequired).toBe(true);
  });
});
