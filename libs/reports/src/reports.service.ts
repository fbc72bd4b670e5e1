import { Injectable } from '@nestjs/common';
import { accessibleSql, type RequestContext, SqlParams } from '#libs/access';
import { BadInputError, type CaseCategory } from '#libs/common';
import type { CaseStatistics, CaseStatisticsInput } from './case-statistics.model.js';

@Injectable()
export class ReportsService {
  /**
   * The contract's figures in one statement, over the cases the caller may see (the same rule as every list,
   * in its set form so PostgreSQL combines indexes), narrowed to a ward and a category when asked.
   */
  async caseStatistics(ctx: RequestContext, input: CaseStatisticsInput): Promise<CaseStatistics> {
    if (input.to.getTime() <= input.from.getTime()) throw new BadInputError('to', 'to must be after from');
    const params = new SqlParams();
    const scope = accessibleSql(ctx.ability, 'read', 'Case', 'c', params, 'set');
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
              (SELECT count(*) FROM incidents i JOIN visible v ON v.id = i.case_id WHERE i.logged_at >= ${from} AND i.logged_at < ${to})::int AS incidents`,
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
    };
  }
}
