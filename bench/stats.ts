/** Latency statistics and the printed table, kept apart from the benchmark's moving parts. */

export interface Summary {
  iterations: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  /** SQL statements sent per request, averaged over the timed iterations. */
  statementsPerRequest: number;
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function summarize(durationsMs: readonly number[], statements: number): Summary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    iterations: sorted.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    meanMs: round(total / Math.max(1, sorted.length)),
    minMs: round(sorted[0] ?? Number.NaN),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    statementsPerRequest: round(statements / Math.max(1, sorted.length), 2),
  };
}

export interface Comparison {
  name: string;
  /** p95 of the measured scenario over p95 of its baseline: the ratio the aim is about. */
  ratioP95: number;
  ratioP50: number;
  aim: number;
  met: boolean;
}

export function compare(name: string, measured: Summary, baseline: Summary, aim: number): Comparison {
  const ratioP95 = round(measured.p95Ms / baseline.p95Ms);
  return { name, ratioP95, ratioP50: round(measured.p50Ms / baseline.p50Ms), aim, met: ratioP95 <= aim };
}

/** Plain aligned text: readable in a terminal and in a CI log alike. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const numeric = (i: number) =>
    rows.every((row) => row[i] === '' || row[i] === '—' || /^[\d.,×≤ -]+$/.test(row[i] ?? ''));
  const cell = (text: string, i: number) => (i > 0 && numeric(i) ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (row: readonly string[]) =>
    row
      .map((text, i) => cell(text, i))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
