import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AlertKind } from '#libs/alerts';
import { NotificationDelivery } from './notifications.rules.js';

registerEnumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  description: 'How alerts of one kind reach you by email',
  valuesMap: {
    OFF: { description: 'Not by email' },
    IMMEDIATE: {
      description:
        'One email per alert, as it happens (for RISK_ESCALATED: escalations to HIGH; lower ones go in the daily digest)',
    },
    DIGEST: { description: 'In one email a day, at your digest time' },
  },
});

@ObjectType({ description: 'How you are emailed about one kind of alert' })
export class NotificationKindPreference {
  @Field(() => AlertKind)
  kind: AlertKind;

  @Field(() => NotificationDelivery)
  delivery: NotificationDelivery;

  @Field({ description: 'You chose this; false means the default applies (and follows it if it changes)' })
  chosen: boolean;
}

@ObjectType({
  description:
    'Your email notifications. Mail carries a case reference, the kind of alert and a link, never names, addresses or notes',
})
export class NotificationPreferences {
  @Field(() => [NotificationKindPreference], { description: 'Every alert kind, in a fixed order' })
  kinds: NotificationKindPreference[];

  @Field(() => Int, { description: 'The hour (0–23) the daily digest is sent, in the time zone below' })
  digestHour: number;

  @Field(() => Int, { description: 'The minute (0–59) the daily digest is sent' })
  digestMinute: number;

  @Field({ description: 'The digest time is wall-clock time here: Europe/London (GMT in winter, BST in summer)' })
  timeZone: string;
}
