import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readGovernedFields } from '#libs/access';
import { AlertFollowers } from '#libs/alerts';
import { PAYLOAD_CASE_FIELDS, WebhookSender, WebhooksService } from '#libs/webhooks';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Loud party" }) { id } }`;
const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret webhook { id url kinds } } }`;
const LIST = `{ webhooks { id url kinds } }`;
const DELIVERIES = `query($w: ID!, $s: WebhookDeliveryStatus) { webhookDeliveries(webhookId: $w, status: $s, first: 50) {
  totalCount edges { node { id alertId kind status attempts lastStatus lastResponse lastError nextAttemptAt } } } }`;
const RETRY = `mutation($id: ID!) { retryWebhookDelivery(id: $id) { id status } }`;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Delivery {
  id: string;
  alertId: string;
  kind: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastResponse: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

/**
 * Webhooks (issue 17, item 5), against a real HTTP server on 127.0.0.1 started here: the portal is told it may post
 * to private addresses (WEBHOOK_ALLOW_PRIVATE_ADDRESSES, as in development), except where the refusals are tested.
 * Retries are driven by moving the delivery's times in the database (next_attempt_at, give_up_at), not by waiting.
 */
describe('webhooks for partners’ systems', () => {
  let portal: TestPortal;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  /** What each path answers: a status and a body. */
  const answers = new Map<string, [number, string]>();
  /** Requests to /hang are answered only when the test says so: an endpoint that has stopped answering. */
  const hanging: ServerResponse[] = [];
  let owner: Persona;
  let ownerManager: Persona;
  let police: string;
  let policeManager: Persona;
  let council: string;
  let councilManager: Persona;
  let outsiderManager: Persona;
  let caseId: string;
  let reference: string;

  const at = (path: string) => received.filter((r) => r.path === path);
  /** Takes every alert committed so far into deliveries, and attempts what is due (as NOTIFY and the scheduler do). */
  const settle = async (on: TestPortal = portal) => {
    await on.app.get(AlertFollowers).wake();
    await on.app.get(WebhookSender).settled();
  };
  const register = async (as: Persona, path: string, kinds: string[] = ['INCIDENT_LOGGED']) =>
    (
      await portal.ok<{ registerWebhook: { secret: string; webhook: { id: string; url: string } } }>(
        REGISTER,
        { input: { url: `${base}${path}`, kinds } },
        as.token,
      )
    ).registerWebhook;
  const deliveries = async (as: Persona, webhookId: string, status?: string) =>
    (
      await portal.ok<{ webhookDeliveries: { totalCount: number; edges: { node: Delivery }[] } }>(
        DELIVERIES,
        { w: webhookId, s: status ?? null },
        as.token,
      )
    ).webhookDeliveries.edges.map((e) => e.node);

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/hang') return void hanging.push(res);
        const [status, body] = answers.get(req.url ?? '') ?? [200, 'thanks'];
        res.writeHead(status, { 'Content-Type': 'text/plain' }).end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    portal = await TestPortal.start({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
    const people = new Partnership(portal);
    const landlord = await people.agency('Riverside Homes', 'LANDLORD');
    police = await people.agency('Riverside Police', 'POLICE');
    council = await people.agency('Riverside Council', 'COUNCIL');
    const outsider = await people.agency('Elsewhere Homes', 'LANDLORD');
    owner = await people.user(landlord, ['CASEWORKER'], 'caseworker');
    ownerManager = await people.user(landlord, ['MANAGER'], 'manager');
    policeManager = await people.user(police, ['MANAGER'], 'police-manager');
    councilManager = await people.user(council, ['AGENCY_ADMIN'], 'council-admin');
    outsiderManager = await people.user(outsider, ['MANAGER'], 'outsider-manager');
    const created = (
      await portal.ok<{ createCase: { id: string; reference: string } }>(
        CREATE,
        {
          input: {
            category: 'NOISE',
            summary: 'Music every night',
            ward: 'Riverside',
            riskLevel: 'STANDARD',
            address: '12 Mill Lane',
          },
        },
        owner.token,
      )
    ).createCase;
    caseId = created.id;
    reference = created.reference;
    await portal.ok(SHARE, { c: caseId, a: police, x: 'FULL' }, owner.token);
    await portal.ok(SHARE, { c: caseId, a: council, x: 'LIMITED' }, owner.token);
  }, 90_000);

  afterAll(async () => {
    await portal?.close();
    await new Promise((r) => server.close(r));
  });

  it('refuses endpoints that are not https:// or that reach private addresses, outside development', async () => {
    const strict = await portal.another({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' });
    try {
      for (const url of [
        'http://hooks.example.org/portal',
        'https://127.0.0.1/hook',
        'https://10.1.2.3/hook',
        'https://[::1]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://169.254.169.254/latest/meta-data/',
        'https://100.64.0.1/hook',
        'https://localhost/hook',
        `https://localhost:${(server.address() as AddressInfo).port}/hook`,
        'ftp://hooks.example.org/',
        'not a url at all',
      ]) {
        const result = await strict.gql(REGISTER, { input: { url, kinds: ['INCIDENT_LOGGED'] } }, ownerManager.token);
        expect({ url, code: codeOf(result), field: result.errors?.[0]?.extensions?.field }).toEqual({
          url,
          code: 'BAD_USER_INPUT',
          field: 'url',
        });
        expect(result.errors?.[0]?.message).not.toMatch(/at |stack|\.ts/);
      }
      expect((await portal.db.query(`SELECT count(*)::int AS n FROM webhooks`)).rows[0].n).toBe(0);
    } finally {
      await strict.close();
    }
  });

  it('connects to the address it checked, not to what the name resolves to by then', async () => {
    const service = portal.app.get(WebhooksService);
    const resolve = service.resolve;
    // A name only this resolver knows: the request can reach the server only through the vetted address.
    service.resolve = (host) =>
      host === 'partner.internal.test' ? Promise.resolve([{ address: '127.0.0.1', family: 4 }]) : resolve(host);
    try {
      const port = (server.address() as AddressInfo).port;
      const { webhook } = await portal
        .ok<{ registerWebhook: { webhook: { id: string } } }>(
          REGISTER,
          { input: { url: `http://partner.internal.test:${port}/pinned`, kinds: ['INCIDENT_LOGGED'] } },
          ownerManager.token,
        )
        .then((d) => d.registerWebhook);
      await portal.ok(INCIDENT, { c: caseId }, owner.token);
      await settle();
      expect(at('/pinned')).toHaveLength(1);
      expect(at('/pinned')[0].headers.host).toBe(`partner.internal.test:${port}`);
      await portal.ok(`mutation($id: ID!) { removeWebhook(id: $id) { id } }`, { id: webhook.id }, ownerManager.token);
    } finally {
      service.resolve = resolve;
    }
  });

  it('checks the address again before each delivery: a name that now resolves to a private address gets nothing', async () => {
    const strict = await portal.another({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' });
    const sender = portal.app.get(WebhookSender);
    const drain = sender.drain.bind(sender);
    // Only the strict instance sends in this test.
    sender.drain = () => Promise.resolve();
    let answer = '93.184.216.34';
    strict.app.get(WebhooksService).resolve = (host) =>
      Promise.resolve(host === 'hooks.partner.test' ? [{ address: answer, family: 4 }] : []);
    try {
      const { webhook } = (
        await strict.ok<{ registerWebhook: { webhook: { id: string } } }>(
          REGISTER,
          { input: { url: 'https://hooks.partner.test/rebound', kinds: ['INCIDENT_LOGGED'] } },
          ownerManager.token,
        )
      ).registerWebhook;
      answer = '127.0.0.1';
      await strict.ok(INCIDENT, { c: caseId }, owner.token);
      // Either instance's follower may have taken the alert: both are done before the strict one sends.
      await portal.app.get(AlertFollowers).wake();
      await settle(strict);
      const [delivery] = await deliveries(ownerManager, webhook.id);
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastStatus: null });
      expect(delivery.lastError).toBe('Refused: url resolves to a loopback address: use a public endpoint');
      expect(at('/rebound')).toEqual([]);
      await strict.ok(`mutation($id: ID!) { removeWebhook(id: $id) { id } }`, { id: webhook.id }, ownerManager.token);
    } finally {
      sender.drain = drain;
      await strict.close();
    }
  });

  it('lets a caseworker register nothing; a manager registers for their own agency, the secret shown once and logged', async () => {
    const refused = await portal.gql(
      REGISTER,
      { input: { url: `${base}/caseworker`, kinds: ['INCIDENT_LOGGED'] } },
      owner.token,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(LIST, {}, owner.token))).toBe('FORBIDDEN');
    // Nor the agency's own case system with its key: a stolen key must not point the alerts elsewhere.
    const { key } = (
      await portal.ok<{ createApiKey: { key: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
        {
          input: {
            name: 'Housing system',
            access: 'READ_WRITE',
            expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
          },
        },
        ownerManager.token,
      )
    ).createApiKey;
    expect(codeOf(await portal.gql(REGISTER, { input: { url: `${base}/key`, kinds: ['INCIDENT_LOGGED'] } }, key))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await portal.gql(LIST, {}, key))).toBe('FORBIDDEN');
    const { secret, webhook } = await register(ownerManager, '/owner', ['INCIDENT_LOGGED', 'CASE_CLOSED']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook.url).toBe(`${base}/owner`);
    // The secret is kept sealed: not in the row as it was shown.
    const { rows } = await portal.db.query(`SELECT secret_sealed FROM webhooks WHERE id = $1`, [webhook.id]);
    expect(rows[0].secret_sealed).not.toContain(secret.slice(6));
    // Listed for the agency, never with a secret; recorded in the administration log.
    const listed = await portal.ok<{ webhooks: { id: string }[] }>(LIST, {}, ownerManager.token);
    expect(listed.webhooks.map((w) => w.id)).toEqual([webhook.id]);
    const log = await portal.ok<{ administrationLog: { edges: { node: { action: string; detail: string } }[] } }>(
      `{ administrationLog(first: 5) { edges { node { action detail } } } }`,
      {},
      ownerManager.token,
    );
    expect(log.administrationLog.edges[0].node).toEqual({
      action: 'WEBHOOK_REGISTERED',
      detail: `Registered the webhook ${base}/owner for INCIDENT_LOGGED, CASE_CLOSED`,
    });
  });

  it('posts each alert to the endpoints that want it, signed over the timestamp and the exact body', async () => {
    const { secret, webhook } = await register(ownerManager, '/signed');
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    await settle();

    const [request] = at('/signed');
    expect(at('/signed')).toHaveLength(1);
    const timestamp = request.headers['portal-webhook-timestamp'] as string;
    const signature = request.headers['portal-webhook-signature'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    // What a receiver does (docs/webhooks.md): the HMAC of "<timestamp>.<raw body>" with the secret, compared in constant time.
    const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
    expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
    expect(request.headers['content-type']).toBe('application/json');

    const payload = JSON.parse(request.body);
    expect(payload).toMatchObject({
      kind: 'INCIDENT_LOGGED',
      caseId,
      meetingId: null,
      actionId: null,
      case: { id: caseId, reference, category: 'NOISE', ward: 'Riverside', access: 'FULL', owned: true },
    });
    const [delivery] = await deliveries(ownerManager, webhook.id);
    expect(request.headers['portal-webhook-id']).toBe(delivery.id);
    expect(delivery).toMatchObject({
      alertId: payload.id,
      kind: 'INCIDENT_LOGGED',
      status: 'DELIVERED',
      attempts: 1,
      lastStatus: 200,
      lastResponse: 'thanks',
      nextAttemptAt: null,
    });
    // The endpoint that asked for other kinds was told nothing of an incident.
    expect(at('/owner').filter((r) => JSON.parse(r.body).kind !== 'INCIDENT_LOGGED')).toEqual([]);
  });

  it('gives a LIMITED partner the case’s basics only, and an agency not holding the case nothing', async () => {
    await register(councilManager, '/council');
    const outsiderHook = await register(outsiderManager, '/outsider', ['INCIDENT_LOGGED', 'CASE_SHARED']);
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    await settle();

    const [request] = at('/council');
    const payload = JSON.parse(request.body);
    expect(payload.case.access).toBe('LIMITED');
    expect(payload.case.reference).toBe(reference);
    const sensitive = readGovernedFields('Case');
    expect(Object.keys(payload.case).filter((field) => sensitive.includes(field))).toEqual([]);
    expect(Object.keys(payload.case).sort()).toEqual([...PAYLOAD_CASE_FIELDS, 'redactedFields'].sort());
    expect(request.body).not.toContain('12 Mill Lane');

    expect(at('/outsider')).toEqual([]);
    expect(await deliveries(outsiderManager, outsiderHook.webhook.id)).toEqual([]);
  });

  it('retries a failing endpoint with backoff, keeping its last answer, then marks it FAILED after the day', async () => {
    answers.set('/failing', [500, `boom ${'x'.repeat(3000)}`]);
    const { webhook } = await register(ownerManager, '/failing');
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    await settle();

    let [delivery] = await deliveries(ownerManager, webhook.id);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastStatus: 500 });
    expect(delivery.lastResponse).toMatch(/^boom x+$/);
    expect(delivery.lastResponse!.length).toBe(1024);
    const firstWait = Date.parse(delivery.nextAttemptAt!) - Date.now();
    expect(firstWait).toBeGreaterThan(20_000);
    expect(firstWait).toBeLessThanOrEqual(30_000);
    // Not due yet: a pass now sends nothing.
    await settle();
    expect(at('/failing')).toHaveLength(1);

    // Its time comes (moved in the database rather than waited for): tried again, the wait doubled.
    await portal.db.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = $1`, [delivery.id]);
    await settle();
    [delivery] = await deliveries(ownerManager, webhook.id);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 2, lastStatus: 500 });
    expect(Date.parse(delivery.nextAttemptAt!) - Date.now()).toBeGreaterThan(45_000);
    expect(at('/failing').map((r) => r.headers['portal-webhook-id'])).toEqual([delivery.id, delivery.id]);

    // A day after the alert, the next failure is the last.
    await portal.db.query(
      `UPDATE webhook_deliveries SET next_attempt_at = now(), give_up_at = now() + interval '1 second' WHERE id = $1`,
      [delivery.id],
    );
    await settle();
    [delivery] = await deliveries(ownerManager, webhook.id);
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 3, lastStatus: 500, nextAttemptAt: null });
    expect((await deliveries(ownerManager, webhook.id, 'FAILED')).map((d) => d.id)).toEqual([delivery.id]);
    await portal.db.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = $1`, [delivery.id]);
    await settle();
    expect(at('/failing')).toHaveLength(3);

    // The manager sends it again once their system is mended.
    answers.set('/failing', [204, '']);
    const retried = await portal.ok<{ retryWebhookDelivery: { status: string } }>(
      RETRY,
      { id: delivery.id },
      ownerManager.token,
    );
    expect(retried.retryWebhookDelivery.status).toBe('PENDING');
    await settle();
    [delivery] = await deliveries(ownerManager, webhook.id);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 4, lastStatus: 204 });
    expect(codeOf(await portal.gql(RETRY, { id: delivery.id }, ownerManager.token))).toBe('CONFLICT');
  });

  it('sends nothing about a case whose share was revoked before the delivery went out', async () => {
    const { webhook } = await register(policeManager, '/police');
    const sender = portal.app.get(WebhookSender);
    // The sender held back (as if busy) while the alert becomes a delivery and the share is revoked.
    const drain = sender.drain.bind(sender);
    sender.drain = () => Promise.resolve();
    try {
      await portal.ok(INCIDENT, { c: caseId }, owner.token);
      await portal.app.get(AlertFollowers).wake();
      const [queued] = await deliveries(policeManager, webhook.id);
      expect(queued).toMatchObject({ status: 'PENDING', attempts: 0 });
      await portal.ok(REVOKE, { c: caseId, a: police }, owner.token);
    } finally {
      sender.drain = drain;
    }
    await settle();
    expect(at('/police')).toEqual([]);
    const [cancelled] = await deliveries(policeManager, webhook.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', attempts: 0, lastStatus: null });
    expect(cancelled.lastError).toMatch(/no longer holds the case/);

    // And the alerts after it are not even queued for the police.
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    await settle();
    expect(await deliveries(policeManager, webhook.id)).toHaveLength(1);
    expect(at('/police')).toEqual([]);
  });

  it('keeps one agency’s endpoints from another agency’s managers: NOT_FOUND, as if they did not exist', async () => {
    const [mine] = (await portal.ok<{ webhooks: { id: string; url: string }[] }>(LIST, {}, ownerManager.token))
      .webhooks;
    const [delivery] = await deliveries(ownerManager, mine.id);
    const theirs = await portal.ok<{ webhooks: { id: string }[] }>(LIST, {}, policeManager.token);
    expect(theirs.webhooks.map((w) => w.id)).not.toContain(mine.id);
    const attempts: [string, Record<string, unknown>][] = [
      [`mutation($id: ID!) { removeWebhook(id: $id) { id } }`, { id: mine.id }],
      [`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id: mine.id }],
      [
        `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }`,
        { input: { id: mine.id, url: `${base}/stolen` } },
      ],
      [DELIVERIES, { w: mine.id }],
      [RETRY, { id: delivery.id }],
    ];
    for (const [query, variables] of attempts) {
      expect(codeOf(await portal.gql(query, variables, policeManager.token))).toBe('NOT_FOUND');
    }
    const { rows } = await portal.db.query(`SELECT url FROM webhooks WHERE id = $1`, [mine.id]);
    expect(rows[0].url).toBe(mine.url);
  });

  it('changes, rotates and removes an endpoint, each recorded; the new secret signs from then on', async () => {
    const { webhook, secret: first } = await register(ownerManager, '/rotating');
    const changed = await portal.ok<{ updateWebhook: { kinds: string[] } }>(
      `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { kinds } }`,
      { input: { id: webhook.id, kinds: ['INCIDENT_LOGGED', 'RISK_ESCALATED'] } },
      ownerManager.token,
    );
    expect(changed.updateWebhook.kinds).toEqual(['INCIDENT_LOGGED', 'RISK_ESCALATED']);
    const refused = await portal.gql(
      `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }`,
      { input: { id: webhook.id, url: 'ftp://example.org/' } },
      ownerManager.token,
    );
    expect({ code: codeOf(refused), field: refused.errors?.[0]?.extensions?.field }).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'url',
    });
    const rotated = await portal.ok<{ rotateWebhookSecret: { secret: string } }>(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      { id: webhook.id },
      ownerManager.token,
    );
    const second = rotated.rotateWebhookSecret.secret;
    expect(second).not.toBe(first);
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    await settle();
    const [request] = at('/rotating');
    const timestamp = request.headers['portal-webhook-timestamp'] as string;
    const sign = (key: string) =>
      `v1=${createHmac('sha256', key).update(`${timestamp}.${request.body}`).digest('hex')}`;
    expect(request.headers['portal-webhook-signature']).toBe(sign(second));
    expect(request.headers['portal-webhook-signature']).not.toBe(sign(first));

    await portal.ok(`mutation($id: ID!) { removeWebhook(id: $id) { id } }`, { id: webhook.id }, ownerManager.token);
    await portal.ok(INCIDENT, { c: caseId }, owner.token);
    await settle();
    expect(at('/rotating')).toHaveLength(1);
    const log = await portal.ok<{ administrationLog: { edges: { node: { action: string } }[] } }>(
      `{ administrationLog(first: 4) { edges { node { action } } } }`,
      {},
      ownerManager.token,
    );
    expect(log.administrationLog.edges.map((e) => e.node.action)).toEqual([
      'WEBHOOK_REMOVED',
      'WEBHOOK_SECRET_ROTATED',
      'WEBHOOK_CHANGED',
      'WEBHOOK_REGISTERED',
    ]);
  });

  it('delivers each alert once across instances, however many wake at once', async () => {
    const second = await portal.another({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' });
    try {
      const { webhook } = await register(ownerManager, '/once');
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++) await portal.ok(INCIDENT, { c: caseId }, owner.token);
        await Promise.all([settle(), settle(second), settle(), settle(second)]);
      }
      await settle();
      await settle(second);
      const alertIds = at('/once').map((r) => JSON.parse(r.body).id as string);
      expect(alertIds).toHaveLength(12);
      expect(new Set(alertIds).size).toBe(12);
      const rows = await deliveries(ownerManager, webhook.id);
      expect(rows.map((d) => [d.status, d.attempts])).toEqual(Array(12).fill(['DELIVERED', 1]));
    } finally {
      await second.close();
    }
  });
  it('lets an endpoint that has stopped answering hold back no other delivery', async () => {
    const stuck = (await register(ownerManager, '/hang')).webhook;
    const prompt = (await register(ownerManager, '/prompt')).webhook;
    const arrived = async (count: number) => {
      for (let i = 0; i < 50 && at('/prompt').length < count; i++) await new Promise((r) => setTimeout(r, 100));
      return at('/prompt').length;
    };
    try {
      await portal.ok(INCIDENT, { c: caseId }, owner.token);
      await portal.app.get(AlertFollowers).wake();
      void portal.app.get(WebhookSender).drain();
      expect(await arrived(1)).toBe(1);
      expect(at('/hang')).toHaveLength(1);
      // The first request to /hang waits for its 10 s limit; the next alert goes to /prompt meanwhile.
      await portal.ok(INCIDENT, { c: caseId }, owner.token);
      await portal.app.get(AlertFollowers).wake();
      void portal.app.get(WebhookSender).drain();
      expect(await arrived(2)).toBe(2);
      expect(hanging.length).toBeGreaterThan(0);
    } finally {
      for (const res of hanging.splice(0)) res.writeHead(200).end();
      await settle();
      for (const { id } of [stuck, prompt])
        await portal.ok(`mutation($id: ID!) { removeWebhook(id: $id) { id } }`, { id }, ownerManager.token);
    }
  });

  it('lets one agency have at most ten endpoints, so one alert costs a bounded number of posts', async () => {
    const have = (await portal.ok<{ webhooks: unknown[] }>(LIST, {}, outsiderManager.token)).webhooks.length;
    for (let i = have; i < 10; i++) await register(outsiderManager, `/many-${i}`);
    const refused = await portal.gql(
      REGISTER,
      { input: { url: `${base}/one-too-many`, kinds: ['INCIDENT_LOGGED'] } },
      outsiderManager.token,
    );
    expect({ code: codeOf(refused), field: refused.errors?.[0]?.extensions?.field }).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'url',
    });
    expect(refused.errors?.[0]?.message).toMatch(/at most 10 webhooks/);
  });
});
