import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 18, item 3, in the browser: the owner shares a case saying the lawful basis and the victim's consent (a
 * "why not" revealed under "Not sought", refused while blank), then reads them on the Sharing tab, in the
 * disclosure log and in the reports.
 */
const WHY = 'Asking her would alert him: he reads her messages';

describe('the lawful basis and consent of a share, in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let officer: Persona;
  let manager: Persona;
  let caseId: string;
  let police: string;

  const signIn = (email: string): Promise<Page> => signInPage(browser, portal.url, email, PASSWORD);

  const shares = async () =>
    (
      await portal.db.query(
        `SELECT access, reason, lawful_basis, lawful_basis_detail, consent_state, consent_detail FROM case_shares WHERE case_id = $1`,
        [caseId],
      )
    ).rows;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    const landlord = await people.agency('Kestrel Homes', 'LANDLORD');
    police = await people.agency('Kestrel Police', 'POLICE');
    officer = await people.user(landlord, ['CASEWORKER'], 'kestrel-officer');
    manager = await people.user(landlord, ['MANAGER'], 'kestrel-manager');
    caseId = (
      await portal.ok<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        {
          input: {
            category: 'DOMESTIC_ABUSE',
            summary: 'Threats at the door of 7 Kestrel Way',
            ward: 'Kestrel',
            riskLevel: 'HIGH',
            parties: [{ role: 'VICTIM', fullName: 'Maren Holt' }],
          },
        },
        officer.token,
      )
    ).createCase.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('asks why consent was not sought, refuses a blank answer, then shows the share with its basis and consent', async () => {
    const page = await signIn(officer.email);
    await page.goto(`${portal.url}/cases/${caseId}/sharing`);
    await page.getByRole('heading', { name: 'Share this case' }).waitFor();
    await page.getByLabel('Agency').selectOption(police);
    await page.getByLabel('Full', { exact: true }).check();
    await page.getByLabel('Reason for sharing').fill('MARAC referral: the police hold the risk');
    await page.getByRole('radio', { name: 'Crime and disorder' }).check();
    // "Why not" is revealed only once "Not sought" is chosen.
    expect(await page.getByLabel('Why consent was not sought').isVisible()).toBe(false);
    await page.getByRole('radio', { name: 'Not sought' }).check();
    await page.getByLabel('Why consent was not sought').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Share case' }).click();

    const summaryLink = page.getByRole('link', { name: 'Enter why consent was not sought' });
    await summaryLink.waitFor();
    expect(await page.locator('#share-consent-why-error').innerText()).toContain('Enter why consent was not sought');
    await expectAccessible(page, 'case-sharing-basis-error');
    await summaryLink.click();
    expect(await page.evaluate(`document.activeElement?.id`)).toBe('share-consent-why');
    expect(await shares()).toEqual([]);

    await page.getByLabel('Why consent was not sought').fill(WHY);
    await page.getByRole('button', { name: 'Share case' }).click();
    const row = page.getByRole('row', { name: /Kestrel Police/ });
    await row.waitFor();
    await row.getByText('Crime and Disorder Act 1998 s.115').waitFor();
    await row.getByText(`Not sought: ${WHY}`).waitFor();
    await expectAccessible(page, 'case-sharing-basis');
    expect(await shares()).toEqual([
      {
        access: 'FULL',
        reason: 'MARAC referral: the police hold the risk',
        lawful_basis: 'CRIME_AND_DISORDER_ACT_S115',
        lawful_basis_detail: null,
        consent_state: 'NOT_SOUGHT',
        consent_detail: WHY,
      },
    ]);
  });

  it("shows a manager the share's basis and consent in the disclosure log, and counts them in the reports", async () => {
    const page = await signIn(manager.email);
    await page.goto(`${portal.url}/cases/${caseId}/audit`);
    await page.getByRole('heading', { name: 'Disclosure log' }).waitFor();
    const logged = page
      .getByRole('table', { name: 'Every share of this case, oldest first' })
      .getByRole('row', { name: /Kestrel Police/ });
    await logged.getByRole('cell', { name: 'Crime and Disorder Act 1998 s.115', exact: true }).waitFor();
    await logged.getByRole('cell', { name: `Not sought: ${WHY}`, exact: true }).waitFor();
    await page.getByText(/Lawful basis: Crime and Disorder Act 1998 s\.115\. Consent: not sought/).waitFor();
    await expectAccessible(page, 'case-disclosure-log');

    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Show figures' }).click();
    const byBasis = page.getByRole('table', { name: 'Shares by lawful basis' });
    await byBasis.getByRole('row', { name: /Crime and Disorder Act 1998 s\.115\s+1/ }).waitFor();
    const byConsent = page.getByRole('table', { name: "Shares by the victim's consent" });
    await byConsent.getByRole('row', { name: /Not sought\s+1/ }).waitFor();
    await expectAccessible(page, 'reports-sharing-basis');
  });
});
