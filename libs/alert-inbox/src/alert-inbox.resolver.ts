import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import type { LiveContext } from '#libs/live';
import { User, UsersService } from '#libs/users';
import { AlertInboxFeed, type InboxStream } from './alert-inbox-feed.js';
import { AlertInboxFilter } from './alert-inbox.inputs.js';
import { AlertInboxConnection, AlertInboxEntry, AlertInboxState } from './alert-inbox.model.js';
import { AlertInboxService } from './alert-inbox.service.js';

@Resolver(() => AlertInboxEntry)
export class AlertInboxResolver {
  constructor(
    private readonly inbox: AlertInboxService,
    private readonly feed: AlertInboxFeed,
    private readonly users: UsersService,
  ) {}

  @Query(() => AlertInboxConnection, {
    description:
      'Your alert inbox, newest first: the alerts the live feed would send your agency now, since your account was made (on a shared case, since the share), kept for the retention period',
  })
  @Allow('read', 'AlertInbox')
  alertInbox(
    @Context() ctx: RequestContext,
    @Args('filter', { type: () => AlertInboxFilter, nullable: true }) filter?: AlertInboxFilter,
    @Args('first', { type: () => Int, nullable: true, description: 'At most 100; 20 when not given' })
    first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The `endCursor` of the previous page' })
    after?: string | null,
  ): Promise<AlertInboxConnection> {
    return this.inbox.page(ctx, filter, first, after);
  }

  @Query(() => AlertInboxState, { description: 'Your unread count, as the badge shows it' })
  @Allow('read', 'AlertInbox')
  alertInboxState(@Context() ctx: RequestContext): Promise<AlertInboxState> {
    return this.inbox.state(ctx);
  }

  @Query(() => [User], { description: 'Whom you may assign an alert to: your agency’s active caseworkers, by name' })
  @Allow('update', 'AlertInbox')
  async alertAssignees(@Context() ctx: RequestContext): Promise<User[]> {
    return Promise.all((await this.inbox.assigneeIds(ctx)).map((id) => this.users.byId(ctx, id)));
  }

  @Mutation(() => AlertInboxState, {
    description: 'Mark these alerts read for you (at most 100); alerts you cannot see are passed over',
  })
  @Allow('update', 'AlertInbox')
  markAlertsRead(
    @Context() ctx: RequestContext,
    @Args('alertIds', { type: () => [ID] }) alertIds: string[],
  ): Promise<AlertInboxState> {
    return this.inbox.markRead(ctx, alertIds);
  }

  @Mutation(() => AlertInboxState, { description: 'Mark read every alert in your inbox that matches the filter' })
  @Allow('update', 'AlertInbox')
  markAllAlertsRead(
    @Context() ctx: RequestContext,
    @Args('filter', { type: () => AlertInboxFilter, nullable: true }) filter?: AlertInboxFilter,
  ): Promise<AlertInboxState> {
    return this.inbox.markAllRead(ctx, filter);
  }

  @Mutation(() => AlertInboxEntry, { description: 'Mark one alert unread again, for you' })
  @Allow('update', 'AlertInbox')
  markAlertUnread(
    @Context() ctx: RequestContext,
    @Args('alertId', { type: () => ID }) alertId: string,
  ): Promise<AlertInboxEntry> {
    return this.inbox.markUnread(ctx, alertId);
  }

  @Mutation(() => AlertInboxEntry, {
    description:
      'Assign an alert to a caseworker of your own agency, or unassign it (no userId); for your agency only, another agency holding the same alert keeps its own',
  })
  @Allow('update', 'AlertInbox')
  assignAlert(
    @Context() ctx: RequestContext,
    @Args('alertId', { type: () => ID }) alertId: string,
    @Args('userId', { type: () => ID, nullable: true }) userId?: string | null,
  ): Promise<AlertInboxEntry> {
    return this.inbox.assign(ctx, alertId, userId);
  }

  @Subscription(() => AlertInboxState, {
    description:
      'Your unread count: at once, then whenever your read state or your agency’s assignments to you change (in any tab or device) and when alerts for you arrive',
    resolve(this: AlertInboxResolver, _userId: string, _args: unknown, ctx: RequestContext) {
      return this.inbox.state(ctx);
    },
  })
  @Allow('read', 'AlertInbox')
  alertInboxChanges(@Context() ctx: LiveContext): InboxStream {
    if (!ctx.session) throw new Error('alertInboxChanges is served over graphql-ws only');
    return this.feed.follow(ctx.user!.id, ctx.user!.agencyId, ctx.session);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who in your agency it is assigned to' })
  assignee(@Context() ctx: RequestContext, @Parent() entry: AlertInboxEntry): Promise<User> | null {
    return entry.assigneeId ? this.users.byId(ctx, entry.assigneeId) : null;
  }
}
