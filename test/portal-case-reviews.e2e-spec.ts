import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 19, item 1, in the browser: the council's single point of contact logs an ASB Case Review application,
 * acknowledges it, decides it with the statutory count in view, sets the review meeting and records the outcome
 * with a recommendation for the landlord; a police officer with a LIMITED share of the case sees where the
 * application stands but not who applied, and is offered no step. Each screen is scanned with axe-core.
 */
describe('ASB Case Reviews in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let spoc: Persona;
  let policeOfficer: Persona;
  let caseId: string;
  let reviewId: string;

  const signIn = (who: Persona): Promise<Page> => signInPage(browser, portal.url, who.email, PASSWORD);

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const council = await people.agency('Browser Review Council', 'COUNCIL');
    const landlord = await people.agency('Browser Review Homes', 'LANDLORD');
    const police = await people.agency('Browser Review Police', 'POLICE');
    spoc = await people.user(council, ['CASE_REVIEW_SPOC'], 'review-spoc');
    policeOfficer = await people.user(police, ['CASEWORKER'], 'review-police');
    const coordinator = await people.user(council, ['MARAC_COORDINATOR'], 'review-coordinator');
    const chair = await people.user(council, ['MARAC_CHAIR'], 'review-chair');
    caseId = (
      await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        {
          input: {
            category: 'NOISE',
            summary: 'Drumming through the wall at night',
            ward: 'Kingsmead',
            riskLevel: 'MEDIUM',
            parties: [
              { role: 'VICTIM', fullName: 'Dana Drumhater' },
              { role: 'SUBJECT', fullName: 'Rory Rhythm' },
            ],
          },
        },
        spoc.token,
      )
    ).createCase.id;
    for (const agencyId of [landlord, police])
      await portal.ok(
        `mutation($c: ID!, $a: ID!, $access: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $access, reason: "Information-sharing protocol") { id } }`,
        { c: caseId, a: agencyId, access: agencyId === police ? 'LIMITED' : 'FULL' },
        spoc.token,
      );
    await portal.ok(
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          kind: 'CASE_REVIEW',
          title: 'Kingsmead Case Review panel',
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          chairId: chair.id,
          agencyIds: [council, landlord],
        },
      },
      coordinator.token,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('the single point of contact logs an application and takes it through acknowledgement, decision, meeting and outcome', async () => {
    const page = await signIn(spoc);
    await page.getByRole('link', { name: 'Case Reviews' }).click();
    await page.getByRole('heading', { name: 'ASB Case Reviews', level: 1 }).waitFor();
    await expectAccessible(page, 'case-reviews-empty');

    await page.getByRole('button', { name: 'Log application' }).click();
    await page.getByRole('link', { name: 'Choose at least one case the application concerns' }).waitFor();
    await expectAccessible(page, 'case-reviews-errors');

    await page.getByLabel('Find the cases it concerns').fill('Drumming');
    await page.getByRole('button', { name: 'Search cases' }).click();
    await page.getByLabel(/Drumming through the wall at night/).check();
    await page.getByLabel('The victim', { exact: true }).check();
    await page.getByLabel('Applicant’s name').fill('Dana Drumhater');
    await page.getByLabel('How to contact them').fill('07700 900555, after 6pm');
    await page.getByRole('button', { name: 'Log application' }).click();
    await page.getByRole('heading', { name: 'ASB Case Review application', level: 1 }).waitFor();
    reviewId = page.url().split('/').pop()!;
    await page.getByText('Dana Drumhater').first().waitFor();
    await expectAccessible(page, 'case-review-received');

    await page.getByRole('button', { name: 'Record acknowledgement' }).click();
    await page.getByText('The application was acknowledged.').waitFor();
    // The statutory count the decision rests on, for each linked case.
    await page.getByText(/0 qualifying complaints in 6 months; the threshold is 3, not met/).waitFor();
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('link', { name: 'Say whether the threshold is met' }).waitFor();
    await expectAccessible(page, 'case-review-decide-errors');
    await page.getByRole('group', { name: 'Is the threshold met?' }).getByLabel('Yes').check();
    await page.getByLabel('Reason').fill('Three complaints to the partnership in six months, some to the landlord');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('The threshold decision was recorded.').waitFor();

    await page.getByLabel('Case Review meeting').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Set meeting' }).click();
    await page.getByText('The review meeting was recorded.').waitFor();
    await expectAccessible(page, 'case-review-outcome-form');

    await page.getByLabel('Conclusion').fill('The landlord will act on the tenancy; the council will monitor noise');
    await page.getByRole('button', { name: 'Add a recommendation' }).click();
    await page.getByLabel('Case', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Browser Review Homes' });
    await page.getByLabel('What the agency will do').fill('Serve a warning letter about the noise');
    await page.getByLabel('Due by').fill('2030-01-31');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByText(/The outcome was recorded with 1 recommendations/).waitFor();
    await page.getByRole('heading', { name: 'Tell the applicant' }).waitFor();
    await expectAccessible(page, 'case-review-outcome');

    const action = await portal.db.query(
      `SELECT a.description, ag.name FROM case_actions a JOIN agencies ag ON ag.id = a.owner_agency_id WHERE a.case_id = $1`,
      [caseId],
    );
    expect(action.rows).toEqual([
      { description: 'Serve a warning letter about the noise', name: 'Browser Review Homes' },
    ]);

    // The year's figures on Reports.
    await page.getByRole('link', { name: 'Reports' }).click();
    const figures = page.getByRole('table', { name: /ASB Case Reviews in/ });
    await figures.getByRole('row', { name: /Applications received 1/ }).waitFor();
    await figures.getByRole('row', { name: /Recommendations made 1/ }).waitFor();
    await expectAccessible(page, 'case-review-figures');
  });

  it('a LIMITED partner sees the application’s progress on the case but not the applicant, and takes no step', async () => {
    const page = await signIn(policeOfficer);
    expect(await page.getByRole('link', { name: 'Case Reviews' }).count()).toBe(0);
    await page.goto(`${portal.url}/cases/${caseId}/risk`);
    const panel = page.getByRole('region', { name: 'ASB Case Review applications' });
    await panel.getByText('Withheld').waitFor();
    expect(await page.getByText('Dana Drumhater').count()).toBe(0);
    await expectAccessible(page, 'case-review-on-limited-case');

    await panel.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'ASB Case Review application', level: 1 }).waitFor();
    await page.getByText('The single point of contact and the agencies that own these cases take').waitFor();
    expect(await page.getByText('Dana Drumhater').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Record/ }).count()).toBe(0);
    expect(page.url()).toContain(reviewId);
    await expectAccessible(page, 'case-review-limited');
  });
});
