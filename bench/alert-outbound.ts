/**
 * What the alert benchmark adds for issue 17, item 6: people on email and partners' systems on webhooks, configured
 * while the alert path is measured, and how late their deliveries are.
 *
 * - Email: EMAIL_USERS_PER_AGENCY more caseworkers per agency who never subscribe, so that with the partnership's own
 *   users about 1,000 people are on email with the defaults (an action given to their agency and an escalation to
 *   HIGH at once, the rest in the daily digest). Their digest is due at 00:00 London time; one digest pass is timed
 *   at the end over everything the run raised.
 * - Webhooks: one endpoint per agency for WEBHOOK_AGENCIES agencies, every alert kind, registered over the API by
 *   each agency's manager, posting to a receiver in this process on 127.0.0.1 (allowed by
 *   WEBHOOK_ALLOW_PRIVATE_ADDRESSES, which the benchmark's configuration turns on). The receiver notes when each
 *   alert arrived; its lag is from the commit of the change that raised the alert.
 * - While the load runs, the consumers' backlog (alerts not yet taken) is sampled.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool, PoolClient } from 'pg';
import { AlertFollowers } from '#libs/alerts';
import { hashPassword } from '#libs/users';
import type { BenchAgency } from './alert-partnership.js';
import { PASSWORD } from './alert-partnership.js';
import { GraphQLClient } from './graphql-client.js';
import { percentile } from './stats.js';

export const EMAIL_USERS_PER_AGENCY = 10;
export const WEBHOOK_AGENCIES = 20;
const ALL_KINDS = [
  'CASE_SHARED',
  'INCIDENT_LOGGED',
  'RISK_ESCALATED',
  'ACTION_ASSIGNED',
  'ACTION_OVERDUE',
  'CASE_UPDATED',
  'CASE_CLOSED',
  'SERVICE_STANDARD_BREACHED',
  'AGENDA_PUBLISHED',
];

/** Caseworkers who only read their mail: they never sign in during the run. Returns how many people mail reaches. */
export async function addEmailUsers(db: PoolClient, agencies: readonly BenchAgency[]): Promise<number> {
  const hash = await hashPassword(PASSWORD);
  const specs = agencies.flatMap((agency) =>
    Array.from({ length: EMAIL_USERS_PER_AGENCY }, (_, u) => ({
      email: `mail-${agency.index + 1}-${u + 1}@alerts.bench`,
      name: `Reader ${u + 1}, ${agency.name}`,
      agencyId: agency.id,
    })),
  );
  await db.query(
    `INSERT INTO users (email, display_name, agency_id, roles, password_hash)
     SELECT e, n, a, ARRAY['CASEWORKER'], $4 FROM unnest($1::text[], $2::text[], $3::uuid[]) AS x(e, n, a)`,
    [specs.map((s) => s.email), specs.map((s) => s.name), specs.map((s) => s.agencyId), hash],
  );
  // Everyone's digest falls due at 00:00 London time and covers the whole run.
  await db.query(
    `INSERT INTO notification_settings (user_id, digest_hour, digest_minute, digest_after_id)
     SELECT id, 0, 0, 0 FROM users WHERE active AND NOT system AND roles && ARRAY['CASEWORKER','MANAGER','MARAC_CHAIR','MARAC_COORDINATOR']::text[]
     ON CONFLICT (user_id) DO UPDATE SET digest_hour = 0, digest_minute = 0, digest_after_id = 0, last_digest_on = NULL`,
  );
  const { rows } = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM notification_settings`);
  return Number(rows[0].n);
}

/** A partner's case system: answers 204 at once and notes when each alert arrived. */
export class WebhookReceiver {
  readonly received = new Map<string, number[]>();
  requests = 0;
  badRequests = 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const at = Date.now();
        this.requests++;
        try {
          const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
          const times = this.received.get(id);
          if (times) times.push(at);
          else this.received.set(id, [at]);
        } catch {
          this.badRequests++;
        }
        res.writeHead(204).end();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/portal-hooks`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** One endpoint per agency for the first WEBHOOK_AGENCIES agencies after the 1% agency, by each agency's manager. */
export async function registerWebhooks(
  httpUrl: string,
  agencies: readonly BenchAgency[],
  receiverUrl: string,
): Promise<number> {
  let registered = 0;
  for (const agency of agencies.slice(1, 1 + WEBHOOK_AGENCIES)) {
    const manager = agency.users.find((u) => u.roles.includes('MANAGER' as never));
    if (!manager) throw new Error(`${agency.name} has no manager to register its webhook`);
    const client = new GraphQLClient(httpUrl);
    client.token = manager.token;
    await client.request(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`,
      { input: { url: receiverUrl, kinds: ALL_KINDS } },
    );
    registered++;
  }
  return registered;
}

/** The email and webhook consumers' backlog, sampled while the load runs. */
export class BacklogSampler {
  readonly max = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private sampling?: Promise<void>;

  constructor(private readonly followers: AlertFollowers) {}

  start(everyMs = 250): void {
    this.timer = setInterval(() => {
      this.sampling ??= this.followers
        .lag()
        .then((list) => {
          for (const { name, behind } of list) this.max.set(name, Math.max(this.max.get(name) ?? 0, behind));
        })
        .catch(() => undefined)
        .finally(() => (this.sampling = undefined));
    }, everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sampling;
  }
}

export interface OutboundResult {
  emailUsers: number;
  webhookEndpoints: number;
  /** Most alerts the consumer had not yet taken at any sample. */
  emailMaxBehind: number;
  webhooksMaxBehind: number;
  mails: { queued: number; sent: number; queuedToSentP50Ms: number; queuedToSentP95Ms: number; maxMs: number };
  /** From the commit of each change to its alert's arrival at the partner's receiver. */
  webhooks: {
    deliveries: number;
    delivered: number;
    received: number;
    duplicates: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
  };
  /** Seconds after the last change until every mail was sent and every webhook delivered. */
  drainedSeconds: number;
  digest: { users: number; mails: number; seconds: number };
}

/** Waits (bounded) for the outboxes to empty, then reads the lags from the tables and the receiver. */
export async function outboundResults(
  pool: Pool,
  followers: AlertFollowers,
  receiver: WebhookReceiver,
  counts: { emailUsers: number; webhookEndpoints: number },
  sampler: BacklogSampler,
  sendDigests: () => Promise<void>,
): Promise<OutboundResult> {
  const started = performance.now();
  for (;;) {
    const behind = (await followers.lag()).reduce((sum, c) => sum + c.behind, 0);
    const { rows } = await pool.query<{ mail: string; hooks: string }>(
      `SELECT (SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL)::text AS mail,
              (SELECT count(*) FROM webhook_deliveries WHERE status = 'PENDING')::text AS hooks`,
    );
    if (behind === 0 && Number(rows[0].mail) === 0 && Number(rows[0].hooks) === 0) break;
    if (performance.now() - started > 300_000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const drainedSeconds = (performance.now() - started) / 1000;

  const mailRows = (
    await pool.query<{ ms: string | null }>(
      `SELECT (extract(epoch FROM sent_at - created_at) * 1000)::text AS ms FROM mail_outbox`,
    )
  ).rows;
  const sentMs = mailRows
    .filter((r) => r.ms !== null)
    .map((r) => Number(r.ms))
    .sort((a, b) => a - b);

  const deliveries = (
    await pool.query<{ alert_id: string; status: string; committed_ms: string }>(
      `SELECT d.alert_id::text AS alert_id, d.status,
              (extract(epoch FROM coalesce(pg_xact_commit_timestamp(a.xmin), a.occurred_at)) * 1000)::text AS committed_ms
         FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id`,
    )
  ).rows;
  const lags: number[] = [];
  let duplicates = 0;
  const committed = new Map(deliveries.map((d) => [d.alert_id, Number(d.committed_ms)]));
  const perAlert = new Map<string, number>();
  for (const d of deliveries) perAlert.set(d.alert_id, (perAlert.get(d.alert_id) ?? 0) + 1);
  for (const [alertId, times] of receiver.received) {
    const at = committed.get(alertId);
    if (at === undefined) continue;
    duplicates += Math.max(0, times.length - (perAlert.get(alertId) ?? 0));
    for (const t of times) lags.push(t - at);
  }
  lags.sort((a, b) => a - b);

  const digestStarted = performance.now();
  const before = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM mail_outbox`)).rows[0].n);
  await sendDigests();
  const digestSeconds = (performance.now() - digestStarted) / 1000;
  const after = Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM mail_outbox`)).rows[0].n);

  const round = (n: number) => Math.round(n);
  return {
    ...counts,
    emailMaxBehind: sampler.max.get('email') ?? 0,
    webhooksMaxBehind: sampler.max.get('webhooks') ?? 0,
    mails: {
      queued: mailRows.length,
      sent: sentMs.length,
      queuedToSentP50Ms: round(percentile(sentMs, 0.5)),
      queuedToSentP95Ms: round(percentile(sentMs, 0.95)),
      maxMs: round(sentMs.at(-1) ?? Number.NaN),
    },
    webhooks: {
      deliveries: deliveries.length,
      delivered: deliveries.filter((d) => d.status === 'DELIVERED').length,
      received: receiver.requests,
      duplicates,
      p50Ms: round(percentile(lags, 0.5)),
      p95Ms: round(percentile(lags, 0.95)),
      maxMs: round(lags.at(-1) ?? Number.NaN),
    },
    drainedSeconds: Math.round(drainedSeconds * 10) / 10,
    digest: { users: counts.emailUsers, mails: after - before, seconds: Math.round(digestSeconds * 100) / 100 },
  };
}
