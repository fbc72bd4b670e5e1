import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { CaseReviewCaseQuery } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { formatDate, formatDateTime } from '../../format';
import {
  Button,
  ErrorSummary,
  NotificationBanner,
  Radios,
  Select,
  SummaryList,
  TextInput,
  Textarea,
  Withheld,
  type FieldError,
} from '../../ui/govuk';
import {
  AcknowledgeCaseReview,
  CaseReviewCaseQuery as CaseQuery,
  CaseReviewMeetingsQuery,
  CaseReviewQuery,
  DecideCaseReview,
  RecordAppeal,
  RecordAppealOutcome,
  RecordApplicantTold,
  RecordCaseReviewOutcome,
  SetCaseReviewMeeting,
} from './queries';
import { dayToIso, stageOf, StepsTable, today, type Review } from './steps';

type LinkedCase = NonNullable<CaseReviewCaseQuery['case']>;

/** Errors from the API, each pointing at the field on this page it is about (by the API's field name). */
const errorsFor = (error: unknown, ids: Record<string, string>) =>
  apiFieldErrors(error, (field) => {
    const rec = /^input\.recommendations\.(\d+)\.(\w+)$/.exec(field);
    if (rec) return { id: `cr-rec-${rec[1]}-${rec[2]}`, label: `Recommendation ${Number(rec[1]) + 1}` };
    return ids[field] ? { id: ids[field], label: field } : undefined;
  });

/**
 * One application: who applied (where the reader may read it), its clock, the cases it concerns with the
 * statutory count, and the next step for whoever may take it (the SPOC, or an owner of a linked case).
 */
export function CaseReviewPage({ id, user }: { id: string; user: SessionUser }) {
  usePageTitle('ASB Case Review application');
  const { data, loading } = useQuery(CaseReviewQuery, { variables: { id }, skip: !user.can.readCases });
  const [cases, setCases] = useState<Record<string, LinkedCase>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const r = data?.caseReview;
  if (loading && !data)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  if (!r)
    return (
      <>
        <h1 className="govuk-heading-l">Application not found</h1>
        <p className="govuk-body">
          It does not exist, or your agency is neither its single point of contact’s nor holds a case it concerns.
        </p>
      </>
    );
  const applicant = (field: 'applicantName' | 'applicantContact' | 'applicantRelationship') =>
    r.redactedFields.includes(field) ? <Withheld /> : (r[field] ?? 'Not recorded');
  const done = (what: string) => setBanner(what);
  return (
    <>
      <Link href="/case-reviews" className="govuk-back-link">
        ASB Case Reviews
      </Link>
      <h1 className="govuk-heading-l">ASB Case Review application</h1>
      {banner && (
        <NotificationBanner success title="Success">
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      )}
      <SummaryList
        rows={[
          { key: 'Stage', value: stageOf(r) },
          { key: 'Received', value: formatDate(r.receivedAt) },
          { key: 'Applicant', value: applicant('applicantName') },
          { key: 'How to contact them', value: applicant('applicantContact') },
          {
            key: 'Applying',
            value: r.thirdParty ? (
              <>
                On the victim’s behalf ({applicant('applicantRelationship')}), with consent recorded{' '}
                {formatDateTime(r.consentRecordedAt)}
              </>
            ) : (
              'The victim'
            ),
          },
          ...(r.thresholdMet !== null && r.thresholdMet !== undefined
            ? [
                {
                  key: 'Threshold',
                  value: `${r.thresholdMet ? 'Met' : 'Not met'}: ${r.redactedFields.includes('decisionReason') ? 'reason withheld' : (r.decisionReason ?? '')}`,
                },
              ]
            : []),
          ...(r.conclusion ? [{ key: 'Conclusion', value: r.conclusion }] : []),
          ...(r.toldAt ? [{ key: 'Applicant told', value: `${formatDate(r.toldAt)}, ${r.toldHow ?? ''}` }] : []),
          ...(r.appealBy && !r.appealedAt ? [{ key: 'Appeal window closes', value: formatDate(r.appealBy) }] : []),
          ...(r.appealedAt
            ? [{ key: 'Appeal received', value: `${formatDate(r.appealedAt)}: ${r.appealGrounds ?? ''}` }]
            : []),
          ...(r.appealOutcome
            ? [{ key: 'Appeal outcome', value: `${r.appealUpheld ? 'Upheld' : 'Not upheld'}: ${r.appealOutcome}` }]
            : []),
        ]}
      />
      <StepsTable r={r} caption="The statutory clock" />
      <h2 className="govuk-heading-m">Cases it concerns</h2>
      <ul className="govuk-list">
        {r.caseIds.map((caseId) => (
          <CaseLine key={caseId} id={caseId} onLoaded={(c) => setCases((all) => ({ ...all, [c.id]: c }))} />
        ))}
      </ul>
      {r.viewerCanProcess ? (
        <NextStep r={r} cases={cases} onDone={done} />
      ) : (
        <p className="govuk-body">
          The single point of contact and the agencies that own these cases take the application’s steps.
        </p>
      )}
    </>
  );
}

