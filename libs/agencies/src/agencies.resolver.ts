import { Context, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency } from './agency.model.js';
import { AgenciesService } from './agencies.service.js';

@Resolver(() => Agency)
export class AgenciesResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @Query(() => [Agency], { description: 'Every agency in the partnership, so partners can choose whom to share with' })
  @Allow('read', 'Agency')
  agencies(@Context() ctx: RequestContext): Promise<Agency[]> {
    return this.agencyService.list(ctx);
  }
}
