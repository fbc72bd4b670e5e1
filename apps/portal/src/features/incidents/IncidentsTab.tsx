import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseCategory } from '../../gql/graphql';
import { errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { CASE_CATEGORIES, formatDateTime, humanise, options } from '../../format';
import {
  ErrorSummary,
  NotificationBanner,
  Select,
  Table,
  TextInput,
  Textarea,
  Withheld,
  type FieldError,
} from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { CaseDetail } from '../cases/queries';

const LogIncident = graphql(`
  mutation LogIncident($caseId: ID!, $input: IncidentInput!) {
    logIncident(caseId: $caseId, input: $input) {
      id
      occurredAt
    }
  }
`);

export function IncidentsTab({ c }: { c: CaseData }) {
  return (
    <>
      <h2 className="govuk-heading-m">Incidents</h2>
      {c.incidents.length === 0 ? (
        <p className="govuk-body">No incidents have been logged.</p>
      ) : (
        <Table
          caption={`${c.incidents.length} ${c.incidents.length === 1 ? 'incident' : 'incidents'}, newest first`}
          captionClass="govuk-table__caption--s"
          head={['When it happened', 'Category', 'Description', 'Location', 'Logged by']}
          rows={c.incidents}
          rowKey={(i) => i.id}
          cells={(i) => [
            formatDateTime(i.occurredAt),
            humanise(i.category),
            i.description,
            i.redactedFields.includes('location') ? <Withheld /> : (i.location ?? 'Not recorded'),
            i.loggedByAgency.name,
          ]}
        />
      )}
      <LogIncidentForm c={c} />
    </>
  );
}

interface IncidentDraft {
  occurredAt: string;
  category: string;
  description: string;
  location: string;
}

function LogIncidentForm({ c }: { c: CaseData }) {
  const [form, update, reset] = useDraft<IncidentDraft>(`case.${c.id}.incident`, () => ({
    occurredAt: '',
    category: c.category,
    description: '',
    location: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [logged, setLogged] = useState(false);
  const [log, { loading }] = useMutation(LogIncident, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLogged(false);
    const problems: FieldError[] = [];
    const when = form.occurredAt ? new Date(form.occurredAt) : null;
    if (!when || Number.isNaN(when.getTime())) problems.push({ text: 'Enter when it happened', href: 'incident-when' });
    else if (when.getTime() > Date.now())
      problems.push({ text: 'When it happened must be in the past', href: 'incident-when' });
    if (form.description.trim().length < 3)
      problems.push({ text: 'Enter a description of at least 3 characters', href: 'incident-description' });
    setErrors(problems);
    if (problems.length || !when) return;
    try {
      await log({
        variables: {
          caseId: c.id,
          input: {
            occurredAt: when.toISOString(),
            category: form.category as CaseCategory,
            description: form.description.trim(),
            location: form.location.trim() || null,
          },
        },
      });
      reset();
      setLogged(true);
    } catch (err) {
      setErrors(errorMessages(err).map((text) => ({ text })));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="log-incident-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="log-incident-heading">
        Log an incident
      </h2>
      {logged && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">The incident was logged.</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="log-incident-heading">
        <TextInput
          id="incident-when"
          label="When it happened"
          type="datetime-local"
          inputClass="govuk-input--width-20"
          value={form.occurredAt}
          onChange={(occurredAt) => update({ occurredAt })}
          error={err('incident-when')}
        />
        <Select
          id="incident-category"
          label="Category"
          value={form.category}
          onChange={(category) => update({ category })}
          options={options(CASE_CATEGORIES)}
        />
        <Textarea
          id="incident-description"
          label="Description"
          value={form.description}
          onChange={(description) => update({ description })}
          error={err('incident-description')}
        />
        <TextInput
          id="incident-location"
          label="Location"
          hint="For example, a street, a block or a park"
          value={form.location}
          onChange={(location) => update({ location })}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Log incident
        </button>
      </form>
    </section>
  );
}
