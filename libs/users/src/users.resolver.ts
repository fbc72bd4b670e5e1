import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, type RequestContext } from '#libs/access';
import { Agency, AgenciesService } from '#libs/agencies';
import { User } from './user.model.js';
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
  users(@Context() ctx: RequestContext, @Args('agencyId', { type: () => ID, nullable: true }) agencyId?: string): Promise<User[]> {
    return this.userService.list(ctx, agencyId);
  }

  @ResolveField(() => Agency)
  agency(@Context() ctx: RequestContext, @Parent() user: User): Promise<Agency> {
    return this.agencyService.byId(ctx, user.agencyId);
  }
}
