import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Retention in a real browser against the real API and database: a manager reads the dry run, keeps a case
 * with a legal hold, confirms and runs the anonymising, and is stopped when the list changed since it was
 * read; a caseworker is told the page is for managers; the case page's legal hold panel places and releases
 * a hold. Each screen is scanned with axe-core.
 */

const londonDate = (d: Date | string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(d));

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference version } }`;
const CLOSE_CASE = `mutation($id: ID!, $v: Int!) { closeCase(id: $id, expectedVersion: $v, input: { outcome: RESOLVED, reason: "Subject moved away" }) { id } }`;

interface Fixture {
  id: string;
  reference: string;
}

describe('retention and legal holds in a browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let manager: Persona;
  let caseworker: Persona;
  let managerName: string;
  const cases: Record<string, Fixture> = {};

  const signIn = (who: Persona): Promise<Page> => signInPage(browser, portal.url, who.email, PASSWORD);

  /** A case with a named victim, closed through the API and then, where asked, dated back to `closedAt`. */
  async function closedCase(name: string, closedAt: string | null, close = true): Promise<Fixture> {
    const { createCase } = await portal.ok(
      CREATE_CASE,
      {
        input: {
          category: 'HARASSMENT',
          ward: 'Northgate',
          riskLevel: 'STANDARD',
          summary: `Retention test: threats from Mr ${name}`,
          address: `1 ${name} Street`,
          parties: [{ role: 'VICTIM', fullName: `Victim ${name}`, phone: '07700 900001' }],
        },
      },
      caseworker.token,
    );
    if (close) await portal.ok(CLOSE_CASE, { id: createCase.id, v: createCase.version }, caseworker.token);
    if (closedAt) await portal.db.query(`UPDATE cases SET closed_at = $2 WHERE id = $1`, [createCase.id, closedAt]);
    cases[name] = { id: createCase.id, reference: createCase.reference };
    return cases[name];
  }

  const dueTable = (page: Page) =>
    page.getByRole('table', { name: 'Cases due to be anonymised, oldest closure first' });
  const keptTable = (page: Page) =>
    page.getByRole('table', { name: 'Cases past the retention period kept whole by a legal hold' });
  /** The references in a table's rows, top to bottom. */
  const references = (table: ReturnType<typeof dueTable>) => table.locator('tbody th[scope="row"]').allInnerTexts();
  const holds = async (id: string) =>
    (await portal.db.query(`SELECT reason, placed_by_id FROM legal_holds WHERE case_id = $1`, [id])).rows;
  const anonymisedAt = async (id: string) =>
    (await portal.db.query(`SELECT anonymised_at FROM cases WHERE id = $1`, [id])).rows[0].anonymised_at;
  const victim = async (id: string) =>
    (await portal.db.query(`SELECT full_name FROM parties WHERE case_id = $1`, [id])).rows[0].full_name;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ RETENTION_YEARS: '6', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    const landlord = await people.agency('Retention Homes', 'LANDLORD');
    manager = await people.user(landlord, ['MANAGER'], 'manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    managerName = (await portal.ok(`{ me { displayName } }`, {}, manager.token)).me.displayName;
    await closedCase('Older', '2018-01-01T10:00:00Z');
    await closedCase('Old', '2018-06-01T10:00:00Z');
    // Closed five years ago: inside the six-year period.
    const fiveYearsAgo = new Date();
    fiveYearsAgo.setFullYear(fiveYearsAgo.getFullYear() - 5);
    await closedCase('Recent', fiveYearsAgo.toISOString());
    await closedCase('Open', null, false);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('shows a manager, from the Reports page, the cases closed more than six years ago and not one closed five years ago', async () => {
    const page = await signIn(manager);
    await page.goto(`${portal.url}/reports`);
    await page.getByRole('link', { name: 'Retention and legal holds' }).click();
    await page.waitForURL(`${portal.url}/retention`);
    await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
    await page.getByText('Closed cases are kept whole for 6 years after they close, then anonymised.').waitFor();
    await page
      .getByText(/the category, ward, dates, outcome and what was done stay, so figures still add up/)
      .waitFor();

    await dueTable(page).waitFor();
    expect(await references(dueTable(page))).toEqual([cases.Older.reference, cases.Old.reference]);
    const older = dueTable(page).getByRole('row').filter({ hasText: cases.Older.reference });
    expect((await older.locator('td').allInnerTexts()).slice(0, 2)).toEqual(['Harassment', '1 Jan 2018']);
    await older.getByRole('button', { name: `Place legal hold on ${cases.Older.reference}` }).waitFor();
    expect(await older.getByRole('link', { name: cases.Older.reference }).getAttribute('href')).toBe(
      `/cases/${cases.Older.id}`,
    );
    expect(await page.getByText(cases.Recent.reference).count()).toBe(0);
    expect(await page.getByText(cases.Open.reference).count()).toBe(0);
    await page.getByText('No case past the retention period has a legal hold.').waitFor();
    await page.getByRole('heading', { name: 'Anonymise 2 cases' }).waitFor();
    await page.getByRole('button', { name: 'Anonymise 2 cases' }).waitFor();
    await expectAccessible(page, 'retention');
  });

  it('places a legal hold from the list: the case moves to Kept and the hold is stored with its reason', async () => {
    const page = await signIn(manager);
    await page.goto(`${portal.url}/retention`);
    const row = dueTable(page).getByRole('row').filter({ hasText: cases.Old.reference });
    await row.getByRole('button', { name: `Place legal hold on ${cases.Old.reference}` }).click();
    const form = page.getByRole('form', { name: `Place legal hold on ${cases.Old.reference}` });
    // The reason is required, and the cursor is already in it.
    expect(await page.evaluate(`document.activeElement?.id`)).toBe(`place-hold-${cases.Old.id}-reason`);
    await form.getByRole('button', { name: `Place legal hold on ${cases.Old.reference}` }).click();
    await form.getByRole('link', { name: 'Enter why the case must be kept, in at least 3 characters' }).waitFor();
    expect(await holds(cases.Old.id)).toEqual([]);
    await expectAccessible(page, 'retention-hold-form');

    await form.getByLabel('Why must this case be kept whole?').fill('Possession proceedings under way');
    await form.getByRole('button', { name: `Place legal hold on ${cases.Old.reference}` }).click();
    await page.getByText(`${cases.Old.reference} is kept by a legal hold`).waitFor();
    expect(await references(dueTable(page))).toEqual([cases.Older.reference]);
    expect(await references(keptTable(page))).toEqual([cases.Old.reference]);
    const kept = keptTable(page).getByRole('row').filter({ hasText: cases.Old.reference });
    expect((await kept.locator('td').allInnerTexts()).slice(0, 3)).toEqual([
      '1 Jun 2018',
      'Possession proceedings under way',
      `By ${managerName} on ${londonDate(new Date())}`,
    ]);
    await kept.getByRole('button', { name: `Release hold on ${cases.Old.reference}` }).waitFor();
    await page.getByRole('heading', { name: 'Anonymise 1 case' }).waitFor();
    expect(await holds(cases.Old.id)).toEqual([
      { reason: 'Possession proceedings under way', placed_by_id: manager.id },
    ]);
  });

  it('asks for the confirmation, then anonymises exactly the cases due and says so', async () => {
    const page = await signIn(manager);
    await page.goto(`${portal.url}/retention`);
    await page.getByRole('button', { name: 'Anonymise 1 case' }).click();
    await page
      .getByRole('link', { name: 'Confirm that you have checked these cases and none needs a legal hold' })
      .waitFor();
    expect(await page.evaluate(`!!document.activeElement?.closest('.govuk-error-summary')`)).toBe(true);
    expect(await anonymisedAt(cases.Older.id)).toBeNull();
    await expectAccessible(page, 'retention-unconfirmed');

    await page.getByLabel('I have checked these cases and none needs a legal hold').check();
    await page.getByRole('button', { name: 'Anonymise 1 case' }).click();
    await page.getByText('1 case anonymised').waitFor();
    await page
      .getByText('Nothing is due: no closed case has passed the retention period without a legal hold.')
      .waitFor();
    expect(await page.getByRole('button', { name: /^Anonymise/ }).count()).toBe(0);

    expect(await anonymisedAt(cases.Older.id)).not.toBeNull();
    expect(await victim(cases.Older.id)).toBeNull();
    // The held, the recent and the open cases stay whole.
    for (const name of ['Old', 'Recent', 'Open']) {
      expect(await anonymisedAt(cases[name].id)).toBeNull();
      expect(await victim(cases[name].id)).toBe(`Victim ${name}`);
    }
    expect(await references(keptTable(page))).toEqual([cases.Old.reference]);
    await expectAccessible(page, 'retention-applied');
  });

  it('refuses to act on a list that changed since it was loaded, and shows the list as it is now', async () => {
    await closedCase('Later', '2018-09-01T10:00:00Z');
    const page = await signIn(manager);
    await page.goto(`${portal.url}/retention`);
    await page.getByRole('heading', { name: 'Anonymise 1 case' }).waitFor();
    // Meanwhile the recent case turns out to have closed long ago.
    await portal.db.query(`UPDATE cases SET closed_at = '2018-02-01T10:00:00Z' WHERE id = $1`, [cases.Recent.id]);
    await page.getByLabel('I have checked these cases and none needs a legal hold').check();
    await page.getByRole('button', { name: 'Anonymise 1 case' }).click();
    await page.getByText('The list changed since you loaded it: check it again').waitFor();
    await page.getByRole('heading', { name: 'Anonymise 2 cases' }).waitFor();
    expect(await references(dueTable(page))).toEqual([cases.Recent.reference, cases.Later.reference]);
    expect(await page.getByLabel('I have checked these cases and none needs a legal hold').isChecked()).toBe(false);
    expect(await anonymisedAt(cases.Later.id)).toBeNull();
    expect(await anonymisedAt(cases.Recent.id)).toBeNull();
    await expectAccessible(page, 'retention-conflict');
  });

  it('releases a hold from the list, putting the case back among those due; a hold someone else placed first is said so', async () => {
    const page = await signIn(manager);
    await page.goto(`${portal.url}/retention`);
    const kept = keptTable(page).getByRole('row').filter({ hasText: cases.Old.reference });
    await kept.getByRole('button', { name: `Release hold on ${cases.Old.reference}` }).click();
    const form = page.getByRole('form', { name: `Release hold on ${cases.Old.reference}` });
    await form.getByLabel('Why can the hold be released?').fill('Proceedings concluded');
    await form.getByRole('button', { name: `Release hold on ${cases.Old.reference}` }).click();
    await page.getByText(`The legal hold on ${cases.Old.reference} was released: it is due for anonymising`).waitFor();
    expect(await references(dueTable(page))).toEqual([
      cases.Recent.reference,
      cases.Old.reference,
      cases.Later.reference,
    ]);
    await page.getByText('No case past the retention period has a legal hold.').waitFor();
    expect(await holds(cases.Old.id)).toEqual([]);

    // A colleague places a hold on Later while this manager is typing a reason for the same.
    const later = dueTable(page).getByRole('row').filter({ hasText: cases.Later.reference });
    await later.getByRole('button', { name: `Place legal hold on ${cases.Later.reference}` }).click();
    await page.getByLabel('Why must this case be kept whole?').fill('Complaint under way');
    await portal.ok(
      `mutation($c: ID!) { placeLegalHold(caseId: $c, reason: "Disrepair claim") { id } }`,
      { c: cases.Later.id },
      manager.token,
    );
    await page.getByRole('button', { name: `Place legal hold on ${cases.Later.reference}` }).click();
    await page
      .getByText(`${cases.Later.reference} already has a legal hold: the lists below are up to date again`)
      .waitFor();
    expect(await references(keptTable(page))).toEqual([cases.Later.reference]);
    expect(await holds(cases.Later.id)).toEqual([{ reason: 'Disrepair claim', placed_by_id: manager.id }]);
  });

  it('tells a caseworker that retention is for managers, and shows no cases', async () => {
    const page = await signIn(caseworker);
    await page.goto(`${portal.url}/retention`);
    await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
    await page.getByText('Retention and legal holds are for managers.', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Due now' }).count()).toBe(0);
    expect(await page.getByText(cases.Later.reference).count()).toBe(0);
    await expectAccessible(page, 'retention-caseworker');

    // Nor does the case page offer a caseworker the hold.
    await page.goto(`${portal.url}/cases/${cases.Open.id}`);
    await page.getByRole('heading', { name: cases.Open.reference, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Legal hold' }).count()).toBe(0);
  });

  it('places and releases a legal hold from the case page, each with its reason', async () => {
    const page = await signIn(manager);
    await page.goto(`${portal.url}/cases/${cases.Open.id}`);
    const panel = page.getByRole('region', { name: 'Legal hold' });
    await panel.getByText('There is no legal hold on this case.', { exact: false }).waitFor();
    await panel.getByRole('button', { name: 'Place a legal hold' }).click();
    await panel.getByLabel('Why must this case be kept whole?').fill('Complaint to the housing ombudsman');
    await panel.getByRole('button', { name: `Place legal hold on ${cases.Open.reference}` }).click();
    await panel
      .getByText('A legal hold was placed. Retention leaves this case whole until the hold is released.')
      .waitFor();
    await panel
      .getByText(`Complaint to the housing ombudsman, placed by ${managerName} on ${londonDate(new Date())}.`)
      .waitFor();
    expect(await holds(cases.Open.id)).toEqual([
      { reason: 'Complaint to the housing ombudsman', placed_by_id: manager.id },
    ]);
    await expectAccessible(page, 'case-legal-hold');

    await panel.getByRole('button', { name: 'Release the legal hold' }).click();
    await panel.getByRole('button', { name: `Release hold on ${cases.Open.reference}` }).click();
    await panel.getByRole('link', { name: 'Enter why the hold can be released, in at least 3 characters' }).waitFor();
    expect(await holds(cases.Open.id)).toHaveLength(1);
    await panel.getByLabel('Why can the hold be released?').fill('Ombudsman closed the complaint');
    await panel.getByRole('button', { name: `Release hold on ${cases.Open.reference}` }).click();
    await panel.getByText('The legal hold was released. Retention applies to this case as usual.').waitFor();
    await panel.getByText('There is no legal hold on this case.', { exact: false }).waitFor();
    expect(await holds(cases.Open.id)).toEqual([]);
    const { rows: trail } = await portal.db.query(
      `SELECT action, detail->>'reason' AS reason, actor_id FROM audit_events WHERE case_id = $1 AND action LIKE 'LEGAL_HOLD%' ORDER BY id`,
      [cases.Open.id],
    );
    expect(trail).toEqual([
      { action: 'LEGAL_HOLD_PLACED', reason: 'Complaint to the housing ombudsman', actor_id: manager.id },
      { action: 'LEGAL_HOLD_RELEASED', reason: 'Ombudsman closed the complaint', actor_id: manager.id },
    ]);
    await expectAccessible(page, 'case-legal-hold-released');
  });
});
