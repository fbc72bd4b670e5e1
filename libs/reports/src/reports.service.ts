import { Injectable } from '@nestjs/common';
import { accessibleSql, type RequestContext, SqlParams } from '#libs/access';
import { BadInputError, type CaseCategory, percentOf as percent } from '#libs/common';
import type { CaseStatistics, CaseStatisticsInput, PartnershipStatistics } from './case-statistics.model.js';

/** Fewer than this many is shown as "<5". */
const SMALL = 5;
const suppressed = (count: number) => (count > 0 && count < SMALL ? `<${SMALL}` : String(count));

@Injectable()
export class ReportsService {
  /**
   * The contract's figures in one statement, over the cases the caller may see (the same rule as every list,
   * in its set form so PostgreSQL combines indexes), narrowed to a ward and a category when asked.
   */
  caseStatistics(ctx: RequestContext, input: CaseStatisticsInput): Promise<CaseStatistics> {
    const params = new SqlParams();
    return this.figures(ctx, input, params, accessibleSql(ctx.ability, 'read', 'Case', 'c', params, 'set'));
  }

  /**
   * The same figures over every agency's cases: aggregates only, each count under 5 shown as "<5" so that
   * no figure can point at a person. Managers of the partnership's agencies read them.
   */
  async partnershipStatistics(ctx: RequestContext, input: CaseStatisticsInput): Promise<PartnershipStatistics> {
    const figures = await this.figures(ctx, input, new SqlParams(), 'TRUE');
    return {
      opened: suppressed(figures.opened),
      closedResolved: suppressed(figures.closedResolved),
      closedUnresolved: suppressed(figures.closedUnresolved),
      live: suppressed(figures.live),
      byCategory: figures.byCategory.map((c) => ({ category: c.category, count: suppressed(c.count) })),
      byWard: figures.byWard.map((w) => ({ ward: w.ward, count: suppressed(w.count) })),
      incidents: suppressed(figures.incidents),
    };
  }

  private async figures(ctx: RequestContext, input: CaseStatisticsInput, params: SqlParams, scope: string): Promise<CaseStatistics> {
    if (input.to.getTime() <= input.from.getTime()) throw new BadInputError('to', 'to must be after from');
    const from = params.add(input.from);
    const to = params.add(input.to);
    const ward = input.ward?.trim() ? `AND lower(c.ward) = lower(${params.add(input.ward.trim())})` : '';
    const category = input.category ? `AND c.category = ${params.add(input.category)}` : '';
    const [row]: {
      opened: number;
      closed_resolved: number;
      closed_unresolved: number;
      live: number;
      by_category: { category: CaseCategory; count: number }[];
      by_ward: { ward: string; count: number }[];
      incidents: number;
      answered: number;
      service_satisfied: number;
      outcome_satisfied: number;
    }[] = await ctx.db.query(
      `WITH visible AS MATERIALIZED (SELECT c.id, c.category, c.ward, c.status, c.opened_at, c.closed_at FROM cases c WHERE ${scope} ${ward} ${category}),
            opened AS (SELECT * FROM visible WHERE opened_at >= ${from} AND opened_at < ${to})
       SELECT (SELECT count(*) FROM opened)::int AS opened,
              (SELECT count(*) FROM visible WHERE status = 'CLOSED_RESOLVED' AND closed_at >= ${from} AND closed_at < ${to})::int AS closed_resolved,
              (SELECT count(*) FROM visible WHERE status = 'CLOSED_UNRESOLVED' AND closed_at >= ${from} AND closed_at < ${to})::int AS closed_unresolved,
              (SELECT count(*) FROM visible WHERE opened_at < ${to} AND (closed_at IS NULL OR closed_at >= ${to}))::int AS live,
              coalesce((SELECT json_agg(json_build_object('category', category, 'count', n) ORDER BY n DESC, category)
                          FROM (SELECT category, count(*)::int AS n FROM opened GROUP BY category) g), '[]') AS by_category,
              coalesce((SELECT json_agg(json_build_object('ward', ward, 'count', n) ORDER BY n DESC, ward)
                          FROM (SELECT ward, count(*)::int AS n FROM opened GROUP BY ward) g), '[]') AS by_ward,
              (SELECT count(*) FROM incidents i JOIN visible v ON v.id = i.case_id WHERE i.logged_at >= ${from} AND i.logged_at < ${to})::int AS incidents,
              s.answered, s.service_satisfied, s.outcome_satisfied
         FROM (SELECT count(*)::int AS answered, count(*) FILTER (WHERE service_score >= 4)::int AS service_satisfied,
                      count(*) FILTER (WHERE outcome_score >= 4)::int AS outcome_satisfied
                 FROM satisfaction_surveys ss JOIN visible v ON v.id = ss.case_id WHERE ss.answered_at >= ${from} AND ss.answered_at < ${to}) s`,
      params.values,
    );
    return {
      opened: row.opened,
      closedResolved: row.closed_resolved,
      closedUnresolved: row.closed_unresolved,
      live: row.live,
      byCategory: row.by_category,
      byWard: row.by_ward,
      incidents: row.incidents,
      surveysAnswered: row.answered,
      satisfiedWithServicePercent: percent(row.service_satisfied, row.answered),
      satisfiedWithOutcomePercent: percent(row.outcome_satisfied, row.answered),
    };
  }
}
