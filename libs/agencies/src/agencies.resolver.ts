import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, type RequestContext } from '#libs/access';
import { Agency } from './agency.model.js';
import { AgenciesService } from './agencies.service.js';
import { CreateAgencyInput } from './create-agency.input.js';

@Resolver(() => Agency)
export class AgenciesResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @Query(() => [Agency], { description: 'Every agency in the partnership, so partners can choose whom to share with' })
  @Allow('read', 'Agency')
  agencies(@Context() ctx: RequestContext): Promise<Agency[]> {
    return this.agencyService.list(ctx);
  }

  @Mutation(() => Agency, { description: 'Add a partner agency (administrators)' })
  @Allow('create', 'Agency')
  createAgency(@Context() ctx: RequestContext, @Args('input') input: CreateAgencyInput): Promise<Agency> {
    return this.agencyService.create(ctx, input);
  }
}
