import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { defineAbilityFor, type Relation, type SessionUser } from '#libs/access';
import { recipientsOf } from '#libs/alert-feed';
import { AlertFollowers, type AlertRow, AlertScheduler } from '#libs/alerts';
import { CasesRepository, type CaseWithShares, holdersSubject, toCase } from '#libs/cases';
import { Role, SerialPass } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { NotificationBus, QueryCounter } from '#libs/db';
import { MeetingsRepository } from '#libs/meetings';
import { type AttemptResult, EndpointRefused, post, vetEndpoint, type VettedEndpoint } from './webhook-endpoint.js';
import { type ClaimedDelivery, type DeliveryFor, WEBHOOKS_CHANNEL, WebhooksRepository } from './webhooks.repository.js';
import { PAYLOAD_CASE_FIELDS, retryDelaySeconds, RETRY_WINDOW_HOURS, signatureOf } from './webhooks.rules.js';
import { WebhooksService } from './webhooks.service.js';

/** Deliveries claimed at once, and attempted side by side. */
const BATCH = 10;
/** Requests in flight at once in this process, over every endpoint. */
const IN_FLIGHT = 50;

/** A claimed delivery ready to go: its secret opened and its address vetted. */
interface Ready {
  delivery: ClaimedDelivery;
  secret: string;
  endpoint: VettedEndpoint;
}
/** One that cannot go now: an attempt that failed before any request, or (result null) left leased for later. */
interface NotReady {
  delivery: ClaimedDelivery;
  result: AttemptResult | null;
}
/** Far longer than an attempt can take (a DNS look-up and REQUEST_TIMEOUT_MS), so a lease never runs out mid-attempt. */
export const LEASE_SECONDS = 120;
/** Finished deliveries are kept this long for the portal's record. */
const KEEP_FINISHED_DAYS = 30;

/** What deciding who is entitled to an alert reads of it: an alert row, or a delivery's copy of its facts. */
type AlertFacts = Pick<AlertRow, 'kind' | 'case_id' | 'meeting_id' | 'target_agency_id'>;

/** The alert as a partner's system receives it. */
export interface WebhookPayload {
  id: string;
  kind: string;
  caseId: string | null;
  meetingId: string | null;
  actionId: string | null;
  occurredAt: string;
  case: Record<string, unknown> | null;
}

/**
 * Turns alerts into deliveries and sends them. The alert follower writes, in the transaction that moves its
 * position, one delivery per endpoint of each agency entitled to each alert (the alert hub's own rule); the sender
 * claims due deliveries from every instance without attempting one twice at once, woken by NOTIFY at commit and by
 * the scheduler's passes (retries, and anything missed while the listener was down). Before each attempt it asks
 * again whether the agency holds the case now: a revoked share stops deliveries about the case at once.
 */
