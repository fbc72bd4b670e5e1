import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorCode, errorField, errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { ErrorSummary, Textarea, type FieldError } from '../../ui/govuk';
import { PlaceLegalHold, ReleaseLegalHold } from './queries';

export type HoldChange = 'place' | 'release';

/** What became of the request: done, or refused because someone else placed or released the hold first. */
export type HoldOutcome = 'done' | 'conflict';

const TEXT: Record<HoldChange, { label: string; hint: string; missing: string; button: string }> = {
  place: {
    label: 'Why must this case be kept whole?',
    hint: 'For example: possession proceedings, a complaint or a request for records under way. The reason is kept in the audit trail.',
    missing: 'Enter why the case must be kept, in at least 3 characters',
    button: 'Place legal hold',
  },
  release: {
    label: 'Why can the hold be released?',
    hint: 'For example: the proceedings have concluded. Once released, retention applies to the case as usual.',
    missing: 'Enter why the hold can be released, in at least 3 characters',
    button: 'Release hold',
  },
};

/**
 * The reason for placing or releasing a legal hold (3–2,000 characters, as the API asks), and the button
 * that sends it. `refetch` brings the reader's view up to date before `onDone` is told the outcome.
 */
export function HoldReasonForm({
  caseId,
  reference,
  change,
  idPrefix,
  refetch,
  onDone,
  onCancel,
}: {
  caseId: string;
  reference: string;
  change: HoldChange;
  idPrefix: string;
  refetch: () => Promise<unknown>;
  onDone: (outcome: HoldOutcome) => void;
  onCancel?: () => void;
}) {
  const text = TEXT[change];
  const fieldId = `${idPrefix}-reason`;
  const [form, update, reset] = useDraft<{ reason: string }>(`legal-hold.${caseId}.${change}`, () => ({ reason: '' }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [place] = useMutation(PlaceLegalHold);
  const [release] = useMutation(ReleaseLegalHold);

  // The form appears on request: put the cursor where the reason goes.
  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const reason = form.reason.trim();
    const problems: FieldError[] = [];
    if (reason.length < 3) problems.push({ text: text.missing, href: fieldId });
    else if (reason.length > 2000)
      problems.push({ text: 'The reason must be 2,000 characters or fewer', href: fieldId });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await (change === 'place' ? place : release)({ variables: { caseId, reason } });
      await refetch();
      reset();
      onDone('done');
    } catch (err) {
      if (errorCode(err) === 'CONFLICT') {
        // Someone else placed (or released) the hold first: the reader's view is read again, and the text kept.
        await refetch().catch(() => undefined);
        onDone('conflict');
      } else if (errorField(err) === 'reason') {
        setErrors([{ text: errorMessages(err)[0], href: fieldId }]);
      } else {
        setErrors(errorMessages(err).map((t) => ({ text: t })));
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldError = errors.find((e) => e.href === fieldId)?.text;
  return (
    <form onSubmit={submit} noValidate id={`${idPrefix}-form`} aria-label={`${text.button} on ${reference}`}>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <Textarea
        id={fieldId}
        label={text.label}
        labelClass="govuk-label--s"
        hint={text.hint}
        rows={3}
        value={form.reason}
        onChange={(reason) => update({ reason })}
        error={fieldError}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} data-module="govuk-button">
          {text.button}
          <span className="govuk-visually-hidden"> on {reference}</span>
        </button>
        {onCancel && (
          <button
            type="button"
            className="govuk-link app-link-button"
            onClick={() => {
              reset();
              onCancel();
            }}
          >
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
