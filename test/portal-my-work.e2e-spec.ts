import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const DAY = 86_400_000;
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`;

/**
 * Issue 17, item 3, in the browser: a council officer whose agency holds a shared case and was given an action at
 * a MARAC on a case it does not hold finds both on My work, with the MARAC among its next meetings, and nothing
 * of the case it does not hold.
 */
describe('My work for a partner agency in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let councilOfficer: Persona;
  let shared: { id: string; reference: string };
  let unheld: { id: string; reference: string };

  const signIn = (email: string, password = PASSWORD): Promise<Page> =>
    signInPage(browser, portal.url, email, password);

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const police = await people.agency('My Work Constabulary', 'POLICE');
    const council = await people.agency('My Work Borough Council', 'COUNCIL');
    const officer = await people.user(police, ['CASEWORKER'], 'browser-police-officer');
    const coordinator = await people.user(police, ['MARAC_COORDINATOR'], 'browser-coordinator');
    const chair = await people.user(police, ['MARAC_CHAIR'], 'browser-chair');
    councilOfficer = await people.user(council, ['CASEWORKER'], 'browser-council-officer');
    const councilColleague = await people.user(council, ['CASEWORKER'], 'browser-council-colleague');

    const open = async (summary: string, victim: string) =>
      (
        await portal.ok(
          CREATE,
          {
            input: {
              category: 'DOMESTIC_ABUSE',
              summary,
              ward: 'Riverside',
              riskLevel: 'HIGH',
              parties: [{ role: 'VICTIM', fullName: victim }],
            },
          },
          officer.token,
        )
      ).createCase as { id: string; reference: string };
    shared = await open('Shared with the council', 'Ash Shared');
    unheld = await open('Never shared with the council', 'Birch Unshared');
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: LIMITED, reason: "ASB partnership") { id } }`,
      { c: shared.id, a: council },
      officer.token,
    );
    await portal.ok(
      `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: HOME_VISIT, description: "Visit the block with the police", ownerAgencyId: $a, dueAt: "${new Date(Date.now() + 3 * DAY).toISOString()}" }) { id } }`,
      { c: shared.id, a: council },
      officer.token,
    );
    const meetingId = (
      await portal.ok(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            kind: 'MARAC',
            title: 'Riverside MARAC next week',
            startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
            chairId: chair.id,
            agencyIds: [police, council],
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id as string;
    const itemId = (
      await portal.ok(
        `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Threats since the separation") { id } }`,
        { m: meetingId, c: unheld.id },
        coordinator.token,
      )
    ).referCase.id as string;
    await portal.ok(
      `mutation($i: ID!, $a: ID!) { recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: "Council to flag the address for housing", dueAt: "${new Date(Date.now() + 10 * DAY).toISOString()}" }) { id } }`,
      { i: itemId, a: council },
      chair.token,
    );
    // A colleague gives the officer the alert about the action on the shared case, from the inbox.
    await portal.alertsSettled();
    const inbox = await portal.ok<{ alertInbox: { edges: { node: { id: string; case: { id: string } | null } }[] } }>(
      `{ alertInbox(filter: { kinds: [ACTION_ASSIGNED] }) { edges { node { id case { id } } } } }`,
      {},
      councilColleague.token,
    );
    await portal.ok(
      `mutation($a: ID!, $u: ID) { assignAlert(alertId: $a, userId: $u) { id } }`,
      { a: inbox.alertInbox.edges.find((e) => e.node.case?.id === shared.id)!.node.id, u: councilOfficer.id },
      councilColleague.token,
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('lists the shared case, the action a meeting gave the agency, and the next meeting, and nothing of the case it does not hold', async () => {
    const page = await signIn(councilOfficer.email);
    const cases = page.getByRole('table', { name: /Open cases your agency owns or that are shared with it/ });
    const caseRow = cases.getByRole('row', { name: new RegExp(shared.reference) });
    await caseRow.waitFor();
    expect(await caseRow.getByRole('cell', { name: 'Limited share' }).count()).toBe(1);
    expect(await caseRow.getByRole('link', { name: shared.reference }).getAttribute('href')).toBe(
      `/cases/${shared.id}`,
    );

    const actions = page.getByRole('table', { name: /Open actions your agency carries out/ });
    const meetingAction = actions.getByRole('row', { name: /Council to flag the address for housing/ });
    await meetingAction.waitFor();
    // Agreed at the MARAC, on a case the council does not hold: the meeting is named, the case is not.
    expect(await meetingAction.getByRole('link', { name: /Riverside MARAC next week/ }).count()).toBe(1);
    expect(await meetingAction.getByText('Not shared with your agency').count()).toBe(1);
    expect(await actions.getByRole('row', { name: /Visit the block with the police/ }).count()).toBe(1);

    const assignedAlerts = page.getByRole('table', { name: /Alerts assigned to you/ });
    const assignedAlert = assignedAlerts.getByRole('row', { name: /Action assigned/ });
    await assignedAlert.waitFor();
    expect(await assignedAlert.getByRole('link', { name: shared.reference }).count()).toBe(1);

    const meetings = page.getByRole('table', { name: /Meetings your agency attends/ });
    await meetings.getByRole('link', { name: 'Riverside MARAC next week' }).waitFor();

    const summary = page.locator('.govuk-summary-list');
    await expect(summary.getByText('1: 0 owned by your agency, 1 shared with it').count()).resolves.toBe(1);
    await expect(summary.getByText('2 open actions, 0 overdue').count()).resolves.toBe(1);
    await expect(summary.getByText('1 upcoming meeting').count()).resolves.toBe(1);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(unheld.reference);
    expect(text).not.toContain('Birch Unshared');
    expect(text).not.toContain('coming soon');
    await expectAccessible(page, 'my-work-partner');
  });
});
