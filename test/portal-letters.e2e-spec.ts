import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const pdfText = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/gi)]
    .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
    .join('');

/**
 * Issue 19, item 4, in the browser: a landlord's manager makes a warning-letter template from the standard text;
 * a landlord caseworker holding a police domestic-abuse case with a FULL share previews a letter to the victim,
 * is told the victim's address will be left empty (the landlord may not read it), produces it and downloads it
 * from Evidence; a LIMITED partner sees neither the landlord's templates nor a way to write a letter on a case it
 * may not add evidence to. Each screen is scanned with axe-core.
 */
describe('letters from templates in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let manager: Persona;
  let caseworker: Persona;
  let councilManager: Persona;
  let councilWorker: Persona;
  let daCase: string;
  let noiseCase: string;

  const signIn = (who: Persona): Promise<Page> =>
    signInPage(browser, portal.url, who.email, PASSWORD, { acceptDownloads: true });
  const caseNav = (page: Page) => page.getByRole('navigation', { name: 'Case sections' });
  const share = (kase: string, agency: string, access: string, by: Persona) =>
    portal.ok(
      `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "ASB partnership agreement") { id } }`,
      { c: kase, a: agency, x: access },
      by.token,
    );
  const createCase = async (by: Persona, input: Record<string, unknown>) =>
    (
      await portal.ok<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        { input },
        by.token,
      )
    ).createCase.id;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Letterbox Homes', 'LANDLORD');
    const police = await people.agency('Letterbox Police', 'POLICE');
    const council = await people.agency('Letterbox Council', 'COUNCIL');
    manager = await people.user(landlord, ['MANAGER'], 'letters-manager');
    caseworker = await people.user(landlord, ['CASEWORKER'], 'letters-caseworker');
    const officer = await people.user(police, ['CASEWORKER'], 'letters-officer');
    councilManager = await people.user(council, ['MANAGER'], 'letters-council-manager');
    councilWorker = await people.user(council, ['CASEWORKER'], 'letters-council-worker');
    daCase = await createCase(officer, {
      category: 'DOMESTIC_ABUSE',
      summary: 'Threats by an ex-partner at the flat',
      ward: 'Northgate',
      riskLevel: 'MEDIUM',
      parties: [
        { role: 'VICTIM', fullName: 'Vera Victim', address: '4 Refuge Row, Leeds' },
        { role: 'SUBJECT', fullName: 'Sid Subject', address: '9 Hidden Close, Leeds' },
      ],
    });
    await share(daCase, landlord, 'FULL', officer);
    noiseCase = await createCase(caseworker, {
      category: 'NOISE',
      summary: 'Music late at night',
      ward: 'Kingsmead',
      riskLevel: 'STANDARD',
      parties: [{ role: 'SUBJECT', fullName: 'Nia Neighbour', address: '12 Other Street' }],
    });
    await share(noiseCase, council, 'LIMITED', caseworker);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('a manager creates a warning-letter template from the standard text, with the merge fields shown as help', async () => {
    const page = await signIn(manager);
    await page.getByRole('link', { name: 'Letter templates' }).click();
    await page.getByRole('heading', { name: 'Letter templates', level: 1 }).waitFor();
    await page.getByText('Your agency has no letter templates yet.').waitFor();
    await expectAccessible(page, 'letter-templates-empty');

    await page.getByRole('button', { name: 'Create a template' }).click();
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('link', { name: 'Choose the kind of letter' }).waitFor();
    await expectAccessible(page, 'letter-templates-errors');

    await page.getByLabel('Kind of letter').selectOption({ label: 'Warning letter' });
    await page.getByRole('button', { name: 'Use the standard text' }).click();
    await page.getByText('{{recipient.address}}', { exact: true }).waitFor();
    await page.getByLabel('Name').fill('First warning – noise');
    // A typo in a merge field is caught when saved, and named.
    const body = page.getByLabel('Text of the letter');
    await body.fill(`${await body.inputValue()}\n{{recipient.nickname}}`);
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('link', { name: /\{\{recipient\.nickname\}\}/ }).waitFor();
    await body.fill((await body.inputValue()).replace('\n{{recipient.nickname}}', ''));
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('First warning – noise was saved (version 1).').waitFor();
    await page
      .getByRole('row', { name: /First warning – noise/ })
      .getByText('In use')
      .waitFor();
    await expectAccessible(page, 'letter-templates-list');
  });

  it('a caseworker previews a letter, is told the victim’s address is withheld, produces it and downloads it from Evidence', async () => {
    const page = await signIn(caseworker);
    await page.goto(`${portal.url}/cases/${daCase}`);
    await caseNav(page).getByRole('link', { name: 'Evidence' }).click();
    await page.getByRole('heading', { name: 'Write a letter' }).waitFor();
    await page.getByLabel('Template').selectOption({ label: 'First warning – noise (warning letter)' });
    await page.getByLabel('Who the letter is to').selectOption({ label: 'Victim: Vera Victim' });
    await page.getByRole('button', { name: 'Preview letter' }).click();
    await page
      .getByText(/These will be left empty because your agency may not read them: the address of the person/)
      .waitFor();
    await page.getByText(/Dear Vera Victim/).waitFor();
    expect(await page.getByText(/Refuge Row/).count()).toBe(0);
    await expectAccessible(page, 'letters-preview');

    await page.getByRole('button', { name: 'Produce letter' }).click();
    await page.getByText(/The letter was produced: Warning-letter-.*\.pdf is listed under Evidence/).waitFor();
    const row = page.getByRole('row', { name: /Warning-letter-/ });
    await row.waitFor();
    await expectAccessible(page, 'letters-produced');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: /^Download Warning-letter-/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Warning-letter-.*\.pdf$/);
    const text = pdfText(readFileSync(await download.path()));
    expect(text).toContain('Vera Victim');
    expect(text).not.toContain('Refuge Row');

    await caseNav(page).getByRole('link', { name: 'Timeline' }).click();
    await page.getByText('Action: Warning letter (Open)').waitFor();
  });

  it('a LIMITED partner sees no other agency’s templates and no way to write a letter where it may not add evidence', async () => {
    const managerPage = await signIn(councilManager);
    await managerPage.getByRole('link', { name: 'Letter templates' }).click();
    await managerPage.getByText('Your agency has no letter templates yet.').waitFor();
    expect(await managerPage.getByText('First warning – noise').count()).toBe(0);

    const page = await signIn(councilWorker);
    expect(await page.getByRole('link', { name: 'Letter templates' }).count()).toBe(0);
    await page.goto(`${portal.url}/letter-templates`);
    await page.getByText('Letter templates are kept by your agency’s managers.').waitFor();
    await expectAccessible(page, 'letter-templates-caseworker');
    await page.goto(`${portal.url}/cases/${noiseCase}`);
    await caseNav(page).getByRole('link', { name: 'Evidence' }).click();
    await page.getByText(/evidence files are for the owner agency and agencies with full access only/).waitFor();
    expect(await page.getByRole('heading', { name: 'Write a letter' }).count()).toBe(0);
  });
});
