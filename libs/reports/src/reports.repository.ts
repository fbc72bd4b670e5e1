import { Injectable } from '@nestjs/common';
import { accessibleSql, type PortalAbility } from '#libs/access';
import { ActionsRepository } from '#libs/actions';
import { CasesRepository } from '#libs/cases';
import type { CaseCategory } from '#libs/common';
import { type Database, one, rows, SqlParams } from '#libs/db';
import { IncidentsRepository } from '#libs/incidents';
import { SatisfactionRepository } from '#libs/satisfaction';
import { ServiceStandardsRepository } from '#libs/service-standards';
import { type ConsentState, type LawfulBasis, SharesRepository } from '#libs/shares';
import type { InterventionCount, LocationCount, WardCount } from './case-statistics.model.js';
import type { SeriesPlan } from './reports.rules.js';

/** A period, from `from` up to (not including) `to`, narrowed to a ward and a category when given. */
export interface Period {
  from: Date;
  to: Date;
  ward?: string | null;
  category?: CaseCategory | null;
}

/**
 * The cases a period's figures count, as SQL the figures' statements share: `visibleSql` over the cases (with
 * `visibleParams`), and the placeholders of the period's ends. `params` goes on to number the figures' own.
 */
export interface FigureCases {
  params: SqlParams;
  visibleSql: string;
  visibleParams: unknown[];
  from: string;
  to: string;
  /** Count only the shares the caller's agency made (its own cases'), not every share of the cases counted. */
  ownShares: boolean;
}

/** The figures' one statement, as it answers. */
/** One point of a series as the statement answers it: its own figures and the same months a year earlier. */
export interface SeriesRow {
  k: number;
  opened: number;
  closed_resolved: number;
  closed_unresolved: number;
  live: number;
  incidents: number;
  prior_opened: number;
  prior_closed_resolved: number;
  prior_closed_unresolved: number;
  prior_live: number;
  prior_incidents: number;
}

export interface FiguresRow {
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
  shares_by_basis: { lawfulBasis: LawfulBasis; count: number }[];
  shares_by_consent: { consent: ConsentState; count: number }[];
}

function figureCases(params: SqlParams, scope: string, period: Period, ownShares: boolean): FigureCases {
  const from = params.add(period.from);
  const to = params.add(period.to);
  const ward = period.ward?.trim() ? `AND lower(c.ward) = lower(${params.add(period.ward.trim())})` : '';
  const category = period.category ? `AND c.category = ${params.add(period.category)}` : '';
  const visibleSql = `SELECT c.id, c.category, c.ward, c.status, c.opened_at, c.closed_at, c.owner_agency_id FROM ${CasesRepository.tableAs('c')} WHERE ${scope} ${ward} ${category}`;
  // The standards' statement uses the parameters so far and no more (PostgreSQL refuses one it cannot type).
  return { params, visibleSql, visibleParams: params.values.slice(), from, to, ownShares };
}

/**
 * Reports own no table: their statements read the cases and what hangs off them through each owner's SQL, one
 * statement per figure set as before.
 */
@Injectable()
export class ReportsRepository {
  /** The cases the caller may see (the same rule as every list, in its set form so PostgreSQL combines indexes). */
  static casesVisibleTo(ability: PortalAbility, period: Period): FigureCases {
    const params = new SqlParams();
    return figureCases(params, accessibleSql(ability, 'read', 'Case', 'c', params, 'set'), period, true);
  }

  /** Every agency's cases: for aggregates only, read through the system access. */
  static everyAgencysCases(period: Period): FigureCases {
    return figureCases(new SqlParams(), 'TRUE', period, false);
  }

