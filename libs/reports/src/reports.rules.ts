import { BadInputError, ClockState, DAY_MS, londonDayStart, percentOf } from '#libs/common';
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
const SMALL = 5;
export const published = (count: number) => (count < SMALL ? `<${SMALL}` : String(Math.round(count / SMALL) * SMALL));
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
