import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#libs/demo';
import { expectAccessible, launchBrowser, screenshot } from './browser.js';
import { codeOf, TestPortal } from './harness.js';

/**
 * The web app in a real browser (Debian's Chromium) against the real API and database, as officers use it:
 * sign in, find a case, see what is withheld, log an incident that a partner sees arrive live, share and
 * revoke; run a MARAC that a partner follows live; record a DASH assessment; every screen scanned with axe-core
 * for WCAG 2.2 AA.
 */

const LANDLORD = 'caseworker@riverside-homes.example';
const COUNCIL = 'caseworker@riverside-asb.example';
const POLICE = 'caseworker@riverside-police.example';
const ADMIN = 'admin@riverside-partnership.example';
const MANAGER = 'manager@riverside-homes.example';
const COORDINATOR = 'marac-coordinator@riverside-police.example';
const CHAIR = 'marac-chair@riverside-police.example';
const IDVA = 'caseworker@riverside-idva.example';

/** Today's date in London, as a date input holds it. */
const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const day = (d: Date) => d.toISOString().slice(0, 10);

const CASE_STATISTICS = `query($input: CaseStatisticsInput!) { caseStatistics(input: $input) {
  opened closedResolved closedUnresolved live incidents byCategory { category count } byWard { ward count } } }`;
const MARAC_STATISTICS = `query($input: MaracStatisticsInput!) { maracStatistics(input: $input) {
  meetings casesHeard repeatCases repeatPercent referredByPartners referredByPartnersPercent actionsDue actionsCompletedOnTime actionsCompletedOnTimePercent } }`;

/** A date-time input's value, in the browser's (and this machine's) local time. */
const localDateTime = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

