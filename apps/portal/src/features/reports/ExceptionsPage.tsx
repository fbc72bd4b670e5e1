import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors, errorCode } from '../../apollo';
import { Link, navigate, usePageTitle, useSearchParams } from '../../router';
import type { SessionUser } from '../../session';
import { formatDate, formatDateTime, humanise } from '../../format';
import { ErrorSummary, Table, TextInput, type FieldError } from '../../ui/govuk';
import { RiskTag, StatusTag } from '../cases/CaseTags';
import { STANDARD_NAMES } from '../service-standards/ServiceClocks';

const ExceptionsQuery = graphql(`
  query Exceptions($days: Int!) {
    exceptions(notUpdatedDays: $days) {
      notUpdated {
        lastActivityAt
        case {
          id
          reference
          category
          riskLevel
          ward
        }
      }
      standardsBreached {
        lastActivityAt
        case {
          id
          reference
          category
          riskLevel
        }
        breaches {
          standard
          dueAt
          doneAt
        }
      }
      overdueActions {
        id
        kind
        description
        dueAt
        caseId
        case {
          id
          reference
        }
        assignee {
          id
          displayName
        }
      }
      closedWithoutTellingReporter {
        id
        reference
        category
        status
        closedAt
      }
    }
  }
`);

const DEFAULT_DAYS = 28;
const DAY = 86_400_000;
const DAYS_FIELD = { id: 'exceptions-days', label: 'Not updated for' };
const DAYS_PROBLEM = { text: 'Enter the number of days as a whole number from 1 to 365', href: DAYS_FIELD.id };

/** The days typed or in the address, if they are what the API takes (1–365). */
const parseDays = (text: string): number | null =>
  /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 365 ? Number(text) : null;

const daysSince = (iso: string, now: number) => Math.floor((now - Date.parse(iso)) / DAY);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const caseLink = (c: { id: string; reference: string }, tab?: string) => (
  <Link href={`/cases/${c.id}${tab ? `/${tab}` : ''}`} className="govuk-link app-nowrap">
    {c.reference}
  </Link>
);

/** One exception list under its heading, with its count, or a plain "none". */
function ExceptionList({
  id,
  title,
  count,
  hint,
  children,
}: {
  id: string;
  title: string;
  count: number;
  hint: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={id}>
        {title} ({count})
      </h2>
      <p className="govuk-body">{hint}</p>
      {count === 0 ? <p className="govuk-body govuk-!-font-weight-bold">None.</p> : children}
    </section>
  );
}

/**
 * A manager's exception lists over the agency's own cases, instead of opening every case: service standards in
 * breach, cases with nothing recorded for a chosen number of days, actions past their due date, and cases closed
 * without a record that the reporter was told. Each names its case, linked.
 */
