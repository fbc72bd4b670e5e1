import { useQuery } from '@apollo/client/react';
import type { CaseCategory } from '../../gql/graphql';
import { errorCode, errorField } from '../../apollo';
import { humanise } from '../../format';
import { Table } from '../../ui/govuk';
import { BarChart } from './BarChart';
import { DownloadCsvButton } from './DownloadCsvButton';
import { Headlines } from './Headlines';
import { csvFileName } from './csv';
import { toApiPeriod, type Period } from './period';
import { PartnershipStatisticsQuery } from './queries';

/** "<5" as words a reader and a screen reader both follow; a published number as it is. */
const words = (count: string) => (count.startsWith('<') ? `Fewer than ${count.slice(1)}` : count);
/** A bar's length: none for a withheld count, so a small number is never drawn to scale. */
const length = (count: string) => (count.startsWith('<') ? 0 : Number(count));

/** One published breakdown: a chart, the same figures as a table, then a CSV that keeps "<5" as the API gives it. */
function PublishedBreakdown({
  id,
  title,
  name,
  items,
  fileName,
}: {
  id: string;
  title: string;
  name: string;
  items: { label: string; count: string }[];
  fileName: string;
}) {
  const head = [name, 'Cases opened'];
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-m" id={id}>
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="govuk-body">No case names a ward yet.</p>
      ) : (
        <div className="app-report-breakdown">
          <BarChart
            label={title}
            bars={items.map((i) => ({ label: i.label, value: length(i.count), text: i.count }))}
          />
          <Table
            caption={title}
            hiddenCaption
            head={head}
            rows={items}
            rowKey={(i) => i.label}
            numeric={[1]}
            cells={(i) => [i.label, words(i.count)]}
          />
          <DownloadCsvButton
            what={title.toLowerCase()}
            fileName={fileName}
            head={head}
            rows={items.map((i) => [i.label, i.count])}
          />
        </div>
      )}
    </section>
  );
}

/**
 * The partnership's own figures (every agency's cases) for the chosen period, as partnershipStatistics publishes
 * them: each count under 5 withheld, the rest rounded, every category and ward listed.
 */
export function PartnershipFigures({ filter }: { filter: Period & { ward: string; category: string } }) {
  const ward = filter.ward.trim();
  const result = useQuery(PartnershipStatisticsQuery, {
    variables: {
      input: {
        ...toApiPeriod(filter),
        ward: ward || undefined,
        category: (filter.category || undefined) as CaseCategory | undefined,
      },
    },
    fetchPolicy: 'cache-and-network',
  });
  const figures = result.data?.partnershipStatistics;
  const file = (name: string) => csvFileName(name, filter, filter.category ? humanise(filter.category) : '', ward);
  const tooShort = errorCode(result.error) === 'BAD_USER_INPUT' && errorField(result.error) === 'to';

  return (
    <section aria-labelledby="partnership-figures-heading" className="govuk-!-margin-bottom-9">
      <h2 className="govuk-heading-l" id="partnership-figures-heading">
        The partnership
      </h2>
      <p className="govuk-body">
        Every agency&rsquo;s cases, yours or not. So that no figure points at a person, a count under 5 (0 included) is
        shown as &ldquo;fewer than 5&rdquo;, and every other count is rounded to the nearest 5; totals may not add up.
      </p>
      {tooShort && (
        <div className="govuk-inset-text">
          Partnership figures cover at least 28 whole days, so that two periods a day apart cannot be compared to find
          one case. Choose a longer period.
        </div>
      )}
      {result.error && !tooShort && !figures && (
        <p className="govuk-body" role="alert">
          The partnership figures could not be loaded. Try again.
        </p>
      )}
      {figures && (
        <>
          <Headlines
            figures={[
              { label: 'Opened across the partnership', value: words(figures.opened) },
              { label: 'Closed across it: resolved', value: words(figures.closedResolved) },
              { label: 'Closed across it: unresolved', value: words(figures.closedUnresolved) },
              {
                label: 'Live across the partnership',
                value: words(figures.live),
                detail: 'Open at the end of the period',
              },
              { label: 'Incidents logged across it', value: words(figures.incidents) },
            ]}
          />
          <PublishedBreakdown
            id="partnership-by-category-heading"
            title="Opened across the partnership, by category"
            name="Category"
            items={figures.byCategory.map((c) => ({ label: humanise(c.category), count: c.count }))}
            fileName={file('partnership-cases-by-category')}
          />
          <PublishedBreakdown
            id="partnership-by-ward-heading"
            title="Opened across the partnership, by ward"
            name="Ward"
            items={figures.byWard.map((w) => ({ label: w.ward, count: w.count }))}
            fileName={file('partnership-cases-by-ward')}
          />
        </>
      )}
    </section>
  );
}
