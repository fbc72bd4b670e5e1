import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 19, item 2, in the browser: the council offers its case to the landlord (an empty form is refused with an
 * error summary), a landlord caseworker sees the offer but may not decide it, a landlord manager accepts it, and the
 * council, keeping a FULL share, still opens the case, no longer as its owner.
 */
describe('transfer of ownership, in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let councilOfficer: Persona;
  let landlordOfficer: Persona;
  let landlordManager: Persona;
  let landlord: string;
  let council: string;
  let caseId: string;
  let reference: string;

  const signIn = (email: string): Promise<Page> => signInPage(browser, portal.url, email, PASSWORD);
  const owner = async () =>
    (await portal.db.query(`SELECT owner_agency_id FROM cases WHERE id = $1`, [caseId])).rows[0].owner_agency_id;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    council = await people.agency('Wren Council', 'COUNCIL');
    landlord = await people.agency('Wren Homes', 'LANDLORD');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'wren-council');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'wren-landlord');
    landlordManager = await people.user(landlord, ['MANAGER'], 'wren-manager');
    const created = await portal.ok<{ createCase: { id: string; reference: string } }>(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`,
      {
        input: {
          category: 'NOISE',
          summary: 'Music through the wall of 3 Wren Court every night',
          ward: 'Wren',
          riskLevel: 'STANDARD',
          parties: [{ role: 'COMPLAINANT', fullName: 'Ines Marlow', phone: '07700 900777' }],
        },
      },
      councilOfficer.token,
    );
    caseId = created.createCase.id;
    reference = created.createCase.reference;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('the owner offers the case to another agency, after an error summary for what it left out', async () => {
    const page = await signIn(councilOfficer.email);
    await page.goto(`${portal.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Transfer to another agency' }).waitFor();
    await page.getByRole('button', { name: 'Offer the case' }).click();
    const missing = page.getByRole('link', { name: 'Select the agency to offer the case to' });
    await missing.waitFor();
    await expectAccessible(page, 'case-transfer-error');
    await missing.click();
    expect(await page.evaluate(`document.activeElement?.id`)).toBe('transfer-agency');
    expect(await portal.db.query(`SELECT 1 FROM case_transfers`).then((r) => r.rowCount)).toBe(0);

    await page.getByLabel('Agency to offer the case to').selectOption(landlord);
    await page.getByLabel('Why the case should move').fill('The landlord holds the tenancy and leads on noise');
    await page.getByRole('radio', { name: 'A full share' }).check();
    await page.getByRole('button', { name: 'Offer the case' }).click();
    await page.getByText(/Offered to Wren Homes on .*Waiting for a manager there/).waitFor();
    await expectAccessible(page, 'case-transfer-offered');
    expect(await owner()).toBe(council);
    await page.close();
  });

  it('a caseworker of the receiving agency sees the offer, none of the case, and no way to decide it', async () => {
    const page = await signIn(landlordOfficer.email);
    expect(
      await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Cases offered' }).count(),
    ).toBe(0);
    await page.goto(`${portal.url}/transfers`);
    await page.getByRole('heading', { name: `${reference} from Wren Council` }).waitFor();
    expect(await page.getByRole('button', { name: `Accept ${reference}` }).count()).toBe(0);
    await page.getByText('A manager of your agency accepts or declines this offer.').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Ines Marlow');
    expect(text).not.toContain('07700 900777');
    await expectAccessible(page, 'case-transfer-offers-caseworker');
    await page.goto(`${portal.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Case not found' }).waitFor();
    await page.close();
  });

  it('a manager of the receiving agency accepts it, and the agency owns the case', async () => {
    const page = await signIn(landlordManager.email);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Cases offered' }).click();
    await page.getByRole('heading', { name: `${reference} from Wren Council` }).waitFor();
    await expectAccessible(page, 'case-transfer-offers');
    await page.getByRole('button', { name: `Accept ${reference}` }).click();
    await page.getByText(/Wren Homes now owns/).waitFor();
    expect(await owner()).toBe(landlord);
    await page.getByRole('link', { name: reference }).click();
    await page.getByText('Noise case, owned by Wren Homes').waitFor();
    await page.getByText('Owner', { exact: true }).waitFor();
    await expectAccessible(page, 'case-transfer-accepted');
    await page.close();
  });

  it('the old owner, keeping a FULL share, still opens the case, no longer as owner and with nothing to transfer', async () => {
    const page = await signIn(councilOfficer.email);
    await page.goto(`${portal.url}/cases/${caseId}`);
    await page.getByText('Noise case, owned by Wren Homes').waitFor();
    await page.getByText('Full access').waitFor();
    expect(await page.getByRole('heading', { name: 'Transfer to another agency' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Edit case' }).count()).toBe(0);
    await expectAccessible(page, 'case-transfer-old-owner');
    await page.close();
  });
});
