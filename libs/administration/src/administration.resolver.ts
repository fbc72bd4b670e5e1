import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { InviteUserInput } from '#libs/accounts';
import { Agency, AgenciesService, CreateAgencyInput } from '#libs/agencies';
import { type Page, Role } from '#libs/common';
import { CreateUserInput, User, UsersService } from '#libs/users';
import { AdminEvent, AdminEventConnection } from './admin-event.model.js';
import { AdminGrant } from './admin-grant.model.js';
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
      'Add a user to an agency (administrators; an agency administrator to their own agency only, never giving ADMIN or AGENCY_ADMIN); recorded in the administration log, and shown to that agency’s managers. While two or more administrators are active, ADMIN is asked for rather than given: the user is answered without it, and another administrator approves it (adminGrants)',
  })
  @Allow('create', 'User')
  createUser(@Context() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.administration.createUser(ctx, input);
  }

  @Mutation(() => User, {
    description:
      'Add a user to an agency who then sets their own password: they are mailed a single-use link that works for 72 hours (administrators and agency administrators, as createUser, ADMIN too); recorded in the administration log',
  })
  @Allow('create', 'User')
  inviteUser(@Context() ctx: RequestContext, @Args('input') input: InviteUserInput): Promise<User> {
    return this.administration.inviteUser(ctx, input);
  }

  @Mutation(() => User, {
    description:
      'Stop a user signing in; tokens already issued stop working at once (administrators; agency administrators for their own agency’s users); recorded in the administration log. Never the last active administrator (CONFLICT)',
  })
  @Allow('deactivate', 'User')
  deactivateUser(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.administration.deactivateUser(ctx, id);
  }

  @Mutation(() => Int, {
    description:
      'Sign a user out on every device at once, short of deactivating them (administrators; agency administrators for their own agency’s users; not oneself); recorded in the administration log. Answers how many sessions ended',
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

  @Mutation(() => User, {
    description:
      'Let a deactivated user sign in again (administrators; agency administrators for their own agency’s users); recorded in the administration log. An account holding ADMIN comes back without it while two or more administrators are active, and ADMIN is asked for (adminGrants)',
  })
  @Allow('update', 'User')
  reactivateUser(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.administration.reactivateUser(ctx, id);
  }

  @Mutation(() => User, {
    description:
      'Set a user’s roles (administrators; agency administrators for their own agency’s users, and only the casework roles: ADMIN and AGENCY_ADMIN are the partnership administrators’ to give or take). Recorded with the roles before and after. While two or more administrators are active, ADMIN is asked for rather than given: the user is answered without it (keeping their other roles) until another administrator approves it (adminGrants). The last active administrator keeps ADMIN (CONFLICT)',
  })
  @Allow('update', 'User')
  setUserRoles(
    @Context() ctx: RequestContext,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('roles', { type: () => [Role] }) roles: Role[],
  ): Promise<User> {
    return this.administration.setUserRoles(ctx, userId, roles);
  }

  @Mutation(() => Boolean, {
    description:
      'Take away a user’s second factor and recovery codes (a lost phone) so they set one up again, and end their sessions (administrators; agency administrators for their own agency’s users; not oneself). Recorded in the administration log. Answers whether they had one',
  })
  @Allow('update', 'User')
  resetSecondFactor(
    @Context() ctx: RequestContext,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<boolean> {
    return this.administration.resetSecondFactor(ctx, userId);
  }

  @Query(() => [AdminGrant], {
    description: 'Requests to give ADMIN waiting for a second administrator, the first to lapse first (administrators)',
  })
  @Allow('read', 'AdminGrant')
  adminGrants(@Context() ctx: RequestContext): Promise<AdminGrant[]> {
    return this.administration.adminGrants(ctx);
  }

  @Mutation(() => AdminGrant, {
    description:
      'Approve a request to give ADMIN: the account holds it at once (administrators other than the one who asked; FORBIDDEN to them). Recorded in the administration log',
  })
  @Allow('approve', 'AdminGrant')
  approveAdminGrant(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AdminGrant> {
    return this.administration.decideAdminGrant(ctx, id, true);
  }

  @Mutation(() => AdminGrant, {
    description:
      'Refuse a request to give ADMIN (administrators other than the one who asked). Recorded in the administration log',
  })
  @Allow('approve', 'AdminGrant')
  refuseAdminGrant(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<AdminGrant> {
    return this.administration.decideAdminGrant(ctx, id, false);
  }

  @Query(() => AdminEventConnection, {
    description:
      'Who created which agency, created or deactivated which account and gave which roles, newest first: every agency’s for administrators, their own agency’s for managers and agency administrators',
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

@Resolver(() => AdminGrant)
export class AdminGrantResolver {
  constructor(private readonly userService: UsersService) {}

  @ResolveField(() => User, { description: 'Whom the request would make an administrator' })
  user(@Context() ctx: RequestContext, @Parent() grant: AdminGrant): Promise<User> {
    return this.userService.byId(ctx, grant.userId);
  }

  @ResolveField(() => User, { description: 'The administrator who asked: they may not decide it' })
  requestedBy(@Context() ctx: RequestContext, @Parent() grant: AdminGrant): Promise<User> {
    return this.userService.byId(ctx, grant.requestedById);
  }

  @ResolveField(() => User, { nullable: true, description: 'The second administrator who approved or refused it' })
  decidedBy(@Context() ctx: RequestContext, @Parent() grant: AdminGrant): Promise<User> | null {
    return grant.decidedById ? this.userService.byId(ctx, grant.decidedById) : null;
  }
}

/** On any user: whether ADMIN was asked for them and waits for a second administrator (what createUser, inviteUser and setUserRoles answered without). */
@Resolver(() => User)
export class UserAdminGrantResolver {
  constructor(private readonly administration: AdministrationService) {}

  @ResolveField(() => AdminGrant, {
    nullable: true,
    description:
      'The request to give this user ADMIN, while it waits for a second administrator (administrators only; null otherwise). createUser, inviteUser, setUserRoles and reactivateUser answer the user without ADMIN and with this set when ADMIN was asked for rather than given',
  })
  pendingAdminGrant(@Context() ctx: RequestContext, @Parent() user: User): Promise<AdminGrant | null> {
    return this.administration.pendingAdminGrantOf(ctx, user.id);
  }
}