/** A linked case with the statutory count its threshold decision rests on. */
function CaseLine({ id, onLoaded }: { id: string; onLoaded: (c: LinkedCase) => void }) {
  const { data } = useQuery(CaseQuery, { variables: { id } });
  const c = data?.case;
  useEffect(() => {
    if (c) onLoaded(c);
  }, [c]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!c) return null;
  const t = c.caseReviewThreshold;
  return (
    <li>
      <Link className="govuk-link" href={`/cases/${c.id}`}>
        {c.reference}
      </Link>{' '}
      ({c.ownerAgency.name}): {t.complaints} qualifying {t.complaints === 1 ? 'complaint' : 'complaints'} in{' '}
      {t.windowMonths} months; the threshold is {t.threshold}
      {t.met ? ', met' : ', not met'}
    </li>
  );
}

function NextStep({
  r,
  cases,
  onDone,
}: {
  r: Review;
  cases: Record<string, LinkedCase>;
  onDone: (what: string) => void;
}) {
  if (!r.acknowledge.doneAt && !r.decide.doneAt) return <Acknowledge r={r} onDone={onDone} />;
  if (!r.decide.doneAt) return <Decide r={r} onDone={onDone} />;
  if (r.thresholdMet && !r.outcomeAt && !r.meet.doneAt) return <ChooseMeeting r={r} onDone={onDone} />;
  if (r.thresholdMet && !r.outcomeAt) return <Outcome r={r} cases={cases} onDone={onDone} />;
  if (!r.toldAt) return <Told r={r} onDone={onDone} />;
  if (!r.appealedAt) return <Appeal r={r} onDone={onDone} />;
  if (!r.appealHearing?.doneAt) return <AppealOutcome r={r} onDone={onDone} />;
  return <p className="govuk-body">Every step of this application is done.</p>;
}

function Acknowledge({ r, onDone }: { r: Review; onDone: (what: string) => void }) {
  const [acknowledge, state] = useMutation(AcknowledgeCaseReview);
  const [errors, setErrors] = useState<FieldError[]>([]);
  return (
    <section aria-labelledby="ack-heading">
      <h2 className="govuk-heading-m" id="ack-heading">
        Acknowledge the application
      </h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <p className="govuk-body">
        Due by {formatDate(r.acknowledge.dueAt)}. Record it once the applicant has been told it was received.
      </p>
      <Button
        disabled={state.loading}
        type="button"
        onClick={async () => {
          try {
            await acknowledge({ variables: { id: r.id } });
            onDone('The application was acknowledged.');
          } catch (error) {
            setErrors(errorsFor(error, {}));
          }
        }}
      >
        Record acknowledgement
      </Button>
    </section>
  );
}

