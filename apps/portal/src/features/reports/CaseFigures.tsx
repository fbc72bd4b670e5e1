import type { ReactNode } from 'react';
import type { CaseStatisticsQuery } from '../../gql/graphql';
import { humanise } from '../../format';
import { Link } from '../../router';
import { Table } from '../../ui/govuk';
import { STANDARD_NAMES } from '../service-standards/ServiceClocks';
import { consentText, lawfulBasisText } from '../shares/sharing-basis';
import { BarChart, type Bar } from './BarChart';
import { DownloadCsvButton } from './DownloadCsvButton';
import { Headlines, percent } from './Headlines';
import { csvFileName, type CsvCell } from './csv';
import type { Period } from './period';

type CaseStatistics = CaseStatisticsQuery['caseStatistics'];

/** A row of a breakdown: its cells as the table shows them, and as the CSV keeps them (numbers as numbers). */
interface Row {
  key: string;
  cells: ReactNode[];
  csv: CsvCell[];
}

/**
 * One breakdown under its heading: a chart, the same figures as a table, then the table as a CSV; or a plain
 * sentence when there is nothing to show.
 */
function Breakdown({
  id,
  title,
  note,
  empty,
  bars,
  max,
  chartLabel = title,
  head,
  rows,
  numeric,
  fileName,
}: {
  id: string;
  title: string;
  note?: string;
  /** Said instead, when there are no rows */
  empty: string;
  bars: Bar[];
  max?: number;
  chartLabel?: string;
  head: string[];
  rows: Row[];
  /** Columns (by index) of figures */
  numeric: number[];
  fileName: string;
}) {
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-m" id={id}>
        {title}
      </h3>
      {note && <p className="govuk-body">{note}</p>}
      {rows.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <div className="app-report-breakdown">
          <BarChart label={chartLabel} bars={bars} max={max} />
          <Table
            caption={title}
            hiddenCaption
            head={head}
            rows={rows}
            rowKey={(r) => r.key}
            cells={(r) => r.cells}
            numeric={numeric}
          />
          <DownloadCsvButton what={title.toLowerCase()} fileName={fileName} head={head} rows={rows.map((r) => r.csv)} />
        </div>
      )}
    </section>
  );
}

/** A breakdown of two columns, a name and its count, where the chart and the table say the same. */
const counted = (items: { label: string; value: number }[]): { bars: Bar[]; rows: Row[] } => ({
  bars: items,
  rows: items.map((b) => ({ key: b.label, cells: [b.label, b.value], csv: [b.label, b.value] })),
});

/** The same, for a list that names every value (0s too): all of it when any counts, else nothing to show. */
const countedIfAny = (items: { label: string; value: number }[]) =>
  counted(items.some((i) => i.value > 0) ? items : []);

/** Per 1,000 homes, one decimal place as the API gives it. */
const perThousand = (value: number | null | undefined) =>
  value === null || value === undefined
    ? 'Not set'
    : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The case figures a manager takes to a board: headline numbers, then breakdowns, each a chart, a table and a CSV. */
