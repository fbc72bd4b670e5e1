import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const INCIDENT = `mutation($c: ID!, $d: String!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: $d }) { id } }`;

/**
 * Issue 17, item 2, in the browser: alerts arrive in a partner's inbox, the officer reads one and reloads, and the
 * inbox and its read state are still there (kept on the server); a second window's badge drops when the first
 * marks everything read.
 */
describe('the alert inbox in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let owner: Persona;
  let officer: Persona;
  let caseId: string;
  let reference: string;

  const signIn = (email: string): Promise<Page> => signInPage(browser, portal.url, email, PASSWORD);
  const badge = (page: Page, count: number) =>
    page.getByRole('banner').getByRole('link', { name: `Alerts ${count}`, exact: true });
  const alerts = (page: Page) => page.getByRole('list', { name: 'Alerts, newest first' }).getByRole('listitem');

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    const landlord = await people.agency('Inbox Browser Homes', 'LANDLORD');
    const police = await people.agency('Inbox Browser Police', 'POLICE');
    owner = await people.user(landlord, ['CASEWORKER'], 'inbox-owner');
    officer = await people.user(police, ['CASEWORKER'], 'inbox-officer');
    await people.user(police, ['CASEWORKER'], 'inbox-colleague');
    ({ id: caseId, reference } = (
      await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`,
        {
          input: {
            category: 'NOISE',
            summary: 'Browser inbox: music at night',
            ward: 'Riverside',
            riskLevel: 'MEDIUM',
          },
        },
        owner.token,
      )
    ).createCase);
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Information-sharing protocol") { id } }`,
      { c: caseId, a: police },
      owner.token,
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('keeps the inbox and its read state across a reload, and a second window’s badge follows "mark all read"', async () => {
    const page = await signIn(officer.email);
    await page
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: /Alerts/ })
      .click();
    await page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
    await alerts(page).first().waitFor();
    expect(await alerts(page).count()).toBe(1); // the share

    await portal.ok(INCIDENT, { c: caseId, d: 'Loud music at 23:00' }, owner.token);
    await portal.ok(INCIDENT, { c: caseId, d: 'Loud music again at 01:00' }, owner.token);
    await page.getByText('3 unread of 3 alerts').waitFor({ timeout: 10_000 });
    await badge(page, 3).waitFor();
    await alerts(page).nth(2).waitFor();

    await page
      .getByRole('button', { name: /^Mark as read\W+Incident logged/ })
      .first()
      .click();
    await page.getByText('2 unread of 3 alerts').waitFor();
    await badge(page, 2).waitFor();
    await page
      .getByRole('button', { name: /^Assign to me\W+Incident logged/ })
      .first()
      .click();
    await page.getByText('Assigned to you').waitFor();
    await expectAccessible(page, 'alert-inbox');

    await page.reload();
    await page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
    await page.getByText('2 unread of 3 alerts').waitFor();
    expect(await alerts(page).count()).toBe(3);
    expect(await page.getByText('New', { exact: true }).count()).toBe(2);
    await badge(page, 2).waitFor();

    await page.getByLabel('Assigned to me').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('0 unread of 1 alert matching the filter').waitFor();
    expect(await alerts(page).count()).toBe(1);
    await page.getByLabel('Assigned to me').uncheck();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('2 unread of 3 alerts').waitFor();

    const other = await signIn(officer.email);
    await badge(other, 2).waitFor();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('0 unread of 3 alerts').waitFor();
    await badge(other, 0).waitFor({ timeout: 10_000 });
    await badge(page, 0).waitFor();

    // Opening a case from the inbox reads its alert.
    await portal.ok(INCIDENT, { c: caseId, d: 'Shouting at 02:00' }, owner.token);
    await badge(other, 1).waitFor({ timeout: 10_000 });
    await page.getByText('1 unread of 4 alerts').waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: reference }).first().click();
    await page.getByRole('heading', { name: reference }).waitFor();
    await badge(other, 0).waitFor({ timeout: 10_000 });
  });
});