function Decide({ r, onDone }: { r: Review; onDone: (what: string) => void }) {
  const [met, setMet] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [decide, state] = useMutation(DecideCaseReview);
  const errorOf = (id: string) => errors.find((e) => e.href === id)?.text;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!met) missing.push({ text: 'Say whether the threshold is met', href: 'cr-met' });
    if (reason.trim().length < 3) missing.push({ text: 'Give the reason for the decision', href: 'cr-reason' });
    setErrors(missing);
    if (missing.length) return;
    try {
      await decide({ variables: { id: r.id, thresholdMet: met === 'yes', reason: reason.trim() } });
      onDone('The threshold decision was recorded.');
    } catch (error) {
      setErrors(errorsFor(error, { reason: 'cr-reason' }));
    }
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="decide-heading">
      <h2 className="govuk-heading-m" id="decide-heading">
        Decide whether the threshold is met
      </h2>
      <p className="govuk-body">
        Due by {formatDate(r.decide.dueAt)}. The statutory count for each case is shown above: qualifying complaints in
        the last six months against the partnership’s threshold.
      </p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <Radios
        id="cr-met"
        legend="Is the threshold met?"
        inline
        error={errorOf('cr-met')}
        value={met}
        onChange={setMet}
        options={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
      />
      <Textarea id="cr-reason" label="Reason" value={reason} onChange={setReason} error={errorOf('cr-reason')} />
      <Button disabled={state.loading}>Record decision</Button>
    </form>
  );
}

/** The CASE_REVIEW meetings the reader's agency attends, for hearing a review or an appeal. */
function useReviewMeetings(exclude?: string | null) {
  const { data } = useQuery(CaseReviewMeetingsQuery);
  return (data?.meetings ?? [])
    .filter((m) => m.kind === 'CASE_REVIEW' && m.id !== exclude)
    .map((m) => ({ value: m.id, text: `${m.title}, ${formatDateTime(m.startsAt)} (chair: ${m.chair.displayName})` }));
}

function ChooseMeeting({ r, onDone }: { r: Review; onDone: (what: string) => void }) {
  const meetings = useReviewMeetings();
  const [meetingId, setMeetingId] = useState(r.meetingId ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [set, state] = useMutation(SetCaseReviewMeeting);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!meetingId) return setErrors([{ text: 'Choose the meeting', href: 'cr-meeting' }]);
    try {
      await set({ variables: { id: r.id, meetingId } });
      onDone('The review meeting was recorded.');
      setErrors([]);
    } catch (error) {
      setErrors(errorsFor(error, { meetingId: 'cr-meeting' }));
    }
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="meeting-heading">
      <h2 className="govuk-heading-m" id="meeting-heading">
        The review meeting
      </h2>
      <p className="govuk-body">
        Hold it by {formatDate(r.meet.dueAt)}. Schedule a Case Review meeting on the{' '}
        <Link className="govuk-link" href="/meetings">
          meetings page
        </Link>{' '}
        and choose it here; the step is done when it starts.
      </p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <Select
        id="cr-meeting"
        label="Case Review meeting"
        value={meetingId}
        onChange={setMeetingId}
        options={[{ value: '', text: 'Choose a meeting' }, ...meetings]}
        error={errors.find((e) => e.href === 'cr-meeting')?.text}
      />
      <Button disabled={state.loading}>{r.meetingId ? 'Change meeting' : 'Set meeting'}</Button>
    </form>
  );
}

interface Row {
  caseId: string;
  ownerAgencyId: string;
  description: string;
  dueAt: string;
}

