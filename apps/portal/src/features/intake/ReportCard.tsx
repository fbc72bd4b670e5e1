import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import type { RiskLevel, TriageQueueQuery } from '../../gql/graphql';
import { errorCode, errorField, errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { Link, navigate } from '../../router';
import { RISK_LEVELS, formatDate, formatDateTime, humanise, options } from '../../format';
import { ErrorSummary, Radios, SummaryList, Tag, TextInput, Textarea, type FieldError } from '../../ui/govuk';
import { ConditionalRadios } from '../../ui/ConditionalRadios';
import {
  AcceptIntakeReport,
  AttachIntakeReport,
  DeclineIntakeReport,
  OpenCaseByReference,
  TRIAGE_QUERIES,
} from './queries';

export type IntakeReport = TriageQueueQuery['triageQueue'][number];

/** What happened to a report, for the page to say once the report has left the queue. */
export type Decided =
  { kind: 'attached'; caseId: string; reference: string } | { kind: 'declined' } | { kind: 'taken' };

const FLAG_TEXT: Record<string, string> = {
  REPEAT_CALLER: 'Repeat caller',
  REPEAT_VICTIM: 'Repeat victim',
  REPEAT_LOCATION: 'Repeat location',
};

/** "Anonymous", or the name and phone as given; a named reporter who asked not to be named outside the agency says so. */
export function reporterText(r: Pick<IntakeReport, 'reporterName' | 'reporterPhone' | 'anonymous'>): string {
  const who = [r.reporterName, r.reporterPhone].filter(Boolean).join(', ');
  if (!who) return 'Anonymous';
  return r.anonymous ? `${who} (asked not to be named outside your agency)` : who;
}

export function FlagTags({ flags }: { flags: readonly string[] }) {
  if (!flags.length) return null;
  return (
    <ul className="app-tag-list" aria-label="Flags">
      {flags.map((f) => (
        <li key={f}>
          <Tag colour={f === 'REPEAT_VICTIM' ? 'red' : 'orange'}>{FLAG_TEXT[f] ?? humanise(f)}</Tag>
        </li>
      ))}
    </ul>
  );
}

interface DecisionDraft {
  decision: string;
  riskLevel: string;
  /** A matching case's id, or OTHER */
  caseChoice: string;
  otherReference: string;
  reason: string;
}

const OTHER = 'OTHER';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One report waiting for a decision: what was reported, its flags and possible cases, and the decision form. */
export function ReportCard({
  report,
  number,
  onDecided,
}: {
  report: IntakeReport;
  number: number;
  onDecided: (d: Decided) => void;
}) {
  const client = useApolloClient();
  const p = `report-${report.id}`;
  const ids = {
    decision: `${p}-decision`,
    risk: `${p}-risk`,
    caseChoice: `${p}-case`,
    other: `${p}-other-reference`,
    reason: `${p}-reason`,
  };
  const [form, update, reset] = useDraft<DecisionDraft>(`triage.${report.id}`, () => ({
    decision: '',
    riskLevel: '',
    caseChoice: '',
    otherReference: '',
    reason: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const refetch = { refetchQueries: TRIAGE_QUERIES, awaitRefetchQueries: true };
  const [accept] = useMutation(AcceptIntakeReport, {
    ...refetch,
    update: (cache) => cache.evict({ fieldName: 'cases' }),
  });
  const [attach] = useMutation(AttachIntakeReport, refetch);
  const [decline] = useMutation(DeclineIntakeReport, refetch);
  const matching = report.matchingCases;
  const title = `${humanise(report.category)} report ${number}, received ${formatDateTime(report.receivedAt)}`;

  /** The case to attach to: a matching case, or the typed reference looked up among open cases. */
  const attachTarget = async (): Promise<{ id: string; reference: string } | FieldError> => {
    if (form.caseChoice && form.caseChoice !== OTHER) {
      const m = matching.find((c) => c.id === form.caseChoice);
      if (m) return { id: m.id, reference: m.reference };
    }
    const typed = form.otherReference.trim();
    if (UUID.test(typed)) return { id: typed, reference: typed };
    const { data } = await client.query({
      query: OpenCaseByReference,
      variables: { search: typed },
      fetchPolicy: 'network-only',
    });
    const found = data?.cases.edges.map((e) => e.node).find((c) => c.reference.toLowerCase() === typed.toLowerCase());
    return (
      found ?? { text: `No open case with the reference ${typed} was found. Check the reference`, href: ids.other }
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!form.decision) problems.push({ text: 'Select what to do with this report', href: ids.decision });
    if (form.decision === 'ACCEPT' && !form.riskLevel)
      problems.push({ text: 'Select the risk level of the new case', href: ids.risk });
    if (form.decision === 'ATTACH') {
      const needsReference = !matching.length || form.caseChoice === OTHER;
      if (matching.length && !form.caseChoice)
        problems.push({ text: 'Select the case to attach the report to', href: ids.caseChoice });
      else if (needsReference && !form.otherReference.trim())
        problems.push({ text: 'Enter the reference of the case to attach the report to', href: ids.other });
    }
    if (form.decision === 'DECLINE' && form.reason.trim().length < 3)
      problems.push({ text: 'Enter why the report is declined, in at least 3 characters', href: ids.reason });
    setErrors(problems);
    if (problems.length) return;

    setBusy(true);
    try {
      if (form.decision === 'ACCEPT') {
        const { data } = await accept({ variables: { id: report.id, riskLevel: form.riskLevel as RiskLevel } });
        reset();
        if (data) navigate(`/cases/${data.acceptIntakeReport.id}`);
      } else if (form.decision === 'ATTACH') {
        const target = await attachTarget();
        if ('text' in target) return setErrors([target]);
        await attach({ variables: { id: report.id, caseId: target.id } });
        reset();
        onDecided({ kind: 'attached', caseId: target.id, reference: target.reference });
      } else {
        await decline({ variables: { id: report.id, reason: form.reason.trim() } });
        reset();
        onDecided({ kind: 'declined' });
      }
    } catch (err) {
      const code = errorCode(err);
      const field = errorField(err);
      if (code === 'CONFLICT' || (code === 'NOT_FOUND' && field === 'id')) {
        // Someone else decided the report first (or it left this agency's queue): the page says so, and the
        // queue is read again.
        reset();
        await client.refetchQueries({ include: TRIAGE_QUERIES });
        onDecided({ kind: 'taken' });
      } else if (form.decision === 'ATTACH' && (field === 'caseId' || code === 'FORBIDDEN')) {
        const href = form.caseChoice && form.caseChoice !== OTHER ? ids.caseChoice : ids.other;
        const text =
          code === 'BAD_USER_INPUT'
            ? 'That case is closed. Attach the report to an open case'
            : 'That case was not found among the cases your agency holds';
        setErrors([{ text, href }]);
      } else {
        setErrors(errorMessages(err).map((text) => ({ text })));
      }
    } finally {
      setBusy(false);
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;
  const button =
    { ACCEPT: 'Accept as a new case', ATTACH: 'Attach to case', DECLINE: 'Decline report' }[form.decision] ??
    'Save decision';

  const caseOptions = matching.map((c) => ({
    value: c.id,
    text: c.reference,
    hint: `${humanise(c.category)}, ${c.ward}, opened ${formatDate(c.openedAt)}`,
  }));
  const otherReference = (
    <TextInput
      id={ids.other}
      label="Case reference"
      hint="For example ASB-2026-000123"
      inputClass="govuk-input--width-20"
      spellCheck={false}
      value={form.otherReference}
      onChange={(otherReference) => update({ otherReference })}
      error={err(ids.other)}
    />
  );

  return (
    <section className="app-triage-report" aria-labelledby={`${p}-heading`}>
      <h3 className="govuk-heading-m" id={`${p}-heading`}>
        {title}
      </h3>
      <FlagTags flags={report.flags} />
      <SummaryList
        rows={[
          { key: 'How it came in', value: humanise(report.channel) },
          { key: 'Reporter', value: reporterText(report) },
          { key: 'Who it is about', value: report.subjectName || <span className="app-withheld">Not known</span> },
          { key: 'Where', value: [report.address, report.ward].filter(Boolean).join(', ') },
          { key: 'What was reported', value: <span className="app-preserve-lines">{report.summary}</span> },
          {
            key: 'Open cases that may match',
            value: matching.length ? (
              <ul className="govuk-list">
                {matching.map((c) => (
                  <li key={c.id}>
                    <Link href={`/cases/${c.id}`} className="govuk-link">
                      {c.reference}
                    </Link>{' '}
                    ({humanise(c.category)}, {c.ward})
                  </li>
                ))}
              </ul>
            ) : (
              'None found'
            ),
          },
        ]}
      />
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-label={`Decide on ${title}`}>
        <ConditionalRadios
          id={ids.decision}
          legend="What do you want to do with this report?"
          value={form.decision}
          onChange={(decision) => update({ decision })}
          error={err(ids.decision)}
          options={[
            {
              value: 'ACCEPT',
              text: 'Accept as a new case',
              reveal: (
                <Radios
                  id={ids.risk}
                  legend="Risk level of the new case"
                  inline
                  value={form.riskLevel}
                  onChange={(riskLevel) => update({ riskLevel })}
                  error={err(ids.risk)}
                  options={options(RISK_LEVELS)}
                />
              ),
            },
            {
              value: 'ATTACH',
              text: 'Attach to an open case',
              hint: 'The report becomes an incident on that case',
              reveal: matching.length ? (
                <ConditionalRadios
                  id={ids.caseChoice}
                  legend="Which case?"
                  value={form.caseChoice}
                  onChange={(caseChoice) => update({ caseChoice })}
                  error={err(ids.caseChoice)}
                  options={[...caseOptions, { value: OTHER, text: 'Another open case', reveal: otherReference }]}
                />
              ) : (
                otherReference
              ),
            },
            {
              value: 'DECLINE',
              text: 'Decline',
              hint: 'No case is opened; the reason is kept',
              reveal: (
                <Textarea
                  id={ids.reason}
                  label="Why is it declined?"
                  hint="For example: everyday household noise, advice given to the caller"
                  rows={3}
                  value={form.reason}
                  onChange={(reason) => update({ reason })}
                  error={err(ids.reason)}
                />
              ),
            },
          ]}
        />
        <button
          type="submit"
          className={`govuk-button${form.decision === 'DECLINE' ? ' govuk-button--warning' : ''}`}
          disabled={busy}
          data-module="govuk-button"
        >
          {button}
          <span className="govuk-visually-hidden">: report {number}</span>
        </button>
      </form>
    </section>
  );
}
