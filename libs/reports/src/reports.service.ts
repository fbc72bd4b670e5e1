import { Injectable } from '@nestjs/common';
import { accessibleSql } from '#libs/access';
import { SqlParams } from '#libs/db';
import type { RequestContext } from '#libs/context';
import { ActionKind, BadInputError, CaseCategory, ClockState, LEGAL_ACTION_KINDS, londonDayStart, percentOf as percent, DAY_MS } from '#libs/common';
import { type CaseFacts, caseFactsSql, clocksOf, ServiceStandard } from '#libs/service-standards';
import type { CaseStatistics, CaseStatisticsInput, InterventionCount, LocationCount, PartnershipStatistics, StandardFigure, WardCount } from './case-statistics.model.js';

const perThousand = (count: number, homes: number) => Math.round((count / homes) * 10_000) / 10;

/**
 * Partnership figures are published so that no figure, and no difference between figures, points at a
 * person: every count under 5 (0 included) is "<5", every other count is rounded to the nearest 5, totals as
 * well as their parts; lists name every category, kind and ward whatever its count; and a period is whole
 * days in London, at least four weeks long, so two windows a moment apart cannot be subtracted.
 */
const SMALL = 5;
const published = (count: number) => (count < SMALL ? `<${SMALL}` : String(Math.round(count / SMALL) * SMALL));
/** For ordering: "<5" below every published number, so a 3 does not sort above a 0. */
const rank = (shown: string) => (shown.startsWith('<') ? 0 : Number(shown));
const MIN_WINDOW_DAYS = 28;

