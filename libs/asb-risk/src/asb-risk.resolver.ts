import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { AsbRiskAssessment, AsbRiskAssessmentInput } from './asb-risk.model.js';
import { AsbRiskService } from './asb-risk.service.js';

@Resolver(() => Case)
export class AsbRiskResolver {
  constructor(private readonly asbRisk: AsbRiskService) {}

  @Mutation(() => AsbRiskAssessment, {
    description: 'Record an ASB risk assessment on a case that is not domestic abuse (the owner agency or a FULL share); it sets the case’s risk level',
  })
  @Allow('contribute', 'Case')
  recordAsbRiskAssessment(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: AsbRiskAssessmentInput,
  ): Promise<AsbRiskAssessment> {
    return this.asbRisk.record(ctx, caseId, input);
  }

  @ResolveField(() => [AsbRiskAssessment], { nullable: true, description: 'ASB risk assessments, newest first; owner and FULL shares only' })
  asbRiskAssessments(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<AsbRiskAssessment[] | null> {
    return this.asbRisk.ofCase(ctx, parent);
  }
}
