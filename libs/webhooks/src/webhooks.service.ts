import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AdminAction, AdministrationService } from '#libs/administration';
import type { AlertKind } from '#libs/alerts';
import { EncryptionKey } from '#libs/auth';
import {
  BadInputError,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  type Page,
  pageSize,
  parseId,
  SecretBox,
  StateConflictError,
  withLazyTotal,
} from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import type { RequestContext } from '#libs/context';
import { type Webhook, type WebhookDelivery, WebhookDeliveryStatus, type WebhookWithSecret } from './webhook.model.js';
import { EndpointRefused, type Resolve, systemResolve, vetEndpoint } from './webhook-endpoint.js';
import type { RegisterWebhookInput, UpdateWebhookInput } from './webhooks.inputs.js';
import { type DeliveryRow, type WebhookRow, WebhooksRepository } from './webhooks.repository.js';
import { MAX_WEBHOOKS_PER_AGENCY, newSigningSecret, RETRY_WINDOW_HOURS } from './webhooks.rules.js';

/** Sealed under ENCRYPTION_KEY with a key of this purpose alone, bound to the endpoint's id. */
const SECRET_PURPOSE = 'webhook signing secret';

export const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  kinds: row.kinds,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  alertId: row.alert_id,
  kind: row.kind,
  status: row.status,
  attempts: row.attempts,
  createdAt: row.created_at,
  lastAttemptAt: row.last_attempt_at,
  nextAttemptAt: row.status === WebhookDeliveryStatus.PENDING ? row.next_attempt_at : null,
  lastStatus: row.last_status,
  lastResponse: row.last_response,
  lastError: row.last_error,
});

/**
 * An agency's webhook endpoints, held by its managers and its own administrator, always for their own agency: an
 * endpoint of another agency answers as one that does not exist. Each registration and change is recorded in the
 * administration log in the same transaction. The signing secret is shown once and kept sealed.
 */
