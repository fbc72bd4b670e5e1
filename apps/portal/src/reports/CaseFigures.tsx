import type { CaseStatisticsQuery } from '../gql/graphql';
import { humanise } from '../format';
import { Table } from '../components/govuk';
import { BarChart, type Bar } from './BarChart';
import { DownloadCsvButton } from './DownloadCsvButton';
import { Headlines } from './Headlines';
import { csvFileName } from './csv';
import type { Period } from './period';

type CaseStatistics = CaseStatisticsQuery['caseStatistics'];

/** One breakdown of the cases opened: its chart, then the same figures as a table, then the table as a CSV. */
function Breakdown({ id, title, column, bars, fileName }: { id: string; title: string; column: string; bars: Bar[]; fileName: string }) {
  const head = [column, 'Cases opened'];
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-m" id={id}>{title}</h3>
      {bars.length === 0 ? (
        <p className="govuk-body">No cases were opened in this period.</p>
      ) : (
        <div className="app-report-breakdown">
          <BarChart label={title} bars={bars} />
          <Table caption={title} hiddenCaption head={head} rows={bars} rowKey={(b) => b.label} cells={(b) => [b.label, b.value]} numeric={[1]} />
          <DownloadCsvButton what={title.toLowerCase()} fileName={fileName} head={head} rows={bars.map((b) => [b.label, b.value])} />
        </div>
      )}
    </section>
  );
}

/** The case figures a manager takes to a board: headline numbers, then what was opened by category and by ward. */
export function CaseFigures({ figures, period, ward, category }: { figures: CaseStatistics; period: Period; ward: string; category: string }) {
  const filters = [category ? humanise(category) : '', ward];
  return (
    <>
      <Headlines
        figures={[
          { label: 'Cases opened', value: figures.opened },
          { label: 'Closed: resolved', value: figures.closedResolved },
          { label: 'Closed: unresolved', value: figures.closedUnresolved },
          { label: 'Live caseload', value: figures.live, detail: 'Open at the end of the period' },
          { label: 'Incidents logged', value: figures.incidents },
        ]}
      />
      <Breakdown
        id="by-category-heading"
        title="Cases opened by category"
        column="Category"
        bars={figures.byCategory.map((c) => ({ label: humanise(c.category), value: c.count }))}
        fileName={csvFileName('cases-by-category', period, ...filters)}
      />
      <Breakdown
        id="by-ward-heading"
        title="Cases opened by ward"
        column="Ward"
        bars={figures.byWard.map((w) => ({ label: w.ward, value: w.count }))}
        fileName={csvFileName('cases-by-ward', period, ...filters)}
      />
    </>
  );
}
