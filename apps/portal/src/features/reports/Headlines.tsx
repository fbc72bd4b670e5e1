import type { ReactNode } from 'react';

export interface Headline {
  label: string;
  value: ReactNode;
  /** A line under the number, such as "12 of 40 cases heard" */
  detail?: ReactNode;
}

/** Big numbers for a board, as a description list: each label is read before its number. */
export function Headlines({ figures }: { figures: Headline[] }) {
  return (
    <dl className="app-headlines">
      {figures.map((f) => (
        <div className="app-headline" key={f.label}>
          <dt className="app-headline__label">{f.label}</dt>
          <dd className="app-headline__value">{f.value}</dd>
          {f.detail && <dd className="app-headline__detail">{f.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** A percentage from the API, or a dash where there was nothing to divide. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined
    ? '—'
    : `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
}
