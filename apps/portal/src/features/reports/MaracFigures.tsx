import type { MaracStatisticsQuery } from '../../gql/graphql';
import { humanise } from '../../format';
import { Table } from '../../ui/govuk';
import { BarChart } from './BarChart';
import { DownloadCsvButton } from './DownloadCsvButton';
import { Headlines, percent } from './Headlines';
import { csvFileName } from './csv';
import type { Period } from './period';

type MaracStatistics = MaracStatisticsQuery['maracStatistics'];

interface Measure {
  measure: string;
  /** Null where the portal cannot give the figure (the description says why) */
  number: number | string | null;
  /** Undefined where a percentage means nothing; null where there was nothing to divide */
  percent?: number | null;
  /** Exactly what is counted (the dataset's items) */
  counts?: string;
}

const rate = (value: number | null | undefined) =>
  value === null || value === undefined
    ? null
    : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * MARAC figures: a few big numbers for the board, then SafeLives' quarterly dataset as far as the portal's records
 * answer it, each measure saying what it counts, as a table and a CSV for the record.
 */
export function MaracFigures({ figures, period }: { figures: MaracStatistics; period: Period }) {
  const measures: Measure[] = [
    { measure: 'MARAC meetings held', number: figures.meetings },
    { measure: 'Cases heard', number: figures.casesHeard },
    {
      measure: 'Repeat cases (of cases heard)',
      number: figures.repeatCases,
      percent: figures.repeatPercent,
    },
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
  const dataset: Measure[] = [
    {
      measure: 'Cases discussed',
      number: figures.casesHeard,
      counts:
        'Cases on the agendas of the MARACs your agency attended that started in the period, withdrawn ones left out. A case heard at two meetings counts twice.',
    },
    {
      measure: 'Cases per 10,000 adult women',
      number: rate(figures.casesPer10kAdultWomen) ?? 'Not set',
      counts:
        figures.adultFemalePopulation === null || figures.adultFemalePopulation === undefined
          ? 'Not shown: the area\u2019s adult female population is not set (MARAC_ADULT_FEMALE_POPULATION); ask your administrator.'
          : `Cases discussed ÷ ${figures.adultFemalePopulation.toLocaleString('en-GB')} women aged 16 and over × 10,000, over this period (not annualised).`,
    },
    {
      measure: 'Repeat cases',
      number: figures.repeatCases,
      percent: figures.repeatPercent,
      counts:
        'Referred as a repeat referral, or heard at a MARAC in the 12 months before; per cent of cases discussed.',
    },
    {
      measure: 'Referrals from partner agencies',
      number: figures.referredByPartners,
      percent: figures.referredByPartnersPercent,
      counts: 'The referring agency is not a police force; per cent of cases discussed. By agency kind below.',
    },
    {
      measure: 'IDVA engagement',
      number: figures.supportEngaged,
      percent: figures.supportEngagedPercent,
      counts:
        'As the portal can see it: a support agency (the IDVA service) owns the case, is or was shared it, or holds an action on it, by now; per cent of cases discussed.',
    },
    {
      measure: '16–17 year old victims',
      number: figures.victimsAged16To17,
      counts: `The victim was 16 or 17 on the day of referral, by the date of birth recorded: ${figures.victimsWithDateOfBirth} of ${figures.casesHeard} cases discussed record one.`,
    },
    ...figures.notRecorded.map((gap) => ({ measure: gap.item, number: null, counts: `${gap.reason}.` })),
  ];
  const head = ['Measure', 'Number', 'Per cent'];
  const datasetHead = ['SafeLives item', 'Number', 'Per cent', 'What it counts'];
  const byKind = figures.referralsByAgencyKind.map((k) => ({ label: humanise(k.kind), value: k.count }));
  return (
    <>
      <Headlines
        figures={[
          { label: 'Meetings held', value: figures.meetings },
          { label: 'Cases heard', value: figures.casesHeard },
          {
            label: 'Per 10,000 adult women',
            value: rate(figures.casesPer10kAdultWomen) ?? 'Not set',
            detail:
              figures.casesPer10kAdultWomen === null || figures.casesPer10kAdultWomen === undefined
                ? 'The adult female population is not configured'
                : 'Cases heard in this period',
          },
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
      <section aria-labelledby="marac-dataset-heading" className="govuk-!-margin-top-6">
        <h3 className="govuk-heading-m" id="marac-dataset-heading">
          SafeLives quarterly dataset
        </h3>
        <p className="govuk-body">
          SafeLives&rsquo; quarterly MARAC data items, as far as the portal&rsquo;s records answer them; each says
          exactly what it counts. Items the portal does not record are listed as such rather than guessed.
        </p>
        <div className="app-report-breakdown">
          <Table
            caption="SafeLives MARAC dataset"
            hiddenCaption
            head={datasetHead}
            rows={dataset}
            rowKey={(m) => m.measure}
            numeric={[1, 2]}
            cells={(m) => [
              m.measure,
              m.number ?? 'Not recorded',
              m.percent === undefined ? '' : percent(m.percent),
              <span className="govuk-body-s" key="counts">
                {m.counts}
              </span>,
            ]}
          />
          <DownloadCsvButton
            what="the SafeLives MARAC dataset"
            fileName={csvFileName('marac-safelives-dataset', period)}
            head={datasetHead}
            rows={dataset.map((m) => [m.measure, m.number ?? 'Not recorded', m.percent, m.counts])}
          />
        </div>
      </section>
      <section aria-labelledby="marac-by-agency-heading" className="govuk-!-margin-top-6">
        <h3 className="govuk-heading-m" id="marac-by-agency-heading">
          Cases heard by referring agency
        </h3>
        <p className="govuk-body">
          SafeLives &ldquo;referrals by agency&rdquo;: the kind of agency that referred each case heard.
        </p>
        {figures.casesHeard === 0 ? (
          <p className="govuk-body">No cases were heard in this period.</p>
        ) : (
          <div className="app-report-breakdown">
            <BarChart label="Cases heard by referring agency" bars={byKind} />
            <Table
              caption="Cases heard by referring agency"
              hiddenCaption
              head={['Referring agency', 'Cases heard']}
              rows={byKind}
              rowKey={(k) => k.label}
              numeric={[1]}
              cells={(k) => [k.label, k.value]}
            />
            <DownloadCsvButton
              what="cases heard by referring agency"
              fileName={csvFileName('marac-by-referring-agency', period)}
              head={['Referring agency', 'Cases heard']}
              rows={byKind.map((k) => [k.label, k.value])}
            />
          </div>
        )}
      </section>
    </>
  );
}