describe('the portal in a browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let caseId: string;
  let reference: string;
  let envHealth: string;
  let maracCaseId: string;
  let maracReference: string;
  let dashCaseId: string;
  let chairId: string;

  async function signIn(email: string, before?: (page: Page) => void): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    before?.(page);
    await page.goto(portal.url);
    await page.getByLabel('Email address').fill(email);
    // The demo administrator's password is generated when the demo loads, never the published one.
    await page.getByLabel('Password').fill(email === ADMIN ? portal.demo!.administrator.password! : DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    return page;
  }

  async function openCase(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByLabel('Search').fill(reference);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText(/^1 case$/).waitFor();
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: reference }).waitFor();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SEED_DEMO: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const owner = await portal.login(LANDLORD, DEMO_PASSWORD);
    const { agencies } = await portal.ok(`{ agencies { id name } }`, {}, owner);
    const agency = (name: string) => agencies.find((a: { name: string }) => a.name.includes(name)).id as string;
    envHealth = agency('Environmental Health');
    const { createCase } = await portal.ok(
      `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`,
      {
        input: {
          category: 'HARASSMENT',
          summary: 'Browser test: threats shouted across the landing',
          ward: 'Riverside North',
          riskLevel: 'MEDIUM',
          address: '12 Weavers Parade',
          parties: [{ role: 'VICTIM', fullName: 'Priya Browser', phone: '07700 900321' }],
        },
      },
      owner,
    );
    ({ id: caseId, reference } = createCase);
    const share = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "ASB information-sharing protocol") { id } }`;
    await portal.ok(share, { c: caseId, a: agency('ASB Unit'), x: 'LIMITED' }, owner);
    await portal.ok(share, { c: caseId, a: agency('Police'), x: 'FULL' }, owner);

    // For the meeting: a police domestic-abuse case already assessed at 15 "yes" answers, and the chair's id
    // (there is no user search for non-administrators, so the coordinator types it).
    const police = await portal.login(POLICE, DEMO_PASSWORD);
    const daCase = `mutation($summary: String!) { createCase(input: { category: DOMESTIC_ABUSE, summary: $summary, ward: "Northgate", riskLevel: MEDIUM,
      parties: [{ role: VICTIM, fullName: "Dee Browser", phone: "07700 900654" }] }) { id reference } }`;
    ({ id: maracCaseId, reference: maracReference } = (
      await portal.ok(daCase, { summary: 'Browser test: repeat domestic abuse, strangulation disclosed' }, police)
    ).createCase);
    const answers = Array.from({ length: 24 }, (_, i) => ({ question: i + 1, answer: i < 15 ? 'YES' : 'NO' }));
    await portal.ok(
      `mutation($c: ID!, $a: [DashAnswerInput!]!) { recordDashAssessment(caseId: $c, input: { answers: $a }) { id } }`,
      { c: maracCaseId, a: answers },
      police,
    );
    dashCaseId = (await portal.ok(daCase, { summary: 'Browser test: victim disclosed controlling behaviour' }, police))
      .createCase.id;
    chairId = (await portal.ok(`{ me { id } }`, {}, await portal.login(CHAIR, DEMO_PASSWORD))).me.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('signs in, answering a wrong password with an error summary that takes focus', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(portal.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('Email address').fill(COUNCIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await page.evaluate(`!!document.activeElement?.closest('.govuk-error-summary')`)).toBe(true);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await expect(page.getByRole('link', { name: 'Skip to main content' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'my-work');
  });

  it('finds a case and shows a LIMITED partner "Withheld" where identifiers are', async () => {
    const page = await signIn(COUNCIL);
    await openCase(page);
    await expectAccessible(page, 'case-summary');
    await page.getByRole('link', { name: 'Parties' }).click();
    await page.getByText('Withheld').first().waitFor();
    expect(await page.getByText('Priya Browser').count()).toBe(0);
    await expectAccessible(page, 'case-parties-limited');
    for (const tab of ['Actions', 'Timeline', 'Risk']) {
      await page.getByRole('link', { name: tab, exact: true }).click();
      await page.getByRole('heading', { name: tab, exact: true }).first().waitFor();
      await expectAccessible(page, `case-${tab.toLowerCase()}`);
    }
    expect(await page.getByRole('link', { name: 'Sharing', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit', exact: true }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await expectAccessible(page, 'cases');
  });

  it('sorts the case list on the server', async () => {
    const page = await signIn(COUNCIL);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByLabel('Sort by').selectOption('REFERENCE');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/sort=REFERENCE/);
    await page.getByRole('table').waitFor();
    // The URL changes before the sorted page arrives, so the table first shows the previous order: wait (up
    // to 10 s) for a sorted table rather than read whatever is on screen the moment the URL changed.
    const firstCells = page.getByRole('table').locator('tbody tr td:first-child, tbody tr th:first-child');
    let references: string[] = [];
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(100)) {
      references = await firstCells.allInnerTexts();
      if (references.length > 1 && references.join() === [...references].sort().join()) break;
    }
    expect(references.length).toBeGreaterThan(1);
    expect(references).toEqual([...references].sort());
  });

  it("shows a manager of the owner agency the case's audit trail", async () => {
    const page = await signIn(MANAGER);
    await openCase(page);
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('heading', { name: 'Audit', exact: true }).first().waitFor();
    await page
      .getByText(/Shared with/)
      .first()
      .waitFor();
    await expectAccessible(page, 'case-audit');
  });

  it("logs an incident that arrives live in a partner's alerts", async () => {
    const partner = await signIn(POLICE);
    await partner
      .getByRole('navigation', { name: 'Primary' })
      .getByRole('link', { name: /Alerts/ })
      .click();
    await partner.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();

    const page = await signIn(COUNCIL);
    await openCase(page);
    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByLabel('When it happened').fill('2026-11-20T21:30');
    await page.getByLabel('Category').selectOption('HARASSMENT');
    await page.getByLabel('Description').fill('Shouting and banging on the door at 21:30');
    await page.getByLabel('Location').fill('Landing outside flat 12');
    await page.getByRole('button', { name: 'Log incident' }).click();
    await page.getByText('Shouting and banging on the door at 21:30').waitFor();
    await expectAccessible(page, 'case-incidents');

    await partner.getByRole('link', { name: reference }).first().waitFor({ timeout: 10_000 });
    await partner.getByText('New').first().waitFor();
    await expectAccessible(partner, 'alerts');
    const { rows } = await portal.db.query(`SELECT description FROM incidents WHERE case_id = $1`, [caseId]);
    expect(rows).toEqual([{ description: 'Shouting and banging on the door at 21:30' }]);
  });

  it('lets the owner share the case with another agency and revoke it', async () => {
    const page = await signIn(LANDLORD);
    await openCase(page);
    await page.getByRole('link', { name: 'Sharing' }).click();
    await page.getByLabel('Agency').selectOption(envHealth);
    await page.getByLabel('Limited').check();
    await page.getByLabel('Reason for sharing').fill('Noise nuisance: statutory nuisance investigation');
    await page.getByRole('radio', { name: 'Public task' }).check();
    await page.getByRole('radio', { name: 'Given' }).check();
    await page.getByRole('button', { name: 'Share case' }).click();
    const row = page.getByRole('row', { name: /Environmental Health/ });
    await row.waitFor();
    await expectAccessible(page, 'case-sharing');
    const live = async () =>
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM case_shares WHERE case_id = $1 AND agency_id = $2 AND revoked_at IS NULL`,
          [caseId, envHealth],
        )
      ).rows[0].n;
    expect(await live()).toBe(1);
    await row.getByRole('button', { name: /Revoke/ }).click();
    await row.waitFor({ state: 'detached' });
    expect(await live()).toBe(0);
  });

  it('opens a case from the form, and the owner closes it with an outcome and a reason', async () => {
    const page = await signIn(LANDLORD);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.getByRole('heading', { name: 'Open a case' }).waitFor();
    await page.getByLabel('Category').selectOption('NOISE');
    await page.getByLabel('Summary').fill('Browser test: dog barking all night at number 4');
    await page.getByLabel('Ward').fill('Riverside East');
    await expectAccessible(page, 'open-a-case');
    await page.getByRole('button', { name: 'Open case' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: /^ASB-\d{4}-\d{6}$/ }).waitFor();
    const opened = (await heading.innerText()).trim();
    const { rows } = await portal.db.query(`SELECT id, status FROM cases WHERE reference = $1`, [opened]);
    expect(rows[0].status).toBe('OPEN');

    await page.getByLabel('Resolved', { exact: true }).check();
    await page.getByLabel('Reason for closing').fill('Owner moved the dog to a day kennel');
    // The portal asks how and when the reporter was told (test/portal-casework.e2e-spec.ts checks the record).
    await page.getByLabel('When they were told').fill(localDateTime(new Date()));
    await page.getByLabel('How they were told').selectOption('PHONE');
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByText('Closed: resolved').first().waitFor();
    const { rows: after } = await portal.db.query(`SELECT status, close_reason FROM cases WHERE id = $1`, [rows[0].id]);
    expect(after[0]).toEqual({ status: 'CLOSED_RESOLVED', close_reason: 'Owner moved the dog to a day kennel' });
    await expectAccessible(page, 'case-closed');
  });

  it('warns before the session ends, and keeps what was typed when it does', async () => {
    const page = await (await browser.newContext()).newPage();
    // The page's clock, not the server's: tokens last 8 hours, so the test moves the page's time on.
    await page.clock.install();
    await page.goto(portal.url);
    await page.getByLabel('Email address').fill(COUNCIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await openCase(page);
    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByLabel('Description').fill('Typed just before the session ended');
    await page.clock.fastForward('07:56:00');
    await page.getByText('Your session is ending').waitFor();
    await expectAccessible(page, 'session-warning');
    await page.clock.fastForward('00:05:00');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Description').waitFor();
    expect(await page.getByLabel('Description').inputValue()).toBe('Typed just before the session ended');
  });

  it('gives an administrator the agencies and users, and no case', async () => {
    const page = await signIn(ADMIN);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await expectAccessible(page, 'administration');
  });

  it('signs out on the server: the token the tab held is refused afterwards; the account page signs out of every device', async () => {
    const page = await signIn(COUNCIL);
    const token = await page.evaluate<string>(`JSON.parse(sessionStorage.getItem('portal.session')).token`);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(codeOf(await portal.gql(`{ me { id } }`, {}, token))).toBe('UNAUTHENTICATED');

    const elsewhere = await portal.login(MANAGER, DEMO_PASSWORD);
    const here = await signIn(MANAGER);
    await here.getByRole('link', { name: 'Your account' }).click();
    await here.getByRole('heading', { name: 'Your account' }).waitFor();
    await expectAccessible(here, 'account');
    await here.getByRole('button', { name: 'Sign out of all devices' }).click();
    await here.getByText(/You have been signed out of \d+ devices, including this one\./).waitFor();
    await here.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(codeOf(await portal.gql(`{ me { id } }`, {}, elsewhere))).toBe('UNAUTHENTICATED');
  });

  it('runs a MARAC: the coordinator schedules, refers and publishes; a partner and the chair follow it live', async () => {
    const coordinator = await signIn(COORDINATOR);
    await coordinator.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Meetings' }).click();
    await coordinator.getByRole('heading', { name: 'Meetings', exact: true }).waitFor();
    await coordinator.getByRole('heading', { name: 'Schedule a meeting' }).waitFor();
    await coordinator.getByLabel('Riverside IDVA Service').waitFor();
    await expectAccessible(coordinator, 'meetings');

    await coordinator.getByLabel('Kind of meeting').selectOption('MARAC');
    await coordinator.getByLabel('Title').fill('Riverside MARAC (browser test)');
    await coordinator.getByLabel('Date and time').fill(localDateTime(new Date(Date.now() + 7 * 86_400_000)));
    // The chair is chosen from the partnership's MARAC chairs.
    await coordinator.getByLabel('Chair', { exact: true }).selectOption(chairId);
    await coordinator.getByLabel('Riverside IDVA Service').check();
    await coordinator.getByRole('button', { name: 'Schedule meeting' }).click();
    await coordinator.getByRole('heading', { name: 'Riverside MARAC (browser test)' }).waitFor();
    const meetingId = new URL(coordinator.url()).pathname.split('/').pop()!;

    // A reason that does not hold for the case is refused by the API, and said so in an error summary.
    await coordinator.getByLabel('Case reference').fill(maracReference);
    await coordinator.getByLabel('Reason for referral').selectOption('ESCALATION');
    await coordinator.getByRole('button', { name: 'Refer case' }).click();
    await coordinator.locator('.govuk-error-summary').getByRole('link').first().waitFor();
    expect(await coordinator.evaluate(`!!document.activeElement?.closest('.govuk-error-summary')`)).toBe(true);
    await coordinator.getByLabel('Reason for referral').selectOption('DASH_THRESHOLD');
    await coordinator.getByRole('button', { name: 'Refer case' }).click();
    await coordinator.getByText('The case was added to the agenda as item 1.').waitFor();
    // The coordinator has not agreed the statement: the item shows its reason, not the case.
    await coordinator.getByRole('heading', { name: 'Item 1: DASH threshold' }).waitFor();
    await coordinator.getByRole('button', { name: 'Publish agenda' }).click();
    await coordinator.getByText('Agenda published', { exact: true }).first().waitFor();
    await expectAccessible(coordinator, 'meeting-organiser');

    // A partner from another agency: the case material opens only once they agree the statement.
    // Watch the partner's WebSocket from the start, to know when the page has subscribed to the meeting.
    let subscribed!: Promise<void>;
    const partner = await signIn(IDVA, (page) => {
      subscribed = new Promise<void>((resolve) =>
        page.on('websocket', (ws) =>
          ws.on('framesent', (frame) => String(frame.payload).includes('MeetingUpdates') && resolve()),
        ),
      );
    });
    await partner.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Meetings' }).click();
    await partner.getByRole('link', { name: 'Riverside MARAC (browser test)' }).click();
    await partner.getByText('Agree the confidentiality statement to see the case material.').first().waitFor();
    expect(await partner.getByText(maracReference).count()).toBe(0);
    expect(await partner.getByRole('button', { name: 'Publish agenda' }).count()).toBe(0);
    await partner.getByRole('button', { name: 'I agree' }).click();
    await partner.getByRole('heading', { name: `Item 1: ${maracReference}` }).waitFor();
    await partner
      .getByText('Dee Browser')
      .count()
      .then((n) => expect(n).toBe(0));
    await subscribed;
    await expectAccessible(partner, 'meeting');

    // The pack needs the bearer token: the page fetches it and hands it over as a blob.
    const [download] = await Promise.all([
      partner.waitForEvent('download'),
      partner.getByRole('button', { name: 'Download pack (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`meeting-pack-${meetingId}.pdf`);
    const [printable] = await Promise.all([
      partner.waitForEvent('popup'),
      partner.getByRole('button', { name: 'Print agenda' }).click(),
    ]);
    await printable.waitForLoadState();
    expect(await printable.content()).toContain(maracReference);
    await screenshot(printable, 'meeting-pack');
    await printable.close();

    const chair = await signIn(CHAIR);
    await chair.goto(`${portal.url}/meetings/${meetingId}`);
    await chair.getByRole('button', { name: 'I agree' }).click();
    await chair.getByRole('heading', { name: `Item 1: ${maracReference}` }).waitFor();

    // The partner records their attendance; the chair sees it arrive without reloading.
    await partner.getByLabel('Present').check();
    await partner.getByRole('button', { name: 'Record attendance' }).click();
    await partner.getByText('Your attendance was recorded.').waitFor();
    await chair
      .getByRole('cell', { name: 'Jess Adeyemi' })
      .or(chair.getByRole('rowheader', { name: 'Jess Adeyemi' }))
      .waitFor({ timeout: 10_000 });

    // The chair takes the item and agrees an action; the partner sees both without reloading.
    await chair.getByRole('button', { name: /Discuss now/ }).click();
    await chair.getByRole('button', { name: /Finish discussing/ }).waitFor();
    await partner.getByText('Under discussion').waitFor({ timeout: 10_000 });
    await chair.getByText('Record an action on item 1').click();
    await chair.getByLabel('Agency responsible').selectOption({ label: 'Riverside IDVA Service' });
    await chair.getByLabel('Action', { exact: true }).fill('IDVA to complete a safety plan with the victim');
    await chair.getByLabel('Due date').fill(localDateTime(new Date(Date.now() + 14 * 86_400_000)).slice(0, 10));
    await chair.getByRole('button', { name: 'Record action' }).click();
    await chair.getByText('The action was recorded.').waitFor();
    await partner
      .getByRole('cell', { name: 'IDVA to complete a safety plan with the victim' })
      .or(partner.getByRole('rowheader', { name: 'IDVA to complete a safety plan with the victim' }))
      .waitFor({ timeout: 10_000 });
    await expectAccessible(chair, 'meeting-chair');

    const { rows } = await portal.db.query(
      `SELECT current_item_id IS NOT NULL AS current FROM meetings WHERE id = $1`,
      [meetingId],
    );
    expect(rows).toEqual([{ current: true }]);
  }, 120_000);

  it('records a DASH assessment of 14 "yes" answers from the Risk tab, and the case becomes high risk', async () => {
    const page = await signIn(POLICE);
    await page.goto(`${portal.url}/cases/${dashCaseId}/risk`);
    await page.getByRole('heading', { name: 'Record a DASH risk assessment' }).waitFor();
    await page.getByText('No DASH risk assessment has been recorded.').waitFor();
    await page.locator('#dash-q24').waitFor();
    await expectAccessible(page, 'case-risk-dash');
    for (let q = 1; q <= 24; q++) await page.locator(q <= 14 ? `#dash-q${q}` : `#dash-q${q}-1`).check();
    await page.getByLabel('Note on question 1 (optional)').fill('Disclosed at the home visit');
    await page.getByText('Yes answers so far: 14 of 24 (high risk)').waitFor();
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText('Assessment recorded: score 14, high risk.').waitFor();
    await page.getByRole('cell', { name: '14 of 24' }).waitFor();
    await page.locator('.govuk-tag', { hasText: 'High risk' }).first().waitFor();
    const { rows } = await portal.db.query(`SELECT risk_level FROM cases WHERE id = $1`, [dashCaseId]);
    expect(rows).toEqual([{ risk_level: 'HIGH' }]);
    await expectAccessible(page, 'case-risk-assessed');
  });

  it('gives a manager the case and MARAC figures for a period, as charts, tables and CSV files that match the API', async () => {
    // Two wards a spreadsheet could misread: one needs quoting, one would run as a formula.
    const owner = await portal.login(LANDLORD, DEMO_PASSWORD);
    const open = `mutation($ward: String!) { createCase(input: { category: NOISE, summary: "Browser test: reports", ward: $ward, riskLevel: STANDARD }) { id } }`;
    await portal.ok(open, { ward: 'Quayside, "Old Town"' }, owner);
    await portal.ok(open, { ward: '=SUM(1,2)' }, owner);

    const page = await signIn(MANAGER);
    const nav = page.getByRole('navigation', { name: 'Primary' });
    await nav.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    expect(await nav.getByRole('link', { name: 'Reports' }).getAttribute('aria-current')).toBe('page');

    // By default, the last three full months.
    const [y, m] = londonToday().split('-').map(Number);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(day(new Date(Date.UTC(y, m - 4, 1))));
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(day(new Date(Date.UTC(y, m - 1, 0))));

    // A period that ends before it starts is caught in the form, in an error summary that takes focus.
    await page.getByLabel('From', { exact: true }).fill(`${y}-03-01`);
    await page.getByLabel('To', { exact: true }).fill(`${y}-02-01`);
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByRole('link', { name: 'The last day must be the same as or after the first day' }).waitFor();
    expect(await page.evaluate(`!!document.activeElement?.closest('.govuk-error-summary')`)).toBe(true);

    // The demo's cases go back 18 months; both ends are in winter, so London midnight is UTC midnight.
    const from = `${y - 2}-01-01`;
    const to = `${y + 1}-01-31`;
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.getByLabel('To', { exact: true }).fill(to);
    const asked = page.waitForRequest(
      (r) => r.url().endsWith('/graphql') && r.postDataJSON()?.operationName === 'CaseStatistics',
    );
    await page.getByRole('button', { name: 'Show figures' }).click();
    const { input } = (await asked).postDataJSON().variables;
    expect(input).toEqual({ from: `${from}T00:00:00.000Z`, to: `${y + 1}-02-01T00:00:00.000Z` });
    await page.waitForURL(new RegExp(`/reports\\?from=${from}&to=${to}$`));
    await page.getByRole('heading', { name: 'Cases opened by ward' }).waitFor();
    await page.getByRole('heading', { name: 'MARAC', exact: true }).waitFor();

    // The same token and input straight to the API give the figures on the screen.
    const token = await page.evaluate<string>(`JSON.parse(sessionStorage.getItem('portal.session')).token`);
    const cases = (await portal.ok(CASE_STATISTICS, { input }, token)).caseStatistics;
    const marac = (await portal.ok(MARAC_STATISTICS, { input }, token)).maracStatistics;
    expect(cases.opened).toBeGreaterThan(20);
    const headline = (section: string, label: string) =>
      page
        .getByRole('region', { name: section, exact: true })
        .locator('.app-headline')
        .filter({ has: page.locator('dt').getByText(label, { exact: true }) })
        .locator('.app-headline__value')
        .innerText();
    expect(await headline('Cases', 'Cases opened')).toBe(String(cases.opened));
    expect(await headline('Cases', 'Closed: resolved')).toBe(String(cases.closedResolved));
    expect(await headline('Cases', 'Live caseload')).toBe(String(cases.live));
    expect(await headline('Cases', 'Incidents logged')).toBe(String(cases.incidents));
    expect(await headline('MARAC', 'Meetings held')).toBe(String(marac.meetings));
    const repeat = await headline('MARAC', 'Repeat cases');
    if (marac.repeatPercent === null) expect(repeat).toBe('—');
    else expect(Number(repeat.replace('%', ''))).toBeCloseTo(marac.repeatPercent, 1);

    const byCategory = page.getByRole('table', { name: 'Cases opened by category' });
    expect(await byCategory.locator('tbody tr').count()).toBe(cases.byCategory.length);
    const top = cases.byWard[0];
    const byWard = page.getByRole('table', { name: 'Cases opened by ward' });
    const row = byWard.getByRole('row').filter({ has: page.getByRole('rowheader', { name: top.ward, exact: true }) });
    expect(await row.getByRole('cell').innerText()).toBe(String(top.count));
    await page.getByRole('img', { name: /^Cases opened by ward: bar chart/ }).waitFor();

    // The ward table as a CSV, made in the browser: fields quoted, quotes doubled, a formula disarmed.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV of cases opened by ward' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`cases-by-ward-${from}-to-${to}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFWard,Cases opened\r\n')).toBe(true);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toHaveLength(cases.byWard.length + 2);
    expect(lines[1]).toBe(`${top.ward},${top.count}`);
    expect(lines).toContain('"Quayside, ""Old Town""",1');
    expect(lines).toContain(`"'=SUM(1,2)",1`);

    const [maracDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV of MARAC measures' }).click(),
    ]);
    expect(maracDownload.suggestedFilename()).toBe(`marac-${from}-to-${to}.csv`);
    const maracLines = readFileSync(await maracDownload.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(maracLines.slice(0, 3)).toEqual([
      'Measure,Number,Per cent',
      `MARAC meetings held,${marac.meetings},`,
      `Cases heard,${marac.casesHeard},`,
    ]);

    await expectAccessible(page, 'reports');

    // Bookmarked with a category: the address alone gives the narrowed figures.
    await page.goto(`${portal.url}/reports?from=${from}&to=${to}&category=NOISE`);
    await page.getByRole('heading', { name: 'Cases opened by ward' }).waitFor();
    expect(await page.getByLabel('Category', { exact: true }).inputValue()).toBe('NOISE');
    const noise = (await portal.ok(CASE_STATISTICS, { input: { ...input, category: 'NOISE' } }, token)).caseStatistics;
    expect(await headline('Cases', 'Cases opened')).toBe(String(noise.opened));
    expect(await page.getByRole('table', { name: 'Cases opened by category' }).locator('tbody tr').count()).toBe(1);
  }, 60_000);

  it('gives a MARAC chair the MARAC figures only, and tells a caseworker that reports are for managers', async () => {
    const chair = await signIn(CHAIR);
    await chair.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Reports' }).click();
    await chair.getByRole('heading', { name: 'MARAC', exact: true }).waitFor();
    expect(await chair.getByRole('heading', { name: 'Cases', exact: true }).count()).toBe(0);
    expect(await chair.getByLabel('Ward', { exact: true }).count()).toBe(0);

    const page = await signIn(LANDLORD);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByText('Reports are for managers and for MARAC chairs and coordinators.').waitFor();
    expect(await page.getByRole('button', { name: 'Show figures' }).count()).toBe(0);
    await expectAccessible(page, 'reports-not-for-caseworkers');
  });
});
