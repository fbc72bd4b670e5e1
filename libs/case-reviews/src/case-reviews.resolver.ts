import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { CaseReview, CaseReviewFigures, CaseReviewThreshold } from './case-review.model.js';
import { CaseReviewOutcomeInput, LogCaseReviewInput } from './case-reviews.inputs.js';
import { CaseReviewsService } from './case-reviews.service.js';

@Resolver(() => Case)
export class CaseReviewsResolver {
  constructor(private readonly reviewService: CaseReviewsService) {}

  @Mutation(() => CaseReview, {
    description: 'Record an ASB Case Review application received on a case your agency holds; its clock starts',
  })
  @Allow('contribute', 'Case')
  requestCaseReview(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('receivedAt') receivedAt: Date,
  ): Promise<CaseReview> {
    return this.reviewService.request(ctx, caseId, receivedAt);
  }

  @Mutation(() => CaseReview, {
    description:
      'The application was acknowledged to the applicant; an owner of a linked case, or the single point of contact',
  })
  @Allow('decideReview', 'CaseReview')
  acknowledgeCaseReview(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CaseReview> {
    return this.reviewService.acknowledge(ctx, id);
  }

  @Mutation(() => CaseReview, {
    description: 'Whether the threshold is met, and why; an owner of a linked case, or the single point of contact',
  })
  @Allow('decideReview', 'CaseReview')
  decideCaseReview(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('thresholdMet') thresholdMet: boolean,
    @Args('reason') reason: string,
  ): Promise<CaseReview> {
    return this.reviewService.decide(ctx, id, thresholdMet, reason);
  }

  @ResolveField(() => CaseReviewThreshold, {
    description:
      'The ASB Case Review threshold for this case’s victims and complainants: their complaints on this case and on the cases where your agency may read the same person’s name',
  })
  caseReviewThreshold(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<CaseReviewThreshold> {
    return this.reviewService.threshold(ctx, parent.id);
  }

  @ResolveField(() => [CaseReview], { description: 'ASB Case Review applications on this case, newest first' })
  caseReviews(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<CaseReview[]> {
    return this.reviewService.ofCase(ctx, parent);
  }
}

/** Issue 19, item 1: the ASB Case Review process beyond the case page. */
@Resolver(() => CaseReview)
export class CaseReviewProcessResolver {
  constructor(private readonly reviewService: CaseReviewsService) {}

  @Query(() => [CaseReview], {
    description:
      'The ASB Case Review applications your agency answers for: logged by its single point of contact, or on its cases',
  })
  @Allow('read', 'CaseReview')
  caseReviewApplications(@Context() ctx: RequestContext): Promise<CaseReview[]> {
    return this.reviewService.list(ctx);
  }

  @Query(() => CaseReview, { nullable: true, description: 'One application; null where it is not yours to see' })
  @Allow('read', 'CaseReview')
  caseReview(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseReview | null> {
    return this.reviewService.findOne(ctx, id);
  }

  @Query(() => CaseReviewFigures, {
    description:
      'The year’s published ASB Case Review figures over your agency’s applications; managers and the single point of contact',
  })
  @Allow('readFigures', 'CaseReview')
  caseReviewFigures(
    @Context() ctx: RequestContext,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<CaseReviewFigures> {
    return this.reviewService.figures(ctx, year);
  }

  @Mutation(() => CaseReview, {
    description:
      'Log an application (single point of contact): the victim’s, or a third party’s with the victim’s consent, on cases your agency can see',
  })
  @Allow('create', 'CaseReview')
  logCaseReviewApplication(
    @Context() ctx: RequestContext,
    @Args('input') input: LogCaseReviewInput,
  ): Promise<CaseReview> {
    return this.reviewService.log(ctx, input);
  }

  @Mutation(() => CaseReview, {
    description:
      'Link another case your agency can see to the application (a case held elsewhere: its owner links it, or shares it first)',
  })
  @Allow('decideReview', 'CaseReview')
  linkCaseToCaseReview(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<CaseReview> {
    return this.reviewService.linkCase(ctx, id, caseId);
  }

  @Mutation(() => CaseReview, { description: 'The CASE_REVIEW meeting where the application is heard' })
  @Allow('decideReview', 'CaseReview')
  setCaseReviewMeeting(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<CaseReview> {
    return this.reviewService.setMeeting(ctx, id, meetingId);
  }

  @Mutation(() => CaseReview, {
    description: 'The review’s conclusion and recommendations (each a case action given to an agency), recorded once',
  })
  @Allow('decideReview', 'CaseReview')
  recordCaseReviewOutcome(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CaseReviewOutcomeInput,
  ): Promise<CaseReview> {
    return this.reviewService.recordOutcome(ctx, id, input);
  }

  @Mutation(() => CaseReview, {
    description: 'When and how the applicant was told the outcome: the appeal window opens',
  })
  @Allow('decideReview', 'CaseReview')
  recordCaseReviewApplicantTold(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('toldAt') toldAt: Date,
    @Args('how') how: string,
  ): Promise<CaseReview> {
    return this.reviewService.recordTold(ctx, id, toldAt, how);
  }

  @Mutation(() => CaseReview, {
    description: 'The applicant appealed, within CASE_REVIEW_APPEAL_DAYS working days of being told',
  })
  @Allow('decideReview', 'CaseReview')
  recordCaseReviewAppeal(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('receivedAt') receivedAt: Date,
    @Args('grounds') grounds: string,
  ): Promise<CaseReview> {
    return this.reviewService.recordAppeal(ctx, id, receivedAt, grounds);
  }

  @Mutation(() => CaseReview, {
    description: 'The appeal’s outcome, heard at a CASE_REVIEW meeting whose chair did not chair the review',
  })
  @Allow('decideReview', 'CaseReview')
  recordCaseReviewAppealOutcome(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('upheld') upheld: boolean,
    @Args('outcome') outcome: string,
  ): Promise<CaseReview> {
    return this.reviewService.recordAppealOutcome(ctx, id, meetingId, upheld, outcome);
  }
}
