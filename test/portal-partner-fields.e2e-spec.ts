import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 19, item 2, in the browser: a police officer whose agency holds a landlord's case in full writes police
 * intelligence on the case page; a LIMITED partner sees no form and reads "withheld"; the owner picks the lead officer
 * from its own people, and an action's assignee from the responsible agency's.
 */
describe('partners write what is theirs, in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let landlordOfficer: Persona;
  let landlordColleague: Persona;
  let policeOfficer: Persona;
  let councilOfficer: Persona;
  let leaver: Persona;
  let police: string;
  let caseId: string;

  const signIn = (email: string): Promise<Page> => signInPage(browser, portal.url, email, PASSWORD);
  const stored = async () =>
    (await portal.db.query(`SELECT police_intelligence, lead_officer_id FROM cases WHERE id = $1`, [caseId])).rows[0];

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    const landlord = await people.agency('Kestrel Homes', 'LANDLORD');
    police = await people.agency('Kestrel Police', 'POLICE');
    const council = await people.agency('Kestrel Council', 'COUNCIL');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'kestrel-officer');
    landlordColleague = await people.user(landlord, ['MANAGER'], 'kestrel-manager');
    leaver = await people.user(landlord, ['CASEWORKER'], 'kestrel-leaver');
    policeOfficer = await people.user(police, ['CASEWORKER'], 'kestrel-police');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'kestrel-council');
    await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: leaver.id }, await people.admin());
    caseId = (
      await portal.ok<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        {
          input: {
            category: 'HARASSMENT',
            summary: 'Threats at the door of 7 Kestrel Way',
            ward: 'Kestrel',
            riskLevel: 'MEDIUM',
            parties: [{ role: 'VICTIM', fullName: 'Maren Holt' }],
          },
        },
        landlordOfficer.token,
      )
    ).createCase.id;
    const share = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Partnership agreement") { id } }`;
    await portal.ok(share, { c: caseId, a: police, x: 'FULL' }, landlordOfficer.token);
    await portal.ok(share, { c: caseId, a: council, x: 'LIMITED' }, landlordOfficer.token);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('a police officer with a FULL share writes police intelligence on a case the landlord owns', async () => {
    const page = await signIn(policeOfficer.email);
    await page.goto(`${portal.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Police intelligence', level: 2 }).waitFor();
    // Not the owner: the case basics are not theirs to edit, nor support needs.
    expect(await page.getByRole('heading', { name: 'Edit case' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Support needs', level: 2 }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Police intelligence' }).fill('Known to CID for criminal damage, 2025');
    await page.getByRole('button', { name: 'Save police intelligence' }).click();
    await page.getByText('Police intelligence saved.').waitFor();
    await expectAccessible(page, 'case-police-intelligence');
    expect((await stored()).police_intelligence).toBe('Known to CID for criminal damage, 2025');
    await page.close();
  });

  it('a LIMITED partner sees no form, and reads the intelligence as withheld', async () => {
    const page = await signIn(councilOfficer.email);
    await page.goto(`${portal.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Summary', level: 2 }).waitFor();
    const row = page.locator('.govuk-summary-list__row', { hasText: 'Police intelligence' });
    expect(await row.innerText()).toMatch(/withheld/i);
    expect(await page.getByRole('textbox', { name: 'Police intelligence' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Edit case' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Transfer to another agency' }).count()).toBe(0);
    await expectAccessible(page, 'case-limited-partner-fields');
    await page.close();
  });

  it('the owner chooses the lead officer from its own active people, and an assignee from the responsible agency', async () => {
    const page = await signIn(landlordOfficer.email);
    await page.goto(`${portal.url}/cases/${caseId}`);
    const lead = page.getByLabel('Lead officer');
    await lead.waitFor();
    const offered = await lead.locator('option').allInnerTexts();
    expect(offered).toContain(landlordColleague.email.split('@')[0].replace(/-(\d+)$/, ' $1'));
    expect(offered.join('|')).not.toMatch(/leaver|police|council/);
    await lead.selectOption(landlordColleague.id);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/Your changes were saved/).waitFor();
    expect((await stored()).lead_officer_id).toBe(landlordColleague.id);
    await expectAccessible(page, 'case-lead-officer');

    await page.goto(`${portal.url}/cases/${caseId}/actions`);
    await page.getByLabel('Agency responsible').selectOption(police);
    const assignee = page.getByLabel('Assigned to');
    await assignee.locator('option', { hasText: /kestrel-police/ }).waitFor({ state: 'attached' });
    expect((await assignee.locator('option').allInnerTexts()).join('|')).not.toMatch(/kestrel-officer|kestrel-manager/);
    await page.getByLabel('Kind').selectOption('PATROL');
    await page.getByLabel('Description').fill('Patrol Kestrel Way at night');
    await assignee.selectOption(policeOfficer.id);
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByText('The action was added.').waitFor();
    await expectAccessible(page, 'case-action-assignee');
    const { rows } = await portal.db.query(`SELECT assignee_id FROM case_actions WHERE case_id = $1`, [caseId]);
    expect(rows).toEqual([{ assignee_id: policeOfficer.id }]);
    await page.close();
  });
});
