import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/** Issue 17, item 4: a user chooses their email notifications in the portal, and they stay chosen. */
describe('email notifications in the browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let officer: Persona;

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    officer = await people.user(await people.agency('Browser Police', 'POLICE'), ['CASEWORKER'], 'officer');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('an officer turns incident emails to immediate and moves the digest, from their account page, and sees it after reload', async () => {
    const page = await signInPage(browser, portal.url, officer.email, PASSWORD);
    await page.goto(`${portal.url}/account`);
    await page.getByRole('link', { name: 'Change your email notifications' }).click();
    await page.getByRole('heading', { name: 'Email notifications' }).waitFor();

    const incidents = page.getByRole('group', { name: 'Incident logged' });
    const risk = page.getByRole('group', { name: 'Risk escalated' });
    // The defaults: incidents in the digest, escalations at once.
    await expect(incidents.getByRole('radio', { name: 'Daily digest' }).isChecked()).resolves.toBe(true);
    await expect(risk.getByRole('radio', { name: 'Immediately' }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'notifications-preferences');

    await incidents.getByRole('radio', { name: 'Immediately' }).check();
    await page.getByRole('group', { name: 'Case updated' }).getByRole('radio', { name: 'Off' }).check();
    await page.getByLabel('Hour').selectOption('17');
    await page.getByLabel('Minute').selectOption('45');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your email notifications have been saved.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Email notifications' }).waitFor();
    await page.getByRole('group', { name: 'Incident logged' }).waitFor();
    await expect(
      page.getByRole('group', { name: 'Incident logged' }).getByRole('radio', { name: 'Immediately' }).isChecked(),
    ).resolves.toBe(true);
    await expect(
      page.getByRole('group', { name: 'Case updated' }).getByRole('radio', { name: 'Off' }).isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByLabel('Hour').inputValue()).resolves.toBe('17');
    await expect(page.getByLabel('Minute').inputValue()).resolves.toBe('45');
    // And the API agrees.
    const { notificationPreferences } = await portal.ok(
      `query { notificationPreferences { digestHour digestMinute kinds { kind delivery } } }`,
      {},
      officer.token,
    );
    expect([notificationPreferences.digestHour, notificationPreferences.digestMinute]).toEqual([17, 45]);
  });
});
