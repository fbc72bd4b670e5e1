import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, type RequestContext } from '#libs/access';
import { Agency, AgenciesService } from '#libs/agencies';
import { CreateUserInput } from './create-user.input.js';
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

  @Mutation(() => User, { description: 'Add a user to an agency (administrators)' })
  @Allow('create', 'User')
  createUser(@Context() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.userService.create(ctx, input);
  }

  @Mutation(() => User, { description: 'Stop a user signing in; tokens already issued stop working at once (administrators)' })
  @Allow('deactivate', 'User')
  deactivateUser(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.userService.deactivate(ctx, id);
  }

  @ResolveField(() => Agency)
  agency(@Context() ctx: RequestContext, @Parent() user: User): Promise<Agency> {
    return this.agencyService.byId(ctx, user.agencyId);
  }
}
