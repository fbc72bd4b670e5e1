import type { MaracStatisticsQuery } from '../../gql/graphql';
import { Table } from '../../ui/govuk';
import { DownloadCsvButton } from './DownloadCsvButton';
import { Headlines, percent } from './Headlines';
import { csvFileName } from './csv';
import type { Period } from './period';

type MaracStatistics = MaracStatisticsQuery['maracStatistics'];

interface Measure {
  measure: string;
  number: number;
  /** Undefined where a percentage means nothing; null where there was nothing to divide */
  percent?: number | null;
}

/** MARAC figures: a few big numbers for the board, and the same measures as a table and a CSV for the record. */
export function MaracFigures({ figures, period }: { figures: MaracStatistics; period: Period }) {
  const measures: Measure[] = [
    { measure: 'MARAC meetings held', number: figures.meetings },
    { measure: 'Cases heard', number: figures.casesHeard },
    { measure: 'Repeat cases (of cases heard)', number: figures.repeatCases, percent: figures.repeatPercent },
    {
      measure: 'Referred by partners other than the police (of cases heard)',
      number: figures.referredByPartners,
      percent: figures.referredByPartnersPercent,
    },
    { measure: 'Actions due by now', number: figures.actionsDue },
    {
      measure: 'Actions done on time (of actions due by now)',
      number: figures.actionsCompletedOnTime,
      percent: figures.actionsCompletedOnTimePercent,
    },
  ];
  const head = ['Measure', 'Number', 'Per cent'];
  return (
    <>
      <Headlines
        figures={[
          { label: 'Meetings held', value: figures.meetings },
          { label: 'Cases heard', value: figures.casesHeard },
          {
            label: 'Repeat cases',
            value: percent(figures.repeatPercent),
            detail: `${figures.repeatCases} of ${figures.casesHeard} cases heard`,
          },
          {
            label: 'Referred by partners other than the police',
            value: percent(figures.referredByPartnersPercent),
            detail: `${figures.referredByPartners} of ${figures.casesHeard} cases heard`,
          },
          {
            label: 'Actions done on time',
            value: percent(figures.actionsCompletedOnTimePercent),
            detail: `${figures.actionsCompletedOnTime} of ${figures.actionsDue} actions due by now`,
          },
        ]}
      />
      <div className="app-report-breakdown">
        <Table
          caption="MARAC measures"
          captionClass="govuk-table__caption--s"
          head={head}
          rows={measures}
          rowKey={(m) => m.measure}
          numeric={[1, 2]}
          cells={(m) => [m.measure, m.number, m.percent === undefined ? '' : percent(m.percent)]}
        />
        <DownloadCsvButton
          what="MARAC measures"
          fileName={csvFileName('marac', period)}
          head={head}
          rows={measures.map((m) => [m.measure, m.number, m.percent])}
        />
      </div>
    </>
  );
}
