import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { ActionKind, CaseCategory, LEGAL_ACTION_KINDS, percentOf as percent } from '#libs/common';
import { clocksOf, ServiceStandardsRepository } from '#libs/service-standards';
import { ConsentState, LawfulBasis } from '#libs/shares';
import type { CaseStatistics, PartnershipStatistics, StandardFigure } from './case-statistics.model.js';
import {
  type CaseStatisticsSeries,
  FigureScope,
  type PeriodFigures,
  type SeriesPointFigures,
} from './case-statistics-series.model.js';
import type { CaseStatisticsInput, CaseStatisticsSeriesInput } from './reports.inputs.js';
import { type FigureCases, ReportsRepository, type SeriesRow } from './reports.repository.js';
import {
  checkPeriod,
  publishedCount,
  SMALL,
  seriesPlan,
  seriesPoints,
  partnershipWindow,
  perThousand,
  published,
  publishAll,
  standardFigures,
  tallyAll,
} from './reports.rules.js';

@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly standards: ServiceStandardsRepository,
  ) {}

  /**
   * The contract's figures in one statement, over the cases the caller may see (the same rule as every list),
   * narrowed to a ward and a category when asked.
   */
  caseStatistics(ctx: RequestContext, input: CaseStatisticsInput): Promise<CaseStatistics> {
    checkPeriod(input);
    return this.figures(ctx, ReportsRepository.casesVisibleTo(ctx.ability, input));
  }

  /**
   * The same figures over every agency's cases, aggregates only, published by the rule in reports.rules.ts.
   * Managers of the partnership's agencies read them.
   */
  async partnershipStatistics(ctx: RequestContext, input: CaseStatisticsInput): Promise<PartnershipStatistics> {
    const window = { ...input, ...partnershipWindow(input) };
    // Across every agency by design, so through the named system access: aggregates only, suppressed and rounded below.
    const everyAgency = { ...ctx, db: ctx.system };
    const figures = await this.figures(everyAgency, ReportsRepository.everyAgencysCases(window));
    const wards = await this.repository.wardsNamed(everyAgency.db, input.ward?.trim() || null);
    const categories = input.category ? [input.category] : Object.values(CaseCategory);
    const kinds = Object.values(ActionKind);
    return {
      opened: published(figures.opened),
      closedResolved: published(figures.closedResolved),
      closedUnresolved: published(figures.closedUnresolved),
      live: published(figures.live),
      byCategory: publishAll(categories, new Map(figures.byCategory.map((c) => [c.category, c.count]))).map(
        ({ key, count }) => ({ category: key, count }),
      ),
      byWard: publishAll(wards.cases, new Map(figures.byWard.map((w) => [w.ward, w.count]))).map(({ key, count }) => ({
        ward: key,
        count,
      })),
      incidents: published(figures.incidents),
      interventions: publishAll(kinds, new Map(figures.interventions.map((i) => [i.kind, i.count]))).map(
        ({ key, count }) => ({
          kind: key,
          legal: LEGAL_ACTION_KINDS.has(key),
          count,
        }),
      ),
      incidentsByWard: publishAll(wards.incidents, new Map(figures.incidentsByWard.map((w) => [w.ward, w.count]))).map(
        ({ key, count }) => ({ ward: key, count }),
      ),
      sharesByLawfulBasis: publishAll(
        Object.values(LawfulBasis),
        new Map(figures.sharesByLawfulBasis.map((b) => [b.lawfulBasis, b.count])),
      ).map(({ key, count }) => ({ lawfulBasis: key, count })),
      sharesByConsent: publishAll(
        Object.values(ConsentState),
        new Map(figures.sharesByConsent.map((c) => [c.consent, c.count])),
      ).map(({ key, count }) => ({ consent: key, count })),
    };
  }

  /**
   * Month by month or quarter by quarter, each point beside the same months a year earlier, in one statement.
   * AGENCY counts the cases the caller may see by the rule caseStatistics uses; PARTNERSHIP counts every
   * agency's through the system access and publishes each point as partnershipStatistics does (whole London
   * months are whole days, and always 28 or more of them).
   */
  async series(
    ctx: RequestContext,
    input: CaseStatisticsSeriesInput,
    scope: FigureScope,
  ): Promise<CaseStatisticsSeries> {
    const plan = seriesPlan(input, input.interval);
    const points = seriesPoints(plan);
    const span = { ...input, from: points[0].yearEarlierFrom, to: points[points.length - 1].to };
    const partnership = scope === FigureScope.PARTNERSHIP;
    const rows = partnership
      ? // Across every agency by design: aggregates only, suppressed and rounded below.
        await this.repository.series(ctx.system, ReportsRepository.everyAgencysCases(span), plan)
      : await this.repository.series(ctx.db, ReportsRepository.casesVisibleTo(ctx.ability, span), plan);
    const show = partnership ? publishedCount : (count: number) => count;
    const figures = (row: SeriesRow, prior: boolean, from: Date, to: Date): PeriodFigures => {
      const pick = (name: 'opened' | 'closed_resolved' | 'closed_unresolved' | 'live' | 'incidents') =>
        show(row[prior ? (`prior_${name}` as const) : name]);
      return {
        from,
        to,
        opened: pick('opened'),
        closedResolved: pick('closed_resolved'),
        closedUnresolved: pick('closed_unresolved'),
        live: pick('live'),
        incidents: pick('incidents'),
      };
    };
    return {
      interval: input.interval,
      scope,
      suppressedBelow: partnership ? SMALL : null,
      roundedTo: partnership ? SMALL : null,
      points: rows.map((row): SeriesPointFigures => {
        const point = points[row.k];
        return {
          label: point.label,
          current: figures(row, false, point.from, point.to),
          yearEarlier: figures(row, true, point.yearEarlierFrom, point.yearEarlierTo),
        };
      }),
    };
  }

  private async figures(ctx: RequestContext, cases: FigureCases): Promise<CaseStatistics> {
    const row = await this.repository.figures(ctx.db, cases, ctx.user!.agencyId);
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
      serviceStandards: await this.standardsMet(ctx, cases),
      casesPerThousandHomes: row.homes ? perThousand(row.own_opened, row.homes) : null,
      hateCasesPerThousandHomes: row.homes ? perThousand(row.own_hate_opened, row.homes) : null,
      incidentsByWard: row.incidents_by_ward,
      incidentsByLocation: row.incidents_by_location,
      sharesByLawfulBasis: tallyAll(
        Object.values(LawfulBasis),
        new Map(row.shares_by_basis.map((b) => [b.lawfulBasis, b.count])),
      ).map(({ key, count }) => ({ lawfulBasis: key, count })),
      sharesByConsent: tallyAll(
        Object.values(ConsentState),
        new Map(row.shares_by_consent.map((c) => [c.consent, c.count])),
      ).map(({ key, count }) => ({ consent: key, count })),
    };
  }

  /** Each standard over the cases opened in the period, worked out by the same clocks the case page shows. */
  private async standardsMet(ctx: RequestContext, cases: FigureCases): Promise<StandardFigure[]> {
    const facts = await this.standards.factsOfCasesOpenedIn(
      ctx.db,
      cases.visibleSql,
      cases.visibleParams,
      cases.from,
      cases.to,
    );
    const now = Date.now();
    return standardFigures(facts.flatMap((f) => clocksOf(f, now)));
  }
}
