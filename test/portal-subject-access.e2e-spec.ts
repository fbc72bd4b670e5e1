import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 18, item 4, in the browser: a manager finds a person on one of the agency's cases, records a subject
 * access request, sees its one-month due date and downloads the person's record as JSON, third parties redacted;
 * a caseworker is told the page is for managers. Each screen is scanned with axe-core.
 */
describe('subject access requests in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let manager: Persona;
  let caseworker: Persona;

  const signIn = (who: Persona): Promise<Page> =>
    signInPage(browser, portal.url, who.email, PASSWORD, { acceptDownloads: true });

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Browser SAR Homes', 'LANDLORD');
    manager = await people.user(landlord, ['MANAGER'], 'sar-manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'sar-caseworker');
    await portal.ok(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
      {
        input: {
          category: 'NOISE',
          summary: 'Parties every weekend',
          ward: 'Kingsmead',
          riskLevel: 'STANDARD',
          parties: [
            { role: 'COMPLAINANT', fullName: 'Robin Requester', dateOfBirth: '1979-03-31', phone: '07700 900111' },
            { role: 'SUBJECT', fullName: 'Pat Partygoer', phone: '07700 900222', address: '3 Loud Lane' },
          ],
        },
      },
      caseworker.token,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('a manager records a request from a person on a case, sees it due in a month, and downloads the record as JSON', async () => {
    const page = await signIn(manager);
    await page.getByRole('link', { name: 'Subject access' }).click();
    await page.getByRole('heading', { name: 'Subject access requests', level: 1 }).waitFor();
    await expectAccessible(page, 'subject-access-empty');

    await page.getByRole('button', { name: 'Record request' }).click();
    await page.getByRole('link', { name: 'Choose the person the request is about' }).waitFor();
    await expectAccessible(page, 'subject-access-errors');

    await page.getByLabel('Find the person').fill('Robin Requester');
    await page.getByRole('button', { name: 'Search your agency’s cases' }).click();
    await page.getByLabel(/^Robin Requester, born 31 Mar 1979 — Complainant on /).check();
    await page.getByLabel('Your reference').fill('SAR-BROWSER-1');
    await page.getByLabel('Date received').fill('2026-01-31');
    await page.getByRole('button', { name: 'Record request' }).click();
    await page.getByText('Request SAR-BROWSER-1 recorded. It is due by 28 Feb 2026.').waitFor();
    // The list reads itself again after the request is recorded: wait for the row rather than look once.
    const row = page.getByRole('row', { name: /SAR-BROWSER-1/ });
    await row.getByText('28 Feb 2026').waitFor();
    await row.getByText(/^Overdue by \d+ days$/).waitFor();
    await expectAccessible(page, 'subject-access-list');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Download JSON for SAR-BROWSER-1' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('subject-access-SAR-BROWSER-1.json');
    const text = readFileSync(await download.path(), 'utf8');
    const record = JSON.parse(text);
    expect(record.request).toMatchObject({ reference: 'SAR-BROWSER-1', dueAt: '2026-02-28' });
    expect(record.subject.records[0]).toMatchObject({ fullName: 'Robin Requester', phone: '07700 900111' });
    expect(text).not.toContain('Pat Partygoer');
    expect(text).not.toContain('900222');
    expect(text).not.toContain('Loud Lane');

    // Late requests are called out on My work, where a manager starts the day.
    await page.getByRole('link', { name: 'My work' }).click();
    await page.getByRole('link', { name: '1 open request' }).waitFor();
    await page.getByText('1 overdue').waitFor();
    await expectAccessible(page, 'subject-access-my-work');
    await page.getByRole('link', { name: '1 open request' }).click();

    await row.getByRole('button', { name: 'Mark as completed SAR-BROWSER-1' }).click();
    await page.getByText('Request SAR-BROWSER-1 marked as completed.').waitFor();
    await row.getByText('Completed').waitFor();
  });

  it('tells a caseworker the page is for managers, and shows them no link to it', async () => {
    const page = await signIn(caseworker);
    await expect(page.getByRole('link', { name: 'Subject access' }).count()).resolves.toBe(0);
    await page.goto(`${portal.url}/subject-access`);
    await page.getByText('Subject access requests are answered by your agency’s managers.').waitFor();
    await expectAccessible(page, 'subject-access-caseworker');
  });
});
