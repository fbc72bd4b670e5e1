import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { DASH_QUESTIONS } from './dash.rules.js';
import { DashAssessment, DashQuestion } from './dash.model.js';
import { DashAssessmentInput } from './dash.inputs.js';
import { DashService } from './dash.service.js';

@Resolver(() => Case)
export class DashResolver {
  constructor(private readonly dashService: DashService) {}

  @Query(() => [DashQuestion], { description: 'The 24 DASH questions, for the form' })
  @Allow('create', 'Case')
  dashQuestions(): DashQuestion[] {
    return DASH_QUESTIONS.map((text, i) => ({ number: i + 1, text }));
  }

  @Mutation(() => DashAssessment, {
    description:
      'Record a DASH risk assessment (the owner agency or a FULL share). A high-risk result sets the case to HIGH risk.',
  })
  @Allow('contribute', 'Case')
  recordDashAssessment(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: DashAssessmentInput,
  ): Promise<DashAssessment> {
    return this.dashService.record(ctx, caseId, input);
  }

  @ResolveField(() => [DashAssessment], {
    nullable: true,
    description: 'DASH risk assessments, newest first; owner and FULL shares only',
  })
  dashAssessments(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<DashAssessment[] | null> {
    return this.dashService.ofCase(ctx, parent);
  }
}
