import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Allow, type RequestContext } from '#libs/access';
import { CaseStatistics, CaseStatisticsInput } from './case-statistics.model.js';
import { ReportsService } from './reports.service.js';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reportService: ReportsService) {}

  @Query(() => CaseStatistics, { description: 'Case figures for a period over the cases you may see (managers)' })
  @Allow('readFigures', 'Case')
  caseStatistics(@Context() ctx: RequestContext, @Args('input') input: CaseStatisticsInput): Promise<CaseStatistics> {
    return this.reportService.caseStatistics(ctx, input);
  }
}
