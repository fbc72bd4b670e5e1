export interface Bar {
  label: string;
  value: number;
  /** What the number beside the bar says, when not the value itself (a percentage, a dash) */
  text?: string;
}

/**
 * Horizontal bars drawn as SVG rectangles (no chart library, no inline styles for the CSP to refuse). The chart
 * is one image to assistive technology, named by `label`; the table that follows it carries the figures.
 */
export function BarChart({
  label,
  bars,
  max: scale,
}: {
  label: string;
  bars: Bar[];
  /** The value of a full bar: 100 for percentages; the largest value if omitted */ max?: number;
}) {
  const max = scale ?? Math.max(1, ...bars.map((b) => b.value));
  return (
    <div
      className="app-bar-chart"
      role="img"
      aria-label={`${label}: bar chart. The figures are in the table that follows.`}
    >
      {bars.map((b) => (
        <div className="app-bar-chart__row" key={b.label}>
          <span className="app-bar-chart__label">{b.label}</span>
          <svg className="app-bar-chart__bar" focusable="false" aria-hidden="true">
            <rect width={`${(b.value / max) * 100}%`} height="100%" />
          </svg>
          <span className="app-bar-chart__value">{b.text ?? b.value}</span>
        </div>
      ))}
    </div>
  );
}
