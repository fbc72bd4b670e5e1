import { subject } from '@casl/ability';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import { User } from './user.model.js';
import { UserViewerCan, userViewerCan } from './user-viewer-can.js';
import { UsersService } from './users.service.js';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly userService: UsersService,
    private readonly agencyService: AgenciesService,
  ) {}

  @Query(() => User, { description: 'The signed-in user' })
  @Allow('read', 'Self')
  me(@Context() ctx: RequestContext): Promise<User> {
    return this.userService.byId(ctx, ctx.user!.id);
  }

  @Query(() => [User], { description: 'Users of the partnership, or of one agency (administrators)' })
  @Allow('read', 'User')
  users(
    @Context() ctx: RequestContext,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId?: string,
  ): Promise<User[]> {
    return this.userService.list(ctx, agencyId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Read by the user themself, their own agency and administrators; null for other agencies’ staff (a shared case shows them by name and agency)',
  })
  email(@Context() ctx: RequestContext, @Parent() user: User): string | null {
    return contactReadable(ctx, user) ? user.email : null;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'False once deactivated: the user can no longer sign in. Null for other agencies’ staff, like email',
  })
  active(@Context() ctx: RequestContext, @Parent() user: User): boolean | null {
    return contactReadable(ctx, user) ? user.active : null;
  }

  @ResolveField(() => UserViewerCan, {
    nullable: true,
    description:
      'What you may do across the portal (on `me`; null on anyone else, and before a session exists): ask this rather than copying the rules',
  })
  viewerCan(@Context() ctx: RequestContext, @Parent() user: User): UserViewerCan | null {
    return ctx.user && user.id === ctx.user.id ? userViewerCan(ctx.ability) : null;
  }

  @ResolveField(() => Agency)
  agency(@Context() ctx: RequestContext, @Parent() user: User): Promise<Agency> {
    return this.agencyService.byId(ctx, user.agencyId);
  }
}

/**
 * Every path that reaches a User (a lead officer, who logged an incident, an audit actor, a meeting's chair)
 * resolves these fields here, so one rule decides for all of them.
 */
function contactReadable(ctx: RequestContext, user: User): boolean {
  return (
    user.signedInAsSelf === true ||
    user.id === ctx.user?.id ||
    ctx.ability.can('readContact', subject('User', { agencyId: user.agencyId }))
  );
}
