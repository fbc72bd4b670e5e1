import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { ADMIN, PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 16, item 4, in the browser: an agency's administrator manages their own agency's users on the Users page
 * (and sees no other agency's); a partnership administrator approves another's request to give ADMIN there.
 */
describe('agency administrators in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let policeAdmin: Persona;
  let officer: Persona;
  let landlordOfficer: Persona;
  let secondAdmin: Persona;

  const signIn = (email: string, password = PASSWORD): Promise<Page> =>
    signInPage(browser, portal.url, email, password);

  const rolesOf = async (id: string) =>
    (await portal.db.query(`SELECT roles FROM users WHERE id = $1`, [id])).rows[0].roles as string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ ADMIN_GRANT_APPROVAL: 'true' });
    const people = new Partnership(portal);
    const police = await people.agency('Browser Admin Constabulary', 'POLICE');
    const landlord = await people.agency('Browser Admin Homes', 'LANDLORD');
    policeAdmin = await people.user(police, ['AGENCY_ADMIN'], 'browser-police-admin');
    officer = await people.user(police, ['CASEWORKER'], 'browser-officer');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'browser-landlord-officer');
    secondAdmin = await people.user(police, ['ADMIN', 'CASEWORKER'], 'browser-second-admin');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('lets an agency administrator change a colleague’s roles, reset their second factor and invite, in their agency only', async () => {
    const page = await signIn(policeAdmin.email);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    const row = page.getByRole('row', { name: /browser-officer/ });
    await row.waitFor();
    expect(await page.getByText(landlordOfficer.email).count()).toBe(0);
    // A partnership administrator in their agency is not theirs to manage: no button.
    const adminRow = page.getByRole('row', { name: /browser-second-admin/ });
    expect(await adminRow.getByRole('button', { name: 'Manage' }).count()).toBe(0);
    await expectAccessible(page, 'agency-users');

    await row.getByRole('button', { name: 'Manage' }).click();
    await page.getByRole('heading', { name: /^Manage browser-officer/ }).waitFor();
    // ADMIN and AGENCY_ADMIN are not theirs to give: not offered.
    expect(await page.getByLabel('Agency admin').count()).toBe(0);
    expect(await page.getByLabel('Admin', { exact: true }).count()).toBe(0);
    const manage = page.locator('section', { has: page.getByRole('heading', { name: /^Manage / }) });
    await manage.getByLabel('Manager').check();
    await manage.getByLabel('Caseworker').uncheck();
    await page.getByRole('button', { name: 'Save roles' }).click();
    await page.getByText(/roles are now Manager/).waitFor();
    expect(await rolesOf(officer.id)).toEqual(['MANAGER']);

    await page.getByRole('button', { name: 'Reset second factor' }).click();
    await page.getByText(/had no second factor set up/).waitFor();

    const invite = page.locator('section', { has: page.getByRole('heading', { name: 'Invite a user' }) });
    await invite.getByLabel('Email address').fill('browser-invited@partnership.test');
    await invite.getByLabel('Display name').fill('Browser Invited');
    await invite.getByLabel('Caseworker').check();
    await page.getByRole('button', { name: 'Invite user' }).click();
    await page.getByText('Browser Invited was invited').waitFor();
    const { rows } = await portal.db.query(
      `SELECT a.name, u.roles FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.email = 'browser-invited@partnership.test'`,
    );
    expect(rows).toEqual([{ name: 'Browser Admin Constabulary', roles: ['CASEWORKER'] }]);
    await expectAccessible(page, 'agency-users-managed');
  });

  it('shows a partnership administrator another’s request for ADMIN, to approve', async () => {
    await portal.ok(
      `mutation($id: ID!) { setUserRoles(userId: $id, roles: [MANAGER, ADMIN]) { roles } }`,
      { id: officer.id },
      secondAdmin.token,
    );
    expect(await rolesOf(officer.id)).toEqual(['MANAGER']);
    const page = await signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Users' }).click();
    const grants = page.getByRole('table', { name: /Waiting for a second administrator/ });
    await grants.waitFor();
    await expectAccessible(page, 'admin-grants');
    await grants.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/is now an administrator/).waitFor();
    expect((await rolesOf(officer.id)).sort()).toEqual(['ADMIN', 'MANAGER']);
  });
});
