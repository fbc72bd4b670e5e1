import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ActionKind } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { ACTION_KINDS, formatDate, options } from '../../format';
import { ErrorSummary, Select, Table, TextInput, Textarea, type FieldError } from '../../ui/govuk';
import { ActionStatusTag } from '../actions/ActionsTab';
import { MeetingDetail } from './queries';
import type { AgendaItemData, MeetingActionData, MeetingData } from './types';

const RecordMeetingAction = graphql(`
  mutation RecordMeetingAction($agendaItemId: ID!, $input: MeetingActionInput!) {
    recordMeetingAction(agendaItemId: $agendaItemId, input: $input) {
      id
    }
  }
`);

function ActionTable({ caption, actions }: { caption: string; actions: MeetingActionData[] }) {
  return (
    <Table
      caption={caption}
      captionClass="govuk-table__caption--s"
      head={['Action', 'Agency responsible', 'Due', 'Status']}
      rows={actions}
      rowKey={(a) => a.id}
      cells={(a) => [
        a.description,
        a.ownerAgency.name,
        a.dueAt ? formatDate(a.dueAt) : 'No due date',
        <ActionStatusTag action={a} />,
      ]}
    />
  );
}

/** Actions agreed on the item, earlier actions up for review, and (for the chair) a form to agree one. */
export function ItemActions({ m, item, chair }: { m: MeetingData; item: AgendaItemData; chair: boolean }) {
  const agreed = item.actions ?? [];
  const notDone = item.actionsNotDone ?? [];
  const noLongerNeeded = item.actionsNoLongerNeeded ?? [];
  return (
    <>
      <h4 className="govuk-heading-s">Actions</h4>
      {agreed.length === 0 ? (
        <p className="govuk-body">No actions have been agreed on this item yet.</p>
      ) : (
        <ActionTable caption={`Agreed at this meeting, item ${item.position}`} actions={agreed} />
      )}
      {notDone.length > 0 && <ActionTable caption={`For review: not done, item ${item.position}`} actions={notDone} />}
      {noLongerNeeded.length > 0 && (
        <ActionTable caption={`For review: no longer needed, item ${item.position}`} actions={noLongerNeeded} />
      )}
      {chair && <MeetingActionForm m={m} item={item} />}
    </>
  );
}

interface ActionDraft {
  kind: string;
  description: string;
  ownerAgencyId: string;
  dueAt: string;
}

function MeetingActionForm({ m, item }: { m: MeetingData; item: AgendaItemData }) {
  const prefix = `item-${item.id}-action`;
  const fields: Record<string, { id: string; label: string }> = {
    kind: { id: `${prefix}-kind`, label: 'Kind' },
    ownerAgencyId: { id: `${prefix}-agency`, label: 'Agency responsible' },
    description: { id: `${prefix}-description`, label: 'Action' },
    dueAt: { id: `${prefix}-due`, label: 'Due date' },
  };
  const [form, update, reset] = useDraft<ActionDraft>(`meeting.${m.id}.action.${item.id}`, () => ({
    kind: 'OTHER_ACTION',
    description: '',
    ownerAgencyId: '',
    dueAt: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [added, setAdded] = useState(false);
  const [record, { loading }] = useMutation(RecordMeetingAction, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const problems: FieldError[] = [];
    if (!form.ownerAgencyId) problems.push({ text: 'Select the agency responsible', href: fields.ownerAgencyId.id });
    if (form.description.trim().length < 3)
      problems.push({ text: 'Enter the action, in at least 3 characters', href: fields.description.id });
    // A due date means the end of that day, in the user's time zone.
    const due = form.dueAt ? new Date(`${form.dueAt}T23:59:59`) : null;
    if (!due || Number.isNaN(due.getTime()))
      problems.push({ text: 'Enter the date the action is due', href: fields.dueAt.id });
    setErrors(problems);
    if (problems.length) return;
    try {
      await record({
        variables: {
          agendaItemId: item.id,
          input: {
            kind: form.kind as ActionKind,
            description: form.description.trim(),
            ownerAgencyId: form.ownerAgencyId,
            dueAt: due!.toISOString(),
          },
        },
      });
      reset();
      setAdded(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => fields[f.replace(/^input\./, '')]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <details className="govuk-details" open={errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record an action on item {item.position}</span>
      </summary>
      <div className="govuk-details__text">
        {added && (
          <p className="govuk-body govuk-!-font-weight-bold" role="status">
            The action was recorded.
          </p>
        )}
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <form onSubmit={submit} noValidate aria-label={`Record an action on item ${item.position}`}>
          <Select
            id={fields.ownerAgencyId.id}
            label={fields.ownerAgencyId.label}
            value={form.ownerAgencyId}
            onChange={(ownerAgencyId) => update({ ownerAgencyId })}
            error={err(fields.ownerAgencyId.id)}
            options={[
              { value: '', text: 'Select an attending agency' },
              ...m.agencies.map((a) => ({ value: a.id, text: a.name })),
            ]}
          />
          <Textarea
            id={fields.description.id}
            label={fields.description.label}
            rows={3}
            value={form.description}
            onChange={(description) => update({ description })}
            error={err(fields.description.id)}
          />
          <TextInput
            id={fields.dueAt.id}
            label={fields.dueAt.label}
            type="date"
            inputClass="govuk-input--width-10"
            value={form.dueAt}
            onChange={(dueAt) => update({ dueAt })}
            error={err(fields.dueAt.id)}
          />
          <Select
            id={fields.kind.id}
            label={fields.kind.label}
            value={form.kind}
            onChange={(kind) => update({ kind })}
            options={options(ACTION_KINDS)}
          />
          <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
            Record action
          </button>
        </form>
      </div>
    </details>
  );
}
