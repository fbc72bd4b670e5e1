/** One point of a trend: its label, and the figure for it and for the same months a year earlier (null: withheld). */
export interface TrendPoint {
  label: string;
  current: number | null;
  yearEarlier: number | null;
}

/** "2026-03" → "Mar 26", "2026 Q1" → "Q1 26": short enough for a column's width. */
function short(label: string): string {
  const quarter = /^\d{2}(\d{2}) (Q[1-4])$/.exec(label);
  if (quarter) return `${quarter[2]} ${quarter[1]}`;
  const [y, m] = label.split('-').map(Number);
  return `${new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${String(y).slice(2)}`;
}

const GROUP = 48;
const BAR = 18;
const HEIGHT = 160;
const AXIS = 28;
const TOP = 8;

/**
 * Grouped columns, this period beside the same months a year earlier, drawn as SVG (no chart library, no inline
 * style for the CSP to refuse). The chart is one image to assistive technology, named by `label`; the table
 * beside it carries the figures. A withheld figure draws no column, only its mark, so a small number is never
 * drawn to scale.
 */
export function TrendChart({ label, points, withheld }: { label: string; points: TrendPoint[]; withheld: string }) {
  const max = Math.max(1, ...points.flatMap((p) => [p.current ?? 0, p.yearEarlier ?? 0]));
  const width = points.length * GROUP;
  const column = (value: number | null, x: number, kind: 'current' | 'earlier', key: string) => {
    if (value === null) {
      return (
        <text key={key} x={x + BAR / 2} y={HEIGHT - 4} className="app-trend-chart__withheld" textAnchor="middle">
          {withheld}
        </text>
      );
    }
    const h = (value / max) * (HEIGHT - TOP);
    return <rect key={key} className={`app-trend-chart__${kind}`} x={x} y={HEIGHT - h} width={BAR} height={h} />;
  };
  return (
    <figure className="app-trend-chart">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
        role="img"
        aria-label={`${label}: column chart, each period beside the same months a year earlier. The figures are in the table that follows.`}
        focusable="false"
      >
        <line className="app-trend-chart__axis" x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} />
        {points.map((p, i) => {
          const x = i * GROUP + (GROUP - 2 * BAR) / 2;
          return (
            <g key={p.label} aria-hidden="true">
              {column(p.yearEarlier, x, 'earlier', 'earlier')}
              {column(p.current, x + BAR, 'current', 'current')}
              <text x={i * GROUP + GROUP / 2} y={HEIGHT + 18} className="app-trend-chart__label" textAnchor="middle">
                {short(p.label)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="app-trend-chart__key govuk-body-s" aria-hidden="true">
        <svg width="14" height="14" focusable="false">
          <rect className="app-trend-chart__current" width="14" height="14" />
        </svg>{' '}
        This period{' '}
        <svg width="14" height="14" focusable="false">
          <rect className="app-trend-chart__earlier" width="14" height="14" />
        </svg>{' '}
        A year earlier
      </figcaption>
    </figure>
  );
}
