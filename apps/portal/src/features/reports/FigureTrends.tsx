import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import type {
  CaseCategory,
  CaseStatisticsSeriesQuery as SeriesData,
  FigureInterval,
  FigureScope,
} from '../../gql/graphql';
import { humanise } from '../../format';
import { Radios, Select, Table } from '../../ui/govuk';
import { DownloadCsvButton } from './DownloadCsvButton';
import { TrendChart, type TrendPoint } from './TrendChart';
import { csvFileName } from './csv';
import { trendPeriod, type Period } from './period';
import { CaseStatisticsSeriesQuery } from './queries';

type Figures = SeriesData['caseStatisticsSeries']['points'][number]['current'];
type Measure = 'opened' | 'closedResolved' | 'closedUnresolved' | 'live' | 'incidents';

const MEASURES: { value: Measure; text: string }[] = [
  { value: 'opened', text: 'Cases opened' },
  { value: 'closedResolved', text: 'Cases closed: resolved' },
  { value: 'closedUnresolved', text: 'Cases closed: unresolved' },
  { value: 'live', text: 'Live caseload at the end' },
  { value: 'incidents', text: 'Incidents logged' },
];

/** "2026-03" → "March 2026"; "2026 Q1" → "January to March 2026". */
function periodName(label: string): string {
  const quarter = /^(\d{4}) Q([1-4])$/.exec(label);
  const month = (m: number) =>
    new Date(Date.UTC(2000, m, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3;
    return `${month(first)} to ${month(first + 2)} ${quarter[1]}`;
  }
  const [y, m] = label.split('-').map(Number);
  return `${month(m - 1)} ${y}`;
}

/** The change on a year earlier, when both figures are known; a withheld one leaves nothing to compare. */
function change(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const diff = now - before;
  return diff === 0 ? 'No change' : `${diff > 0 ? '+' : ''}${diff}`;
}

/**
 * Boards' trends: month by month or quarter by quarter up to the end of the chosen period, each beside the same
 * months a year earlier, over the agency's cases or (suppressed as partnershipStatistics is) the partnership's.
 */
export function FigureTrends({ filter }: { filter: Period & { ward: string; category: string } }) {
  const [interval, setInterval] = useState<FigureInterval>('MONTH');
  const [scope, setScope] = useState<FigureScope>('AGENCY');
  const [measure, setMeasure] = useState<Measure>('opened');
  const ward = filter.ward.trim();
  const series = useQuery(CaseStatisticsSeriesQuery, {
    variables: {
      input: {
        ...trendPeriod(filter, interval),
        interval,
        ward: ward || undefined,
        category: (filter.category || undefined) as CaseCategory | undefined,
      },
      scope,
    },
    fetchPolicy: 'cache-and-network',
  });
  const data = series.data?.caseStatisticsSeries;
  const withheldBelow = data?.suppressedBelow ?? null;
  const withheld = withheldBelow === null ? '' : `<${withheldBelow}`;
  const shown = (value: number | null) => (value === null ? `fewer than ${withheldBelow}` : value);
  const measureName = MEASURES.find((m) => m.value === measure)!.text;
  const points: TrendPoint[] =
    data?.points.map((p) => ({ label: p.label, current: p.current[measure], yearEarlier: p.yearEarlier[measure] })) ??
    [];
  const every = data?.points ?? [];
  const csvHead = ['Period', 'From', 'To', ...MEASURES.flatMap((m) => [m.text, `${m.text} a year earlier`])];
  const csvRows = every.map((p) => [
    p.label,
    String(p.current.from).slice(0, 10),
    String(p.current.to).slice(0, 10),
    ...MEASURES.flatMap((m) => [
      p.current[m.value as keyof Figures] as number | null,
      p.yearEarlier[m.value as keyof Figures] as number | null,
    ]),
  ]);
  const over = scope === 'PARTNERSHIP' ? 'partnership' : 'agency';
  const unit = interval === 'MONTH' ? 'month' : 'quarter';

  return (
    <section aria-labelledby="trends-heading" className="govuk-!-margin-bottom-9">
      <h2 className="govuk-heading-l" id="trends-heading">
        Trends
      </h2>
      <p className="govuk-body">
        {interval === 'MONTH' ? 'The 12 months' : 'The 8 quarters'} up to the end of the period, each beside the same
        months a year earlier. Months and quarters are whole calendar ones, London time; the latest may still be under
        way.
      </p>
      <div className="app-report-filters__row">
        <Radios
          id="trend-interval"
          legend="Show by"
          inline
          value={interval}
          onChange={(v) => setInterval(v as FigureInterval)}
          options={[
            { value: 'MONTH', text: 'Month' },
            { value: 'QUARTER', text: 'Quarter' },
          ]}
        />
        <Radios
          id="trend-scope"
          legend="Cases"
          inline
          value={scope}
          onChange={(v) => setScope(v as FigureScope)}
          options={[
            { value: 'AGENCY', text: 'Ours and shared with us' },
            { value: 'PARTNERSHIP', text: 'The whole partnership' },
          ]}
        />
        <Select
          id="trend-measure"
          label="Figure"
          value={measure}
          onChange={(v) => setMeasure(v as Measure)}
          options={MEASURES}
        />
      </div>
      {series.error && !data && (
        <p className="govuk-body" role="alert">
          The trends could not be loaded. Try again.
        </p>
      )}
      {data && (
        <div className="app-report-breakdown" aria-live="polite">
          <h3 className="govuk-heading-m" id="trend-chart-heading">
            {measureName} by {unit}, {over}
          </h3>
          {withheldBelow !== null && (
            <p className="govuk-body">
              Partnership figures are published so that none points at a person: a count under {withheldBelow} (0
              included) is shown as &ldquo;fewer than {withheldBelow}&rdquo; and drawn as {withheld} with no column;
              every other count is rounded to the nearest {data.suppressedBelow}.
            </p>
          )}
          <TrendChart label={`${measureName} by ${unit}, ${over}`} points={points} withheld={withheld} />
          <Table
            caption={`${measureName} by ${unit}, ${over}, beside a year earlier`}
            captionClass="govuk-table__caption--s"
            head={[unit === 'month' ? 'Month' : 'Quarter', 'This period', 'A year earlier', 'Change']}
            rows={points}
            rowKey={(p) => p.label}
            numeric={[1, 2, 3]}
            cells={(p) => [
              periodName(p.label),
              shown(p.current),
              shown(p.yearEarlier),
              change(p.current, p.yearEarlier),
            ]}
          />
          <DownloadCsvButton
            what={`every figure by ${unit}, ${over}`}
            fileName={csvFileName(
              `trends-by-${unit}-${over}`,
              filter,
              filter.category ? humanise(filter.category) : '',
              ward,
            )}
            head={csvHead}
            rows={csvRows}
          />
          {withheldBelow !== null && (
            <p className="govuk-body-s">In the CSV, an empty cell is fewer than {withheldBelow}.</p>
          )}
        </div>
      )}
    </section>
  );
}