@Injectable()
export class WebhookSender implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly passes = new SerialPass(
    () => this.counter.countAs('webhook-sender', () => this.sendDue()),
    (error) => this.logger.error(`webhook pass failed: ${String(error)}`),
  );
  private stopping = false;
  private inFlight = 0;
  private readonly batches = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followers: AlertFollowers,
    private readonly scheduler: AlertScheduler,
    private readonly bus: NotificationBus,
    private readonly cases: CasesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly repository: WebhooksRepository,
    private readonly webhooks: WebhooksService,
    private readonly counter: QueryCounter,
  ) {}

  onModuleInit(): void {
    this.followers.follow('webhooks', (tx, alerts) => this.take(tx, alerts));
    this.scheduler.addPass(async () => {
      await this.drain();
      await this.repository.deleteFinishedBefore(this.dataSource, KEEP_FINISHED_DAYS);
    });
    void this.bus.subscribe(WEBHOOKS_CHANNEL, {
      notified: () => void this.drain(),
      reconnected: () => void this.drain(),
    });
  }

  onApplicationBootstrap(): void {
    void this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.passes.stop();
    await Promise.all(this.batches);
  }

  /**
   * Claims every due delivery (one pass at a time in this process); resolves when the pass has claimed what was due,
   * not when every request has been answered (see `settled`).
   */
  drain(): Promise<void> {
    return this.passes.wake();
  }

  /** Resolves once nothing is due or in flight in this process: every claimed delivery answered and marked. */
  async settled(): Promise<void> {
    await this.passes.wake();
    while (this.batches.size) {
      await Promise.all(this.batches);
      await this.passes.wake();
    }
  }

  /** A batch of new alerts: the deliveries they lead to, in a few statements whatever the number of endpoints. */
  private async take(tx: EntityManager, alerts: AlertRow[]): Promise<void> {
    if (!(await this.repository.anyWebhook(tx))) return;
    const entitled = await this.entitlement(tx, alerts);
    const rows: DeliveryFor[] = [];
    for (const alert of alerts) {
      for (const agencyId of entitled(alert).recipients.keys())
        rows.push({
          alertId: alert.id,
          agencyId,
          kind: alert.kind,
          caseId: alert.case_id,
          meetingId: alert.meeting_id,
          actionId: alert.action_id,
          targetAgencyId: alert.target_agency_id,
          occurredAt: alert.occurred_at,
        });
    }
    await this.repository.enqueue(tx, rows, RETRY_WINDOW_HOURS);
  }

  /**
   * Who may be told of each alert now, as the alert hub decides (`recipientsOf`): the batch's cases with their live
   * shares and its meetings' agencies, read once for the batch. One statement after the other: `db` may be the
   * follower's transaction, one connection.
   */
  private async entitlement(db: DataSource | EntityManager, alerts: AlertFacts[]) {
    const caseIds = [...new Set(alerts.map((a) => a.case_id).filter((id): id is string => id !== null))];
    const meetingIds = [...new Set(alerts.map((a) => a.meeting_id).filter((id): id is string => id !== null))];
    const cases = caseIds.length ? await this.cases.withLiveShares(db, caseIds) : [];
    const meetings = meetingIds.length ? await this.meetings.attendingAgencies(db, meetingIds) : [];
    const byId = new Map(cases.map((c) => [c.id, c]));
    const attending = new Map(meetings.map((m) => [m.meeting_id, new Set(m.agency_ids)]));
    return (alert: AlertFacts) => {
      const kase = alert.case_id ? byId.get(alert.case_id) : undefined;
      const recipients = recipientsOf(alert, kase, alert.meeting_id ? attending.get(alert.meeting_id) : undefined);
      return { recipients, kase };
    };
  }

  /**
   * Claims due deliveries while there is room in flight, and lets each batch finish on its own: a slow or dead
   * endpoint (up to the 10 s limit) holds only the slots of its own requests, not every delivery behind it. A batch
   * that finishes wakes the next pass.
   */
  private async sendDue(): Promise<void> {
    while (!this.stopping) {
      const room = Math.min(BATCH, IN_FLIGHT - this.inFlight);
      if (room <= 0) return;
      const claimed = await this.repository.claimDue(this.dataSource, room, LEASE_SECONDS);
      if (claimed.length === 0) return;
      this.inFlight += claimed.length;
      const batch: Promise<void> = this.attempt(claimed)
        // Left leased: tried again when the lease runs out.
        .catch((error: unknown) => this.logger.warn(`webhook deliveries not attempted: ${String(error)}`))
        .finally(() => {
          this.inFlight -= claimed.length;
          this.batches.delete(batch);
          if (!this.stopping) void this.passes.wake();
        });
      this.batches.add(batch);
      if (claimed.length < room) return;
    }
  }

  /**
   * One attempt of each claimed delivery, at once. The slow steps come first (the secrets, the DNS look-ups); whether
   * each agency still holds its case is asked last, for the whole batch in one read, just before the requests go, so
   * a share revoked meanwhile stops them. Delivered ones are marked in one statement.
   */
  private async attempt(claimed: ClaimedDelivery[]): Promise<void> {
    const prepared = await Promise.all(claimed.map((delivery) => this.prepare(delivery)));
    const ready = prepared.filter((p): p is Ready => 'endpoint' in p);
    const failed = prepared.filter(
      (p): p is NotReady & { result: AttemptResult } => 'result' in p && p.result !== null,
    );
    const entitled = ready.length
      ? await this.entitlement(
          this.dataSource,
          ready.map((r) => r.delivery),
        )
      : null;
    const cancelled: string[] = [];
    const sending: (Ready & { payload: WebhookPayload })[] = [];
    for (const r of ready) {
      const { recipients, kase } = entitled!(r.delivery);
      const payload = recipients.has(r.delivery.agency_id)
        ? this.payload(r.delivery, kase, recipients.get(r.delivery.agency_id) ?? null)
        : null;
      if (payload) sending.push({ ...r, payload });
      else cancelled.push(r.delivery.id);
    }
    if (cancelled.length)
      await this.repository.markCancelled(this.dataSource, cancelled, 'Not sent: the agency no longer holds the case');
    const results = await Promise.all(
      sending.map(({ delivery, endpoint, secret, payload }) => {
        const body = JSON.stringify(payload);
        const timestamp = Math.floor(Date.now() / 1000);
        return post(endpoint, body, {
          'Portal-Webhook-Id': delivery.id,
          'Portal-Webhook-Timestamp': String(timestamp),
          'Portal-Webhook-Signature': signatureOf(secret, timestamp, body),
        });
      }),
    );
    const delivered: { id: string; status: number; response: string }[] = [];
    for (const [i, result] of results.entries()) {
      if (result.status !== null && result.status >= 200 && result.status < 300)
        delivered.push({ id: sending[i].delivery.id, status: result.status, response: result.response ?? '' });
      else failed.push({ delivery: sending[i].delivery, result });
    }
    if (delivered.length) await this.repository.markDelivered(this.dataSource, delivered);
    for (const { delivery, result } of failed)
      await this.repository.markAttemptFailed(
        this.dataSource,
        delivery.id,
        result,
        retryDelaySeconds(delivery.attempts),
      );
  }

  /** The secret and the vetted address of one delivery, or why it cannot be attempted now. */
  private async prepare(delivery: ClaimedDelivery): Promise<Ready | NotReady> {
    const secret = await this.webhooks.openSecret(delivery.webhook_id, delivery.secret_sealed);
    if (secret === null)
      return {
        delivery,
        result: {
          status: null,
          response: null,
          error: 'The signing secret no longer opens (ENCRYPTION_KEY changed): give the endpoint a new secret',
        },
      };
    // Vetted again (DNS may have changed since registration); the request connects to the address vetted here.
    try {
      const endpoint = await vetEndpoint(
        delivery.url,
        this.config.webhooks.allowPrivateAddresses,
        this.webhooks.resolve,
      );
      return { delivery, secret, endpoint };
    } catch (error) {
      if (error instanceof EndpointRefused)
        return { delivery, result: { status: null, response: null, error: `Refused: ${error.message}` } };
      // Left leased: tried again when the lease runs out.
      this.logger.warn(`webhook delivery ${delivery.id} not attempted: ${String(error)}`);
      return { delivery, result: null };
    }
  }

  /**
   * The alert as the agency's service account (a caseworker of the agency) may see it: the case's basics only, each
   * redacted by the same field rules as any read, none of them a sensitive field (so nothing here is a disclosure
   * the audit trail must note; the partner's system reads the rest through the API with its key, audited there).
   * Null when the account's rules do not let it read the case.
   */
  private payload(
    delivery: ClaimedDelivery,
    kase: CaseWithShares | undefined,
    relation: Relation | null,
  ): WebhookPayload | null {
    let view: Record<string, unknown> | null = null;
    if (kase && relation) {
      // As KeyBearerService makes the agency's service account: a caseworker of the agency, whatever its row says.
      // Its id is not read by a caseworker's rules, so none is looked up (the agency may have no account yet).
      const account: SessionUser = {
        id: `webhooks:${delivery.agency_id}`,
        email: '',
        displayName: 'Webhooks',
        agencyId: delivery.agency_id,
        agencyKind: delivery.agency_kind,
        roles: [Role.CASEWORKER],
        apiKey: { id: `webhooks:${delivery.agency_id}`, readOnly: true },
      };
      const ability = defineAbilityFor(account);
      if (!ability.can('read', holdersSubject(kase))) return null;
      const full = toCase(ability, { ...kase, relation }) as unknown as Record<string, unknown>;
      view = Object.fromEntries(PAYLOAD_CASE_FIELDS.map((field) => [field, full[field] ?? null]));
      view.redactedFields = (full.redactedFields as string[]).filter((f) => PAYLOAD_CASE_FIELDS.includes(f));
    }
    return {
      id: delivery.alert_id,
      kind: delivery.kind,
      caseId: delivery.case_id,
      meetingId: delivery.meeting_id,
      actionId: delivery.action_id,
      occurredAt: delivery.occurred_at.toISOString(),
      case: view,
    };
  }
}
