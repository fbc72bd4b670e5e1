import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import { CasesService } from '#libs/cases';
import { NotFoundError, parseId } from '#libs/common';
import type { LiveContext } from '#libs/live';
import { CaseFeed, type CaseUpdateStream } from './case-feed.js';
import { CaseUpdate } from './case-update.model.js';

/** The signal is the payload itself: nothing is read per subscriber, and it carries nothing sensitive. */
const asSent = (update: CaseUpdate | null) => update;

@Resolver(() => CaseUpdate)
export class CaseFeedResolver {
  constructor(
    private readonly feed: CaseFeed,
    private readonly cases: CasesService,
  ) {}

  @Subscription(() => CaseUpdate, {
    nullable: true,
    description:
      'For an open case page: a signal each time anything on the case changes (read it again), who holds the case checked at each delivery; null, then the end, once your agency may no longer see the case',
    resolve: asSent,
  })
  @Allow('read', 'Case')
  async caseUpdates(
    @Context() ctx: LiveContext,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<CaseUpdateStream> {
    if (!ctx.session) throw new Error('caseUpdates is served over graphql-ws only');
    const id = parseId(caseId, 'caseId');
    // Followed before the case is looked at: a share revoked while it is being looked at still reaches this stream.
    const stream = this.feed.follow(id, ctx.session, ctx.ability);
    try {
      if (!(await this.cases.visibleById(ctx, id))) throw new NotFoundError('Case', 'caseId');
    } catch (error) {
      stream.close();
      throw error;
    }
    return stream;
  }

  @Subscription(() => CaseUpdate, {
    description:
      'For lists (cases, My work, triage, interventions): a signal for each change on any case your agency holds at that moment, and for news of your own agency without a case (a report in your triage queue, a share of yours ended, with caseId null)',
    resolve: asSent,
  })
  @Allow('read', 'Case')
  caseActivity(@Context() ctx: LiveContext): CaseUpdateStream {
    if (!ctx.session) throw new Error('caseActivity is served over graphql-ws only');
    return this.feed.watch(ctx.session, ctx.ability);
  }
}
