import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { NotificationPreferences } from './notification.model.js';
import { NotificationPreferencesInput } from './notifications.inputs.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => NotificationPreferences)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationPreferences, {
    description:
      'Your own email notifications: each alert kind off, immediate or in the daily digest (defaults where you chose nothing), and the digest time',
  })
  @Allow('read', 'NotificationPreferences')
  notificationPreferences(@Context() ctx: RequestContext): Promise<NotificationPreferences> {
    return this.service.preferences(ctx);
  }

  @Mutation(() => NotificationPreferences, {
    description: 'Change your own email notifications; kinds not named and a time not given stay as they are',
  })
  @Allow('update', 'NotificationPreferences')
  setNotificationPreferences(
    @Context() ctx: RequestContext,
    @Args('input') input: NotificationPreferencesInput,
  ): Promise<NotificationPreferences> {
    return this.service.set(ctx, input);
  }
}