@Injectable()
export class WebhooksService {
  private box?: SecretBox;
  /** How endpoint hosts are resolved; replaced only by tests that must not depend on the network's DNS. */
  resolve: Resolve = systemResolve;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly encryptionKey: EncryptionKey,
    private readonly administration: AdministrationService,
    private readonly repository: WebhooksRepository,
  ) {}

  /** As the identity providers' secrets: from the portal's key material (EncryptionKey), with a purpose of its own. */
  async secretBox(): Promise<SecretBox> {
    this.box ??= new SecretBox(await this.encryptionKey.get(), SECRET_PURPOSE);
    return this.box;
  }

  /** The endpoint's secret, or null when it no longer opens (ENCRYPTION_KEY changed): rotate it then. */
  async openSecret(webhookId: string, sealed: string): Promise<string | null> {
    return SecretBox.open([await this.secretBox()], sealed, webhookId);
  }

  /** Refused (BAD_USER_INPUT on `url`) unless https:// to a host all of whose addresses are public. */
  async vet(url: string): Promise<string> {
    try {
      const vetted = await vetEndpoint(url, this.config.webhooks.allowPrivateAddresses, this.resolve);
      return vetted.url.toString();
    } catch (error) {
      if (error instanceof EndpointRefused) throw new BadInputError('url', error.message);
      throw error;
    }
  }

  async register(ctx: RequestContext, input: RegisterWebhookInput): Promise<WebhookWithSecret> {
    if ((await this.repository.countOfAgency(ctx.db, ctx.user!.agencyId)) >= MAX_WEBHOOKS_PER_AGENCY)
      throw new BadInputError(
        'url',
        `An agency has at most ${MAX_WEBHOOKS_PER_AGENCY} webhooks: remove one, or send more kinds to one you have`,
      );
    const url = await this.vet(input.url);
    const kinds = [...new Set(input.kinds)];
    const id = randomUUID();
    const secret = newSigningSecret();
    const row = await this.repository.insert(ctx.db, {
      id,
      agencyId: ctx.user!.agencyId,
      url,
      kinds,
      secretSealed: (await this.secretBox()).seal(secret, id),
      createdBy: ctx.user!.id,
    });
    await this.record(ctx, AdminAction.WEBHOOK_REGISTERED, row);
    return { secret, webhook: toWebhook(row) };
  }

  async list(ctx: RequestContext): Promise<Webhook[]> {
    return (await this.repository.list(ctx.db, ctx.ability)).map(toWebhook);
  }

  async update(ctx: RequestContext, input: UpdateWebhookInput): Promise<Webhook> {
    const id = parseId(input.id, 'id');
    const existing = await this.repository.find(ctx.db, ctx.ability, 'update', id);
    if (!existing) throw new NotFoundError('Webhook', 'id');
    const url = input.url === undefined || input.url === null ? undefined : await this.vet(input.url);
    const kinds: AlertKind[] | undefined = input.kinds ? [...new Set(input.kinds)] : undefined;
    const row = await this.repository.update(ctx.db, ctx.ability, id, { url, kinds });
    if (!row) throw new NotFoundError('Webhook', 'id');
    await this.record(ctx, AdminAction.WEBHOOK_CHANGED, row);
    return toWebhook(row);
  }

  /** A new secret at once: deliveries from now on are signed with it, the old one no longer. */
  async rotateSecret(ctx: RequestContext, idInput: string): Promise<WebhookWithSecret> {
    const id = parseId(idInput, 'id');
    const secret = newSigningSecret();
    const row = await this.repository.update(ctx.db, ctx.ability, id, {
      secretSealed: (await this.secretBox()).seal(secret, id),
    });
    if (!row) throw new NotFoundError('Webhook', 'id');
    await this.record(ctx, AdminAction.WEBHOOK_SECRET_ROTATED, row);
    return { secret, webhook: toWebhook(row) };
  }

  async remove(ctx: RequestContext, idInput: string): Promise<Webhook> {
    const row = await this.repository.remove(ctx.db, ctx.ability, parseId(idInput, 'id'));
    if (!row) throw new NotFoundError('Webhook', 'id');
    await this.record(ctx, AdminAction.WEBHOOK_REMOVED, row);
    return toWebhook(row);
  }

  async deliveries(
    ctx: RequestContext,
    webhookIdInput: string,
    status: WebhookDeliveryStatus | null,
    first: number | null,
    after: string | null,
  ): Promise<Page<WebhookDelivery>> {
    const webhookId = parseId(webhookIdInput, 'webhookId');
    const webhook = await this.repository.find(ctx.db, ctx.ability, 'read', webhookId);
    if (!webhook) throw new NotFoundError('Webhook', 'webhookId');
    const limit = pageSize(first);
    const before = after ? String(decodeCursor(after, ['string'])[0]) : null;
    if (before !== null && !/^\d{1,18}$/.test(before))
      throw new BadInputError('after', 'The cursor is not one this server issued');
    const found = await this.repository.deliveries(ctx.db, webhook.id, status, before, limit);
    const page = found.slice(0, limit);
    return withLazyTotal(
      {
        edges: page.map((row) => ({ cursor: encodeCursor([row.alert_id]), node: toDelivery(row) })),
        pageInfo: {
          hasNextPage: found.length > limit,
          endCursor: page.length ? encodeCursor([page.at(-1)!.alert_id]) : null,
        },
      },
      () => this.repository.countDeliveries(ctx.db, webhook.id, status),
    );
  }

  /** A FAILED (or CANCELLED) delivery sent again now, with a fresh day of retries; its case is checked again first. */
  async retry(ctx: RequestContext, idInput: string): Promise<WebhookDelivery> {
    const row = await this.repository.retry(ctx.db, ctx.ability, parseId(idInput, 'id'), RETRY_WINDOW_HOURS);
    if (!row) throw new NotFoundError('WebhookDelivery', 'id');
    if (row.was !== WebhookDeliveryStatus.FAILED && row.was !== WebhookDeliveryStatus.CANCELLED)
      throw new StateConflictError(`The delivery is ${row.was}: only a FAILED or CANCELLED one is sent again`, 'id');
    return toDelivery(row);
  }

  private record(ctx: RequestContext, action: AdminAction, row: WebhookRow): Promise<void> {
    return this.administration.record(ctx, {
      action,
      agencyId: row.agency_id,
      detail: { webhookUrl: row.url, webhookKinds: row.kinds },
    });
  }
}
