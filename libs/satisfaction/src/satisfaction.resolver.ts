import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { OutsideTransaction } from '#libs/db';
import { SatisfactionInput } from './satisfaction.inputs.js';
import { SatisfactionSurvey, SurveyLink } from './satisfaction.model.js';
import { SatisfactionService } from './satisfaction.service.js';

@Resolver(() => Case)
export class SatisfactionResolver {
  constructor(private readonly satisfactionService: SatisfactionService) {}

  @Mutation(() => SatisfactionSurvey, {
    description: "Record the reporter's satisfaction with a closed case (the owner agency)",
  })
  @Allow('close', 'Case')
  recordSatisfaction(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: SatisfactionInput,
  ): Promise<SatisfactionSurvey> {
    return this.satisfactionService.record(ctx, caseId, input);
  }

  @Mutation(() => SurveyLink, {
    description: 'A one-time link the reporter of a closed case answers without an account (the owner agency)',
  })
  @Allow('close', 'Case')
  sendSatisfactionSurvey(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<SurveyLink> {
    return this.satisfactionService.link(ctx, caseId);
  }

  @Query(() => Boolean, {
    description:
      'Whether a survey link can still be answered (not answered, not lapsed); nothing of the case is returned',
  })
  @Public()
  surveyLinkOpen(@Context() ctx: RequestContext, @Args('token') token: string): Promise<boolean> {
    return this.satisfactionService.linkOpen(ctx, token);
  }

  @Mutation(() => Boolean, {
    description: 'The reporter answers through their link: once, within four weeks; nothing of the case is returned',
  })
  @Public()
  // One statement through the system access: in a mutation transaction it would hold one pooled connection
  // while taking a second.
  @OutsideTransaction()
  answerSatisfactionSurvey(
    @Context() ctx: RequestContext,
    @Args('token') token: string,
    @Args('input') input: SatisfactionInput,
  ): Promise<boolean> {
    return this.satisfactionService.answer(ctx, token, input);
  }

  @ResolveField(() => [SatisfactionSurvey], {
    description: "The reporter's satisfaction, newest first: the owner agency's only",
  })
  satisfaction(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<SatisfactionSurvey[]> {
    return this.satisfactionService.ofCase(ctx, parent);
  }
}