  /** The period's figures over `cases` in one statement; homes and own counts are the agency's. */
  async figures(db: Database, cases: FigureCases, agencyId: string): Promise<FiguresRow> {
    const { params, visibleSql, from, to } = cases;
    const agency = params.add(agencyId);
    // Shares are made by a case's owner: the agency's own are those of the cases it owns.
    const shares = `${SharesRepository.madeOfCasesSql('visible v', 'v', from, to)}${cases.ownShares ? ` AND v.owner_agency_id = ${agency}::uuid` : ''}`;
    const row = await one<FiguresRow>(
      db,
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
              (SELECT count(*) FROM ${IncidentsRepository.ofCasesSql('visible v', 'v')} WHERE i.logged_at >= ${from} AND i.logged_at < ${to})::int AS incidents,
              s.answered, s.service_satisfied, s.outcome_satisfied,
              coalesce((SELECT json_agg(json_build_object('kind', kind, 'legal', legal, 'count', n) ORDER BY n DESC, kind)
                          FROM (SELECT a.kind, a.legal, count(*)::int AS n FROM ${ActionsRepository.ofCasesSql('visible v', 'v')}
                                 WHERE a.created_at >= ${from} AND a.created_at < ${to} GROUP BY a.kind, a.legal) g), '[]') AS interventions,
              coalesce((SELECT json_agg(json_build_object('ward', ward, 'count', n) ORDER BY n DESC, ward)
                          FROM (SELECT coalesce(nullif(btrim(i.ward), ''), v.ward) AS ward, count(*)::int AS n FROM ${IncidentsRepository.ofCasesSql('visible v', 'v')}
                                 WHERE i.occurred_at >= ${from} AND i.occurred_at < ${to} GROUP BY 1) g), '[]') AS incidents_by_ward,
              coalesce((SELECT json_agg(json_build_object('location', location, 'ward', ward, 'count', n) ORDER BY n DESC, location)
                          FROM (SELECT min(btrim(i.location)) AS location, coalesce(nullif(btrim(i.ward), ''), v.ward) AS ward, count(*)::int AS n
                                  FROM ${IncidentsRepository.ofCasesSql('visible v', 'v')}
                                 WHERE i.occurred_at >= ${from} AND i.occurred_at < ${to} AND v.category <> 'DOMESTIC_ABUSE' AND i.category <> 'DOMESTIC_ABUSE' AND nullif(btrim(i.location), '') IS NOT NULL
                                 GROUP BY lower(btrim(i.location)), 2 ORDER BY n DESC, 1 LIMIT 20) g), '[]') AS incidents_by_location,
              ${ServiceStandardsRepository.homesSql(agency)} AS homes,
              (SELECT count(*) FROM opened WHERE owner_agency_id = ${agency}::uuid)::int AS own_opened,
              (SELECT count(*) FROM opened WHERE owner_agency_id = ${agency}::uuid AND category = 'HATE')::int AS own_hate_opened,
              coalesce((SELECT json_agg(json_build_object('lawfulBasis', lawful_basis, 'count', n))
                          FROM (SELECT s.lawful_basis, count(*)::int AS n FROM ${shares} GROUP BY s.lawful_basis) g), '[]') AS shares_by_basis,
              coalesce((SELECT json_agg(json_build_object('consent', consent_state, 'count', n))
                          FROM (SELECT s.consent_state, count(*)::int AS n FROM ${shares} GROUP BY s.consent_state) g), '[]') AS shares_by_consent
         FROM (SELECT count(*)::int AS answered, count(*) FILTER (WHERE service_score >= 4)::int AS service_satisfied,
                      count(*) FILTER (WHERE outcome_score >= 4)::int AS outcome_satisfied
                 FROM ${SatisfactionRepository.ofCasesSql('visible v', 'v')} WHERE ss.answered_at >= ${from} AND ss.answered_at < ${to}) s`,
      params.values,
    );
    return row!;
  }

  /**
   * A series' figures over `cases` in one statement: generate_series makes each point's London months (and the
   * same a year earlier) from the plan, and each point counts the visible cases and their incidents once. The
   * period of `cases` is the whole span, the first point's year-earlier start to the last point's end: it only
   * leaves out what no point could count.
   */
  series(db: Database, cases: FigureCases, plan: SeriesPlan): Promise<SeriesRow[]> {
    const { params, visibleSql, from, to } = cases;
    const first = params.add(plan.first);
    const step = params.add(plan.stepMonths);
    const count = params.add(plan.count);
    const at = (months: string) =>
      `((${first}::date)::timestamp + make_interval(months => ${months})) AT TIME ZONE 'Europe/London'`;
    const counts = (s: string, e: string, prefix: string) =>
      `count(*) FILTER (WHERE v.opened_at >= ${s} AND v.opened_at < ${e})::int AS ${prefix}opened,
       count(*) FILTER (WHERE v.status = 'CLOSED_RESOLVED' AND v.closed_at >= ${s} AND v.closed_at < ${e})::int AS ${prefix}closed_resolved,
       count(*) FILTER (WHERE v.status = 'CLOSED_UNRESOLVED' AND v.closed_at >= ${s} AND v.closed_at < ${e})::int AS ${prefix}closed_unresolved,
       count(*) FILTER (WHERE v.opened_at < ${e} AND (v.closed_at IS NULL OR v.closed_at >= ${e}))::int AS ${prefix}live`;
    return rows<SeriesRow>(
      db,
      `WITH visible AS MATERIALIZED (SELECT * FROM (${visibleSql}) c WHERE c.opened_at < ${to}),
            logged AS MATERIALIZED (SELECT i.logged_at FROM ${IncidentsRepository.ofCasesSql('visible v', 'v')}
                                     WHERE i.logged_at >= ${from} AND i.logged_at < ${to}),
            points AS (SELECT k, ${at(`k * ${step}::int`)} AS s, ${at(`(k + 1) * ${step}::int`)} AS e,
                              ${at(`k * ${step}::int - 12`)} AS ps, ${at(`(k + 1) * ${step}::int - 12`)} AS pe
                         FROM generate_series(0, ${count}::int - 1) k)
       SELECT p.k, c.*, l.*
         FROM points p
         CROSS JOIN LATERAL (SELECT ${counts('p.s', 'p.e', '')}, ${counts('p.ps', 'p.pe', 'prior_')} FROM visible v) c
         CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE logged_at >= p.s AND logged_at < p.e)::int AS incidents,
                                    count(*) FILTER (WHERE logged_at >= p.ps AND logged_at < p.pe)::int AS prior_incidents
                               FROM logged) l
        ORDER BY p.k`,
      params.values,
    );
  }

  /**
   * Every ward the cases and incidents `db` reads have ever named (narrowed to `ward`, any case): the rows of the
   * ward lists, so a ward is listed whether its count in a period is 0 or 3.
   */
  async wardsNamed(db: Database, ward: string | null): Promise<{ cases: string[]; incidents: string[] }> {
    const row = await one<{ cases: string[] | null; incidents: string[] | null }>(
      db,
      `SELECT (SELECT array_agg(DISTINCT c.ward) FROM ${CasesRepository.tableAs('c')} WHERE $1::text IS NULL OR lower(c.ward) = lower($1)) AS cases,
              (SELECT array_agg(DISTINCT w) FROM (
                 SELECT c.ward AS w FROM ${CasesRepository.tableAs('c')} WHERE $1::text IS NULL OR lower(c.ward) = lower($1)
                 UNION SELECT btrim(i.ward) FROM ${IncidentsRepository.ofCasesSql(CasesRepository.tableAs('c'), 'c')}
                  WHERE nullif(btrim(i.ward), '') IS NOT NULL AND ($1::text IS NULL OR lower(c.ward) = lower($1))) u) AS incidents`,
      [ward],
    );
    return { cases: row!.cases ?? [], incidents: row!.incidents ?? [] };
  }
}
