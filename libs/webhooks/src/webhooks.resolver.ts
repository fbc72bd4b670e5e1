import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { Page } from '#libs/common';
import type { RequestContext } from '#libs/context';
import {
  Webhook,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryStatus,
  WebhookWithSecret,
} from './webhook.model.js';
import { RegisterWebhookInput, UpdateWebhookInput } from './webhooks.inputs.js';
import { WebhooksService } from './webhooks.service.js';

@Resolver(() => Webhook)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Mutation(() => WebhookWithSecret, {
    description:
      'Register an endpoint of your agency’s case system for the alert kinds given (managers and agency administrators). The signing secret is in this answer only; recorded in the administration log',
  })
  @Allow('create', 'Webhook')
  registerWebhook(
    @Context() ctx: RequestContext,
    @Args('input') input: RegisterWebhookInput,
  ): Promise<WebhookWithSecret> {
    return this.service.register(ctx, input);
  }

  @Query(() => [Webhook], {
    description:
      'Your agency’s webhook endpoints, newest first (managers and agency administrators); never their secrets',
  })
  @Allow('read', 'Webhook')
  webhooks(@Context() ctx: RequestContext): Promise<Webhook[]> {
    return this.service.list(ctx);
  }

  @Mutation(() => Webhook, {
    description: 'Change an endpoint’s URL or alert kinds; recorded in the administration log',
  })
  @Allow('update', 'Webhook')
  updateWebhook(@Context() ctx: RequestContext, @Args('input') input: UpdateWebhookInput): Promise<Webhook> {
    return this.service.update(ctx, input);
  }

  @Mutation(() => WebhookWithSecret, {
    description:
      'Give an endpoint a new signing secret, at once (deliveries from now on are signed with it); shown in this answer only; recorded in the administration log',
  })
  @Allow('update', 'Webhook')
  rotateWebhookSecret(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookWithSecret> {
    return this.service.rotateSecret(ctx, id);
  }

  @Mutation(() => Webhook, {
    description:
      'Remove an endpoint: nothing more is posted to it, its deliveries go with it; recorded in the administration log',
  })
  @Allow('remove', 'Webhook')
  removeWebhook(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Webhook> {
    return this.service.remove(ctx, id);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: 'An endpoint’s deliveries, newest alert first, with what the endpoint last answered',
  })
  @Allow('read', 'Webhook')
  webhookDeliveries(
    @Context() ctx: RequestContext,
    @Args('webhookId', { type: () => ID }) webhookId: string,
    @Args('status', { type: () => WebhookDeliveryStatus, nullable: true }) status: WebhookDeliveryStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<WebhookDelivery>> {
    return this.service.deliveries(ctx, webhookId, status ?? null, first ?? null, after ?? null);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Send a FAILED or CANCELLED delivery again now, with a fresh day of retries (the case is checked again first)',
  })
  @Allow('update', 'Webhook')
  retryWebhookDelivery(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookDelivery> {
    return this.service.retry(ctx, id);
  }
}
