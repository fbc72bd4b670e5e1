import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { CaseStatistics, PartnershipStatistics } from './case-statistics.model.js';
import { CaseStatisticsSeries, FigureScope } from './case-statistics-series.model.js';
import { CaseStatisticsInput, CaseStatisticsSeriesInput } from './reports.inputs.js';
import { Exceptions } from './exceptions.model.js';
import { ExceptionsService } from './exceptions.service.js';
import { ReportsService } from './reports.service.js';

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly reportService: ReportsService,
    private readonly exceptionsService: ExceptionsService,
  ) {}

  @Query(() => Exceptions, { description: "Exception lists over your agency's open cases and actions (managers)" })
  @Allow('readFigures', 'Case')
  exceptions(
    @Context() ctx: RequestContext,
    @Args('notUpdatedDays', {
      type: () => Int,
      defaultValue: 28,
      description: 'A case is "not updated" after this many days with nothing recorded (1–365)',
    })
    notUpdatedDays: number,
  ): Promise<Exceptions> {
    return this.exceptionsService.exceptions(ctx, notUpdatedDays);
  }

  @Query(() => PartnershipStatistics, {
    description:
      'Case figures for a period of at least 28 whole days (London) across every agency of the partnership: counts under 5 (0 included) shown as "<5", the rest rounded to the nearest 5 (managers)',
  })
  @Allow('readFigures', 'Case')
  partnershipStatistics(
    @Context() ctx: RequestContext,
    @Args('input') input: CaseStatisticsInput,
  ): Promise<PartnershipStatistics> {
    return this.reportService.partnershipStatistics(ctx, input);
  }

  @Query(() => CaseStatistics, { description: 'Case figures for a period over the cases you may see (managers)' })
  @Allow('readFigures', 'Case')
  caseStatistics(@Context() ctx: RequestContext, @Args('input') input: CaseStatisticsInput): Promise<CaseStatistics> {
    return this.reportService.caseStatistics(ctx, input);
  }

  @Query(() => CaseStatisticsSeries, {
    description:
      'Case figures month by month or quarter by quarter (at most 36 points), each beside the same months a year earlier: over the cases you may see (AGENCY), or across the partnership with its small-number rule (PARTNERSHIP) (managers)',
  })
  @Allow('readFigures', 'Case')
  caseStatisticsSeries(
    @Context() ctx: RequestContext,
    @Args('input') input: CaseStatisticsSeriesInput,
    @Args('scope', {
      type: () => FigureScope,
      defaultValue: FigureScope.AGENCY,
      description: 'Whose cases: the ones you may see (the default), or every agency’s, published',
    })
    scope: FigureScope,
  ): Promise<CaseStatisticsSeries> {
    return this.reportService.series(ctx, input, scope);
  }
}
