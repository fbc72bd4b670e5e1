import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { codeOf, PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 16, item 5, in the browser: a manager makes a key for their agency's case system, sees it once with a
 * copy button, and revokes it; the key works against the API until then and is refused after.
 */
describe('partner system keys in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let manager: Persona;
  let officer: Persona;

  const signIn = (email: string): Promise<Page> =>
    signInPage(browser, portal.url, email, PASSWORD, { permissions: ['clipboard-read', 'clipboard-write'] });

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const police = await people.agency('Browser Constabulary', 'POLICE');
    manager = await people.user(police, ['MANAGER'], 'keys-manager');
    officer = await people.user(police, ['CASEWORKER'], 'keys-officer');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('lets a manager make a key, shown once with a copy button, and revoke it', async () => {
    const page = await signIn(manager.email);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'System keys' }).click();
    await page.getByRole('heading', { name: 'Partner system keys' }).waitFor();
    await page.getByText('Your agency has no keys yet.').waitFor();
    await expectAccessible(page, 'api-keys');

    await page.getByLabel('Name').fill('Niche records system');
    await page.getByLabel(/^Read only/).check();
    await page.getByRole('button', { name: 'Make the key' }).click();
    await page.getByText('Copy the key “Niche records system” now').waitFor();
    const key = await page.getByLabel('The key').inputValue();
    expect(key).toMatch(/^asbp_/);
    await page.getByRole('button', { name: 'Copy the key' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(key);
    await page.getByRole('rowheader', { name: 'Niche records system' }).waitFor();
    await expectAccessible(page, 'api-key-made');
    expect((await portal.ok(`{ me { agency { name } } }`, {}, key)).me.agency.name).toBe('Browser Constabulary');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke Niche records system' }).click();
    await page.getByText('The key “Niche records system” is revoked.').waitFor();
    await page.getByText(/^Revoked /).waitFor();
    expect(codeOf(await portal.gql(`{ me { id } }`, {}, key))).toBe('UNAUTHENTICATED');
    // Reloaded, the key itself is nowhere on the page.
    await page.reload();
    await page.getByRole('heading', { name: 'Partner system keys' }).waitFor();
    expect(await page.content()).not.toContain(key);
  });

  it('offers a caseworker no keys', async () => {
    const page = await signIn(officer.email);
    const nav = page.getByRole('navigation', { name: 'Primary' });
    expect(await nav.getByRole('link', { name: 'System keys' }).count()).toBe(0);
    await page.goto(`${portal.url}/keys`);
    await page.getByText('Only your agency’s managers can make and revoke keys').waitFor();
  });
});
