import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#libs/demo';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { elf, png } from './evidence-samples.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * The casework plans screens in a real browser against the real API and database: service-standard clocks on
 * a case, the ASB risk matrix, the action plan agreed with the reporter, evidence files (upload, download,
 * refusals, removal), legal dates on an intervention, and for managers the board figures, the exception lists
 * and the agency's service standards. What a LIMITED partner sees is checked too; every screen is scanned
 * with axe-core.
 */

const LANDLORD = 'caseworker@riverside-homes.example';
const POLICE = 'caseworker@riverside-police.example';
const COUNCIL = 'caseworker@riverside-asb.example';
const DAY = 86_400_000;
/** The largest evidence file this portal accepts: small, so a refusal for size is cheap to test. */
const MAX_EVIDENCE_BYTES = 100_000;

/** A date-time input's value, in the browser's (and this machine's) local time, to the minute. */
const localDateTime = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const minute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);
const london = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'Europe/London' });
const londonDate = (d: Date | string) =>
  london({ day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(d));
const londonDateTime = (d: Date | string) =>
  london({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(d));
const londonDay = (d: Date | string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(d));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const csvLines = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference version } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Joint working on the case") { id } }`;
const CLOCKS = `query($id: ID!) { case(id: $id) { serviceClocks { standard state dueAt doneAt } } }`;
const ADD_ACTION = `mutation($c: ID!, $input: ActionInput!) { addAction(caseId: $c, input: $input) { id } }`;
const FIGURES = `query($input: CaseStatisticsInput!) { caseStatistics(input: $input) {
  opened interventions { kind legal count } legalInterventions nonLegalInterventions
  serviceStandards { standard met breached due metPercent }
  casesPerThousandHomes hateCasesPerThousandHomes
  incidentsByWard { ward count } incidentsByLocation { location ward count } } }`;
const EXCEPTIONS = `query($days: Int!) { exceptions(notUpdatedDays: $days) {
  notUpdated { case { reference } } standardsBreached { case { reference } breaches { standard } }
  overdueActions { description } closedWithoutTellingReporter { reference } } }`;

describe('casework plans in a browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let dataDir: string;
  let owner: string;
  let landlordAgency: string;
  let policeAgency: string;
  let councilAgency: string;

  const signIn = (email: string, password = DEMO_PASSWORD): Promise<Page> =>
    signInPage(browser, portal.url, email, password, { acceptDownloads: true });

  const focusIsIn = (page: Page, selector: string) =>
    page.evaluate(`!!document.activeElement?.closest(${JSON.stringify(selector)})`);

  /** A case the landlord opens through the API, with a reporter unless told otherwise. */
  const openCase = (input: Record<string, unknown>, token = owner) =>
    portal
      .ok(
        CREATE_CASE,
        {
          input: {
            category: 'NOISE',
            ward: 'Riverside East',
            riskLevel: 'STANDARD',
            summary: 'Plans test',
            parties: [{ role: 'COMPLAINANT', fullName: 'Rowan Reporter' }],
            ...input,
          },
        },
        token,
      )
      .then((d) => d.createCase as { id: string; reference: string; version: number });
  const share = (caseId: string, agencyId: string, access: 'FULL' | 'LIMITED') =>
    portal.ok(SHARE, { c: caseId, a: agencyId, x: access }, owner);
  const clocksOf = async (caseId: string) =>
    (await portal.ok(CLOCKS, { id: caseId }, owner)).case.serviceClocks as {
      standard: string;
      state: string;
      dueAt: string;
      doneAt: string | null;
    }[];
  const caseNav = (page: Page) => page.getByRole('navigation', { name: 'Case sections' });

  beforeAll(async () => {
    browser = await launchBrowser();
    dataDir = mkdtempSync(join(tmpdir(), 'portal-plans-'));
    portal = await TestPortal.start({
      SEED_DEMO: 'true',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000',
      DATA_DIR: dataDir,
      EVIDENCE_MAX_BYTES: String(MAX_EVIDENCE_BYTES),
    });
    owner = await portal.login(LANDLORD, DEMO_PASSWORD);
    const { me, agencies } = await portal.ok(`{ me { agency { id } } agencies { id name } }`, {}, owner);
    landlordAgency = me.agency.id;
    const agency = (name: string) => agencies.find((a: { name: string }) => a.name.includes(name)).id as string;
    policeAgency = agency('Riverside Police');
    councilAgency = agency('ASB Unit');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows a case's service standards on its summary: contact breached when nobody called, met once a call made in time is recorded", async () => {
    const kase = await openCase({ summary: 'Plans test: parties every night at number 9' });
    const openedAt = new Date(Date.now() - 10 * DAY);
    await portal.db.query(`UPDATE cases SET opened_at = $2 WHERE id = $1`, [kase.id, openedAt]);
    const contactDue = (await clocksOf(kase.id)).find((c) => c.standard === 'CONTACT_REPORTER')!;
    expect(contactDue.state).toBe('BREACHED');

    const page = await signIn(LANDLORD);
    await page.goto(`${portal.url}/cases/${kase.id}`);
    const panel = page.getByRole('region', { name: 'Service standards' });
    const row = (standard: string) =>
      panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: standard, exact: true }) });
    await row('Contact the reporter').getByText('Breached', { exact: true }).waitFor();
    expect(await row('Contact the reporter').innerText()).toContain(londonDateTime(contactDue.dueAt));
    expect(await row('Contact the reporter').innerText()).toContain('Not done yet');
    // Ten calendar days are fewer than the ten working days allowed for a plan.
    await row('Agree an action plan').getByText('Due', { exact: true }).waitFor();
    await panel.getByText('A service standard is breached: contact the reporter.').waitFor();
    expect(await panel.getAttribute('class')).toContain('app-clocks--breached');
    // Seen from every tab: the case's header says so too.
    await page.locator('h1 + p').getByText('Service standard breached').waitFor();
    await expectAccessible(page, 'case-service-standards-breached');

    // The call was made an hour after the report came in, and is recorded now.
    const calledAt = minute(new Date(openedAt.getTime() + 60 * 60_000));
    await caseNav(page).getByRole('link', { name: 'Timeline' }).click();
    await page.getByLabel('When', { exact: true }).fill(localDateTime(calledAt));
    await page.getByLabel('How', { exact: true }).selectOption('PHONE');
    await page.getByLabel('Note', { exact: true }).fill('Called Rowan back the same morning');
    await page.getByRole('button', { name: 'Record contact' }).click();
    await page.getByText('The contact was recorded.').waitFor();
    await caseNav(page).getByRole('link', { name: 'Summary' }).click();
    await row('Contact the reporter').getByText('Met', { exact: true }).waitFor();
    expect(await row('Contact the reporter').innerText()).toContain(`Done ${londonDateTime(calledAt)}`);
    expect(await panel.getByText(/service standards? (is|are) breached/).count()).toBe(0);
    expect(await panel.getAttribute('class')).not.toContain('app-clocks--breached');
    expect(await page.locator('h1 + p').getByText('Service standard breached').count()).toBe(0);
    expect((await clocksOf(kase.id)).find((c) => c.standard === 'CONTACT_REPORTER')).toMatchObject({
      state: 'MET',
      doneAt: calledAt.toISOString(),
    });
    await expectAccessible(page, 'case-service-standards-met');
  }, 90_000);

  it('records an ASB risk matrix on a case that is not domestic abuse, showing the risk before saving; the case takes its level', async () => {
    const kase = await openCase({
      summary: 'Plans test: intimidation on the stairs',
      category: 'HARASSMENT',
      parties: [{ role: 'VICTIM', fullName: 'Vic Stairs' }],
    });
    const page = await signIn(LANDLORD);
    await page.goto(`${portal.url}/cases/${kase.id}/risk`);
    await page.getByRole('heading', { name: 'Record an ASB risk assessment' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Record a DASH risk assessment' }).count()).toBe(0);
    await page.getByText('No ASB risk assessment has been recorded.').waitFor();

    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByRole('link', { name: 'Select how likely the behaviour is to go on or cause harm' }).waitFor();
    await page.getByRole('link', { name: 'Select how badly it affects the victim or the community' }).waitFor();
    expect(await focusIsIn(page, '.govuk-error-summary')).toBe(true);

    const result = page.locator('.app-asb-result');
    await result.getByText('Choose the likelihood and the impact to see the risk.').waitFor();
    await page
      .getByRole('group', { name: 'How likely is the behaviour to go on or cause harm?' })
      .getByLabel('3 – Possible')
      .check();
    await page
      .getByRole('group', { name: 'How badly does it affect the victim or the community?' })
      .getByLabel('4 – Major')
      .check();
    await result.getByText('Result: medium risk').waitFor();
    expect(await result.innerText()).toContain('Score 12: likelihood 3 (possible) × impact 4 (major), medium band.');
    const chosen = page.locator('.app-matrix__cell--chosen');
    expect(await chosen.innerText()).toBe('12');
    expect(await chosen.getAttribute('class')).toContain('app-matrix__cell--medium');
    // The matrix is one image to assistive technology; the words beneath carry the result.
    await page.getByRole('img', { name: /^ASB risk matrix: likelihood by impact/ }).waitFor();

    await page.getByLabel('Lives alone or has no support around them').check();
    await result.getByText('Result: high risk').waitFor();
    expect(await result.innerText()).toContain('A vulnerability raises it one step.');
    await page.getByLabel('Professional judgement: the risk is high').check();
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByRole('link', { name: 'Enter the concerns behind your professional judgement' }).waitFor();
    await page.getByLabel('Professional judgement: the risk is high').uncheck();
    await expectAccessible(page, 'case-asb-risk-form');

    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page
      .getByText(/^Assessment recorded: score 12, high risk\. The case is now high risk; review it by /)
      .waitFor();
    const { rows } = await portal.db.query(
      `SELECT likelihood, impact, score, vulnerabilities, judged_high_risk, risk_level, review_due_at FROM asb_risk_assessments WHERE case_id = $1`,
      [kase.id],
    );
    expect(rows).toEqual([
      {
        likelihood: 3,
        impact: 4,
        score: 12,
        vulnerabilities: ['ISOLATION'],
        judged_high_risk: false,
        risk_level: 'HIGH',
        review_due_at: expect.any(Date),
      },
    ]);
    // High risk is reviewed within 7 days.
    expect(Math.round((rows[0].review_due_at.getTime() - Date.now()) / DAY)).toBe(7);
    expect((await portal.db.query(`SELECT risk_level FROM cases WHERE id = $1`, [kase.id])).rows).toEqual([
      { risk_level: 'HIGH' },
    ]);

    const history = page.getByRole('table', { name: 'ASB risk assessments, newest first' });
    const recorded = history.locator('tbody tr');
    expect(await recorded.count()).toBe(1);
    const text = await recorded.innerText();
    expect(text).toContain('12 of 25');
    expect(text).toContain('likelihood 3 (possible) × impact 4 (major)');
    expect(text).toContain('High risk');
    expect(text).toContain('Isolated');
    expect(text).toContain(londonDate(rows[0].review_due_at));
    // The case's header now says high risk too.
    await page.locator('h1 + p').getByText('High risk').waitFor();
    await expectAccessible(page, 'case-asb-risk-recorded');

    // A domestic-abuse case keeps the DASH checklist.
    const da = await openCase({
      summary: 'Plans test: controlling behaviour',
      category: 'DOMESTIC_ABUSE',
      parties: [{ role: 'VICTIM', fullName: 'Dee Victim' }],
    });
    await page.goto(`${portal.url}/cases/${da.id}/risk`);
    await page.getByRole('heading', { name: 'Record a DASH risk assessment' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Record an ASB risk assessment' }).count()).toBe(0);
  }, 90_000);

  it('agrees an action plan with the reporter through the form, adding and removing lines; partners with full access read it', async () => {
    const kase = await openCase({ summary: 'Plans test: noise from the flat below' });
    await portal.db.query(`UPDATE cases SET opened_at = now() - interval '2 days' WHERE id = $1`, [kase.id]);
    await share(kase.id, councilAgency, 'FULL');
    const page = await signIn(LANDLORD);
    await page.goto(`${portal.url}/cases/${kase.id}`);
    await caseNav(page).getByRole('link', { name: 'Action plan' }).click();
    await page.waitForURL(`${portal.url}/cases/${kase.id}/action-plan`);
    await page.getByText('No action plan has been agreed with the reporter yet.').waitFor();
    await page.getByRole('heading', { name: 'Agree an action plan' }).waitFor();
    expect(await page.getByLabel('Who it was agreed with').inputValue()).toBe('Rowan Reporter');

    await page.getByRole('button', { name: 'Record the action plan' }).click();
    await page.getByRole('link', { name: 'Enter when the plan was agreed' }).waitFor();
    await page.getByRole('link', { name: 'Enter at least one thing your agency will do' }).waitFor();
    await page.getByRole('link', { name: 'Select how to update the reporter' }).waitFor();

    const agreedAt = minute(new Date(Date.now() - 60 * 60_000));
    await page.getByLabel('When it was agreed').fill(localDateTime(agreedAt));
    const ours = page.getByRole('group', { name: 'What we will do' });
    await ours.getByLabel('Line 1').fill('Visit the neighbour this week');
    await ours.getByRole('button', { name: 'Add another line to what we will do' }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('plan-ours-1');
    await page.keyboard.type('Fit noise monitoring equipment');
    await ours.getByRole('button', { name: 'Add another line to what we will do' }).click();
    await page.keyboard.type('Send a warning letter');
    await ours.getByRole('button', { name: 'Remove line 3 of what we will do' }).click();
    expect(await ours.getByLabel('Line 3').count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.id')).toBe('plan-ours-1');
    const theirs = page.getByRole('group', { name: 'What the reporter will do' });
    await theirs.getByRole('button', { name: 'Add another line to what the reporter will do' }).click();
    await theirs.getByLabel('Line 1').fill('Keep diary sheets for four weeks');
    await page.getByLabel('Update the reporter every (days)').fill('7');
    await page.getByLabel('How to update the reporter').selectOption('PHONE');
    await expectAccessible(page, 'case-action-plan-form');

    await page.getByRole('button', { name: 'Record the action plan' }).click();
    await page
      .getByText('The action plan agreed with Rowan Reporter was recorded. It is now the current plan.')
      .waitFor();
    const { rows } = await portal.db.query(
      `SELECT agreed_at, agreed_with, our_commitments, reporter_commitments, update_every_days, update_channel FROM action_plans WHERE case_id = $1`,
      [kase.id],
    );
    expect(rows).toEqual([
      {
        agreed_at: agreedAt,
        agreed_with: 'Rowan Reporter',
        our_commitments: ['Visit the neighbour this week', 'Fit noise monitoring equipment'],
        reporter_commitments: ['Keep diary sheets for four weeks'],
        update_every_days: 7,
        update_channel: 'PHONE',
      },
    ]);

    const current = page.getByRole('region', { name: 'Current plan' });
    await current.getByText('Every 7 days, by phone').waitFor();
    await current.getByText('Visit the neighbour this week').waitFor();
    await current.getByText('Keep diary sheets for four weeks').waitFor();
    // The plan starts the "update the reporter" clock: the first update is due a week after it was agreed.
    await current.getByText(`Next update due by ${londonDateTime(new Date(agreedAt.getTime() + 7 * DAY))}`).waitFor();
    await page.getByRole('heading', { name: 'Agree a new action plan' }).waitFor();
    await expectAccessible(page, 'case-action-plan');

    // A new plan replaces it; the first folds away under earlier plans.
    await portal.ok(
      `mutation($c: ID!, $at: DateTime!) { agreeActionPlan(caseId: $c, input: { agreedAt: $at, agreedWith: "Rowan Reporter", ourCommitments: ["Apply for an injunction"], updateEveryDays: 14, updateChannel: EMAIL }) { id } }`,
      { c: kase.id, at: new Date().toISOString() },
      owner,
    );
    await page.reload();
    await current.getByText('Every 14 days, by email').waitFor();
    await page.getByText('Earlier plans (1)').click();
    await page.getByText('Every 7 days, by phone').waitFor();

    // A partner with full access reads the plan; only the owner agency agrees one.
    const council = await signIn(COUNCIL);
    await council.goto(`${portal.url}/cases/${kase.id}/action-plan`);
    await council.getByRole('region', { name: 'Current plan' }).getByText('Apply for an injunction').waitFor();
    expect(await council.getByRole('heading', { name: /Agree (a new|an) action plan/ }).count()).toBe(0);
    expect(await council.getByRole('button', { name: 'Record the action plan' }).count()).toBe(0);
  }, 90_000);

  it('uploads evidence, lists it with its SHA-256, downloads the same bytes, refuses a disguised program and a file too large, and removes it', async () => {
    const kase = await openCase({ summary: 'Plans test: damage to the front door' });
    const incidentAt = minute(new Date(Date.now() - DAY));
    await portal.ok(
      `mutation($c: ID!, $at: DateTime!) { logIncident(caseId: $c, input: { occurredAt: $at, category: VANDALISM, description: "Front door kicked in", location: "Front door" }) { id } }`,
      { c: kase.id, at: incidentAt.toISOString() },
      owner,
    );
    const page = await signIn(LANDLORD);
    await page.goto(`${portal.url}/cases/${kase.id}`);
    await caseNav(page).getByRole('link', { name: 'Evidence' }).click();
    await page.getByText('No evidence files have been added.').waitFor();

    await page.getByRole('button', { name: 'Upload file' }).click();
    await page.getByRole('link', { name: 'Select a file to upload' }).waitFor();

    const photo = png();
    await page
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'front-door.png', mimeType: 'image/png', buffer: photo });
    await page
      .getByLabel('Which incident is it evidence of? (optional)')
      .selectOption({ label: `${londonDateTime(incidentAt)}: Vandalism` });
    await page.getByLabel('What is it? (optional)').fill('Photo of the damage to the front door');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes(`/evidence/cases/${kase.id}`));
    await page.getByRole('button', { name: 'Upload file' }).click();
    const request = await sent;
    expect(request.headers().authorization).toMatch(/^Bearer /);
    const { rows: incidents } = await portal.db.query(`SELECT id FROM incidents WHERE case_id = $1`, [kase.id]);
    expect(Object.fromEntries(new URL(request.url()).searchParams)).toEqual({
      incidentId: incidents[0].id,
      description: 'Photo of the damage to the front door',
    });
    await page.getByText(`front-door.png (${photo.length} bytes) was added to the case.`).waitFor();

    const { rows: kept } = await portal.db.query(
      `SELECT file_name, media_type, byte_size::int AS byte_size, sha256, incident_id, description FROM evidence_files WHERE case_id = $1`,
      [kase.id],
    );
    expect(kept).toEqual([
      {
        file_name: 'front-door.png',
        media_type: 'image/png',
        byte_size: photo.length,
        sha256: sha256(photo),
        incident_id: incidents[0].id,
        description: 'Photo of the damage to the front door',
      },
    ]);
    const row = page
      .getByRole('table', { name: '1 evidence file, oldest first' })
      .locator('tbody tr')
      .filter({ hasText: 'front-door.png' });
    const text = await row.innerText();
    expect(text).toContain('PNG image');
    expect(text).toContain(`${photo.length} bytes`);
    expect(text).toContain('Photo of the damage to the front door');
    expect(text).toContain(`Incident of ${londonDateTime(incidentAt)}: Vandalism`);
    expect(text).toContain('Megan Ashworth, Riverside Homes');
    expect(text).not.toContain(sha256(photo));
    await row.getByText(`${sha256(photo).slice(0, 12)}…`).click();
    await row.getByText(sha256(photo), { exact: true }).waitFor();
    await expectAccessible(page, 'case-evidence');

    // The download is the same bytes, saved under the file's name, and recorded.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Download front-door.png' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('front-door.png');
    expect(sha256(readFileSync(await download.path()))).toBe(sha256(photo));
    const { rows: trail } = await portal.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'EVIDENCE_DOWNLOADED'`,
      [kase.id],
    );
    expect(trail[0].n).toBe(1);

    // A program named as a PDF is refused for what its bytes are; nothing is kept.
    await page
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: elf() });
    await page.getByRole('button', { name: 'Upload file' }).click();
    await page.getByRole('heading', { name: 'The file was not added' }).waitFor();
    await page
      .getByRole('link', { name: /^This file is ELF \(application\/x-elf\); evidence must be JPEG, PNG/ })
      .waitFor();
    expect(await focusIsIn(page, '.govuk-error-summary')).toBe(true);
    await expectAccessible(page, 'case-evidence-refused');

    // Over this portal's limit: refused with the API's words.
    await page.getByLabel('Choose a file').setInputFiles({
      name: 'diary.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(MAX_EVIDENCE_BYTES + 5_000, 'Loud music at 2am. '),
    });
    await page.getByRole('button', { name: 'Upload file' }).click();
    await page.getByRole('link', { name: /^The file is larger than the .* evidence files may be/ }).waitFor();
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM evidence_files WHERE case_id = $1`, [kase.id])).rows[0].n,
    ).toBe(1);

    // Removed by the owner, with a reason.
    await row.getByRole('button', { name: 'Remove front-door.png' }).click();
    await page.getByRole('heading', { name: 'Remove front-door.png' }).waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('remove-evidence-heading');
    await page.getByRole('button', { name: 'Remove file' }).click();
    await page.getByRole('link', { name: 'Enter why the file is being removed, in 3 to 2,000 characters' }).waitFor();
    await page.getByLabel('Why is it being removed?').fill('Uploaded to the wrong case');
    await page.getByRole('button', { name: 'Remove file' }).click();
    await page
      .getByText('front-door.png was removed. The audit trail keeps its name, its SHA-256 and your reason.')
      .waitFor();
    await page.getByText('No evidence files have been added.').waitFor();
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM evidence_files WHERE case_id = $1`, [kase.id])).rows[0].n,
    ).toBe(0);
  }, 90_000);

  it('tells a LIMITED partner the clocks, the action plan, the ASB risk assessments and the evidence are withheld', async () => {
    const kase = await openCase({ summary: 'Plans test: shared with the police at limited access' });
    await portal.ok(
      `mutation($c: ID!) { recordAsbRiskAssessment(caseId: $c, input: { likelihood: 2, impact: 2, vulnerabilities: [] }) { id } }`,
      { c: kase.id },
      owner,
    );
    await share(kase.id, policeAgency, 'LIMITED');
    const page = await signIn(POLICE);
    await page.goto(`${portal.url}/cases/${kase.id}`);
    await page
      .getByRole('region', { name: 'Service standards' })
      .getByText(/only the owner agency and agencies with full access see the service standards/)
      .waitFor();
    await caseNav(page).getByRole('link', { name: 'Action plan' }).click();
    await page.getByText(/action plans are read by the owner agency and agencies with full access only/).waitFor();
    await caseNav(page).getByRole('link', { name: 'Risk' }).click();
    await page
      .getByText(/ASB risk assessments are read by the owner agency and agencies with full access only/)
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Record an ASB risk assessment' }).count()).toBe(0);
    await caseNav(page).getByRole('link', { name: 'Evidence' }).click();
    await page.getByText(/evidence files are for the owner agency and agencies with full access only/).waitFor();
    expect(await page.locator('.app-withheld').filter({ hasText: 'Withheld' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Add evidence' }).count()).toBe(0);
    await expectAccessible(page, 'case-evidence-limited');
  }, 60_000);

  it('records the served, hearing and expiry dates of a CPW on the Actions tab, and the register shows them', async () => {
    const kase = await openCase({ summary: 'Plans test: threats to neighbours', category: 'HARASSMENT' });
    await portal.ok(
      ADD_ACTION,
      {
        c: kase.id,
        input: {
          kind: 'COMMUNITY_PROTECTION_WARNING',
          description: 'Plans test: CPW for threats',
          ownerAgencyId: landlordAgency,
        },
      },
      owner,
    );
    const page = await signIn(LANDLORD);
    await page.goto(`${portal.url}/cases/${kase.id}/actions`);
    const cpwRow = page.getByRole('row').filter({ hasText: 'Plans test: CPW for threats' });
    await cpwRow.getByText('Not recorded').waitFor();
    await page.getByText('Update action 1: Community protection warning').click();
    await page.getByRole('group', { name: 'Legal dates' }).waitFor();
    await page.getByText('Leave empty and it expires 6 months after it was served').waitFor();

    const served = new Date(Date.now() - 20 * DAY);
    await page.getByLabel('Served or signed on').fill(londonDay(served));
    await page.getByLabel('Expires on (optional)').fill(londonDay(new Date(served.getTime() - DAY)));
    await page.getByRole('button', { name: 'Save progress' }).click();
    await page.getByRole('link', { name: 'It must expire after the date it was served' }).waitFor();
    await expectAccessible(page, 'case-actions-legal-dates');
    await page.getByLabel('Expires on (optional)').fill('');
    const hearing = new Date(Date.now() + 30 * DAY);
    await page.getByLabel('Court hearing (optional)').fill(londonDay(hearing));
    await page.getByRole('button', { name: 'Save progress' }).click();
    await page.getByText('Progress saved: Open.').waitFor();

    const { rows } = await portal.db.query(
      `SELECT served_at, hearing_at, expires_at FROM case_actions WHERE case_id = $1`,
      [kase.id],
    );
    expect(londonDay(rows[0].served_at)).toBe(londonDay(served));
    expect(londonDay(rows[0].hearing_at)).toBe(londonDay(hearing));
    // Left empty, the expiry is the API's: six months after serving.
    const sixMonths = new Date(rows[0].served_at);
    sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
    expect(rows[0].expires_at).toEqual(sixMonths);
    const dates = await cpwRow.innerText();
    expect(dates).toContain(`Served ${londonDate(served)}`);
    expect(dates).toContain(`Hearing ${londonDate(hearing)}`);
    expect(dates).toContain(`Expires ${londonDate(sixMonths)}`);

    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Interventions' }).click();
    const registered = page.getByRole('row').filter({ hasText: 'Plans test: CPW for threats' });
    await registered.getByRole('link', { name: kase.reference }).waitFor();
    const line = await registered.innerText();
    expect(line).toContain(londonDate(served));
    expect(line).toContain(londonDate(hearing));
    expect(line).toContain(londonDate(sixMonths));
  }, 90_000);

  describe("a manager's figures, exceptions and service standards, over a small agency of their own", () => {
    let manager: Persona;
    let caseworker: Persona;
    const refs: Record<string, { id: string; reference: string }> = {};
    const FROM = '2026-03-01';
    const TO = '2026-03-31';

    beforeAll(async () => {
      const people = new Partnership(portal);
      const homes = await people.agency('Plans Homes', 'LANDLORD');
      manager = await people.user(homes, ['MANAGER'], 'plans-manager');
      caseworker = await people.user(homes, ['CASEWORKER'], 'plans-caseworker');
      const fixture = async (name: string, category: string, ward: string, openedAt: string) => {
        refs[name] = await openCase(
          {
            category,
            ward,
            summary: `Plans fixture ${name}`,
            parties: [{ role: 'COMPLAINANT', fullName: `Reporter ${name}` }],
          },
          caseworker.token,
        );
        await portal.db.query(`UPDATE cases SET opened_at = $2 WHERE id = $1`, [refs[name].id, openedAt]);
        return refs[name].id;
      };
      const action = async (caseId: string, kind: string, createdAt: string, dueAt?: string) => {
        const { addAction } = await portal.ok(
          ADD_ACTION,
          { c: caseId, input: { kind, description: `Plans fixture ${kind}`, ownerAgencyId: homes, dueAt } },
          caseworker.token,
        );
        await portal.db.query(`UPDATE case_actions SET created_at = $2 WHERE id = $1`, [addAction.id, createdAt]);
      };
      const incident = (caseId: string, occurredAt: string, location: string) =>
        portal.ok(
          `mutation($c: ID!, $input: IncidentInput!) { logIncident(caseId: $c, input: $input) { id } }`,
          { c: caseId, input: { occurredAt, category: 'NOISE', description: 'Plans fixture incident', location } },
          caseworker.token,
        );

      // A: called the same day, a plan in time, but no update in the 14 days after it.
      const a = await fixture('A', 'NOISE', 'Northgate', '2026-03-02T10:00:00Z');
      await portal.ok(
        `mutation($c: ID!) { recordContact(caseId: $c, input: { contactedAt: "2026-03-02T12:00:00Z", channel: PHONE, note: "Called" }) { id } }`,
        { c: a },
        caseworker.token,
      );
      await portal.ok(
        `mutation($c: ID!) { agreeActionPlan(caseId: $c, input: { agreedAt: "2026-03-05T10:00:00Z", agreedWith: "Reporter A", ourCommitments: ["Warning letter"], updateEveryDays: 14, updateChannel: PHONE }) { id } }`,
        { c: a },
        caseworker.token,
      );
      await action(a, 'WARNING_LETTER', '2026-03-06T10:00:00Z');
      await action(a, 'CIVIL_INJUNCTION', '2026-03-20T10:00:00Z');
      await incident(a, '2026-03-03T22:00:00Z', 'Loom Street');
      await incident(a, '2026-03-04T22:00:00Z', 'Loom Street');
      // B: a hate case nobody called and without a plan; its warning was due in March and is not done.
      const b = await fixture('B', 'HATE', 'Kingsmead', '2026-03-10T10:00:00Z');
      await action(b, 'COMMUNITY_PROTECTION_WARNING', '2026-03-12T10:00:00Z', '2026-03-25T10:00:00Z');
      await incident(b, '2026-03-11T18:00:00Z', 'Kingsmead Park');
      // C: closed today without a record that the reporter was told.
      refs.C = await openCase({ summary: 'Plans fixture C' }, caseworker.token);
      await portal.ok(
        `mutation($id: ID!) { closeCase(id: $id, expectedVersion: 1, input: { outcome: RESOLVED, reason: "Stopped" }) { id } }`,
        { id: refs.C.id },
        caseworker.token,
      );
      // D: opened in January and untouched since: written directly, as a case nobody has touched for months would be.
      const { rows } = await portal.db.query(
        `INSERT INTO cases (reference, category, risk_level, ward, summary, opened_at, owner_agency_id, created_by_id)
         VALUES ('ASB-PLANS-OLD', 'PETS', 'STANDARD', 'Riverside', 'Dog barking', '2026-01-05T10:00:00Z', $1, $2) RETURNING id, reference`,
        [homes, caseworker.id],
      );
      refs.D = rows[0];
    }, 90_000);

    it('shows interventions, service standards, cases per 1,000 homes and hotspots as the API counts them, with CSV files', async () => {
      const page = await signIn(manager.email, PASSWORD);
      await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
      await page.getByLabel('From', { exact: true }).fill(FROM);
      await page.getByLabel('To', { exact: true }).fill(TO);
      const asked = page.waitForRequest(
        (r) => r.url().endsWith('/graphql') && r.postDataJSON()?.operationName === 'CaseStatistics',
      );
      await page.getByRole('button', { name: 'Show figures' }).click();
      const { input } = (await asked).postDataJSON().variables;
      await page.getByRole('heading', { name: 'Incidents by place' }).waitFor();
      const token = await page.evaluate<string>(`JSON.parse(sessionStorage.getItem('portal.session')).token`);
      const figures = (await portal.ok(FIGURES, { input }, token)).caseStatistics;

      // What the fixture makes, counted by hand, is what the API says.
      expect(figures).toMatchObject({
        opened: 2,
        legalInterventions: 1,
        nonLegalInterventions: 2,
        casesPerThousandHomes: null,
        incidentsByWard: [
          { ward: 'Northgate', count: 2 },
          { ward: 'Kingsmead', count: 1 },
        ],
        incidentsByLocation: [
          { location: 'Loom Street', ward: 'Northgate', count: 2 },
          { location: 'Kingsmead Park', ward: 'Kingsmead', count: 1 },
        ],
      });
      expect(figures.serviceStandards).toEqual([
        { standard: 'CONTACT_REPORTER', met: 1, breached: 1, due: 0, metPercent: 50 },
        { standard: 'ACTION_PLAN_AGREED', met: 1, breached: 1, due: 0, metPercent: 50 },
        { standard: 'REPORTER_UPDATED', met: 0, breached: 1, due: 0, metPercent: 0 },
        { standard: 'RISK_REVIEWED', met: 0, breached: 0, due: 0, metPercent: null },
      ]);

      const headline = (label: string) =>
        page.locator('.app-headline').filter({ has: page.locator('dt').getByText(label, { exact: true }) });
      expect(await headline('Cases opened').locator('.app-headline__value').innerText()).toBe('2');
      expect(await headline('Interventions added').locator('.app-headline__value').innerText()).toBe('3');
      expect(await headline('Interventions added').locator('.app-headline__detail').innerText()).toBe(
        '1 legal, 2 informal',
      );
      expect(await headline('Cases per 1,000 homes').locator('.app-headline__value').innerText()).toBe('Not set');
      await headline('Cases per 1,000 homes')
        .getByRole('link', { name: 'Set your homes in Our service standards' })
        .waitFor();

      const tableRows = async (name: string) => {
        const table = page.getByRole('table', { name, exact: true });
        // Evaluated in the page: the test code is compiled without the DOM's types.
        return table
          .locator('tbody tr')
          .evaluateAll((trs: any[]) =>
            trs.map((tr) =>
              Array.from(tr.children as ArrayLike<{ innerText: string }>).map((cell) => cell.innerText.trim()),
            ),
          );
      };
      expect(await tableRows('Interventions added')).toEqual(
        figures.interventions.map((i: { kind: string; legal: boolean; count: number }) => [
          expect.any(String),
          i.legal ? 'Legal' : 'Informal',
          String(i.count),
        ]),
      );
      expect((await tableRows('Interventions added')).map((r) => r[0]).sort()).toEqual([
        'Civil injunction',
        'Community protection warning',
        'Warning letter',
      ]);
      expect(await tableRows('Service standards')).toEqual([
        ['Contact the reporter', '1', '1', '0', '50%'],
        ['Agree an action plan', '1', '1', '0', '50%'],
        ['Update the reporter', '0', '1', '0', '0%'],
        ['Review the risk assessment', '0', '0', '0', '—'],
      ]);
      expect(await tableRows('Incidents by ward')).toEqual([
        ['Northgate', '2'],
        ['Kingsmead', '1'],
      ]);
      expect(await tableRows('Incidents by place')).toEqual([
        ['Loom Street', 'Northgate', '2'],
        ['Kingsmead Park', 'Kingsmead', '1'],
      ]);
      await page.getByRole('img', { name: /^Service standards met on time: bar chart/ }).waitFor();
      await page.getByRole('img', { name: /^Incidents by place: bar chart/ }).waitFor();

      const save = async (button: string) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: button }).click(),
        ]);
        return { name: download.suggestedFilename(), lines: csvLines(await download.path()) };
      };
      const standardsCsv = await save('Download CSV of service standards');
      expect(standardsCsv.name).toBe(`service-standards-${FROM}-to-${TO}.csv`);
      expect(standardsCsv.lines).toEqual([
        'Standard,Met,Breached,Still due,Met on time',
        'Contact the reporter,1,1,0,50',
        'Agree an action plan,1,1,0,50',
        'Update the reporter,0,1,0,0',
        'Review the risk assessment,0,0,0,',
      ]);
      const interventionsCsv = await save('Download CSV of interventions added');
      expect(interventionsCsv.lines[0]).toBe('Intervention,Legal or informal,Added');
      expect(interventionsCsv.lines.slice(1).sort()).toEqual([
        'Civil injunction,Legal,1',
        'Community protection warning,Informal,1',
        'Warning letter,Informal,1',
      ]);
      expect((await save('Download CSV of incidents by place')).lines).toEqual([
        'Place,Ward,Incidents',
        'Loom Street,Northgate,2',
        'Kingsmead Park,Kingsmead,1',
      ]);
      expect((await save('Download CSV of incidents by ward')).lines).toEqual([
        'Ward,Incidents',
        'Northgate,2',
        'Kingsmead,1',
      ]);
      await expectAccessible(page, 'reports-plans');

      // The manager sets the homes: the figures per 1,000 homes appear.
      await headline('Cases per 1,000 homes')
        .getByRole('link', { name: 'Set your homes in Our service standards' })
        .click();
      await page.getByRole('heading', { name: 'Our service standards', level: 1 }).waitFor();
      await page.getByText('Within 1 working day of the report').waitFor();
      await page.getByText('Within 10 working days of the report').waitFor();
      await expectAccessible(page, 'service-standards');
      await page.getByLabel('Contact the reporter within (working days)').fill('12');
      await page.getByLabel('Homes your agency manages (optional)').fill('2,000');
      await page.getByRole('button', { name: 'Save service standards' }).click();
      await page.getByRole('link', { name: 'Enter the working days to contact the reporter, from 1 to 10' }).waitFor();
      await page.getByLabel('Contact the reporter within (working days)').fill('2');
      await page.getByLabel('Agree an action plan within (working days)').fill('15');
      await page.getByRole('button', { name: 'Save service standards' }).click();
      await page.getByText(/^Your service standards were saved\./).waitFor();
      await page.getByText('Within 2 working days of the report').waitFor();
      const { rows: standards } = await portal.db.query(
        `SELECT contact_working_days, action_plan_working_days, homes FROM service_standards WHERE updated_by_id = $1`,
        [manager.id],
      );
      expect(standards).toEqual([{ contact_working_days: 2, action_plan_working_days: 15, homes: 2000 }]);

      await page.goto(`${portal.url}/reports?from=${FROM}&to=${TO}`);
      await page.getByRole('heading', { name: 'Incidents by place' }).waitFor();
      const again = (await portal.ok(FIGURES, { input }, token)).caseStatistics;
      // 2 cases and 1 hate case opened in March, for 2,000 homes.
      expect(again).toMatchObject({ casesPerThousandHomes: 1, hateCasesPerThousandHomes: 0.5 });
      expect(await headline('Cases per 1,000 homes').locator('.app-headline__value').innerText()).toBe('1.0');
      expect(await headline('Hate cases per 1,000 homes').locator('.app-headline__value').innerText()).toBe('0.5');
    }, 120_000);

    it('lists the exceptions with links to their cases, for a chosen number of days without an update', async () => {
      const page = await signIn(manager.email, PASSWORD);
      await page.goto(`${portal.url}/reports`);
      await page.getByRole('link', { name: 'Exceptions: cases and actions that need a look' }).click();
      await page.getByRole('heading', { name: 'Exceptions', level: 1 }).waitFor();
      const token = await page.evaluate<string>(`JSON.parse(sessionStorage.getItem('portal.session')).token`);
      const lists = (await portal.ok(EXCEPTIONS, { days: 28 }, token)).exceptions;
      expect(lists.notUpdated).toEqual([{ case: { reference: 'ASB-PLANS-OLD' } }]);
      expect(
        Object.fromEntries(
          lists.standardsBreached.map((x: any) => [x.case.reference, x.breaches.map((b: any) => b.standard).sort()]),
        ),
      ).toEqual({
        [refs.A.reference]: ['REPORTER_UPDATED'],
        [refs.B.reference]: ['ACTION_PLAN_AGREED', 'CONTACT_REPORTER'],
      });
      expect(lists.overdueActions).toEqual([{ description: 'Plans fixture COMMUNITY_PROTECTION_WARNING' }]);
      expect(lists.closedWithoutTellingReporter).toEqual([{ reference: refs.C.reference }]);

      const section = (name: RegExp) => page.getByRole('region', { name });
      const breached = section(/^Service standards breached \(2\)$/);
      const bRow = breached.getByRole('row').filter({ has: page.getByRole('link', { name: refs.B.reference }) });
      expect(await bRow.innerText()).toContain('Contact the reporter: due');
      expect(await bRow.innerText()).toContain('Agree an action plan: due');
      expect(
        await breached
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name: refs.A.reference }) })
          .innerText(),
      ).toContain('Update the reporter: due');
      const stale = section(/^Not updated for 28 days \(1\)$/);
      await stale.getByRole('link', { name: 'ASB-PLANS-OLD' }).waitFor();
      expect(await stale.innerText()).toContain(londonDate('2026-01-05T10:00:00Z'));
      const overdue = section(/^Overdue actions \(1\)$/);
      expect(
        await overdue
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name: refs.B.reference }) })
          .innerText(),
      ).toContain('Community protection warning');
      expect(await overdue.getByRole('link', { name: refs.B.reference }).getAttribute('href')).toBe(
        `/cases/${refs.B.id}/actions`,
      );
      await section(/^Closed without telling the reporter \(1\)$/)
        .getByRole('link', { name: refs.C.reference })
        .waitFor();
      await expectAccessible(page, 'exceptions');

      // The number of days is in the address; one that is no number of days is caught.
      await page.getByLabel('Not updated for (days)').fill('400');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByRole('link', { name: 'Enter the number of days as a whole number from 1 to 365' }).waitFor();
      await page.getByLabel('Not updated for (days)').fill('365');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(`${portal.url}/reports/exceptions?days=365`);
      await section(/^Not updated for 365 days \(0\)$/)
        .getByText('None.')
        .waitFor();

      await breached.getByRole('link', { name: refs.B.reference }).click();
      await page.getByRole('heading', { name: refs.B.reference, level: 1 }).waitFor();
    }, 90_000);
  });
});
