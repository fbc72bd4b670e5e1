import { BadInputError, ClockState, DAY_MS, londonDate, londonDayStart, percentOf } from '#libs/common';
import { type ServiceClock, ServiceStandard } from '#libs/service-standards';
import type { StandardFigure } from './case-statistics.model.js';

/** Cases opened per 1,000 homes, one decimal place. */
export const perThousand = (count: number, homes: number) => Math.round((count / homes) * 10_000) / 10;

/**
 * Partnership figures are published so that no figure, and no difference between figures, points at a
 * person: every count under 5 (0 included) is "<5", every other count is rounded to the nearest 5, totals as
 * well as their parts; lists name every category, kind and ward whatever its count; and a period is whole
 * days in London, at least four weeks long, so two windows a moment apart cannot be subtracted.
 */
export const SMALL = 5;
/** The same rule as a number for a chart: null for a count under 5, the rest rounded to the nearest 5. */
export const publishedCount = (count: number): number | null =>
  count < SMALL ? null : Math.round(count / SMALL) * SMALL;
export const published = (count: number) => publishedCount(count)?.toString() ?? `<${SMALL}`;
/** For ordering: "<5" below every published number, so a 3 does not sort above a 0. */
const rank = (shown: string) => (shown.startsWith('<') ? 0 : Number(shown));
export const MIN_WINDOW_DAYS = 28;

/** Every name in `universe` with its published count, biggest first, then by name. */
export function publishAll<K extends string>(
  universe: readonly K[],
  counts: Map<K, number>,
): { key: K; count: string }[] {
  return universe
    .map((key) => ({ key, count: published(counts.get(key) ?? 0) }))
    .sort((a, b) => rank(b.count) - rank(a.count) || a.key.localeCompare(b.key));
}

/** Every name in `universe` with its exact count (0 when absent), biggest first, then by name: the agency's own figures. */
export function tallyAll<K extends string>(
  universe: readonly K[],
  counts: Map<K, number>,
): { key: K; count: number }[] {
  return universe
    .map((key) => ({ key, count: counts.get(key) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** A period ends after it starts. */
export function checkPeriod(period: { from: Date; to: Date }): void {
  if (period.to.getTime() <= period.from.getTime()) throw new BadInputError('to', 'to must be after from');
}

/** A partnership period: whole London days, at least 28 of them. */
export function partnershipWindow(period: { from: Date; to: Date }): { from: Date; to: Date } {
  checkPeriod(period);
  const from = londonDayStart(period.from);
  const to = londonDayStart(period.to);
  // 28 London days are 28 × 24 hours give or take the hour the clocks change by.
  if (to.getTime() - from.getTime() < MIN_WINDOW_DAYS * DAY_MS - 3_600_000) {
    throw new BadInputError(
      'to',
      `Partnership figures cover at least ${MIN_WINDOW_DAYS} whole days (London midnight to midnight)`,
    );
  }
  return { from, to };
}

/** Each standard's clocks counted as met, breached or due, with met ÷ decided; every standard listed. */
export function standardFigures(clocks: ServiceClock[]): StandardFigure[] {
  const tally = new Map(
    Object.values(ServiceStandard).map((standard) => [standard, { standard, met: 0, breached: 0, due: 0 }]),
  );
  for (const clock of clocks) {
    const counts = tally.get(clock.standard)!;
    if (clock.state === ClockState.MET) counts.met++;
    else if (clock.state === ClockState.BREACHED) counts.breached++;
    else counts.due++;
  }
  return [...tally.values()].map((t) => ({ ...t, metPercent: percentOf(t.met, t.met + t.breached) }));
}

/** The length of one point of a series of figures. */
export enum FigureInterval {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}

/** A series of at most this many points: three years of months, nine of quarters. */
export const MAX_SERIES_POINTS = 36;

/**
 * A series as the one statement builds it: `count` points of `stepMonths` months each, the first starting at
 * midnight London time on `first` (YYYY-MM-01). Points are whole calendar months (quarters January–March,
 * April–June…) in London, so a series read in BST and one read in GMT count the same cases.
 */
export interface SeriesPlan {
  first: string;
  stepMonths: 1 | 3;
  count: number;
}

/** One point of a series: its label, its instants, and the same months a year earlier. */
export interface SeriesPoint {
  label: string;
  from: Date;
  to: Date;
  yearEarlierFrom: Date;
  yearEarlierTo: Date;
}

const londonMonthIndex = (at: Date) => {
  const [year, month] = londonDate(at).split('-').map(Number);
  return year * 12 + month - 1;
};
const monthStart = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
/** Midnight in London at the start of the day YYYY-MM-DD; noon UTC is always that London day. */
const londonMidnight = (day: string) => londonDayStart(new Date(`${day}T12:00:00Z`));

/**
 * The months or quarters a period touches: from the one holding `from` to the one holding the last moment
 * before `to`, whole, however the period's ends fall inside them. More than MAX_SERIES_POINTS is refused,
 * naming `to`, before any SQL runs.
 */
export function seriesPlan(period: { from: Date; to: Date }, interval: FigureInterval): SeriesPlan {
  checkPeriod(period);
  const step = interval === FigureInterval.QUARTER ? 3 : 1;
  const first = londonMonthIndex(period.from);
  const last = londonMonthIndex(new Date(period.to.getTime() - 1));
  const firstAligned = first - (first % step);
  const count = (last - (last % step) - firstAligned) / step + 1;
  if (count > MAX_SERIES_POINTS) {
    throw new BadInputError(
      'to',
      `A series has at most ${MAX_SERIES_POINTS} ${interval === FigureInterval.QUARTER ? 'quarters' : 'months'}: shorten the period`,
    );
  }
  return { first: monthStart(firstAligned), stepMonths: step, count };
}

/** The points of a plan with their labels ("2026-03", "2026 Q1") and instants, as the statement computes them. */
export function seriesPoints(plan: SeriesPlan): SeriesPoint[] {
  const [year, month] = plan.first.split('-').map(Number);
  const base = year * 12 + month - 1;
  return Array.from({ length: plan.count }, (_, k) => {
    const start = base + k * plan.stepMonths;
    const end = start + plan.stepMonths;
    const label =
      plan.stepMonths === 3
        ? `${Math.floor(start / 12)} Q${Math.floor((start % 12) / 3) + 1}`
        : monthStart(start).slice(0, 7);
    return {
      label,
      from: londonMidnight(monthStart(start)),
      to: londonMidnight(monthStart(end)),
      yearEarlierFrom: londonMidnight(monthStart(start - 12)),
      yearEarlierTo: londonMidnight(monthStart(end - 12)),
    };
  });
}
