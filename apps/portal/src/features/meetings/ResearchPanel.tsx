import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import type { SessionUser } from '../../session';
import { formatDateTime } from '../../format';
import { ErrorSummary, Textarea, type FieldError } from '../../ui/govuk';
import { MeetingDetail } from './queries';
import type { AgendaItemData, MeetingData } from './types';

const RecordResearch = graphql(`
  mutation RecordResearch($agendaItemId: ID!, $summary: String!) {
    recordResearch(agendaItemId: $agendaItemId, summary: $summary) {
      agencyId
      summary
    }
  }
`);

/** What each attending agency holds on the case, and a form for the reader's own agency. */
export function ResearchPanel({ m, item, user }: { m: MeetingData; item: AgendaItemData; user: SessionUser }) {
  const research = item.research ?? [];
  const agencyName = (id: string) => m.agencies.find((a) => a.id === id)?.name ?? 'An attending agency';
  const ours = research.find((r) => r.agencyId === user.agency.id);
  const id = `item-${item.id}-research`;
  const [form, update, reset] = useDraft(`meeting.${m.id}.research.${item.id}`, () => ({
    summary: ours?.summary ?? '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [record, { loading }] = useMutation(RecordResearch, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!form.summary.trim()) {
      setErrors([{ text: 'Enter what your agency holds on the case', href: id }]);
      return;
    }
    setErrors([]);
    try {
      const { data } = await record({ variables: { agendaItemId: item.id, summary: form.summary.trim() } });
      reset({ summary: data?.recordResearch.summary ?? form.summary.trim() });
      setSaved(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => (f === 'summary' ? { id, label: 'Research' } : undefined)));
    }
  };

  return (
    <>
      <h4 className="govuk-heading-s">Research by agency</h4>
      {research.length === 0 ? (
        <p className="govuk-body">No agency has recorded research yet.</p>
      ) : (
        <dl className="govuk-summary-list">
          {research.map((r) => (
            <div className="govuk-summary-list__row" key={r.agencyId}>
              <dt className="govuk-summary-list__key">{agencyName(r.agencyId)}</dt>
              <dd className="govuk-summary-list__value">
                {r.summary}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">Recorded {formatDateTime(r.recordedAt)}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {!m.closedAt && (
        <form onSubmit={submit} noValidate aria-label={`Your agency's research, item ${item.position}`}>
          {errors.length > 0 && <ErrorSummary errors={errors} />}
          {saved && (
            <p className="govuk-body govuk-!-font-weight-bold" role="status">
              Your agency's research was saved.
            </p>
          )}
          <Textarea
            id={id}
            label={`What ${user.agency.name} holds on this case`}
            hint="Replaces your agency's earlier research"
            rows={3}
            value={form.summary}
            onChange={(summary) => update({ summary })}
            error={errors.find((e) => e.href === id)?.text}
          />
          <button
            type="submit"
            className="govuk-button govuk-button--secondary"
            disabled={loading}
            data-module="govuk-button"
          >
            Save research
          </button>
        </form>
      )}
    </>
  );
}
