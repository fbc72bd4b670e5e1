import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from './browser.js';
import { ADMIN, PASSWORD, TestPortal } from './harness.js';
import { Mailbox, type ReceivedMail } from './mailbox.js';
import { Partnership } from './partnership.js';

const NEW_PASSWORD = 'Kettle-lantern-orchard-58';

/** The path and fragment of the link a mail carries, opened on this test's portal whatever PUBLIC_URL says. */
function linkIn(mail: ReceivedMail, page: 'invitation' | 'reset-password'): string {
  const match = new RegExp(`https?://\\S+?/${page}#token=[A-Za-z0-9_-]+`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in: ${mail.text}`);
  return new URL(match[0]).pathname + new URL(match[0]).hash;
}

describe('invitations, password resets and password changes in the browser (issue 16, item 3)', () => {
  let mailbox: Mailbox;
  let portal: TestPortal;
  let browser: Browser;
  let police: string;

  const newPage = async () => (await browser.newContext()).newPage();

  async function signIn(page: Page, email: string, password: string, home = 'My work'): Promise<void> {
    await page.goto(portal.url);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: home }).waitFor();
  }

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    portal = await TestPortal.start({ SMTP_URL: mailbox.url });
    police = await new Partnership(portal).agency('Browser Police', 'POLICE');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await mailbox?.close();
  });

  it('an administrator invites an officer, who sets their own password from the emailed link and signs in', async () => {
    const admin = await newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto(`${portal.url}/admin`);
    await admin.locator('#user-email').waitFor();
    await admin.locator('#user-email').fill('invited.officer@police.test');
    await admin.locator('#user-name').fill('Invited Officer');
    await admin.locator('#user-agency').selectOption(police);
    await admin.getByRole('checkbox', { name: 'Caseworker' }).check();
    await expect(admin.getByRole('radio', { name: 'Email them an invitation' }).isChecked()).resolves.toBe(true);
    await admin.getByRole('button', { name: 'Invite user' }).click();
    await admin.getByText('Invited Officer was invited').waitFor();

    const [mail] = await mailbox.waitFor('invited.officer@police.test');
    const officer = await newPage();
    await officer.goto(portal.url + linkIn(mail, 'invitation'));
    await officer.getByRole('heading', { name: 'Set your password' }).waitFor();
    // The token leaves the address bar once read.
    expect(new URL(officer.url()).hash).toBe('');
    await expectAccessible(officer, 'accounts-set-password');
    await officer.getByLabel('New password', { exact: true }).fill('password123456');
    await officer.getByLabel('Confirm the new password').fill('password123456');
    await officer.getByRole('button', { name: 'Set password' }).click();
    await officer
      .getByRole('link', { name: 'This password is one of the most commonly used: choose another' })
      .waitFor();
    await officer.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await officer.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
    await officer.getByRole('button', { name: 'Set password' }).click();
    await officer.getByText('Your password is set.').waitFor();
    await officer.getByLabel('Email address').fill('invited.officer@police.test');
    await officer.getByLabel('Password').fill(NEW_PASSWORD);
    await officer.getByRole('button', { name: 'Sign in' }).click();
    await officer.getByRole('heading', { name: 'My work' }).waitFor();

    // The same link again is refused, saying what to do.
    const again = await newPage();
    await again.goto(portal.url + linkIn(mail, 'invitation'));
    await again.getByLabel('New password', { exact: true }).fill('Another-new-password-77');
    await again.getByLabel('Confirm the new password').fill('Another-new-password-77');
    await again.getByRole('button', { name: 'Set password' }).click();
    await again.getByRole('heading', { name: 'This link does not work' }).waitFor();
  });

  it('an officer who forgot their password asks for a link from the sign-in page and chooses a new one', async () => {
    const people = new Partnership(portal);
    const officer = await people.user(police, ['CASEWORKER'], 'forgetful');
    const page = await newPage();
    await page.goto(portal.url);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await expectAccessible(page, 'accounts-forgot-password');
    await page.getByLabel('Email address').fill(officer.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    const [mail] = await mailbox.waitFor(officer.email);
    await page.goto(portal.url + linkIn(mail, 'reset-password'));
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed and you have been signed out everywhere.').waitFor();
    // The session the officer held before the reset is over.
    expect((await portal.gql(`{ me { id } }`, {}, officer.token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    await signIn(page, officer.email, NEW_PASSWORD);
  });

  it('a signed-in officer changes their password on their account page', async () => {
    const officer = await new Partnership(portal).user(police, ['CASEWORKER'], 'changer');
    const page = await newPage();
    await signIn(page, officer.email, PASSWORD);
    await page.goto(`${portal.url}/account`);
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current password').fill('Not-my-password-12');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('link', { name: 'Your current password is not right' }).waitFor();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed.').waitFor();
    await expectAccessible(page, 'accounts-change-password');
    // Still signed in here; another device is not.
    expect((await portal.gql(`{ me { id } }`, {}, officer.token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
  });
});
