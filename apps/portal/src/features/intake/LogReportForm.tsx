import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { CaseCategory, IntakeChannel } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { CASE_CATEGORIES, humanise, options } from '../../format';
import {
  Checkboxes,
  ErrorSummary,
  NotificationBanner,
  Select,
  TextInput,
  Textarea,
  type FieldError,
} from '../../ui/govuk';
import { SubmitIntakeReport, TRIAGE_QUERIES } from './queries';

/** Most common first: most reports come in by phone. */
const CHANNELS = ['PHONE', 'EMAIL', 'ONLINE', 'IN_PERSON', 'APP', 'PARTNER_SYSTEM'] as const;

interface LogDraft {
  channel: string;
  receivedAt: string;
  category: string;
  summary: string;
  ward: string;
  address: string;
  reporterName: string;
  reporterPhone: string;
  anonymous: string[];
  subjectName: string;
}

const EMPTY: LogDraft = {
  channel: 'PHONE',
  receivedAt: '',
  category: '',
  summary: '',
  ward: '',
  address: '',
  reporterName: '',
  reporterPhone: '',
  anonymous: [],
  subjectName: '',
};

const FIELDS: Record<string, { id: string; label: string }> = {
  channel: { id: 'log-channel', label: 'How it came in' },
  receivedAt: { id: 'log-received', label: 'When it came in' },
  category: { id: 'log-category', label: 'Category' },
  summary: { id: 'log-summary', label: 'What was reported' },
  ward: { id: 'log-ward', label: 'Ward' },
  address: { id: 'log-address', label: 'Address or place' },
  reporterName: { id: 'log-reporter-name', label: "Reporter's name" },
  reporterPhone: { id: 'log-reporter-phone', label: "Reporter's phone number" },
  subjectName: { id: 'log-subject', label: 'Who it is about' },
};

/** A report as it comes in (a call, an email, someone at the desk): it joins the queue above, waiting for a decision. */
export function LogReportForm() {
  const [form, update, reset] = useDraft<LogDraft>('triage.log', () => ({ ...EMPTY }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [logged, setLogged] = useState(false);
  const [submitReport, { loading }] = useMutation(SubmitIntakeReport, {
    refetchQueries: TRIAGE_QUERIES,
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLogged(false);
    const problems: FieldError[] = [];
    if (!form.category) problems.push({ text: 'Select a category', href: FIELDS.category.id });
    if (form.summary.trim().length < 3)
      problems.push({ text: 'Enter what was reported, in at least 3 characters', href: FIELDS.summary.id });
    if (!form.ward.trim()) problems.push({ text: 'Enter the ward', href: FIELDS.ward.id });
    const received = form.receivedAt ? new Date(form.receivedAt) : null;
    if (received && Number.isNaN(received.getTime()))
      problems.push({ text: 'Enter a real date and time the report came in', href: FIELDS.receivedAt.id });
    else if (received && received.getTime() > Date.now() + 60_000)
      problems.push({ text: 'When it came in cannot be in the future', href: FIELDS.receivedAt.id });
    else if (received && received.getTime() < Date.now() - 30 * 86_400_000)
      problems.push({ text: 'When it came in can be at most 30 days ago', href: FIELDS.receivedAt.id });
    setErrors(problems);
    if (problems.length) return;
    const name = form.reporterName.trim();
    try {
      await submitReport({
        variables: {
          input: {
            channel: form.channel as IntakeChannel,
            receivedAt: received ? received.toISOString() : null,
            category: form.category as CaseCategory,
            summary: form.summary.trim(),
            ward: form.ward.trim(),
            address: form.address.trim() || null,
            reporterName: name || null,
            reporterPhone: form.reporterPhone.trim() || null,
            // A report with no name is anonymous; a named reporter may still ask not to be named outside the agency.
            anonymous: !name || form.anonymous.includes('yes'),
            subjectName: form.subjectName.trim() || null,
          },
        },
      });
      reset();
      setLogged(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => FIELDS[f]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="log-report-heading" className="govuk-!-margin-top-8" id="log-report">
      <h2 className="govuk-heading-l" id="log-report-heading">
        Log a report
      </h2>
      {logged && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            The report was logged. It is now in the queue, waiting for a decision.
          </p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="log-report-heading">
        <Select
          id={FIELDS.channel.id}
          label="How it came in"
          value={form.channel}
          onChange={(channel) => update({ channel })}
          options={CHANNELS.map((c) => ({ value: c, text: humanise(c) }))}
        />
        <TextInput
          id={FIELDS.receivedAt.id}
          label="When it came in"
          hint="Leave blank if it came in just now"
          type="datetime-local"
          inputClass="govuk-input--width-20"
          value={form.receivedAt}
          onChange={(receivedAt) => update({ receivedAt })}
          error={err(FIELDS.receivedAt.id)}
        />
        <Select
          id={FIELDS.category.id}
          label="Category"
          value={form.category}
          onChange={(category) => update({ category })}
          error={err(FIELDS.category.id)}
          options={[{ value: '', text: 'Select a category' }, ...options(CASE_CATEGORIES)]}
        />
        <Textarea
          id={FIELDS.summary.id}
          label="What was reported"
          hint="In the reporter's words where you can"
          rows={5}
          value={form.summary}
          onChange={(summary) => update({ summary })}
          error={err(FIELDS.summary.id)}
        />
        <TextInput
          id={FIELDS.ward.id}
          label="Ward"
          inputClass="govuk-input--width-20"
          value={form.ward}
          onChange={(ward) => update({ ward })}
          error={err(FIELDS.ward.id)}
        />
        <TextInput
          id={FIELDS.address.id}
          label="Address or place"
          hint="Optional"
          autoComplete="off"
          value={form.address}
          onChange={(address) => update({ address })}
          error={err(FIELDS.address.id)}
        />
        <TextInput
          id={FIELDS.reporterName.id}
          label="Reporter's name"
          hint="Optional. Leave blank for an anonymous report"
          autoComplete="off"
          value={form.reporterName}
          onChange={(reporterName) => update({ reporterName })}
          error={err(FIELDS.reporterName.id)}
        />
        <TextInput
          id={FIELDS.reporterPhone.id}
          label="Reporter's phone number"
          hint="Optional"
          type="tel"
          autoComplete="off"
          inputClass="govuk-input--width-20"
          value={form.reporterPhone}
          onChange={(reporterPhone) => update({ reporterPhone })}
          error={err(FIELDS.reporterPhone.id)}
        />
        <Checkboxes
          id="log-anonymous"
          legend="Anonymity"
          values={form.anonymous}
          onChange={(anonymous) => update({ anonymous })}
          options={[{ value: 'yes', text: 'The reporter asked not to be named outside your agency' }]}
        />
        <TextInput
          id={FIELDS.subjectName.id}
          label="Who it is about"
          hint="Optional. The name of the person causing the problem, if known"
          autoComplete="off"
          value={form.subjectName}
          onChange={(subjectName) => update({ subjectName })}
          error={err(FIELDS.subjectName.id)}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Log report
        </button>
      </form>
    </section>
  );
}