function Outcome({
  r,
  cases,
  onDone,
}: {
  r: Review;
  cases: Record<string, LinkedCase>;
  onDone: (what: string) => void;
}) {
  const [conclusion, setConclusion] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [record, state] = useMutation(RecordCaseReviewOutcome);
  const errorOf = (id: string) => errors.find((e) => e.href === id)?.text;
  const caseOptions = Object.values(cases).map((c) => ({ value: c.id, text: c.reference }));
  const agencyOptions = (caseId: string) => {
    const c = cases[caseId];
    if (!c) return [];
    return [c.ownerAgency, ...c.shares.map((s) => s.agency)].map((a) => ({ value: a.id, text: a.name }));
  };
  const change = (i: number, patch: Partial<Row>) =>
    setRows((all) => all.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (conclusion.trim().length < 3) missing.push({ text: 'Enter the review’s conclusion', href: 'cr-conclusion' });
    rows.forEach((row, i) => {
      if (!row.caseId) missing.push({ text: `Recommendation ${i + 1}: choose the case`, href: `cr-rec-${i}-caseId` });
      if (!row.ownerAgencyId)
        missing.push({ text: `Recommendation ${i + 1}: choose the agency`, href: `cr-rec-${i}-ownerAgencyId` });
      if (row.description.trim().length < 3)
        missing.push({ text: `Recommendation ${i + 1}: describe it`, href: `cr-rec-${i}-description` });
      if (!row.dueAt) missing.push({ text: `Recommendation ${i + 1}: enter the due date`, href: `cr-rec-${i}-dueAt` });
    });
    setErrors(missing);
    if (missing.length) return;
    try {
      await record({
        variables: {
          id: r.id,
          input: {
            conclusion: conclusion.trim(),
            recommendations: rows.map((row) => ({
              caseId: row.caseId,
              ownerAgencyId: row.ownerAgencyId,
              description: row.description.trim(),
              dueAt: `${row.dueAt}T17:00:00.000Z`,
            })),
          },
        },
      });
      onDone(`The outcome was recorded with ${rows.length} recommendations, each given to its agency as an action.`);
    } catch (error) {
      setErrors(errorsFor(error, { 'input.conclusion': 'cr-conclusion' }));
    }
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="outcome-heading">
      <h2 className="govuk-heading-m" id="outcome-heading">
        The review’s outcome
      </h2>
      <p className="govuk-body">
        Recorded once. Each recommendation becomes an action on its case, given to the agency.
      </p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <Textarea
        id="cr-conclusion"
        label="Conclusion"
        value={conclusion}
        onChange={setConclusion}
        error={errorOf('cr-conclusion')}
      />
      {rows.map((row, i) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={i}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Recommendation {i + 1}</legend>
          <Select
            id={`cr-rec-${i}-caseId`}
            label="Case"
            value={row.caseId}
            onChange={(caseId) => change(i, { caseId, ownerAgencyId: '' })}
            options={[{ value: '', text: 'Choose a case' }, ...caseOptions]}
            error={errorOf(`cr-rec-${i}-caseId`)}
          />
          <Select
            id={`cr-rec-${i}-ownerAgencyId`}
            label="Agency"
            value={row.ownerAgencyId}
            onChange={(ownerAgencyId) => change(i, { ownerAgencyId })}
            options={[{ value: '', text: 'Choose an agency holding the case' }, ...agencyOptions(row.caseId)]}
            error={errorOf(`cr-rec-${i}-ownerAgencyId`)}
          />
          <Textarea
            id={`cr-rec-${i}-description`}
            label="What the agency will do"
            value={row.description}
            onChange={(description) => change(i, { description })}
            error={errorOf(`cr-rec-${i}-description`)}
            rows={2}
          />
          <TextInput
            id={`cr-rec-${i}-dueAt`}
            label="Due by"
            type="date"
            value={row.dueAt}
            onChange={(dueAt) => change(i, { dueAt })}
            error={errorOf(`cr-rec-${i}-dueAt`)}
            inputClass="govuk-input--width-10"
          />
          <Button secondary small type="button" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
            Remove recommendation {i + 1}
          </Button>
        </fieldset>
      ))}
      <div className="govuk-button-group">
        <Button
          secondary
          type="button"
          onClick={() => setRows((all) => [...all, { caseId: '', ownerAgencyId: '', description: '', dueAt: '' }])}
        >
          Add a recommendation
        </Button>
        <Button disabled={state.loading}>Record outcome</Button>
      </div>
    </form>
  );
}

function Told({ r, onDone }: { r: Review; onDone: (what: string) => void }) {
  const [on, setOn] = useState(today());
  const [how, setHow] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [record, state] = useMutation(RecordApplicantTold);
  const errorOf = (id: string) => errors.find((e) => e.href === id)?.text;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!on) missing.push({ text: 'Enter the date the applicant was told', href: 'cr-told-on' });
    if (how.trim().length < 3) missing.push({ text: 'Say how the applicant was told', href: 'cr-told-how' });
    setErrors(missing);
    if (missing.length) return;
    try {
      await record({ variables: { id: r.id, toldAt: dayToIso(on), how: how.trim() } });
      onDone('The applicant was told: the appeal window is open.');
    } catch (error) {
      setErrors(errorsFor(error, { how: 'cr-told-how', receivedAt: 'cr-told-on' }));
    }
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="told-heading">
      <h2 className="govuk-heading-m" id="told-heading">
        Tell the applicant
      </h2>
      {r.tell && <p className="govuk-body">Due by {formatDate(r.tell.dueAt)}.</p>}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <TextInput
        id="cr-told-on"
        label="Date told"
        type="date"
        value={on}
        onChange={setOn}
        error={errorOf('cr-told-on')}
        inputClass="govuk-input--width-10"
      />
      <TextInput
        id="cr-told-how"
        label="How they were told"
        hint="For example, a letter and a phone call"
        value={how}
        onChange={setHow}
        error={errorOf('cr-told-how')}
      />
      <Button disabled={state.loading}>Record that the applicant was told</Button>
    </form>
  );
}

