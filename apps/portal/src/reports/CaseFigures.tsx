import type { ReactNode } from 'react';
import type { CaseStatisticsQuery } from '../gql/graphql';
import { humanise } from '../format';
import { Link } from '../router';
import { Table } from '../components/govuk';
import { STANDARD_NAMES } from '../case/ServiceClocks';
import { BarChart, type Bar } from './BarChart';
import { DownloadCsvButton } from './DownloadCsvButton';
import { Headlines, percent } from './Headlines';
import { csvFileName } from './csv';
import type { Period } from './period';

type CaseStatistics = CaseStatisticsQuery['caseStatistics'];

/** A section of figures: its heading, a note on what it counts, then what was found or `empty`. */
function Figures({ id, title, note, empty, children }: { id: string; title: string; note?: string; empty?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-m" id={id}>{title}</h3>
      {note && <p className="govuk-body">{note}</p>}
      {empty ? <p className="govuk-body">{empty}</p> : <div className="app-report-breakdown">{children}</div>}
    </section>
  );
}

/** One breakdown: its chart, then the same figures as a table, then the table as a CSV. */
function Breakdown({ id, title, column, counted, bars, fileName, note, empty }: {
  id: string;
  title: string;
  column: string;
  /** The heading of the numbers' column */
  counted: string;
  bars: Bar[];
  fileName: string;
  note?: string;
  empty: string;
}) {
  const head = [column, counted];
  return (
    <Figures id={id} title={title} note={note} empty={bars.length === 0 ? empty : undefined}>
      <BarChart label={title} bars={bars} />
      <Table caption={title} hiddenCaption head={head} rows={bars} rowKey={(b) => b.label} cells={(b) => [b.label, b.value]} numeric={[1]} />
      <DownloadCsvButton what={title.toLowerCase()} fileName={fileName} head={head} rows={bars.map((b) => [b.label, b.value])} />
    </Figures>
  );
}

/** Per 1,000 homes, one decimal place as the API gives it. */
const perThousand = (value: number | null | undefined) => (value === null || value === undefined ? 'Not set' : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/** The case figures a manager takes to a board: headline numbers, then breakdowns, each a chart, a table and a CSV. */
export function CaseFigures({ figures, period, ward, category }: { figures: CaseStatistics; period: Period; ward: string; category: string }) {
  const filters = [category ? humanise(category) : '', ward];
  const file = (name: string) => csvFileName(name, period, ...filters);
  const homesNotSet = (
    <>
      <Link href="/reports/service-standards" className="govuk-link">Set your homes in Our service standards</Link> to see this
    </>
  );
  const interventionName = (i: { kind: string; legal: boolean }) => `${humanise(i.kind)}${i.legal ? ' (legal)' : ''}`;
  const standardsHead = ['Standard', 'Met', 'Breached', 'Still due', 'Met on time'];
  const placesHead = ['Place', 'Ward', 'Incidents'];
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
            detail: figures.casesPerThousandHomes === null || figures.casesPerThousandHomes === undefined ? homesNotSet : 'Opened by your agency (TSM NM01)',
          },
          {
            label: 'Hate cases per 1,000 homes',
            value: perThousand(figures.hateCasesPerThousandHomes),
            detail: figures.hateCasesPerThousandHomes === null || figures.hateCasesPerThousandHomes === undefined ? homesNotSet : 'Opened by your agency (TSM NM01)',
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
        column="Category"
        counted="Cases opened"
        bars={figures.byCategory.map((c) => ({ label: humanise(c.category), value: c.count }))}
        fileName={file('cases-by-category')}
        empty="No cases were opened in this period."
      />
      <Breakdown
        id="by-ward-heading"
        title="Cases opened by ward"
        column="Ward"
        counted="Cases opened"
        bars={figures.byWard.map((w) => ({ label: w.ward, value: w.count }))}
        fileName={file('cases-by-ward')}
        empty="No cases were opened in this period."
      />

      <Figures
        id="interventions-heading"
        title="Interventions added"
        note={`${figures.legalInterventions} legal ${figures.legalInterventions === 1 ? 'remedy' : 'remedies'} (injunctions, notices, orders) and ${figures.nonLegalInterventions} informal ${figures.nonLegalInterventions === 1 ? 'action' : 'actions'}.`}
        empty={figures.interventions.length === 0 ? 'No interventions were added in this period.' : undefined}
      >
        <BarChart label="Interventions added" bars={figures.interventions.map((i) => ({ label: interventionName(i), value: i.count }))} />
        <Table
          caption="Interventions added"
          hiddenCaption
          head={['Intervention', 'Legal or informal', 'Added']}
          rows={figures.interventions}
          rowKey={(i) => i.kind}
          cells={(i) => [humanise(i.kind), i.legal ? 'Legal' : 'Informal', i.count]}
          numeric={[2]}
        />
        <DownloadCsvButton
          what="interventions added"
          fileName={file('interventions')}
          head={['Intervention', 'Legal or informal', 'Added']}
          rows={figures.interventions.map((i) => [humanise(i.kind), i.legal ? 'Legal' : 'Informal', i.count])}
        />
      </Figures>

      <Figures
        id="standards-heading"
        title="Service standards"
        note="On the cases opened in this period, each by its owner agency's standards. Met on time is the share met of those decided (met or breached)."
        empty={figures.serviceStandards.length === 0 ? 'No cases were opened in this period.' : undefined}
      >
        <BarChart
          label="Service standards met on time"
          max={100}
          bars={figures.serviceStandards.map((s) => ({ label: STANDARD_NAMES[s.standard], value: s.metPercent ?? 0, text: percent(s.metPercent) }))}
        />
        <Table
          caption="Service standards"
          hiddenCaption
          head={standardsHead}
          rows={figures.serviceStandards}
          rowKey={(s) => s.standard}
          cells={(s) => [STANDARD_NAMES[s.standard], s.met, s.breached, s.due, percent(s.metPercent)]}
          numeric={[1, 2, 3, 4]}
        />
        <DownloadCsvButton what="service standards" fileName={file('service-standards')} head={standardsHead} rows={figures.serviceStandards.map((s) => [STANDARD_NAMES[s.standard], s.met, s.breached, s.due, s.metPercent])} />
      </Figures>

      <Breakdown
        id="incidents-by-ward-heading"
        title="Incidents by ward"
        column="Ward"
        counted="Incidents"
        note="Hotspots: incidents that happened in this period, by the ward they happened in."
        bars={figures.incidentsByWard.map((w) => ({ label: w.ward, value: w.count }))}
        fileName={file('incidents-by-ward')}
        empty="No incidents happened in this period."
      />
      <Figures
        id="incidents-by-place-heading"
        title="Incidents by place"
        note="The 20 busiest places. Domestic-abuse incidents are left out, as a place could point to a victim."
        empty={figures.incidentsByLocation.length === 0 ? 'No incidents with a place happened in this period.' : undefined}
      >
        <BarChart label="Incidents by place" bars={figures.incidentsByLocation.map((p) => ({ label: `${p.location}, ${p.ward}`, value: p.count }))} />
        <Table
          caption="Incidents by place"
          hiddenCaption
          head={placesHead}
          rows={figures.incidentsByLocation}
          rowKey={(p) => `${p.location}\u0000${p.ward}`}
          cells={(p) => [p.location, p.ward, p.count]}
          numeric={[2]}
        />
        <DownloadCsvButton what="incidents by place" fileName={file('incidents-by-place')} head={placesHead} rows={figures.incidentsByLocation.map((p) => [p.location, p.ward, p.count])} />
      </Figures>
    </>
  );
}
