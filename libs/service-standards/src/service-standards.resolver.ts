import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { ServiceClock, ServiceStandards } from './service-standard.model.js';
import { ServiceStandardsInput } from './service-standards.inputs.js';
import { ServiceStandardsService } from './service-standards.service.js';

@Resolver(() => Case)
export class ServiceStandardsResolver {
  constructor(private readonly standards: ServiceStandardsService) {}

  @Query(() => ServiceStandards, {
    description: "Your agency's service standards (the defaults until a manager sets them)",
  })
  @Allow('read', 'ServiceStandards')
  serviceStandards(@Context() ctx: RequestContext): Promise<ServiceStandards> {
    return this.standards.ofAgency(ctx, ctx.user!.agencyId);
  }

  @Mutation(() => ServiceStandards, {
    description: "Set your agency's service standards (managers); every clock on its cases follows at once",
  })
  @Allow('update', 'ServiceStandards')
  updateServiceStandards(
    @Context() ctx: RequestContext,
    @Args('input') input: ServiceStandardsInput,
  ): Promise<ServiceStandards> {
    return this.standards.update(ctx, input);
  }

  @ResolveField(() => [ServiceClock], {
    nullable: true,
    description: "The owner agency's service standards on this case; owner and FULL shares only",
  })
  serviceClocks(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<ServiceClock[] | null> {
    return this.standards.clocks(ctx, parent);
  }
}
