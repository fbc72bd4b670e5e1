import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { AlertFollowers } from '#libs/alerts';
import { WebhookSender } from '#libs/webhooks';
import { expectAccessible, launchBrowser, signInPage } from './browser.js';
import { PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Loud party" }) { id } }`;

/**
 * Issue 17, item 5, in the browser: a manager registers their system's endpoint, sees the signing secret once, then
 * sees each delivery with what the endpoint answered, sends a failed one again, and removes the endpoint.
 */
describe('webhooks in the portal', () => {
  let portal: TestPortal;
  let browser: Browser;
  let server: Server;
  let base: string;
  let failing = true;
  let manager: Persona;
  let officer: Persona;
  let caseId: string;

  const signIn = (email: string): Promise<Page> =>
    signInPage(browser, portal.url, email, PASSWORD, { permissions: ['clipboard-read', 'clipboard-write'] });
  const settle = async () => {
    await portal.app.get(AlertFollowers).wake();
    await portal.app.get(WebhookSender).settled();
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (failing) res.writeHead(503, { 'Content-Type': 'text/plain' }).end('Down for maintenance');
        else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    portal = await TestPortal.start({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
    const people = new Partnership(portal);
    const landlord = await people.agency('Browser Homes', 'LANDLORD');
    manager = await people.user(landlord, ['MANAGER'], 'hooks-manager');
    officer = await people.user(landlord, ['CASEWORKER'], 'hooks-officer');
    caseId = (
      await portal.ok<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        { input: { category: 'NOISE', summary: 'Music every night', ward: 'Riverside', riskLevel: 'STANDARD' } },
        officer.token,
      )
    ).createCase.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await new Promise((r) => server?.close(r));
  });

  it('lets a manager register an endpoint, see its secret once, follow its deliveries and remove it', async () => {
    const page = await signIn(manager.email);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('Your agency has no webhooks yet.').waitFor();
    await expectAccessible(page, 'webhooks');

    await page.getByRole('button', { name: 'Register the webhook' }).click();
    await page.getByRole('link', { name: 'Select at least one kind of alert' }).waitFor();
    await page.getByLabel('Address').fill(`${base}/hooks`);
    await page.getByLabel('Incident logged').check();
    await page.getByRole('button', { name: 'Register the webhook' }).click();
    await page.getByText(`Copy the signing secret for ${base}/hooks now`).waitFor();
    const secret = await page.getByLabel('The signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('heading', { name: `${base}/hooks` }).waitFor();
    await page.getByText('Nothing has been posted to it yet.').waitFor();

    await portal.ok(INCIDENT, { c: caseId }, officer.token);
    await settle();
    await page.reload();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.getByText('Retrying').waitFor();
    await page.getByText('HTTP 503').waitFor();
    await page.getByText('Down for maintenance').waitFor();
    await expectAccessible(page, 'webhook-deliveries');

    // The day of retries is over (moved in the database); the manager sends it again once their system is back.
    await portal.db.query(`UPDATE webhook_deliveries SET next_attempt_at = now(), give_up_at = now()`);
    await settle();
    await page.reload();
    await page.getByText('Failed', { exact: true }).waitFor();
    failing = false;
    await page.getByRole('button', { name: /^Send again/ }).click();
    await settle();
    await page.reload();
    await page.getByText('Delivered', { exact: true }).waitFor();
    await page.getByText('HTTP 200').waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Remove ${base}/hooks` }).click();
    await page.getByText(`${base}/hooks is removed.`).waitFor();
    await page.getByText('Your agency has no webhooks yet.').waitFor();
  });

  it('offers a caseworker no webhooks', async () => {
    const page = await signIn(officer.email);
    const nav = page.getByRole('navigation', { name: 'Primary' });
    expect(await nav.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    await page.goto(`${portal.url}/webhooks`);
    await page.getByText('Only your agency’s managers and administrators can register webhooks.').waitFor();
  });
});
