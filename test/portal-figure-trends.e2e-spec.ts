import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { codeOf, PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/** The London month `back` months before this one, as [year, month 1–12]. */
function monthBack(back: number): [number, number] {
  const [y, m] = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
}
const midMonth = ([y, m]: [number, number]) => `${y}-${String(m).padStart(2, '0')}-15T12:00:00Z`;
const monthName = ([y, m]: [number, number]) =>
  `${new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`;

/**
 * Issue 19, item 3, in the browser: a manager's Reports gain trends (month by month and quarter by quarter beside
 * the year before, agency or partnership) and the partnership's own figures, each a chart with its table and a CSV.
 */
describe('board figures with trends in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let manager: Persona;
  let caseworker: Persona;
  let policeManager: Persona;

  const signIn = (email: string): Promise<Page> => signInPage(browser, portal.url, email, PASSWORD);
  const trendTable = (page: Page, name: string) => page.getByRole('table', { name, exact: true });

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Trends Homes', 'LANDLORD');
    const police = await people.agency('Trends Police', 'POLICE');
    manager = await people.user(landlord, ['MANAGER'], 'trends-manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'trends-caseworker');
    policeManager = await people.user(police, ['MANAGER'], 'trends-police-manager');
    const opened = async (at: string) => {
      const { createCase } = await portal.ok(
        `mutation { createCase(input: { category: NOISE, summary: "Trends fixture", ward: "Northgate", riskLevel: STANDARD }) { id } }`,
        {},
        caseworker.token,
      );
      await portal.db.query(`UPDATE cases SET opened_at = $2 WHERE id = $1`, [createCase.id, at]);
    };
    // Last month and the month before, and last month a year ago.
    await opened(midMonth(monthBack(1)));
    await opened(midMonth(monthBack(2)));
    await opened(midMonth(monthBack(13)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('shows a manager the months beside a year earlier as a chart, a table and a CSV, then quarters and the partnership', async () => {
    const page = await signIn(manager.email);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Trends', exact: true }).waitFor();
    await page.getByRole('img', { name: /^Cases opened by month, agency: column chart/ }).waitFor();

    const months = trendTable(page, 'Cases opened by month, agency, beside a year earlier');
    await months.waitFor();
    expect(await months.locator('tbody tr').count()).toBe(12);
    const row = (table: typeof months, name: string) =>
      table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
        .getByRole('cell')
        .allInnerTexts();
    expect(await row(months, monthName(monthBack(1)))).toEqual(['1', '1', 'No change']);
    expect(await row(months, monthName(monthBack(2)))).toEqual(['1', '0', '+1']);
    expect(await row(months, monthName(monthBack(3)))).toEqual(['0', '0', 'No change']);
    await expectAccessible(page, 'reports-trends');

    // The CSV carries every figure for every month, a year earlier beside each.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV of every figure by month, agency' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^trends-by-month-agency-.*\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'Period,From,To,Cases opened,Cases opened a year earlier,Cases closed: resolved,Cases closed: resolved a year earlier,' +
        'Cases closed: unresolved,Cases closed: unresolved a year earlier,Live caseload at the end,Live caseload at the end a year earlier,' +
        'Incidents logged,Incidents logged a year earlier',
    );
    expect(lines).toHaveLength(14);
    const [y1, m1] = monthBack(1);
    expect(lines[12].startsWith(`${y1}-${String(m1).padStart(2, '0')},`)).toBe(true);
    expect(lines[12].split(',').slice(3, 5)).toEqual(['1', '1']);

    // Quarter by quarter: eight of them.
    await page.getByLabel('Quarter', { exact: true }).check();
    const quarters = trendTable(page, 'Cases opened by quarter, agency, beside a year earlier');
    await quarters.waitFor();
    expect(await quarters.locator('tbody tr').count()).toBe(8);

    // Another figure: the live caseload.
    await page.getByLabel('Figure', { exact: true }).selectOption('live');
    await trendTable(page, 'Live caseload at the end by quarter, agency, beside a year earlier').waitFor();

    // The whole partnership: three cases are fewer than five, withheld and said so, never drawn to scale.
    await page.getByLabel('Figure', { exact: true }).selectOption('opened');
    await page.getByLabel('The whole partnership', { exact: true }).check();
    const partnership = trendTable(page, 'Cases opened by quarter, partnership, beside a year earlier');
    await partnership.waitFor();
    expect(await partnership.locator('tbody td').first().innerText()).toBe('fewer than 5');
    await page
      .getByRole('region', { name: 'Trends', exact: true })
      .getByText(/a count under 5 \(0 included\) is shown as “fewer than 5”/)
      .waitFor();

    // The partnership's own figures for the period, with the same rule.
    const region = page.getByRole('region', { name: 'The partnership', exact: true });
    await region.getByRole('table', { name: 'Opened across the partnership, by ward' }).waitFor();
    expect(
      await region
        .locator('.app-headline')
        .filter({ has: page.locator('dt').getByText('Opened across the partnership', { exact: true }) })
        .locator('.app-headline__value')
        .innerText(),
    ).toBe('Fewer than 5');
    await region.getByRole('button', { name: 'Download CSV of opened across the partnership, by ward' }).waitFor();
    // The MARAC figures answer SafeLives' dataset, and say which items nothing records.
    const dataset = page.getByRole('table', { name: 'SafeLives MARAC dataset', exact: true });
    expect(await row(dataset, 'Male victims')).toEqual([
      'Not recorded',
      '',
      'Not recorded: parties have no sex or gender.',
    ]);
    expect((await row(dataset, 'Cases per 10,000 adult women'))[0]).toBe('Not set');
    await expectAccessible(page, 'reports-trends-partnership');
  }, 90_000);

  it("shows another agency's manager none of these cases in its own trends", async () => {
    const page = await signIn(policeManager.email);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Reports' }).click();
    const months = trendTable(page, 'Cases opened by month, agency, beside a year earlier');
    await months.waitFor();
    const current = await months.locator('tbody tr td:nth-of-type(1)').allInnerTexts();
    expect(current).toHaveLength(12);
    expect(current.every((c) => c === '0')).toBe(true);
  }, 60_000);

  it('tells a caseworker that reports are for managers, shows no trends, and the API refuses the series', async () => {
    const page = await signIn(caseworker.email);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByText('Reports are for managers and for MARAC chairs and coordinators.').waitFor();
    expect(await page.getByRole('heading', { name: 'Trends' }).count()).toBe(0);
    await expectAccessible(page, 'reports-trends-not-for-caseworkers');
    const series = await portal.gql(
      `query { caseStatisticsSeries(input: { from: "2026-01-01T00:00:00Z", to: "2026-03-31T23:00:00Z", interval: MONTH }) { interval } }`,
      {},
      caseworker.token,
    );
    expect(codeOf(series)).toBe('FORBIDDEN');
  });
});
