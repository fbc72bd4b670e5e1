import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { LegalHold, RetentionReview } from './retention.model.js';
import { RetentionService } from './retention.service.js';

@Resolver(() => Case)
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Query(() => RetentionReview, {
    description:
      "Retention's dry run over your agency's closed cases (managers): what would be anonymised now, and what a legal hold keeps",
  })
  @Allow('retain', 'Case')
  retentionReview(@Context() ctx: RequestContext): Promise<RetentionReview> {
    return this.retention.review(ctx);
  }

  @Mutation(() => Int, {
    description:
      "Anonymise your agency's closed cases past the retention period, and its declined reports past it since they were declined (managers): pass the number the dry run listed as due, and the cases' ids too; if they have changed, CONFLICT and nothing changes. Returns how many cases were anonymised.",
  })
  @Allow('retain', 'Case')
  applyRetention(
    @Context() ctx: RequestContext,
    @Args('expectedCount', { type: () => Int }) expectedCount: number,
    @Args('caseIds', { type: () => [ID], nullable: true, description: 'The cases the dry run listed as due, exactly' })
    caseIds?: string[] | null,
  ): Promise<number> {
    return this.retention.apply(ctx, expectedCount, caseIds);
  }

  @Mutation(() => Case, {
    description:
      'Keep a case whole past its retention period, e.g. for proceedings or a complaint (managers of the owner agency)',
  })
  @Allow('hold', 'Case')
  placeLegalHold(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
  ): Promise<Case> {
    return this.retention.placeHold(ctx, caseId, reason);
  }

  @Mutation(() => Case, {
    description: 'Release a legal hold (managers of the owner agency); retention then applies as usual',
  })
  @Allow('hold', 'Case')
  releaseLegalHold(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
  ): Promise<Case> {
    return this.retention.releaseHold(ctx, caseId, reason);
  }

  @ResolveField(() => LegalHold, {
    nullable: true,
    description: 'The legal hold on the case, if any; the owner agency only',
  })
  legalHold(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<LegalHold | null> {
    return this.retention.holdOf(ctx, parent);
  }
}
