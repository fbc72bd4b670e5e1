import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#libs/demo';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { parseCsv } from './csv.js';
import { TestPortal } from './harness.js';

/**
 * Casework screens in a real browser against the real API and database: the triage queue (accept, attach,
 * decline, log a report, a decision someone else made first), closing a case with the record that the
 * reporter was told, the reporter's satisfaction survey answered without an account, the interventions
 * register, and the case list and case summary downloads. Every new screen is scanned with axe-core.
 */

const LANDLORD = 'caseworker@riverside-homes.example';
const MANAGER = 'manager@riverside-homes.example';

/** A date-time input's value, in the browser's (and this machine's) local time. */
const localDateTime = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const londonDate = (d: Date | string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(d));
const londonDay = (d: Date | string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(d));
const DAY = 86_400_000;

const SUBMIT = `mutation($input: IntakeReportInput!) { submitIntakeReport(input: $input) { id } }`;
const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference version } }`;

describe('casework screens in a browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let owner: string;
  let landlordAgency: string;

  const signIn = (email: string): Promise<Page> =>
    signInPage(browser, portal.url, email, DEMO_PASSWORD, { acceptDownloads: true });

  const report = (input: Record<string, unknown>) =>
    portal
      .ok(SUBMIT, { input: { channel: 'PHONE', category: 'NOISE', ward: 'Riverside East', ...input } }, owner)
      .then((d) => d.submitIntakeReport.id as string);
  const openCase = (input: Record<string, unknown>) =>
    portal
      .ok(
        CREATE_CASE,
        {
          input: {
            category: 'NOISE',
            ward: 'Riverside East',
            riskLevel: 'STANDARD',
            summary: 'Casework test',
            ...input,
          },
        },
        owner,
      )
      .then((d) => d.createCase as { id: string; reference: string; version: number });
  const intake = async (id: string) =>
    (
      await portal.db.query(
        `SELECT status, case_id, decline_reason, anonymous, reporter_name FROM intake_reports WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const reportSection = (page: Page, summary: string) =>
    page.locator('section.app-triage-report').filter({ hasText: summary });

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SEED_DEMO: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    owner = await portal.login(LANDLORD, DEMO_PASSWORD);
    landlordAgency = (await portal.ok(`{ me { agency { id } } }`, {}, owner)).me.agency.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('triages reports: accepts one as a new case, attaches one to a matching case and one by reference, declines one', async () => {
    const existing = await openCase({
      summary: 'Casework test: parties at 7 Attach Close every weekend',
      address: '7 Attach Close',
    });
    const other = await openCase({ summary: 'Casework test: loud music from the flat above' });
    const toAccept = await report({
      summary: 'Casework test: drilling after midnight',
      address: '3 Accept Row',
      reporterName: 'Mo Triage',
      reporterPhone: '07700 900111',
      subjectName: 'Dan Driller',
    });
    const toAttach = await report({
      summary: 'Casework test: another party at number 7',
      address: '7 Attach Close',
      reporterPhone: '07700 900111',
    });
    const byReference = await report({
      summary: 'Casework test: music again, reported by email',
      channel: 'EMAIL',
      address: '40 Elsewhere Street',
    });
    const toDecline = await report({
      summary: 'Casework test: neighbour vacuums on Sunday mornings',
      address: '9 Quiet Lane',
    });

    const page = await signIn(LANDLORD);
    const nav = page.getByRole('navigation', { name: 'Primary' });
    // The count waiting is part of the link's name.
    await nav.getByRole('link', { name: 'Triage 4 waiting' }).waitFor();
    await page.getByRole('link', { name: '4 reports waiting in triage' }).waitFor();
    await nav.getByRole('link', { name: /^Triage/ }).click();
    await page.getByRole('heading', { name: '4 reports waiting' }).waitFor();

    // What came in, and what the queue made of it: the repeat caller, the possible case, the anonymous reporter.
    const attachSection = reportSection(page, 'another party at number 7');
    await attachSection.getByText('Repeat caller').waitFor();
    await attachSection.getByText('Repeat location').waitFor();
    await attachSection.getByRole('link', { name: existing.reference }).waitFor();
    await reportSection(page, 'drilling after midnight').getByText('Mo Triage, 07700 900111').waitFor();
    await reportSection(page, 'vacuums on Sunday').getByText('Anonymous', { exact: true }).waitFor();
    expect(await reportSection(page, 'vacuums on Sunday').getByText('Repeat caller').count()).toBe(0);
    await attachSection.getByLabel('Attach to an open case').check();
    await expectAccessible(page, 'triage');

    // Attach to the matching case.
    await attachSection.getByLabel(existing.reference).check();
    await attachSection.getByRole('button', { name: /^Attach to case/ }).click();
    await page.getByText(`The report was added to ${existing.reference} as an incident.`).waitFor();
    await page.getByRole('heading', { name: '3 reports waiting' }).waitFor();
    expect(await intake(toAttach)).toMatchObject({ status: 'ATTACHED', case_id: existing.id });
    const { rows: attached } = await portal.db.query(`SELECT description, location FROM incidents WHERE case_id = $1`, [
      existing.id,
    ]);
    expect(attached).toEqual([
      { description: 'Reported by phone: Casework test: another party at number 7', location: '7 Attach Close' },
    ]);

    // Attach by a typed reference; a reference that is no case is refused in the form first.
    const emailed = reportSection(page, 'music again');
    await emailed.getByLabel('Attach to an open case').check();
    await emailed.getByRole('button', { name: /^Attach to case/ }).click();
    await emailed.getByRole('link', { name: 'Enter the reference of the case to attach the report to' }).waitFor();
    await emailed.getByLabel('Case reference').fill('ASB-1999-000001');
    await emailed.getByRole('button', { name: /^Attach to case/ }).click();
    await emailed.getByRole('link', { name: /No open case with the reference ASB-1999-000001 was found/ }).waitFor();
    expect(await intake(byReference)).toMatchObject({ status: 'NEW' });
    await emailed.getByLabel('Case reference').fill(other.reference.toLowerCase());
    await emailed.getByRole('button', { name: /^Attach to case/ }).click();
    await page.getByText(`The report was added to ${other.reference} as an incident.`).waitFor();
    expect(await intake(byReference)).toMatchObject({ status: 'ATTACHED', case_id: other.id });

    // Decline, with a reason required.
    const declining = reportSection(page, 'vacuums on Sunday');
    await declining.getByLabel('Decline', { exact: true }).check();
    await declining.getByRole('button', { name: /^Decline report/ }).click();
    await declining.getByRole('link', { name: 'Enter why the report is declined, in at least 3 characters' }).waitFor();
    await declining.getByLabel('Why is it declined?').fill('Everyday household noise; advice given');
    await declining.getByRole('button', { name: /^Decline report/ }).click();
    await page.getByText('The report was declined. The reason has been kept.').waitFor();
    expect(await intake(toDecline)).toMatchObject({
      status: 'DECLINED',
      decline_reason: 'Everyday household noise; advice given',
      case_id: null,
    });

    // Accept as a new case at a chosen risk level: the page moves to the new case.
    const accepting = reportSection(page, 'drilling after midnight');
    await accepting.getByLabel('Accept as a new case').check();
    await accepting.getByRole('button', { name: /^Accept as a new case/ }).click();
    await accepting.getByRole('link', { name: 'Select the risk level of the new case' }).waitFor();
    await accepting.getByLabel('High', { exact: true }).check();
    await accepting.getByRole('button', { name: /^Accept as a new case/ }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1 }).filter({ hasText: /^ASB-\d{4}-\d{6}$/ });
    await heading.waitFor();
    const accepted = await intake(toAccept);
    expect(accepted.status).toBe('ACCEPTED');
    expect(page.url()).toBe(`${portal.url}/cases/${accepted.case_id}`);
    const { rows: created } = await portal.db.query(
      `SELECT reference, risk_level, summary, address FROM cases WHERE id = $1`,
      [accepted.case_id],
    );
    expect(created[0]).toEqual({
      reference: (await heading.innerText()).trim(),
      risk_level: 'HIGH',
      summary: 'Casework test: drilling after midnight',
      address: '3 Accept Row',
    });
    const { rows: people } = await portal.db.query(
      `SELECT role, full_name FROM parties WHERE case_id = $1 ORDER BY position`,
      [accepted.case_id],
    );
    expect(people).toEqual([
      { role: 'COMPLAINANT', full_name: 'Mo Triage' },
      { role: 'SUBJECT', full_name: 'Dan Driller' },
    ]);
    await nav.getByRole('link', { name: 'Triage', exact: true }).waitFor();
  }, 90_000);

  it('says so when someone else decided a report first, and brings the queue up to date', async () => {
    const id = await report({ summary: 'Casework test: shouting in the car park', address: '1 Car Park Way' });
    const page = await signIn(LANDLORD);
    await page.goto(`${portal.url}/triage`);
    const section = reportSection(page, 'shouting in the car park');
    await section.getByLabel('Decline', { exact: true }).check();
    await section.getByLabel('Why is it declined?').fill('Not anti-social behaviour');
    // A colleague declines it first.
    await portal.ok(
      `mutation($id: ID!) { declineIntakeReport(id: $id, reason: "Passed to the police") { id } }`,
      { id },
      owner,
    );
    await section.getByRole('button', { name: /^Decline report/ }).click();
    await page.getByRole('heading', { name: 'Someone else already decided this report' }).waitFor();
    expect(await page.evaluate(`!!document.activeElement?.closest('.govuk-error-summary')`)).toBe(true);
    await section.waitFor({ state: 'detached' });
    expect(await intake(id)).toMatchObject({ status: 'DECLINED', decline_reason: 'Passed to the police' });
    await expectAccessible(page, 'triage-conflict');
  });

  it('logs a report from the triage page, anonymous when no name is given', async () => {
    const page = await signIn(LANDLORD);
    await page.goto(`${portal.url}/triage`);
    await page.getByRole('heading', { name: 'Log a report' }).waitFor();
    await page.getByRole('button', { name: 'Log report' }).click();
    await page.getByRole('link', { name: 'Select a category' }).waitFor();
    await page.getByLabel('How it came in').selectOption('IN_PERSON');
    await page.getByLabel('Category').selectOption('GRAFFITI');
    await page.getByLabel('What was reported').fill('Casework test: tags sprayed on the bin store');
    await page.getByLabel('Ward').fill('Riverside North');
    await page.getByLabel('Address or place').fill('Bin store, Weavers Parade');
    await page.getByRole('button', { name: 'Log report' }).click();
    await page.getByText('The report was logged. It is now in the queue, waiting for a decision.').waitFor();
    const logged = reportSection(page, 'tags sprayed on the bin store');
    await logged.getByText('Anonymous', { exact: true }).waitFor();
    await logged.getByText('In person', { exact: true }).waitFor();
    const { rows } = await portal.db.query(
      `SELECT channel, category, ward, address, anonymous, reporter_name, status FROM intake_reports WHERE summary = $1`,
      ['Casework test: tags sprayed on the bin store'],
    );
    expect(rows).toEqual([
      {
        channel: 'IN_PERSON',
        category: 'GRAFFITI',
        ward: 'Riverside North',
        address: 'Bin store, Weavers Parade',
        anonymous: true,
        reporter_name: null,
        status: 'NEW',
      },
    ]);
    expect(await page.getByLabel('What was reported').inputValue()).toBe('');
    await expectAccessible(page, 'triage-logged');
  });

  it('closes a case with the record that the reporter was told, then sends a survey the reporter answers once without an account', async () => {
    const kase = await openCase({
      summary: 'Casework test: dog barking at number 4',
      parties: [{ role: 'COMPLAINANT', fullName: 'Rita Reporter' }],
    });
    // A case opened a fortnight ago (the API opens cases now), so the reporter can have been told an hour ago.
    await portal.db.query(`UPDATE cases SET opened_at = now() - interval '14 days' WHERE id = $1`, [kase.id]);
    const page = await signIn(LANDLORD);
    await page.goto(`${portal.url}/cases/${kase.id}`);
    await page.getByRole('heading', { name: 'Close this case' }).waitFor();

    // How and when the reporter was told is required in the portal.
    await page.getByLabel('Resolved', { exact: true }).check();
    await page.getByLabel('Reason for closing').fill('The dog was rehomed');
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('link', { name: 'Enter when the reporter was told the case is closing' }).waitFor();
    await page.getByRole('link', { name: 'Select how the reporter was told' }).waitFor();
    expect(await page.evaluate(`!!document.activeElement?.closest('.govuk-error-summary')`)).toBe(true);

    // Someone else changes the case meanwhile: the close is refused, and says so, keeping what was typed.
    await portal.ok(
      `mutation($id: ID!, $v: Int!) { updateCase(id: $id, expectedVersion: $v, input: { ward: "Riverside West" }) { id } }`,
      { id: kase.id, v: kase.version },
      owner,
    );
    const told = new Date(Date.now() - 60 * 60_000);
    await page.getByLabel('When they were told').fill(localDateTime(told));
    await page.getByLabel('How they were told').selectOption('PHONE');
    await page.getByLabel('What they were told (optional)').fill('Phoned Rita: case closing as the dog was rehomed');
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('heading', { name: 'This case was changed by someone else' }).waitFor();
    await page.getByText('Ward is now “Riverside West” (was “Riverside East”)').waitFor();
    expect((await portal.db.query(`SELECT status FROM cases WHERE id = $1`, [kase.id])).rows[0].status).toBe('OPEN');
    expect(await page.getByLabel('What they were told (optional)').inputValue()).toBe(
      'Phoned Rita: case closing as the dog was rehomed',
    );
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByText('Closed: resolved').first().waitFor();

    const { rows: closed } = await portal.db.query(`SELECT status, reporter_told_at FROM cases WHERE id = $1`, [
      kase.id,
    ]);
    expect(closed[0].status).toBe('CLOSED_RESOLVED');
    expect(Math.abs(closed[0].reporter_told_at.getTime() - told.getTime())).toBeLessThan(60_000);
    const { rows: contacts } = await portal.db.query(
      `SELECT channel, note, contacted_at FROM contacts WHERE case_id = $1`,
      [kase.id],
    );
    expect(contacts).toEqual([
      {
        channel: 'PHONE',
        note: 'Phoned Rita: case closing as the dog was rehomed',
        contacted_at: closed[0].reporter_told_at,
      },
    ]);
    const toldRow = page.locator('.govuk-summary-list__row').filter({ hasText: 'Reporter told of the closure' });
    expect(await toldRow.locator('dd').innerText()).toContain(londonDate(told));

    // The owner makes a link for the reporter: shown once, with its expiry.
    await page.getByRole('heading', { name: 'Satisfaction' }).waitFor();
    await page.getByText('No survey link has been sent and no answers have been recorded.').waitFor();
    await page.getByRole('button', { name: 'Create survey link' }).click();
    const linkInput = page.getByLabel('Survey link');
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    expect(link).toMatch(new RegExp(`^${portal.url}/survey/[A-Za-z0-9_-]{40,}$`));
    await page.getByText(`It works once, until ${londonDate(new Date(Date.now() + 28 * DAY))}`).waitFor();
    await page.getByText('This link is shown only once.').waitFor();
    await page.getByText(/not answered yet/).waitFor();
    await expectAccessible(page, 'case-closed-satisfaction');

    // The reporter, signed out in a browser of their own: no portal navigation, two questions.
    const reporter = await (await browser.newContext()).newPage();
    await reporter.goto(link);
    await reporter.getByRole('heading', { name: 'How did we do?' }).waitFor();
    expect(await reporter.getByRole('navigation', { name: 'Primary' }).count()).toBe(0);
    expect(await reporter.getByLabel('Password').count()).toBe(0);
    await expectAccessible(reporter, 'survey');
    await reporter.getByRole('button', { name: 'Send your answers' }).click();
    await reporter.getByRole('link', { name: 'Select how satisfied you are with the service you received' }).waitFor();
    await reporter.getByRole('link', { name: 'Select how satisfied you are with the outcome' }).waitFor();
    await expectAccessible(reporter, 'survey-errors');
    await reporter
      .getByRole('group', { name: 'How satisfied are you with the service you received?' })
      .getByLabel('Satisfied', { exact: true })
      .check();
    await reporter
      .getByRole('group', { name: 'How satisfied are you with the outcome?' })
      .getByLabel('Very satisfied', { exact: true })
      .check();
    await reporter
      .getByLabel('Is there anything else you want to tell us? (optional)')
      .fill('Quick to sort out, thank you');
    await reporter.getByRole('button', { name: 'Send your answers' }).click();
    await reporter.getByRole('heading', { name: 'Thank you' }).waitFor();
    await expectAccessible(reporter, 'survey-thank-you');
    const { rows: answers } = await portal.db.query(
      `SELECT service_score, outcome_score, comment, answered_at IS NOT NULL AS answered, token_hash FROM satisfaction_surveys WHERE case_id = $1`,
      [kase.id],
    );
    expect(answers).toEqual([
      { service_score: 4, outcome_score: 5, comment: 'Quick to sort out, thank you', answered: true, token_hash: null },
    ]);

    // The same link again: used, and said so plainly before any form is shown.
    const again = await (await browser.newContext()).newPage();
    await again.goto(link);
    await again.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    expect(await again.getByRole('button', { name: 'Send your answers' }).count()).toBe(0);
    await again.getByText('The link may already have been used, or it may have expired.').waitFor();
    await expectAccessible(again, 'survey-used');
    expect(
      (await portal.db.query(`SELECT service_score FROM satisfaction_surveys WHERE case_id = $1`, [kase.id])).rows,
    ).toEqual([{ service_score: 4 }]);

    // The owner sees the answer; and records answers given on the phone.
    await page.reload();
    const table = page.getByRole('table', { name: 'Answers and links, newest first' });
    await table.getByText(/^Answered through the link on /).waitFor();
    await table.getByText('Satisfied (4 of 5)').waitFor();
    await table.getByText('Very satisfied (5 of 5)').waitFor();
    await table.getByText('Quick to sort out, thank you').waitFor();
    await page
      .getByRole('group', { name: 'How satisfied is the reporter with the service they received?' })
      .getByLabel('Dissatisfied', { exact: true })
      .check();
    await page
      .getByRole('group', { name: 'How satisfied is the reporter with the outcome?' })
      .getByLabel('Neither satisfied nor dissatisfied')
      .check();
    await page.getByRole('button', { name: 'Record answers' }).click();
    await page.getByText('The answers were recorded.').waitFor();
    await table.getByText(/^Recorded by your agency on /).waitFor();
    await table.getByText('Dissatisfied (2 of 5)').waitFor();
    expect(
      (
        await portal.db.query(
          `SELECT service_score, outcome_score FROM satisfaction_surveys WHERE case_id = $1 ORDER BY created_at`,
          [kase.id],
        )
      ).rows,
    ).toEqual([
      { service_score: 4, outcome_score: 5 },
      { service_score: 2, outcome_score: 3 },
    ]);
  }, 90_000);

  it("shows the owner's officer the meeting agendas its case is on and takes it off one, saying why", async () => {
    // A demo domestic-abuse case heard at last month's MARAC (closed) and on next week's published agenda.
    const { rows } = await portal.db.query(
      `SELECT c.id, c.reference, i.id AS item_id, u.email FROM agenda_items i
         JOIN meetings m ON m.id = i.meeting_id AND m.closed_at IS NULL
         JOIN cases c ON c.id = i.case_id
         JOIN users u ON u.agency_id = c.owner_agency_id AND u.roles = ARRAY['CASEWORKER'] AND u.email LIKE 'caseworker@%'
        WHERE i.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM agenda_items p JOIN meetings pm ON pm.id = p.meeting_id AND pm.closed_at IS NOT NULL WHERE p.case_id = c.id)
        ORDER BY c.reference LIMIT 1`,
    );
    const kase = rows[0] as { id: string; reference: string; item_id: string; email: string };
    const page = await signIn(kase.email);
    await page.goto(`${portal.url}/cases/${kase.id}/risk`);
    const panel = page.getByRole('region', { name: 'On meeting agendas' });
    await panel.waitFor();
    const cards = panel.locator('.govuk-summary-card');
    await cards.nth(1).waitFor();
    // Newest meeting first: next week's, still to be held; then last month's, closed, which cannot be changed.
    expect(await cards.count()).toBe(2);
    await cards.nth(0).getByText('On the agenda', { exact: true }).waitFor();
    await cards.nth(1).getByText('Meeting closed', { exact: true }).waitFor();
    expect(
      await cards
        .nth(1)
        .getByRole('button', { name: /Take off this agenda/ })
        .count(),
    ).toBe(0);
    await expectAccessible(page, 'case-meeting-agendas');

    await cards
      .nth(0)
      .getByRole('button', { name: /Take off this agenda/ })
      .click();
    const reason = cards.nth(0).getByLabel('Why are you taking the case off this agenda?');
    expect(await reason.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    // A reason is required, in the GOV.UK error summary.
    await cards
      .nth(0)
      .getByRole('button', { name: /Take off the agenda/ })
      .click();
    await page
      .getByRole('link', { name: 'Enter why the case is being taken off this agenda, in at least 3 characters' })
      .waitFor();
    await expectAccessible(page, 'case-meeting-agendas-reason-missing');
    await reason.fill('The victim has moved out of the area and is supported there');
    await cards
      .nth(0)
      .getByRole('button', { name: /Take off the agenda/ })
      .click();

    await panel.getByText(`${kase.reference} was taken off the agenda of Riverside MARAC.`).waitFor();
    await cards
      .nth(0)
      .getByText(`Withdrawn on ${londonDate(new Date())}`, { exact: true })
      .waitFor();
    expect(await panel.getByRole('button', { name: /Take off this agenda/ }).count()).toBe(0);
    const item = (
      await portal.db.query(`SELECT withdrawn_at, withdrawn_reason FROM agenda_items WHERE id = $1`, [kase.item_id])
    ).rows[0];
    expect(item.withdrawn_reason).toBe('The victim has moved out of the area and is supported there');
    expect(item.withdrawn_at).not.toBeNull();
    const trail = await portal.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'CASE_WITHDRAWN_FROM_MEETING'`,
      [kase.id],
    );
    expect(trail.rows[0].n).toBe(1);
    await expectAccessible(page, 'case-meeting-agendas-withdrawn');
  });

  it('says an unknown survey link cannot be used', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${portal.url}/survey/not-a-real-token`);
    await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    expect(await page.getByRole('button', { name: 'Send your answers' }).count()).toBe(0);
  });

  it("lists the agency's live interventions, marks those expiring within 28 days, filters by kind and downloads the register", async () => {
    const kase = await openCase({ summary: 'Casework test: threats to neighbours', category: 'HARASSMENT' });
    const add = `mutation($c: ID!, $input: ActionInput!) { addAction(caseId: $c, input: $input) { id } }`;
    const serve = `mutation($id: ID!, $input: UpdateActionInput!) { updateAction(id: $id, input: $input) { id expiresAt } }`;
    const cpw = (
      await portal.ok(
        add,
        {
          c: kase.id,
          input: {
            kind: 'COMMUNITY_PROTECTION_WARNING',
            description: 'Casework test: CPW for threats',
            ownerAgencyId: landlordAgency,
          },
        },
        owner,
      )
    ).addAction.id;
    const nosp = (
      await portal.ok(
        add,
        {
          c: kase.id,
          input: {
            kind: 'NOTICE_SEEKING_POSSESSION',
            description: 'Casework test: NOSP on ASB grounds',
            ownerAgencyId: landlordAgency,
          },
        },
        owner,
      )
    ).addAction.id;
    // The warning was served 170 days ago: it lapses 6 months after serving, within the next 28 days.
    const served = new Date(Date.now() - 170 * DAY);
    const cpwExpiry = (await portal.ok(serve, { id: cpw, input: { servedAt: served.toISOString() } }, owner))
      .updateAction.expiresAt;
    const nospExpiry = (
      await portal.ok(
        serve,
        {
          id: nosp,
          input: { servedAt: new Date().toISOString(), hearingAt: new Date(Date.now() + 40 * DAY).toISOString() },
        },
        owner,
      )
    ).updateAction.expiresAt;
    const { rows } = await portal.db.query(`SELECT expires_at FROM case_actions WHERE id = $1`, [cpw]);
    expect(rows[0].expires_at.toISOString()).toBe(cpwExpiry);
    const daysLeft = Math.ceil((Date.parse(cpwExpiry) - Date.now()) / DAY);
    expect(daysLeft).toBeLessThanOrEqual(28);

    const page = await signIn(LANDLORD);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Interventions' }).click();
    await page.getByRole('heading', { name: 'Interventions', level: 1 }).waitFor();
    const cpwRow = page.getByRole('row').filter({ hasText: 'Casework test: CPW for threats' });
    await cpwRow.getByRole('link', { name: kase.reference }).waitFor();
    expect(await cpwRow.innerText()).toContain(londonDate(served));
    expect(await cpwRow.innerText()).toContain(londonDate(cpwExpiry));
    await cpwRow.getByText(`Expires in ${daysLeft} days`).waitFor();
    const nospRow = page.getByRole('row').filter({ hasText: 'Casework test: NOSP on ASB grounds' });
    expect(await nospRow.innerText()).toContain(londonDate(nospExpiry));
    expect(await nospRow.getByText(/^Expires in/).count()).toBe(0);
    await expectAccessible(page, 'interventions');

    await page.getByLabel('Kind of intervention').selectOption('COMMUNITY_PROTECTION_WARNING');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/\/interventions\?kind=COMMUNITY_PROTECTION_WARNING$/);
    await page.getByText('1 live community protection warning intervention; 1 expires within 28 days').waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'NOSP on ASB grounds' }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV of community protection warning interventions' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `community-protection-warning-interventions-${londonDay(new Date())}.csv`,
    );
    const csv = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(['Kind', 'Case', 'What', 'Served', 'Hearing', 'Expires', 'Days left', 'Officer', 'Status']);
    expect(csv.slice(1)).toEqual([
      [
        'Community protection warning',
        kase.reference,
        'Casework test: CPW for threats',
        londonDay(served),
        '',
        londonDay(cpwExpiry),
        String(daysLeft),
        'Not assigned',
        'Open',
      ],
    ]);
  });

  it('downloads the case list as CSV with the filters applied, and a case summary as PDF', async () => {
    const high = await openCase({
      summary: 'Casework export: shouting, "late" at night, high risk',
      riskLevel: 'HIGH',
      ward: 'Quayside, Old Town',
    });
    await openCase({ summary: 'Casework export: standard risk', riskLevel: 'STANDARD' });
    const page = await signIn(MANAGER);
    await page.goto(`${portal.url}/cases?search=${encodeURIComponent('Casework export')}`);
    await page.getByText(/^2 cases$/).waitFor();
    await page.getByLabel('Risk level').selectOption('HIGH');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText(/^1 case$/).waitFor();
    await expectAccessible(page, 'cases-download');

    const asked = page.waitForRequest((r) => r.url().includes('/exports/cases/cases.csv'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV of the cases in this list' }).click(),
    ]);
    const url = new URL((await asked).url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      search: 'Casework export',
      riskLevel: 'HIGH',
      orderBy: 'NEWEST',
    });
    expect((await asked).headers().authorization).toMatch(/^Bearer /);
    expect(download.suggestedFilename()).toBe('cases.csv');
    const csv = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual([
      'Reference',
      'Category',
      'Status',
      'Risk',
      'Ward',
      'Opened',
      'Closed',
      'Owner agency',
      'Your access',
      'Lead officer',
      'Address',
      'People',
      'Summary',
    ]);
    expect(csv).toHaveLength(2);
    expect(csv[1][0]).toBe(high.reference);
    expect(csv[1][3]).toBe('HIGH');
    expect(csv[1][4]).toBe('Quayside, Old Town');
    expect(csv[1][12]).toBe('Casework export: shouting, "late" at night, high risk');
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'CASE_EXPORTED'`,
      [high.id],
    );
    expect(rows[0].n).toBe(1);

    await page.getByRole('link', { name: high.reference }).click();
    await page.getByRole('heading', { name: high.reference }).waitFor();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download case summary (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`case-summary-${high.reference}.pdf`);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expectAccessible(page, 'case-summary-download');
  });
});
