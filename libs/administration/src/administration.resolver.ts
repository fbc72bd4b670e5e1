import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { InviteUserInput } from '#libs/accounts';
import { Agency, AgenciesService, CreateAgencyInput } from '#libs/agencies';
import type { Page } from '#libs/common';
import { CreateUserInput, User, UsersService } from '#libs/users';
import { AdminEvent, AdminEventConnection } from './admin-event.model.js';
import { AdministrationService } from './administration.service.js';

@Resolver(() => AdminEvent)
export class AdministrationResolver {
  constructor(
    private readonly administration: AdministrationService,
    private readonly agencyService: AgenciesService,
    private readonly userService: UsersService,
  ) {}

  @Mutation(() => Agency, { description: 'Add a partner agency (administrators); recorded in the administration log' })
  @Allow('create', 'Agency')
  createAgency(@Context() ctx: RequestContext, @Args('input') input: CreateAgencyInput): Promise<Agency> {
    return this.administration.createAgency(ctx, input);
  }

  @Mutation(() => User, {
    description:
      'Add a user to an agency (administrators); recorded in the administration log, and shown to that agency’s managers',
  })
  @Allow('create', 'User')
  createUser(@Context() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.administration.createUser(ctx, input);
  }

  @Mutation(() => User, {
    description:
      'Add a user to an agency who then sets their own password: they are mailed a single-use link that works for 72 hours (administrators, as createUser); recorded in the administration log',
  })
  @Allow('create', 'User')
  inviteUser(@Context() ctx: RequestContext, @Args('input') input: InviteUserInput): Promise<User> {
    return this.administration.inviteUser(ctx, input);
  }

  @Mutation(() => User, {
    description:
      'Stop a user signing in; tokens already issued stop working at once (administrators); recorded in the administration log',
  })
  @Allow('deactivate', 'User')
  deactivateUser(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.administration.deactivateUser(ctx, id);
  }

  @Mutation(() => Int, {
    description:
      'Sign a user out on every device at once, short of deactivating them (administrators; not oneself); recorded in the administration log. Answers how many sessions ended',
  })
  @Allow('signOut', 'User')
  endSessionsOfUser(
    @Context() ctx: RequestContext,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<number> {
    return this.administration.endSessionsOfUser(ctx, userId);
  }

  @Mutation(() => Boolean, {
    description:
      'Require a second factor of everyone in an agency, or stop (partnership administrators); ADMIN and MANAGER need one whatever this says. Shown in `me.mfa.required`; the portal sends such a user to enrol first. Recorded in the administration log. Answers the new setting',
  })
  @Allow('requireSecondFactor', 'Agency')
  setAgencyMfaRequired(
    @Context() ctx: RequestContext,
    @Args('agencyId', { type: () => ID }) agencyId: string,
    @Args('required') required: boolean,
  ): Promise<boolean> {
    return this.administration.setAgencyMfaRequired(ctx, agencyId, required);
  }

  @Query(() => AdminEventConnection, {
    description:
      'Who created which agency, created or deactivated which account and gave which roles, newest first: every agency’s for administrators, their own agency’s for managers',
  })
  @Allow('read', 'AdminEvent')
  administrationLog(
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('agencyId', { type: () => ID, nullable: true, description: 'Only the events about this agency' })
    agencyId?: string,
  ): Promise<Page<AdminEvent>> {
    return this.administration.log(ctx, first, after, agencyId);
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'Who made the change; null when the portal itself did, at start (ADMIN_EMAIL)',
  })
  actor(@Context() ctx: RequestContext, @Parent() event: AdminEvent): Promise<User> | null {
    return event.actorId ? this.userService.byId(ctx, event.actorId) : null;
  }

  @ResolveField(() => Agency, { description: 'The agency the change is about' })
  agency(@Context() ctx: RequestContext, @Parent() event: AdminEvent): Promise<Agency> {
    return this.agencyService.byId(ctx, event.agencyId);
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'The account the change is about; null for an agency created',
  })
  user(@Context() ctx: RequestContext, @Parent() event: AdminEvent): Promise<User> | null {
    return event.userId ? this.userService.byId(ctx, event.userId) : null;
  }
}
