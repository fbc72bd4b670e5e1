import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { RetentionReviewQuery } from '../../gql/graphql';
import { errorCode, errorMessages } from '../../apollo';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { formatDate, humanise } from '../../format';
import { Checkboxes, ErrorSummary, NotificationBanner, type FieldError, WarningText } from '../../ui/govuk';
import { HoldReasonForm, type HoldChange, type HoldOutcome } from './HoldReasonForm';
import { ApplyRetention, RetentionReviewQuery as ReviewQuery } from './queries';

type Review = RetentionReviewQuery['retentionReview'];
type Candidate = Review['due'][number];

const CONFIRM_ID = 'retention-confirm';
const CONFIRMED = 'checked';

const cases = (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`;

/** Which row's hold form is open, if any. */
interface Open {
  caseId: string;
  change: HoldChange;
}

/**
 * GOV.UK table markup with room under a row for that row's form, across the full width: a reason typed in a
 * narrow cell would be cramped.
 */
function CandidateTable({
  caption,
  head,
  rows,
  cells,
  open,
  form,
}: {
  caption: string;
  head: string[];
  rows: Candidate[];
  cells: (c: Candidate) => ReactNode[];
  open: Open | null;
  form: (c: Candidate) => ReactNode;
}) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((h) => (
            <th scope="col" className="govuk-table__header" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <RowWithForm
            key={r.case.id}
            cells={cells(r)}
            form={open?.caseId === r.case.id ? form(r) : null}
            columns={head.length}
          />
        ))}
      </tbody>
    </table>
  );
}

function RowWithForm({ cells, form, columns }: { cells: ReactNode[]; form: ReactNode; columns: number }) {
  return (
    <>
      <tr className="govuk-table__row">
        {cells.map((c, i) =>
          i === 0 ? (
            <th scope="row" className="govuk-table__header" key={i}>
              {c}
            </th>
          ) : (
            <td className="govuk-table__cell" key={i}>
              {c}
            </td>
          ),
        )}
      </tr>
      {form && (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={columns}>
            {form}
          </td>
        </tr>
      )}
    </>
  );
}

const toggleId = (change: HoldChange, caseId: string) => `${change}-hold-${caseId}`;

/**
 * Retention for a manager's own agency: the dry run (what would be anonymised now, and what a legal hold
 * keeps), holds placed and released from the list, and the run itself, sent with the number of cases the
 * manager saw so that a list changed meanwhile is refused rather than acted on.
 */
export function RetentionPage({ user }: { user: SessionUser }) {
  usePageTitle('Retention');
  const allowed = user.can.applyRetention;
  const review = useQuery(ReviewQuery, { skip: !allowed, fetchPolicy: 'cache-and-network' });
  const [apply, applying] = useMutation(ApplyRetention);
  const [open, setOpen] = useState<Open | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const bannerRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<string | null>(null);

  // A success replaces the row the reader was on: take them to what happened.
  useEffect(() => {
    if (banner) bannerRef.current?.focus();
  }, [banner]);
  // A form closed without sending: back to the button that opened it.
  useEffect(() => {
    if (!open && returnFocus.current) {
      document.getElementById(returnFocus.current)?.focus();
      returnFocus.current = null;
    }
  }, [open]);

  if (!allowed) {
    return (
      <>
        <h1 className="govuk-heading-l">Retention</h1>
        <div className="govuk-inset-text">
          Retention and legal holds are for managers. Ask your manager if a closed case must be kept whole, for example
          for proceedings or a complaint.
        </div>
      </>
    );
  }

  const data = review.data?.retentionReview;
  const due = data?.due ?? [];
  const held = data?.held ?? [];
  const n = due.length;

  const startHold = (caseId: string, change: HoldChange) => {
    setBanner(null);
    setProblems([]);
    setOpen({ caseId, change });
  };
  const cancel = () => {
    if (open) returnFocus.current = toggleId(open.change, open.caseId);
    setOpen(null);
  };
  const holdDone = (c: Candidate, change: HoldChange) => (outcome: HoldOutcome) => {
    setOpen(null);
    setConfirmed([]);
    if (outcome === 'conflict') {
      setProblems([
        {
          text:
            change === 'place'
              ? `${c.case.reference} already has a legal hold: the lists below are up to date again`
              : `${c.case.reference} no longer has a legal hold: the lists below are up to date again`,
        },
      ]);
    } else {
      setBanner(
        change === 'place'
          ? `${c.case.reference} is kept by a legal hold`
          : `The legal hold on ${c.case.reference} was released: it is due for anonymising`,
      );
    }
  };
  const holdForm = (c: Candidate) => (
    <HoldReasonForm
      caseId={c.case.id}
      reference={c.case.reference}
      change={open!.change}
      idPrefix={toggleId(open!.change, c.case.id)}
      refetch={() => review.refetch()}
      onDone={holdDone(c, open!.change)}
      onCancel={cancel}
    />
  );
  const toggle = (c: Candidate, change: HoldChange, text: string) =>
    open?.caseId === c.case.id ? null : (
      <button
        type="button"
        id={toggleId(change, c.case.id)}
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-module="govuk-button"
        onClick={() => startHold(c.case.id, change)}
      >
        {text}
        <span className="govuk-visually-hidden"> on {c.case.reference}</span>
      </button>
    );

  const submitApply = async (e: FormEvent) => {
    e.preventDefault();
    setBanner(null);
    if (!confirmed.includes(CONFIRMED)) {
      setProblems([
        { text: 'Confirm that you have checked these cases and none needs a legal hold', href: CONFIRM_ID },
      ]);
      return;
    }
    setProblems([]);
    try {
      const { data: done } = await apply({
        variables: { expectedCount: n, caseIds: due.map((c) => c.case.id) },
        // What the cache holds of these cases is no longer true of them.
        update: (cache) => {
          for (const c of due) cache.evict({ id: cache.identify({ __typename: 'Case', id: c.case.id }) });
          cache.evict({ fieldName: 'cases' });
          cache.gc();
        },
      });
      setConfirmed([]);
      await review.refetch();
      setBanner(`${cases(done?.applyRetention ?? n)} anonymised`);
    } catch (err) {
      setConfirmed([]);
      if (errorCode(err) === 'CONFLICT') {
        setProblems([{ text: 'The list changed since you loaded it: check it again' }]);
        await review.refetch().catch(() => undefined);
      } else {
        setProblems(errorMessages(err).map((text) => ({ text })));
      }
    }
  };

  return (
    <>
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">Retention</h1>
      {banner && (
        <div tabIndex={-1} ref={bannerRef}>
          <NotificationBanner title="Success" success>
            <p className="govuk-notification-banner__heading">{banner}</p>
          </NotificationBanner>
        </div>
      )}
      {problems.length > 0 && <ErrorSummary errors={problems} />}
      {review.error && !data && (
        <ErrorSummary errors={[{ text: 'The cases past the retention period could not be loaded. Try again.' }]} />
      )}
      {review.loading && !data && (
        <p className="govuk-body" role="status">
          Loading the cases past the retention period…
        </p>
      )}

      {data && (
        <>
          <p className="govuk-body">
            Closed cases are kept whole for {data.retentionYears} years after they close, then anonymised. Names,
            addresses, phone numbers, notes, evidence files and the old values in the audit trail go; the category,
            ward, dates, outcome and what was done stay, so figures still add up.
          </p>
          <p className="govuk-body">
            These are your agency's cases closed before {formatDate(data.closedBefore)}. A legal hold keeps a case
            whole, for example while proceedings or a complaint are under way.
          </p>
          {data.declinedReportsDue > 0 && (
            <p className="govuk-body" id="declined-reports-due">
              Anonymising also clears{' '}
              {data.declinedReportsDue === 1 ? '1 report' : `${data.declinedReportsDue} reports`} your agency declined
              at triage more than {data.retentionYears} years ago: the reporter, the address, the subject and the
              summary go; the category, ward and dates stay.
            </p>
          )}

          <section aria-labelledby="due-heading" className="govuk-!-margin-top-8">
            <h2 className="govuk-heading-m" id="due-heading">
              Due now
            </h2>
            {n === 0 ? (
              <p className="govuk-body">
                Nothing is due: no closed case has passed the retention period without a legal hold.
              </p>
            ) : (
              <>
                <p className="govuk-body">{cases(n)} would be anonymised now, oldest closure first.</p>
                <CandidateTable
                  caption="Cases due to be anonymised, oldest closure first"
                  head={['Case', 'Category', 'Closed on', 'Legal hold']}
                  rows={due}
                  open={open?.change === 'place' ? open : null}
                  form={holdForm}
                  cells={(c) => [
                    <Link href={`/cases/${c.case.id}`} className="govuk-link app-nowrap">
                      {c.case.reference}
                    </Link>,
                    humanise(c.case.category),
                    formatDate(c.closedAt),
                    toggle(c, 'place', 'Place legal hold'),
                  ]}
                />
              </>
            )}
          </section>

          <section aria-labelledby="held-heading" className="govuk-!-margin-top-8">
            <h2 className="govuk-heading-m" id="held-heading">
              Kept by a legal hold
            </h2>
            {held.length === 0 ? (
              <p className="govuk-body">No case past the retention period has a legal hold.</p>
            ) : (
              <CandidateTable
                caption="Cases past the retention period kept whole by a legal hold"
                head={['Case', 'Closed on', 'Reason', 'Placed', 'Legal hold']}
                rows={held}
                open={open?.change === 'release' ? open : null}
                form={holdForm}
                cells={(c) => [
                  <Link href={`/cases/${c.case.id}`} className="govuk-link app-nowrap">
                    {c.case.reference}
                  </Link>,
                  formatDate(c.closedAt),
                  <span className="app-preserve-lines">{c.legalHold?.reason}</span>,
                  c.legalHold ? `By ${c.legalHold.placedBy} on ${formatDate(c.legalHold.placedAt)}` : '',
                  toggle(c, 'release', 'Release hold'),
                ]}
              />
            )}
          </section>

          {n > 0 && (
            <section aria-labelledby="apply-heading" className="govuk-!-margin-top-8">
              <h2 className="govuk-heading-m" id="apply-heading">
                Anonymise {cases(n)}
              </h2>
              <WarningText>
                This cannot be undone. The {cases(n)} listed under Due now lose their names, addresses, phone numbers,
                notes and evidence files as soon as you confirm.
              </WarningText>
              <form onSubmit={submitApply} noValidate>
                <Checkboxes
                  id={CONFIRM_ID}
                  legend="Before you anonymise"
                  values={confirmed}
                  onChange={setConfirmed}
                  error={problems.find((p) => p.href === CONFIRM_ID)?.text}
                  options={[{ value: CONFIRMED, text: 'I have checked these cases and none needs a legal hold' }]}
                />
                <button
                  type="submit"
                  className="govuk-button govuk-button--warning"
                  disabled={applying.loading}
                  data-module="govuk-button"
                >
                  Anonymise {cases(n)}
                </button>
              </form>
            </section>
          )}
        </>
      )}
    </>
  );
}
