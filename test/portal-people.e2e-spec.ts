import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id parties { id } } }`;
const LINK = `mutation($p: ID!) { linkPartyToPerson(partyId: $p) { person { id } } }`;

/**
 * Issue 18, item 1, in the browser: adding a person offers the people already known who may be them, and links
 * only the one picked; the person page shows what the reader's cases record; a manager merges two records and
 * undoes the merge.
 */
describe('people in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let officer: Persona;
  let manager: Persona;
  let known: { id: string; party: string };
  let fresh: string;

  const signIn = (email: string): Promise<Page> => signInPage(browser, portal.url, email, PASSWORD);
  const newCase = async (fullName: string, dateOfBirth?: string) => {
    const created = (
      await portal.ok(
        CREATE,
        {
          input: {
            category: 'HARASSMENT',
            summary: 'Threats on the stairs',
            ward: 'Riverside',
            riskLevel: 'MEDIUM',
            parties: [{ role: 'VICTIM', fullName, dateOfBirth }],
          },
        },
        officer.token,
      )
    ).createCase;
    return { id: created.id as string, party: created.parties[0].id as string };
  };
  const personOf = async (partyId: string) =>
    (await portal.db.query(`SELECT person_id FROM parties WHERE id = $1`, [partyId])).rows[0].person_id as
      string | null;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const partnership = new Partnership(portal);
    const landlord = await partnership.agency('People Browser Homes', 'LANDLORD');
    officer = await partnership.user(landlord, ['CASEWORKER'], 'people-officer');
    manager = await partnership.user(landlord, ['MANAGER'], 'people-manager');
    known = await newCase('Gwendolyn Prosser', '1979-04-12');
    fresh = (await newCase('Somebody Else')).id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('suggests a likely match while a person is added, links the one picked, and shows the person page', async () => {
    const page = await signIn(officer.email);
    await page.goto(`${portal.url}/cases/${fresh}/parties`);
    await page.getByRole('heading', { name: 'Add a person' }).waitFor();
    await page.locator('#add-party-role').selectOption('SUBJECT');
    await page.getByLabel('Full name').fill('Gwendolin Prosser');
    await page.getByLabel('Other names').fill('Gwen Prosser, Gwen Jones');
    await page.getByLabel('Date of birth').fill('1979-04-12');
    const suggestion = page.getByLabel(
      /Link to this person: Gwendolyn Prosser, born 12 Apr 1979, on 1 case you can see/,
    );
    await suggestion.waitFor();
    await expectAccessible(page, 'add-party-likely-match');
    await suggestion.check();
    await page.getByRole('button', { name: 'Add person and link' }).click();
    await page.getByText('The person was added.').waitFor();
    await page.getByRole('link', { name: 'On 2 cases you can see' }).waitFor();
    await page.getByText('Gwen Prosser, Gwen Jones').waitFor();
    const person = await personOf(known.party);
    expect(person).toBeTruthy();
    const { rows } = await portal.db.query(`SELECT person_id FROM parties WHERE case_id = $1 AND role = 'SUBJECT'`, [
      fresh,
    ]);
    expect(rows[0].person_id).toBe(person);

    await page.getByRole('link', { name: 'On 2 cases you can see' }).click();
    await page
      .getByRole('heading', { name: 'Gwendolin Prosser' })
      .or(page.getByRole('heading', { name: 'Gwendolyn Prosser' }))
      .waitFor();
    await page.getByRole('table', { name: 'Cases you can see (2)' }).waitFor();
    await expectAccessible(page, 'person');
  });

  it('lets a manager merge two person records and undo the merge', async () => {
    const one = await newCase('Idris Vaughan');
    const two = await newCase('Idris Vaughn');
    const keep = (await portal.ok(LINK, { p: one.party }, officer.token)).linkPartyToPerson.person.id as string;
    const other = (await portal.ok(LINK, { p: two.party }, officer.token)).linkPartyToPerson.person.id as string;

    const page = await signIn(manager.email);
    await page.goto(`${portal.url}/people/${keep}`);
    await page.getByRole('link', { name: 'Merge another person record into this one' }).click();
    await page.getByRole('heading', { name: 'Merge person records' }).waitFor();
    expect(await page.getByLabel('Person record to keep').inputValue()).toBe(keep);
    await page.getByLabel('Person record to merge into it').fill(other);
    await page.getByLabel('Why they are the same person').fill('Same person, name misspelt on the second case');
    await page.getByRole('button', { name: 'Merge records' }).click();
    // The confirmation is asked for before anything changes.
    await page.getByText('There is a problem').waitFor();
    expect(await personOf(two.party)).toBe(other);
    await page.getByLabel('I have checked that these records are the same person').check();
    await page.getByRole('button', { name: 'Merge records' }).click();
    await page.getByText('The records were merged: 1 links moved.').waitFor();
    expect(await personOf(two.party)).toBe(keep);
    await expectAccessible(page, 'person-merges');

    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByLabel('Why the merge is being undone').fill('Two different people after all');
    await page.getByRole('button', { name: 'Undo merge' }).click();
    await page.getByText('The merge was undone').waitFor();
    await page.getByText('Undone', { exact: true }).waitFor();
    expect(await personOf(two.party)).toBe(other);
    expect(await personOf(one.party)).toBe(keep);
  });

  it('offers merging to managers only', async () => {
    const page = await signIn(officer.email);
    expect(
      await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Person records' }).count(),
    ).toBe(0);
    await page.goto(`${portal.url}/people/merges`);
    await page.getByText('Only managers can merge person records.').waitFor();
  });
});
