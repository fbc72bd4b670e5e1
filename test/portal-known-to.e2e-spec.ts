import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 18, item 2, in the browser: an officer finds that another agency holds a record about a person (only that),
 * after giving a reason, and asks for access; the owner's manager sees the request arrive without reloading and
 * grants it at the level they choose; the owner sees the discoverable setting on the case.
 */
describe('known to the partnership, in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let housingOfficer: Persona;
  let housingManager: Persona;
  let policeOfficer: Persona;
  let caseId: string;
  let policeId: string;

  const signIn = (email: string): Promise<Page> => signInPage(browser, portal.url, email, PASSWORD);

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const landlord = await people.agency('Browser Homes', 'LANDLORD');
    policeId = await people.agency('Browser Police', 'POLICE');
    housingOfficer = await people.user(landlord, ['CASEWORKER'], 'known-housing');
    housingManager = await people.user(landlord, ['MANAGER'], 'known-manager');
    policeOfficer = await people.user(policeId, ['CASEWORKER'], 'known-police');
    caseId = (
      await portal.ok<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        {
          input: {
            category: 'HARASSMENT',
            summary: 'Threats on the landing of Larch House',
            ward: 'Riverside',
            riskLevel: 'MEDIUM',
            parties: [{ role: 'SUBJECT', fullName: 'Mortimer Quennell' }],
          },
        },
        housingOfficer.token,
      )
    ).createCase.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('asks for a reason before searching, shows the record locked, and the manager grants the request live', async () => {
    const manager = await signIn(housingManager.email);
    await manager
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: 'Requests for access' })
      .click();
    await manager.getByRole('heading', { name: 'Requests for access', level: 1 }).waitFor();
    await manager.getByText('No requests are waiting.').waitFor();

    const officer = await signIn(policeOfficer.email);
    await officer.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Find a person' }).click();
    await officer.getByRole('heading', { name: 'Find a person', level: 1 }).waitFor();
    await officer.getByLabel('Full name').fill('Mortimer Quenell');
    await officer.getByRole('button', { name: 'Search' }).click();
    const summary = officer.locator('.govuk-error-summary');
    await summary.getByText('Enter why you are searching').waitFor();
    expect(await officer.getByRole('heading', { name: 'Results' }).count()).toBe(0);
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM person_searches`)).rows[0].n).toBe(0);
    await expectAccessible(officer, 'find-a-person-error');

    await officer.getByLabel('Reason for searching').fill('Named in a burglary report this morning');
    await officer.getByRole('button', { name: 'Search' }).click();
    await officer.getByRole('heading', { name: 'Results' }).waitFor();
    const locked = officer.getByRole('list', { name: 'Known to other agencies' });
    await locked.getByText('Known to Browser Homes').waitFor();
    expect(await locked.textContent()).not.toContain('Larch House');
    await expectAccessible(officer, 'find-a-person-results');

    await locked.getByLabel('Why you need access to Browser Homes’s record').fill('Linked to a burglary series');
    await locked.getByRole('button', { name: 'Request access' }).click();
    await officer.getByText('Access requested.').waitFor();

    // The manager's open page shows it without a reload.
    const waiting = manager.getByRole('list', { name: 'Waiting for a decision' });
    await waiting.getByText('Browser Police asks for').waitFor({ timeout: 10_000 });
    await waiting.getByText('Linked to a burglary series', { exact: false }).waitFor();
    await expectAccessible(manager, 'requests-for-access');
    await waiting.getByLabel('Grant limited access (no personal identifiers)').check();
    await waiting.getByLabel('Reason').fill('Crime and Disorder Act 1998 s.115');
    // A grant is a share: it asks for the lawful basis and the victim's consent, as the Sharing tab does.
    await waiting.getByRole('button', { name: 'Record decision' }).click();
    await waiting.getByRole('link', { name: 'Select the lawful basis for sharing' }).waitFor();
    await expectAccessible(manager, 'requests-for-access-basis-error');
    expect((await portal.db.query(`SELECT 1 FROM case_shares WHERE case_id = $1`, [caseId])).rows).toEqual([]);
    await waiting.getByRole('radio', { name: 'Crime and disorder' }).check();
    await waiting.getByRole('radio', { name: 'Not sought' }).check();
    await waiting.getByLabel('Why consent was not sought').fill('Asking would alert the subject');
    await waiting.getByRole('button', { name: 'Record decision' }).click();
    await manager.getByRole('list', { name: 'Decided' }).getByText('Granted').waitFor();
    const { rows } = await portal.db.query(
      `SELECT agency_id, access, lawful_basis, consent_state, consent_detail FROM case_shares WHERE case_id = $1 AND revoked_at IS NULL`,
      [caseId],
    );
    expect(rows).toEqual([
      {
        agency_id: policeId,
        access: 'LIMITED',
        lawful_basis: 'CRIME_AND_DISORDER_ACT_S115',
        consent_state: 'NOT_SOUGHT',
        consent_detail: 'Asking would alert the subject',
      },
    ]);

    await officer.reload();
    await officer.getByRole('heading', { name: 'Your requests for access' }).waitFor();
    await officer.getByText('Granted').waitFor();
  }, 120_000);

  it('shows the owner whether searches find the case, and changes it with a reason', async () => {
    const page = await signIn(housingOfficer.email);
    await page.goto(`${portal.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Known to the partnership' }).waitFor();
    await page.getByRole('button', { name: 'Stop searches finding this case' }).click();
    await page.locator('.govuk-error-summary').getByText('Enter why you are changing this').waitFor();
    await page.getByLabel('Why should searches stop finding it?').fill('The subject is now a victim in another case');
    await page.getByRole('button', { name: 'Stop searches finding this case' }).click();
    await page.getByRole('button', { name: 'Let searches find this case' }).waitFor();
    await expectAccessible(page, 'case-discoverable');
    expect((await portal.db.query(`SELECT discoverable FROM cases WHERE id = $1`, [caseId])).rows[0].discoverable).toBe(
      false,
    );
  }, 60_000);
});