export function CaseFigures({
  figures,
  period,
  ward,
  category,
}: {
  figures: CaseStatistics;
  period: Period;
  ward: string;
  category: string;
}) {
  const filters = [category ? humanise(category) : '', ward];
  const file = (name: string) => csvFileName(name, period, ...filters);
  const homesNotSet = (
    <>
      <Link href="/reports/service-standards" className="govuk-link">
        Set your homes in Our service standards
      </Link>{' '}
      to see this
    </>
  );
  return (
    <>
      <Headlines
        figures={[
          { label: 'Cases opened', value: figures.opened },
          { label: 'Closed: resolved', value: figures.closedResolved },
          { label: 'Closed: unresolved', value: figures.closedUnresolved },
          { label: 'Live caseload', value: figures.live, detail: 'Open at the end of the period' },
          { label: 'Incidents logged', value: figures.incidents },
          {
            label: 'Cases per 1,000 homes',
            value: perThousand(figures.casesPerThousandHomes),
            detail:
              figures.casesPerThousandHomes === null || figures.casesPerThousandHomes === undefined
                ? homesNotSet
                : 'Opened by your agency (TSM NM01)',
          },
          {
            label: 'Hate cases per 1,000 homes',
            value: perThousand(figures.hateCasesPerThousandHomes),
            detail:
              figures.hateCasesPerThousandHomes === null || figures.hateCasesPerThousandHomes === undefined
                ? homesNotSet
                : 'Opened by your agency (TSM NM01)',
          },
          {
            label: 'Interventions added',
            value: figures.legalInterventions + figures.nonLegalInterventions,
            detail: `${figures.legalInterventions} legal, ${figures.nonLegalInterventions} informal`,
          },
        ]}
      />
      <Breakdown
        id="by-category-heading"
        title="Cases opened by category"
        empty="No cases were opened in this period."
        head={['Category', 'Cases opened']}
        numeric={[1]}
        fileName={file('cases-by-category')}
        {...counted(figures.byCategory.map((c) => ({ label: humanise(c.category), value: c.count })))}
      />
      <Breakdown
        id="by-ward-heading"
        title="Cases opened by ward"
        empty="No cases were opened in this period."
        head={['Ward', 'Cases opened']}
        numeric={[1]}
        fileName={file('cases-by-ward')}
        {...counted(figures.byWard.map((w) => ({ label: w.ward, value: w.count })))}
      />
      <Breakdown
        id="interventions-heading"
        title="Interventions added"
        note={`${figures.legalInterventions} legal ${figures.legalInterventions === 1 ? 'remedy' : 'remedies'} (injunctions, notices, orders) and ${figures.nonLegalInterventions} informal ${figures.nonLegalInterventions === 1 ? 'action' : 'actions'}.`}
        empty="No interventions were added in this period."
        bars={figures.interventions.map((i) => ({
          label: `${humanise(i.kind)}${i.legal ? ' (legal)' : ''}`,
          value: i.count,
        }))}
        head={['Intervention', 'Legal or informal', 'Added']}
        rows={figures.interventions.map((i) => {
          const cells = [humanise(i.kind), i.legal ? 'Legal' : 'Informal', i.count];
          return { key: i.kind, cells, csv: cells };
        })}
        numeric={[2]}
        fileName={file('interventions')}
      />
      <Breakdown
        id="standards-heading"
        title="Service standards"
        note="On the cases opened in this period, each by its owner agency's standards. Met on time is the share met of those decided (met or breached)."
        empty="No cases were opened in this period."
        chartLabel="Service standards met on time"
        max={100}
        bars={figures.serviceStandards.map((s) => ({
          label: STANDARD_NAMES[s.standard],
          value: s.metPercent ?? 0,
          text: percent(s.metPercent),
        }))}
        head={['Standard', 'Met', 'Breached', 'Still due', 'Met on time']}
        rows={figures.serviceStandards.map((s) => ({
          key: s.standard,
          cells: [STANDARD_NAMES[s.standard], s.met, s.breached, s.due, percent(s.metPercent)],
          csv: [STANDARD_NAMES[s.standard], s.met, s.breached, s.due, s.metPercent],
        }))}
        numeric={[1, 2, 3, 4]}
        fileName={file('service-standards')}
      />
      <Breakdown
        id="incidents-by-ward-heading"
        title="Incidents by ward"
        note="Hotspots: incidents that happened in this period, by the ward they happened in."
        empty="No incidents happened in this period."
        head={['Ward', 'Incidents']}
        numeric={[1]}
        fileName={file('incidents-by-ward')}
        {...counted(figures.incidentsByWard.map((w) => ({ label: w.ward, value: w.count })))}
      />
      <Breakdown
        id="incidents-by-place-heading"
        title="Incidents by place"
        note="The 20 busiest places. Domestic-abuse incidents are left out, as a place could point to a victim."
        empty="No incidents with a place happened in this period."
        bars={figures.incidentsByLocation.map((p) => ({ label: `${p.location}, ${p.ward}`, value: p.count }))}
        head={['Place', 'Ward', 'Incidents']}
        rows={figures.incidentsByLocation.map((p) => {
          const cells = [p.location, p.ward, p.count];
          return { key: `${p.location}\u0000${p.ward}`, cells, csv: cells };
        })}
        numeric={[2]}
        fileName={file('incidents-by-place')}
      />
      <Breakdown
        id="shares-by-basis-heading"
        title="Shares by lawful basis"
        note="Shares your agency made in this period, re-shares included. Shares made before the lawful basis was asked are counted as other."
        empty="Your agency made no shares in this period."
        head={['Lawful basis', 'Shares made']}
        numeric={[1]}
        fileName={file('shares-by-lawful-basis')}
        {...countedIfAny(
          figures.sharesByLawfulBasis.map((b) => ({ label: lawfulBasisText(b.lawfulBasis, null), value: b.count })),
        )}
      />
      <Breakdown
        id="shares-by-consent-heading"
        title="Shares by the victim's consent"
        note="The same shares, by whether the victim consented."
        empty="Your agency made no shares in this period."
        head={["Victim's consent", 'Shares made']}
        numeric={[1]}
        fileName={file('shares-by-consent')}
        {...countedIfAny(
          figures.sharesByConsent.map((c) => ({ label: consentText({ state: c.consent }), value: c.count })),
        )}
      />
    </>
  );
}
