import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AlertKind } from '#libs/alerts';
import { Connection } from '#libs/common';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING: not yet answered with a 2xx, tried again with backoff; DELIVERED: the endpoint answered 2xx; FAILED: still failing a day after the alert, no longer tried (retryWebhookDelivery sends it again); CANCELLED: never sent, because when it was due the agency no longer held the case (a share revoked)',
});

@ObjectType({
  description:
    'An HTTPS endpoint of your agency’s case system that the portal posts alerts to, signed with its secret (see docs/webhooks.md). Its secret is shown once, when registered or rotated.',
})
export class Webhook {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => [AlertKind], { description: 'The alert kinds posted to it' })
  kinds: AlertKind[];

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({
  description: 'An endpoint just registered, or its secret just rotated: the only answer that carries the secret',
})
export class WebhookWithSecret {
  @Field({
    description:
      'The signing secret, `whsec_…`: the HMAC-SHA256 key of `Portal-Webhook-Signature`. Keep it in your case system now: it is never shown again',
  })
  secret: string;

  @Field(() => Webhook)
  webhook: Webhook;
}

@ObjectType({ description: 'One alert posted (or to be posted) to one endpoint, with what the endpoint last answered' })
export class WebhookDelivery {
  @Field(() => ID, {
    description: 'Sent as `Portal-Webhook-Id`: the same on every attempt, so a receiver can drop repeats',
  })
  id: string;

  @Field(() => ID)
  webhookId: string;

  @Field({ description: 'The alert’s cursor, as `CaseAlert.id`' })
  alertId: string;

  @Field(() => AlertKind)
  kind: AlertKind;

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far' })
  attempts: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it is tried next, while PENDING' })
  nextAttemptAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null if none came' })
  lastStatus: number | null;

  @Field(() => String, { nullable: true, description: 'The first kilobyte of the last answer’s body' })
  lastResponse: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt got no answer (a timeout, a refused connection, a refused address)',
  })
  lastError: string | null;
}

export const WebhookDeliveryConnection = Connection(WebhookDelivery, 'WebhookDelivery');
