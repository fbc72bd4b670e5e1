import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Select, Table } from '../../ui/govuk';
import { CaseReviewFiguresQuery } from './queries';

const ROWS = [
  { key: 'applications', name: 'Applications received', counts: 'Applications received in the year' },
  { key: 'thresholdsMet', name: 'Threshold met', counts: 'Of those, where the threshold was decided met' },
  { key: 'thresholdsNotMet', name: 'Threshold not met', counts: 'Of those, where the threshold was decided not met' },
  { key: 'reviewsHeld', name: 'Reviews held', counts: 'Of those, reviews whose Case Review meeting has started' },
  {
    key: 'recommendations',
    name: 'Recommendations made',
    counts: 'Recommendations of those reviews, each an action given to an agency',
  },
  { key: 'appealsReceived', name: 'Appeals received', counts: 'Appeals against those reviews' },
  { key: 'appealsUpheld', name: 'Appeals upheld', counts: 'Of those appeals, the ones upheld' },
] as const;

/** The yearly ASB Case Review figures a council publishes, over its own applications, each saying what it counts. */
export function CaseReviewFigures() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const { data } = useQuery(CaseReviewFiguresQuery, { variables: { year: Number(year) } });
  const figures = data?.caseReviewFigures;
  return (
    <section aria-labelledby="case-review-figures-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="case-review-figures-heading">
        ASB Case Reviews
      </h2>
      <p className="govuk-body">
        The figures your agency publishes each year: applications it logged as single point of contact, and those on its
        own cases.
      </p>
      <Select
        id="case-review-year"
        label="Year"
        value={year}
        onChange={setYear}
        options={[0, 1, 2, 3].map((n) => ({ value: String(thisYear - n), text: String(thisYear - n) }))}
      />
      {figures && (
        <Table
          caption={`ASB Case Reviews in ${figures.year}`}
          captionClass="govuk-table__caption--m"
          head={['Figure', 'Count', 'What it counts']}
          numeric={[1]}
          rows={[...ROWS]}
          rowKey={(row) => row.key}
          cells={(row) => [row.name, String(figures[row.key]), row.counts]}
        />
      )}
    </section>
  );
}