function Appeal({ r, onDone }: { r: Review; onDone: (what: string) => void }) {
  const [on, setOn] = useState(today());
  const [grounds, setGrounds] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [record, state] = useMutation(RecordAppeal);
  const errorOf = (id: string) => errors.find((e) => e.href === id)?.text;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!on) missing.push({ text: 'Enter the date the appeal was received', href: 'cr-appeal-on' });
    if (grounds.trim().length < 3) missing.push({ text: 'Enter the grounds of the appeal', href: 'cr-grounds' });
    setErrors(missing);
    if (missing.length) return;
    try {
      await record({ variables: { id: r.id, receivedAt: dayToIso(on), grounds: grounds.trim() } });
      onDone('The appeal was recorded.');
    } catch (error) {
      setErrors(errorsFor(error, { receivedAt: 'cr-appeal-on', grounds: 'cr-grounds' }));
    }
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="appeal-heading">
      <h2 className="govuk-heading-m" id="appeal-heading">
        An appeal
      </h2>
      <p className="govuk-body">The applicant may appeal until {formatDate(r.appealBy)}.</p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <TextInput
        id="cr-appeal-on"
        label="Date the appeal was received"
        type="date"
        value={on}
        onChange={setOn}
        error={errorOf('cr-appeal-on')}
        inputClass="govuk-input--width-10"
      />
      <Textarea id="cr-grounds" label="Grounds" value={grounds} onChange={setGrounds} error={errorOf('cr-grounds')} />
      <Button disabled={state.loading}>Record appeal</Button>
    </form>
  );
}

function AppealOutcome({ r, onDone }: { r: Review; onDone: (what: string) => void }) {
  const meetings = useReviewMeetings(r.meetingId);
  const [meetingId, setMeetingId] = useState('');
  const [upheld, setUpheld] = useState('');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [record, state] = useMutation(RecordAppealOutcome);
  const errorOf = (id: string) => errors.find((e) => e.href === id)?.text;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!meetingId) missing.push({ text: 'Choose the meeting that heard the appeal', href: 'cr-appeal-meeting' });
    if (!upheld) missing.push({ text: 'Say whether the appeal was upheld', href: 'cr-upheld' });
    if (outcome.trim().length < 3) missing.push({ text: 'Enter the appeal’s outcome', href: 'cr-appeal-outcome' });
    setErrors(missing);
    if (missing.length) return;
    try {
      await record({ variables: { id: r.id, meetingId, upheld: upheld === 'yes', outcome: outcome.trim() } });
      onDone('The appeal’s outcome was recorded.');
    } catch (error) {
      setErrors(errorsFor(error, { meetingId: 'cr-appeal-meeting', outcome: 'cr-appeal-outcome' }));
    }
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="appeal-outcome-heading">
      <h2 className="govuk-heading-m" id="appeal-outcome-heading">
        The appeal’s outcome
      </h2>
      {r.appealHearing && (
        <p className="govuk-body">
          Hear it by {formatDate(r.appealHearing.dueAt)}, chaired by someone who did not chair the review.
        </p>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <Select
        id="cr-appeal-meeting"
        label="Case Review meeting that heard the appeal"
        value={meetingId}
        onChange={setMeetingId}
        options={[{ value: '', text: 'Choose a meeting' }, ...meetings]}
        error={errorOf('cr-appeal-meeting')}
      />
      <Radios
        id="cr-upheld"
        legend="Was the appeal upheld?"
        inline
        error={errorOf('cr-upheld')}
        value={upheld}
        onChange={setUpheld}
        options={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
      />
      <Textarea
        id="cr-appeal-outcome"
        label="Outcome"
        value={outcome}
        onChange={setOutcome}
        error={errorOf('cr-appeal-outcome')}
      />
      <Button disabled={state.loading}>Record the appeal’s outcome</Button>
    </form>
  );
}
