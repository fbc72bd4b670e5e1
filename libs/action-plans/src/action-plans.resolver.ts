import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { ActionPlanInput } from './action-plans.inputs.js';
import { ActionPlan } from './action-plans.model.js';
import { ActionPlansService } from './action-plans.service.js';

@Resolver(() => Case)
export class ActionPlansResolver {
  constructor(private readonly plans: ActionPlansService) {}

  @Mutation(() => ActionPlan, {
    description: 'Record an action plan agreed with the reporter (the owner agency); it supersedes the last',
  })
  @Allow('contribute', 'Case')
  agreeActionPlan(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: ActionPlanInput,
  ): Promise<ActionPlan> {
    return this.plans.agree(ctx, caseId, input);
  }

  @ResolveField(() => [ActionPlan], {
    nullable: true,
    description: 'Action plans agreed with the reporter, newest (the current one) first; owner and FULL shares only',
  })
  actionPlans(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<ActionPlan[] | null> {
    return this.plans.ofCase(ctx, parent);
  }
}