/** Every name in `universe` with its published count, biggest first, then by name. */
function publishAll<K extends string>(universe: readonly K[], counts: Map<K, number>): { key: K; count: string }[] {
  return universe
    .map((key) => ({ key, count: published(counts.get(key) ?? 0) }))
    .sort((a, b) => rank(b.count) - rank(a.count) || a.key.localeCompare(b.key));
}

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
   * The same figures over every agency's cases, aggregates only, published by the rule above. Managers of the
   * partnership's agencies read them.
   */
  async partnershipStatistics(ctx: RequestContext, input: CaseStatisticsInput): Promise<PartnershipStatistics> {
    if (input.to.getTime() <= input.from.getTime()) throw new BadInputError('to', 'to must be after from');
    const from = londonDayStart(input.from);
    const to = londonDayStart(input.to);
    // 28 London days are 28 × 24 hours give or take the hour the clocks change by.
    if (to.getTime() - from.getTime() < MIN_WINDOW_DAYS * DAY_MS - 3_600_000) {
      throw new BadInputError('to', `Partnership figures cover at least ${MIN_WINDOW_DAYS} whole days (London midnight to midnight)`);
    }
    const window = { ...input, from, to };
    // Across every agency by design, so through the named system access: aggregates only, suppressed and rounded below.
    const everyAgency = { ...ctx, db: ctx.system };
    const figures = await this.figures(everyAgency, window, new SqlParams(), 'TRUE');
    const wards = await this.wards(everyAgency, input.ward);
    const categories = input.category ? [input.category] : Object.values(CaseCategory);
    const kinds = Object.values(ActionKind);
    return {
      opened: published(figures.opened),
      closedResolved: published(figures.closedResolved),
      closedUnresolved: published(figures.closedUnresolved),
      live: published(figures.live),
      byCategory: publishAll(categories, new Map(figures.byCategory.map((c) => [c.category, c.count]))).map(({ key, count }) => ({ category: key, count })),
      byWard: publishAll(wards.cases, new Map(figures.byWard.map((w) => [w.ward, w.count]))).map(({ key, count }) => ({ ward: key, count })),
      incidents: published(figures.incidents),
      interventions: publishAll(kinds, new Map(figures.interventions.map((i) => [i.kind, i.count]))).map(({ key, count }) => ({
        kind: key,
        legal: LEGAL_ACTION_KINDS.has(key),
        count,
      })),
      incidentsByWard: publishAll(wards.incidents, new Map(figures.incidentsByWard.map((w) => [w.ward, w.count]))).map(({ key, count }) => ({ ward: key, count })),
    };
  }

  /**
   * Every ward the partnership's cases and incidents have ever named (narrowed to the asked-for ward): the
   * rows of the ward lists, so a ward is listed whether its count in the period is 0 or 3.
   */
  private async wards(ctx: RequestContext, ward: string | null | undefined): Promise<{ cases: string[]; incidents: string[] }> {
    const only = ward?.trim() || null;
    const [row]: { cases: string[] | null; incidents: string[] | null }[] = await ctx.db.query(
      `SELECT (SELECT array_agg(DISTINCT c.ward) FROM cases c WHERE $1::text IS NULL OR lower(c.ward) = lower($1)) AS cases,
              (SELECT array_agg(DISTINCT w) FROM (
                 SELECT c.ward AS w FROM cases c WHERE $1::text IS NULL OR lower(c.ward) = lower($1)
                 UNION SELECT btrim(i.ward) FROM incidents i JOIN cases c ON c.id = i.case_id
                  WHERE nullif(btrim(i.ward), '') IS NOT NULL AND ($1::text IS NULL OR lower(c.ward) = lower($1))) u) AS incidents`,
      [only],
    );
    return { cases: row.cases ?? [], incidents: row.incidents ?? [] };
  }

  private async figures(ctx: RequestContext, input: CaseStatisticsInput, params: SqlParams, scope: string): Promise<CaseStatistics> {
    if (input.to.getTime() <= input.from.getTime()) throw new BadInputError('to', 'to must be after from');
    const from = params.add(input.from);
    const to = params.add(input.to);
    const ward = input.ward?.trim() ? `AND lower(c.ward) = lower(${params.add(input.ward.trim())})` : '';
    const category = input.category ? `AND c.category = ${params.add(input.category)}` : '';
    const visibleSql = `SELECT c.id, c.category, c.ward, c.status, c.opened_at, c.closed_at, c.owner_agency_id FROM cases c WHERE ${scope} ${ward} ${category}`;
    // The standards' statement uses the parameters so far and no more (PostgreSQL refuses one it cannot type).
    const visibleParams = params.values.slice();
    const agency = params.add(ctx.user!.agencyId);
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
      interventions: InterventionCount[];
      incidents_by_ward: WardCount[];
      incidents_by_location: LocationCount[];
      homes: number | null;
      own_opened: number;
      own_hate_opened: number;
    }[] = await ctx.db.query(
      `WITH visible AS MATERIALIZED (${visibleSql}),
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
              s.answered, s.service_satisfied, s.outcome_satisfied,
              coalesce((SELECT json_agg(json_build_object('kind', kind, 'legal', legal, 'count', n) ORDER BY n DESC, kind)
                          FROM (SELECT a.kind, a.legal, count(*)::int AS n FROM case_actions a JOIN visible v ON v.id = a.case_id
                                 WHERE a.created_at >= ${from} AND a.created_at < ${to} GROUP BY a.kind, a.legal) g), '[]') AS interventions,
              coalesce((SELECT json_agg(json_build_object('ward', ward, 'count', n) ORDER BY n DESC, ward)
                          FROM (SELECT coalesce(nullif(btrim(i.ward), ''), v.ward) AS ward, count(*)::int AS n FROM incidents i JOIN visible v ON v.id = i.case_id
                                 WHERE i.occurred_at >= ${from} AND i.occurred_at < ${to} GROUP BY 1) g), '[]') AS incidents_by_ward,
              coalesce((SELECT json_agg(json_build_object('location', location, 'ward', ward, 'count', n) ORDER BY n DESC, location)
                          FROM (SELECT min(btrim(i.location)) AS location, coalesce(nullif(btrim(i.ward), ''), v.ward) AS ward, count(*)::int AS n
                                  FROM incidents i JOIN visible v ON v.id = i.case_id
                                 WHERE i.occurred_at >= ${from} AND i.occurred_at < ${to} AND v.category <> 'DOMESTIC_ABUSE' AND i.category <> 'DOMESTIC_ABUSE' AND nullif(btrim(i.location), '') IS NOT NULL
                                 GROUP BY lower(btrim(i.location)), 2 ORDER BY n DESC, 1 LIMIT 20) g), '[]') AS incidents_by_location,
              (SELECT homes FROM service_standards WHERE agency_id = ${agency}::uuid) AS homes,
              (SELECT count(*) FROM opened WHERE owner_agency_id = ${agency}::uuid)::int AS own_opened,
              (SELECT count(*) FROM opened WHERE owner_agency_id = ${agency}::uuid AND category = 'HATE')::int AS own_hate_opened
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
      interventions: row.interventions,
      legalInterventions: row.interventions.filter((i) => i.legal).reduce((sum, i) => sum + i.count, 0),
      nonLegalInterventions: row.interventions.filter((i) => !i.legal).reduce((sum, i) => sum + i.count, 0),
      serviceStandards: await this.standardsMet(ctx, visibleSql, visibleParams, from, to),
      casesPerThousandHomes: row.homes ? perThousand(row.own_opened, row.homes) : null,
      hateCasesPerThousandHomes: row.homes ? perThousand(row.own_hate_opened, row.homes) : null,
      incidentsByWard: row.incidents_by_ward,
      incidentsByLocation: row.incidents_by_location,
    };
  }

  /** Each standard over the cases opened in the period, worked out by the same clocks the case page shows. */
  private async standardsMet(ctx: RequestContext, visibleSql: string, values: unknown[], from: string, to: string): Promise<StandardFigure[]> {
    const facts: CaseFacts[] = await ctx.db.query(
      `WITH visible AS MATERIALIZED (${visibleSql})
       ${caseFactsSql(`c.id IN (SELECT id FROM visible WHERE opened_at >= ${from} AND opened_at < ${to})`)}`,
      values,
    );
    const now = Date.now();
    const tally = new Map(Object.values(ServiceStandard).map((standard) => [standard, { standard, met: 0, breached: 0, due: 0 }]));
    for (const clock of facts.flatMap((f) => clocksOf(f, now))) {
      const counts = tally.get(clock.standard)!;
      if (clock.state === ClockState.MET) counts.met++;
      else if (clock.state === ClockState.BREACHED) counts.breached++;
      else counts.due++;
    }
    return [...tally.values()].map((t) => ({ ...t, metPercent: percent(t.met, t.met + t.breached) }));
  }
}
