import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import type { CaseCategory } from '../../gql/graphql';
import { apiFieldErrors, errorCode } from '../../apollo';
import { Link, navigate, usePageTitle, useSearchParams } from '../../router';
import type { SessionUser } from '../../session';
import { humanise } from '../../format';
import { ErrorSummary, type FieldError } from '../../ui/govuk';
import { CaseFigures } from './CaseFigures';
import { FigureTrends } from './FigureTrends';
import { MaracFigures } from './MaracFigures';
import { PartnershipFigures } from './PartnershipFigures';
import { CaseReviewFigures } from '../case-reviews/CaseReviewFigures';
import { FILTER_FIELDS, ReportFilters, filterProblems, type ReportFilter } from './ReportFilters';
import { describePeriod, lastThreeMonths, toApiPeriod } from './period';
import { CaseStatisticsQuery, MaracStatisticsQuery } from './queries';

const KEYS = ['from', 'to', 'ward', 'category'] as const;

/** The filter lives in the URL, so a report can be bookmarked, shared with a colleague and reached with Back. */
function urlFor(f: ReportFilter): string {
  const q = new URLSearchParams();
  for (const k of KEYS) if (f[k].trim()) q.set(k, f[k].trim());
  return `/reports?${q.toString()}`;
}

/** The API's words about its own fields, read with the form's labels and linked to the inputs. */
function apiProblems(error: unknown): FieldError[] {
  if (errorCode(error) === 'FORBIDDEN')
    return [{ text: 'Your account can no longer see these figures. Sign out and sign in again.' }];
  const problems = apiFieldErrors(error, (field) =>
    field === 'from' || field === 'to' ? FILTER_FIELDS[field] : undefined,
  );
  return problems.some((p) => p.href) ? problems : [{ text: 'The figures could not be loaded. Try again.' }];
}

export function ReportsPage({ user }: { user: SessionUser }) {
  usePageTitle('Reports');
  const params = useSearchParams();
  const caseFigures = user.can.readCaseFigures;
  const maracFigures = user.can.readMeetingFigures;
  const defaults = lastThreeMonths();
  const applied: ReportFilter = {
    from: params.get('from') ?? defaults.from,
    to: params.get('to') ?? defaults.to,
    ward: caseFigures ? (params.get('ward') ?? '') : '',
    category: caseFigures ? (params.get('category') ?? '') : '',
  };
  const appliedKey = KEYS.map((k) => applied[k]).join('\u0000');
  const [form, setForm] = useState<ReportFilter>(applied);
  const [formProblems, setFormProblems] = useState<FieldError[]>([]);
  // Back and Forward change the URL under the form; show what is actually applied.
  useEffect(() => setForm(applied), [appliedKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // A hand-edited address can hold a period that is no period: say so instead of asking the API.
  const urlProblems = filterProblems(applied);
  const period = urlProblems.length ? null : toApiPeriod(applied);
  const cases = useQuery(CaseStatisticsQuery, {
    variables: {
      input: {
        ...period!,
        ward: applied.ward.trim() || undefined,
        category: (applied.category || undefined) as CaseCategory | undefined,
      },
    },
    skip: !caseFigures || !period,
    fetchPolicy: 'cache-and-network',
  });
  const marac = useQuery(MaracStatisticsQuery, {
    variables: { input: period! },
    skip: !maracFigures || !period,
    fetchPolicy: 'cache-and-network',
  });

  if (!caseFigures && !maracFigures) {
    return (
      <>
        <h1 className="govuk-heading-l">Reports</h1>
        <div className="govuk-inset-text">
          Reports are for managers and for MARAC chairs and coordinators. Ask your manager if you need figures for your
          agency.
        </div>
        {user.can.readCaseReviewFigures && <CaseReviewFigures />}
      </>
    );
  }

  const submit = () => {
    const problems = filterProblems(form);
    setFormProblems(problems);
    if (!problems.length) navigate(urlFor(form));
  };

  const errors = formProblems.length
    ? formProblems
    : urlProblems.length
      ? urlProblems
      : [cases.error, marac.error].filter(Boolean).flatMap(apiProblems);
  // Both queries may fail for the same reason; say it once.
  const shown = errors.filter((e, i) => errors.findIndex((o) => o.text === e.text) === i);
  const loading = (cases.loading && !cases.data) || (marac.loading && !marac.data);
  const narrowedBy = [
    applied.category && `category: ${humanise(applied.category)}`,
    applied.ward.trim() && `ward: ${applied.ward.trim()}`,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <>
      <h1 className="govuk-heading-l">Reports</h1>
      {shown.length > 0 && <ErrorSummary errors={shown} />}
      <p className="govuk-body">
        {caseFigures
          ? 'Figures for the cases your agency owns or that are shared with it, and for the MARACs your agency attended.'
          : 'Figures for the MARACs your agency attended.'}
      </p>
      {caseFigures && (
        <ul className="govuk-list app-report-links">
          <li>
            <Link href="/reports/exceptions" className="govuk-link">
              Exceptions: cases and actions that need a look
            </Link>
          </li>
          <li>
            <Link href="/reports/service-standards" className="govuk-link">
              Our service standards
            </Link>
          </li>
        </ul>
      )}
      <ReportFilters value={form} onChange={setForm} onSubmit={submit} errors={shown} caseFilters={caseFigures} />
      {period && (
        <p className="govuk-body-l" role="status">
          {loading ? 'Loading figures…' : `${describePeriod(applied)}${narrowedBy ? ` (cases: ${narrowedBy})` : ''}`}
        </p>
      )}
      {caseFigures && cases.data && period && (
        <section aria-labelledby="case-figures-heading" className="govuk-!-margin-bottom-9">
          <h2 className="govuk-heading-l" id="case-figures-heading">
            Cases
          </h2>
          <CaseFigures
            figures={cases.data.caseStatistics}
            period={applied}
            ward={applied.ward.trim()}
            category={applied.category}
          />
        </section>
      )}
      {caseFigures && period && <FigureTrends filter={applied} />}
      {caseFigures && period && <PartnershipFigures filter={applied} />}
      {maracFigures && marac.data && period && (
        <section aria-labelledby="marac-figures-heading">
          <h2 className="govuk-heading-l" id="marac-figures-heading">
            MARAC
          </h2>
          <MaracFigures figures={marac.data.maracStatistics} period={applied} />
        </section>
      )}
      {user.can.readCaseReviewFigures && <CaseReviewFigures />}
      {caseFigures && (
        <p className="govuk-body govuk-!-margin-top-8">
          <Link href="/retention" className="govuk-link">
            Retention and legal holds
          </Link>
        </p>
      )}
    </>
  );
}
