import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { CaseReview, CaseReviewThreshold } from './case-review.model.js';
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
    description: 'The application was acknowledged to the applicant; the owner agency only',
  })
  @Allow('decideReview', 'Case')
  acknowledgeCaseReview(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CaseReview> {
    return this.reviewService.acknowledge(ctx, id);
  }

  @Mutation(() => CaseReview, { description: 'Whether the threshold is met, and why; the owner agency only' })
  @Allow('decideReview', 'Case')
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
