import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type LiveSession, LiveConnections, type LiveSocket } from '#libs/live';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Every open screen stays live (issue 17, item 1), in two real browsers against the real API: one agency's
 * change shows on the other's open case page and cases list without navigating, a half-typed draft survives
 * it, and a case whose share is revoked is taken off the partner's screen.
 */

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`;
const SHARE = `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const INCIDENT = `mutation($c: ID!, $d: String!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: $d }) { id } }`;

/** A date-time input's value, in the browser's (and this machine's) local time. */
const localDateTime = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

describe('live screens in two browsers', () => {
  let portal: TestPortal;
  let browser: Browser;
  let police: string;
  let owner: Persona;
  let partner: Persona;

  const signIn = (persona: Persona): Promise<Page> => signInPage(browser, portal.url, persona.email, PASSWORD);
  const newCase = async (summary: string) =>
    (
      await portal.ok(
        CREATE,
        { input: { category: 'NOISE', summary, ward: 'Riverside', riskLevel: 'STANDARD', address: '9 Alder Court' } },
        owner.token,
      )
    ).createCase as { id: string; reference: string };
  const sharedCase = async (summary: string) => {
    const kase = await newCase(summary);
    await portal.ok(SHARE, { c: kase.id, a: police }, owner.token);
    return kase;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    const landlord = await people.agency('Live Homes', 'LANDLORD');
    police = await people.agency('Live Police', 'POLICE');
    owner = await people.user(landlord, ['CASEWORKER'], 'owner');
    partner = await people.user(police, ['CASEWORKER'], 'partner');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('shows the owner’s new incident on the partner’s open case page with an "Updated by" note, then replaces the page when the share is revoked', async () => {
    const kase = await sharedCase('Live test: music through the wall');
    const ownerPage = await signIn(owner);
    const partnerPage = await signIn(partner);
    await partnerPage.goto(`${portal.url}/cases/${kase.id}/incidents`);
    await partnerPage.getByRole('heading', { name: kase.reference }).waitFor();
    await partnerPage.getByText('No incidents have been logged.').waitFor();
    const url = partnerPage.url();

    await ownerPage.goto(`${portal.url}/cases/${kase.id}/incidents`);
    await ownerPage.getByLabel('When it happened').fill(localDateTime(new Date(Date.now() - 3_600_000)));
    await ownerPage.getByLabel('Description').fill('Shouting in the stairwell at 2am');
    await ownerPage.getByRole('button', { name: 'Log incident' }).click();
    await ownerPage.getByText('The incident was logged.').waitFor();

    await partnerPage.getByRole('cell', { name: 'Shouting in the stairwell at 2am' }).waitFor({ timeout: 10_000 });
    const note = partnerPage.getByTestId('case-updated-note');
    await expect(note.textContent()).resolves.toBe('Updated by Live Homes just now');
    expect(await note.getAttribute('aria-live')).toBe('polite');
    expect(partnerPage.url()).toBe(url);
    await expectAccessible(partnerPage, 'live-case-updated');

    await portal.ok(REVOKE, { c: kase.id, a: police }, owner.token);
    await partnerPage
      .getByRole('heading', { name: 'This case is no longer shared with your agency' })
      .waitFor({ timeout: 10_000 });
    expect(await partnerPage.getByText('Shouting in the stairwell at 2am').count()).toBe(0);
    expect(await partnerPage.getByText(kase.reference).count()).toBe(0);
    await expectAccessible(partnerPage, 'live-case-no-longer-shared');
    await ownerPage.context().close();
    await partnerPage.context().close();
  });

  it('keeps a half-typed draft, and the focus in it, while the page updates', async () => {
    const kase = await sharedCase('Live test: drafts survive');
    const page = await signIn(partner);
    await page.goto(`${portal.url}/cases/${kase.id}/incidents`);
    const description = page.getByLabel('Description');
    await description.fill('Half a sentence about the');
    await portal.ok(INCIDENT, { c: kase.id, d: 'Bins set alight behind the block' }, owner.token);
    await page.getByRole('cell', { name: 'Bins set alight behind the block' }).waitFor({ timeout: 10_000 });
    await expect(description.inputValue()).resolves.toBe('Half a sentence about the');
    expect(await description.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await description.pressSequentially(' fire');
    await expect(description.inputValue()).resolves.toBe('Half a sentence about the fire');
    await page.context().close();
  });

  it('shows a case newly shared with the agency on an open cases list, without a reload', async () => {
    const page = await signIn(partner);
    await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    const kase = await sharedCase('Live test: newly shared');
    await page.getByRole('link', { name: kase.reference }).waitFor({ timeout: 10_000 });
    await page.context().close();
  });

  it('catches up after the WebSocket drops and comes back: what changed meanwhile shows without a reload', async () => {
    const page = await signIn(partner);
    await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    // The server goes away (a restart, a load balancer): the partner's sockets close with "service restart".
    const connections: unknown = portal.app.get(LiveConnections);
    const open = (connections as { sessions: Map<LiveSocket, LiveSession> }).sessions;
    const partners = [...open.values()].filter((session) => session.user.id === partner.id);
    expect(partners.length).toBeGreaterThan(0);
    for (const session of partners) session.socket.close(1012, 'Service restart');
    // Shared while the partner's browser was not listening: no signal reaches it, only catching up does.
    const kase = await sharedCase('Live test: shared while the socket was down');
    await page.getByRole('link', { name: kase.reference }).waitFor({ timeout: 15_000 });
    await page.context().close();
  });
});
