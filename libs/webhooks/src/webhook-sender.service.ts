import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subject } from '@casl/ability';
import type { DataSource, EntityManager } from 'typeorm';
import { defineAbilityFor, type Relation, type SessionUser } from '#libs/access';
import { recipientsOf } from '#libs/alert-feed';
import { AlertFollowers, type AlertRow, AlertScheduler } from '#libs/alerts';
import { CasesRepository, type CaseWithShares, toCase } from '#libs/cases';
import { Role, SerialPass } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { NotificationBus, QueryCounter } from '#libs/db';
import { MeetingsRepository } from '#libs/meetings';
import { type AttemptResult, EndpointRefused, post, vetEndpoint } from './webhook-endpoint.js';
import { type ClaimedDelivery, type DeliveryFor, WEBHOOKS_CHANNEL, WebhooksRepository } from './webhooks.repository.js';
import { PAYLOAD_CASE_FIELDS, retryDelaySeconds, RETRY_WINDOW_HOURS, signatureOf } from './webhooks.rules.js';
import { WebhooksService } from './webhooks.service.js';

/** Deliveries claimed at once, and attempted side by side. */
const BATCH = 10;
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
  }

  /** Attempts every due delivery; one pass at a time in this process. */
  drain(): Promise<void> {
    return this.passes.wake();
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

  private async sendDue(): Promise<void> {
    while (!this.stopping) {
      const claimed = await this.repository.claimDue(this.dataSource, BATCH, LEASE_SECONDS);
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
      if (claimed.length < BATCH) return;
    }
  }

  /**
   * One attempt. The slow steps come first (the secret, the DNS look-up); whether the agency still holds the case is
   * asked last, just before the request goes, so a share revoked meanwhile stops it.
   */
  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    try {
      const result = await this.prepareAndSend(delivery);
      if (result === 'cancelled') return;
      if (result.status !== null && result.status >= 200 && result.status < 300) {
        await this.repository.markDelivered(this.dataSource, delivery.id, result.status, result.response ?? '');
      } else {
        const wait = retryDelaySeconds(delivery.attempts);
        await this.repository.markAttemptFailed(this.dataSource, delivery.id, result, wait);
      }
    } catch (error) {
      // Left leased: tried again when the lease runs out.
      this.logger.warn(`webhook delivery ${delivery.id} not attempted: ${String(error)}`);
    }
  }

  private async prepareAndSend(delivery: ClaimedDelivery): Promise<AttemptResult | 'cancelled'> {
    const secret = await this.webhooks.openSecret(delivery.webhook_id, delivery.secret_sealed);
    if (secret === null)
      return {
        status: null,
        response: null,
        error: 'The signing secret no longer opens (ENCRYPTION_KEY changed): give the endpoint a new secret',
      };
    // Vetted again (DNS may have changed since registration); the request connects to the address vetted here.
    let endpoint;
    try {
      endpoint = await vetEndpoint(delivery.url, this.config.webhooks.allowPrivateAddresses, this.webhooks.resolve);
    } catch (error) {
      if (error instanceof EndpointRefused) return { status: null, response: null, error: `Refused: ${error.message}` };
      throw error;
    }
    const { recipients, kase } = (await this.entitlement(this.dataSource, [delivery]))(delivery);
    const payload = recipients.has(delivery.agency_id)
      ? this.payload(delivery, kase, recipients.get(delivery.agency_id) ?? null)
      : null;
    if (!payload) {
      await this.repository.markCancelled(
        this.dataSource,
        [delivery.id],
        'Not sent: the agency no longer holds the case',
      );
      return 'cancelled';
    }
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    return post(endpoint, body, {
      'Portal-Webhook-Id': delivery.id,
      'Portal-Webhook-Timestamp': String(timestamp),
      'Portal-Webhook-Signature': signatureOf(secret, timestamp, body),
    });
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
      const target = subject('Case', {
        ownerAgencyId: kase.owner_agency_id,
        sharedWithAgencyIds: kase.shares.map((s) => s.agency_id),
      });
      if (!ability.can('read', target)) return null;
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
