import { useQuery } from '@apollo/client/react';
import { Link } from '../../router';
import { formatDate } from '../../format';
import { Table, Withheld } from '../../ui/govuk';
import { CaseReviewsOfCaseQuery } from './queries';
import { overdueOf, stageOf, StepTag } from './steps';

/**
 * The case's ASB Case Review applications as its holders see them: where each stands and what is overdue; who
 * applied only where the reader's agency may read it (the SPOC's agency and the linked cases' owners).
 */
export function CaseReviewsPanel({ caseId }: { caseId: string }) {
  const { data } = useQuery(CaseReviewsOfCaseQuery, { variables: { id: caseId }, fetchPolicy: 'cache-and-network' });
  const reviews = data?.case?.caseReviews ?? [];
  if (!reviews.length) return null;
  return (
    <section aria-labelledby="case-review-applications-heading" className="govuk-!-margin-top-6">
      <h3 className="govuk-heading-m" id="case-review-applications-heading">
        ASB Case Review applications
      </h3>
      <Table
        caption="Applications on this case, newest first"
        hiddenCaption
        head={['Received', 'Applicant', 'Stage', 'Clock']}
        rows={reviews}
        rowKey={(r) => r.id}
        cells={(r) => [
          <Link className="govuk-link" href={`/case-reviews/${r.id}`}>
            {formatDate(r.receivedAt)}
            <span className="govuk-visually-hidden"> application</span>
          </Link>,
          r.redactedFields.includes('applicantName') ? <Withheld /> : (r.applicantName ?? 'Not recorded'),
          stageOf(r),
          overdueOf(r).length ? <StepTag step={overdueOf(r)[0].step} /> : 'On time',
        ]}
      />
    </section>
  );
}