export function ExceptionsPage({ user }: { user: SessionUser }) {
  usePageTitle('Exceptions');
  const params = useSearchParams();
  const asked = params.get('days') ?? String(DEFAULT_DAYS);
  const days = parseDays(asked);
  const [typed, setTyped] = useState(asked);
  const [formProblems, setFormProblems] = useState<FieldError[]>([]);
  useEffect(() => setTyped(asked), [asked]);
  const allowed = user.can.readCaseFigures;
  const { data, loading, error } = useQuery(ExceptionsQuery, {
    variables: { days: days ?? DEFAULT_DAYS },
    skip: !allowed || days === null,
    fetchPolicy: 'cache-and-network',
  });

  if (!allowed) {
    return (
      <>
        <h1 className="govuk-heading-l">Exceptions</h1>
        <div className="govuk-inset-text">The exception lists are for managers. Ask your manager if you need them.</div>
      </>
    );
  }

  const show = (e: FormEvent) => {
    e.preventDefault();
    const chosen = parseDays(typed);
    setFormProblems(chosen === null ? [DAYS_PROBLEM] : []);
    if (chosen !== null) navigate(`/reports/exceptions?days=${chosen}`);
  };

  const urlProblems: FieldError[] = days === null ? [DAYS_PROBLEM] : [];
  const apiProblems: FieldError[] = error
    ? errorCode(error) === 'FORBIDDEN'
      ? [{ text: 'Your account can no longer see the exception lists. Sign out and sign in again.' }]
      : apiFieldErrors(error, (f) => (f === 'notUpdatedDays' ? DAYS_FIELD : undefined))
    : [];
  const problems = formProblems.length ? formProblems : urlProblems.length ? urlProblems : apiProblems;
  const lists = data?.exceptions;
  const now = Date.now();

  return (
    <>
      <Link href="/reports" className="govuk-back-link govuk-!-margin-top-0">
        Reports
      </Link>
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">Exceptions</h1>
      {problems.length > 0 && <ErrorSummary errors={problems} />}
      <p className="govuk-body">
        Your agency's cases and actions that need a look, so you do not have to open every case.
      </p>

      <form onSubmit={show} noValidate className="app-inline-filter" aria-label="Not updated for how many days">
        <TextInput
          id={DAYS_FIELD.id}
          label="Not updated for (days)"
          hint="1 to 365"
          inputClass="govuk-input--width-3"
          value={typed}
          onChange={setTyped}
          error={problems.find((p) => p.href === DAYS_FIELD.id)?.text}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show
        </button>
      </form>

      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading the exception lists…
        </p>
      )}
      {lists && days !== null && (
        <>
          <ExceptionList
            id="breached-heading"
            title="Service standards breached"
            count={lists.standardsBreached.length}
            hint="Open cases with a service standard missed now, the longest missed first."
          >
            <Table
              caption="Open cases with a service standard breached"
              hiddenCaption
              head={['Case', 'Risk', 'Breached', 'Last activity']}
              rows={lists.standardsBreached}
              rowKey={(e) => e.case.id}
              cells={(e) => [
                caseLink(e.case),
                <RiskTag risk={e.case.riskLevel} short />,
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {e.breaches.map((b) => (
                    <li key={b.standard}>
                      {STANDARD_NAMES[b.standard]}: due {formatDateTime(b.dueAt)}
                      {b.doneAt ? `, done late ${formatDateTime(b.doneAt)}` : ''}
                    </li>
                  ))}
                </ul>,
                formatDate(e.lastActivityAt),
              ]}
            />
          </ExceptionList>

          <ExceptionList
            id="not-updated-heading"
            title={`Not updated for ${plural(days, 'day')}`}
            count={lists.notUpdated.length}
            hint="Open cases with nothing recorded for that long (views and exports do not count), the longest first."
          >
            <Table
              caption={`Open cases not updated for ${plural(days, 'day')}`}
              hiddenCaption
              head={['Case', 'Category', 'Risk', 'Ward', 'Last activity']}
              rows={lists.notUpdated}
              rowKey={(e) => e.case.id}
              cells={(e) => [
                caseLink(e.case),
                humanise(e.case.category),
                <RiskTag risk={e.case.riskLevel} short />,
                e.case.ward,
                <>
                  {formatDate(e.lastActivityAt)}
                  <span className="govuk-body-s app-block">{plural(daysSince(e.lastActivityAt, now), 'day')} ago</span>
                </>,
              ]}
            />
          </ExceptionList>

          <ExceptionList
            id="overdue-heading"
            title="Overdue actions"
            count={lists.overdueActions.length}
            hint="Actions your agency owns that are past their due date, the most overdue first."
          >
            <Table
              caption="Actions past their due date"
              hiddenCaption
              head={['Case', 'Action', 'Officer', 'Due', 'Overdue by']}
              rows={lists.overdueActions}
              rowKey={(a) => a.id}
              cells={(a) => [
                caseLink(a.case ?? { id: a.caseId, reference: 'Case' }, 'actions'),
                <>
                  {humanise(a.kind)}
                  <span className="govuk-body-s app-block">{a.description}</span>
                </>,
                a.assignee?.displayName ?? <span className="app-withheld">Not assigned</span>,
                formatDate(a.dueAt),
                a.dueAt ? plural(Math.max(1, daysSince(a.dueAt, now)), 'day') : '',
              ]}
            />
          </ExceptionList>

          <ExceptionList
            id="untold-heading"
            title="Closed without telling the reporter"
            count={lists.closedWithoutTellingReporter.length}
            hint="Cases closed in the last 90 days with a reporter but no record that they were told."
          >
            <Table
              caption="Cases closed without a record that the reporter was told"
              hiddenCaption
              head={['Case', 'Category', 'Outcome', 'Closed']}
              rows={lists.closedWithoutTellingReporter}
              rowKey={(c) => c.id}
              cells={(c) => [
                caseLink(c),
                humanise(c.category),
                <StatusTag status={c.status} />,
                formatDate(c.closedAt),
              ]}
            />
          </ExceptionList>
        </>
      )}
    </>
  );
}
