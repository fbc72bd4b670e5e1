import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { AsbRiskAssessmentInput } from './asb-risk.inputs.js';
import { AsbRiskAssessment, AsbRiskMatrix } from './asb-risk.model.js';
import { asbRiskMatrix } from './asb-risk.rules.js';
import { AsbRiskService } from './asb-risk.service.js';

@Resolver(() => Case)
export class AsbRiskResolver {
  constructor(private readonly asbRisk: AsbRiskService) {}

  @Mutation(() => AsbRiskAssessment, {
    description:
      'Record an ASB risk assessment on a case that is not domestic abuse (the owner agency or a FULL share); it sets the case’s risk level',
  })
  @Allow('contribute', 'Case')
  recordAsbRiskAssessment(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: AsbRiskAssessmentInput,
  ): Promise<AsbRiskAssessment> {
    return this.asbRisk.record(ctx, caseId, input);
  }

  @Query(() => AsbRiskMatrix, {
    description: 'How recordAsbRiskAssessment scores the matrix, to show the result before saving',
  })
  @Allow('read', 'Case')
  asbRiskMatrix(): AsbRiskMatrix {
    return asbRiskMatrix();
  }

  @ResolveField(() => [AsbRiskAssessment], {
    nullable: true,
    description: 'ASB risk assessments, newest first; owner and FULL shares only',
  })
  asbRiskAssessments(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<AsbRiskAssessment[] | null> {
    return this.asbRisk.ofCase(ctx, parent);
  }
}
