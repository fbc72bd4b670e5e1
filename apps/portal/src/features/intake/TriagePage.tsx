import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { ErrorSummary, NotificationBanner } from '../../ui/govuk';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { LogReportForm } from './LogReportForm';
import { ReportCard, type Decided } from './ReportCard';
import { TriageQueueQuery } from './queries';

/**
 * Reports waiting for a decision in the agency's queue, oldest first: accept one as a new case, attach it to
 * an open case about the same problem, or decline it with a reason. And a form to log a report as it comes in.
 */
export function TriagePage({ user }: { user: SessionUser }) {
  usePageTitle('Triage');
  const { data, loading, error } = useQuery(TriageQueueQuery, {
    skip: !user.can.triage,
    fetchPolicy: 'cache-and-network',
  });
  const [decided, setDecided] = useState<(Decided & { at: number }) | null>(null);
  const banner = useRef<HTMLDivElement>(null);
  // The report just decided has left the page, and focus with it: move focus to what the page says happened.
  useEffect(() => {
    if (decided && decided.kind !== 'taken') banner.current?.focus();
  }, [decided]);

  if (!user.can.triage) {
    return (
      <>
        <h1 className="govuk-heading-l">Triage</h1>
        <NoCaseAccess />
      </>
    );
  }

  const reports = data?.triageQueue ?? [];
  const count = reports.length;

  return (
    <>
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">Triage</h1>
      {decided?.kind === 'taken' && (
        <ErrorSummary key={decided.at} title="Someone else already decided this report" errors={[]}>
          <p className="govuk-body">Nothing was changed by you. The queue below has been brought up to date.</p>
        </ErrorSummary>
      )}
      {decided && decided.kind !== 'taken' && (
        <div tabIndex={-1} ref={banner} className="app-focus-target">
          <NotificationBanner title="Success" success>
            {decided.kind === 'attached' ? (
              <p className="govuk-notification-banner__heading">
                The report was added to{' '}
                <Link href={`/cases/${decided.caseId}/incidents`} className="govuk-notification-banner__link">
                  {decided.reference}
                </Link>{' '}
                as an incident.
              </p>
            ) : (
              <p className="govuk-notification-banner__heading">The report was declined. The reason has been kept.</p>
            )}
          </NotificationBanner>
        </div>
      )}
      <p className="govuk-body">
        Reports that came in to your agency and are waiting for a decision, oldest first.{' '}
        <a href="#log-report" className="govuk-link">
          Log a report
        </a>{' '}
        that has just come in.
      </p>
      {error && !data && <ErrorSummary errors={[{ text: 'The reports waiting could not be loaded. Try again.' }]} />}
      {loading && !data ? (
        <p className="govuk-body" role="status">
          Loading reports…
        </p>
      ) : (
        <h2 className="govuk-heading-l">
          {count === 0 ? 'No reports waiting' : `${count} ${count === 1 ? 'report' : 'reports'} waiting`}
        </h2>
      )}
      {reports.map((r, i) => (
        <ReportCard key={r.id} report={r} number={i + 1} onDecided={(d) => setDecided({ ...d, at: Date.now() })} />
      ))}
      <LogReportForm />
    </>
  );
}
