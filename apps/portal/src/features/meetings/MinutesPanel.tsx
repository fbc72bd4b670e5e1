import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { ErrorSummary, Textarea, type FieldError } from '../../ui/govuk';
import { MeetingDetail } from './queries';
import type { AgendaItemData, MeetingData } from './types';

const RecordMinutes = graphql(`
  mutation RecordMinutes($agendaItemId: ID!, $minutes: String!) {
    recordMinutes(agendaItemId: $agendaItemId, minutes: $minutes) {
      id
      minutes
    }
  }
`);

/** The item's minutes (restricted to attendees); the chair writes them. */
export function MinutesPanel({ m, item, chair }: { m: MeetingData; item: AgendaItemData; chair: boolean }) {
  const id = `item-${item.id}-minutes`;
  const [form, update, reset] = useDraft(`meeting.${m.id}.minutes.${item.id}`, () => ({ minutes: item.minutes ?? '' }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [record, { loading }] = useMutation(RecordMinutes, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!form.minutes.trim()) {
      setErrors([{ text: 'Enter the minutes', href: id }]);
      return;
    }
    setErrors([]);
    try {
      const { data } = await record({ variables: { agendaItemId: item.id, minutes: form.minutes.trim() } });
      reset({ minutes: data?.recordMinutes.minutes ?? form.minutes.trim() });
      setSaved(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => (f === 'minutes' ? { id, label: 'Minutes' } : undefined)));
    }
  };

  return (
    <>
      <h4 className="govuk-heading-s">Minutes</h4>
      {!chair && (
        <p className="govuk-body app-preserve-lines">{item.minutes || 'No minutes have been recorded yet.'}</p>
      )}
      {chair && (
        <form onSubmit={submit} noValidate aria-label={`Minutes of item ${item.position}`}>
          {errors.length > 0 && <ErrorSummary errors={errors} />}
          {saved && (
            <p className="govuk-body govuk-!-font-weight-bold" role="status">
              The minutes were saved.
            </p>
          )}
          <Textarea
            id={id}
            label={`Minutes of item ${item.position}`}
            labelClass="govuk-visually-hidden"
            hint="Restricted: only attendees read the minutes"
            rows={5}
            value={form.minutes}
            onChange={(minutes) => update({ minutes })}
            error={errors.find((e) => e.href === id)?.text}
          />
          <button
            type="submit"
            className="govuk-button govuk-button--secondary"
            disabled={loading}
            data-module="govuk-button"
          >
            Save minutes
          </button>
        </form>
      )}
    </>
  );
}
