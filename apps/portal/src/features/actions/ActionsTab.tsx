import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ActionKind, ActionStatus } from '../../gql/graphql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { ACTION_KINDS, formatDate, humanise, londonDay, options } from '../../format';
import {
  ErrorSummary,
  NotificationBanner,
  Select,
  Table,
  Tag,
  TextInput,
  Textarea,
  type FieldError,
} from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { CaseDetail } from '../cases/queries';

const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;

const UpdateAction = graphql(`
  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {
    updateAction(id: $id, input: $input) {
      id
      status
      outcome
      completedAt
      servedAt
      hearingAt
      expiresAt
    }
  }
`);

/** A date chosen in a date input, as an instant: midday, so it is the same day in London whatever the clocks do. */
const middayOf = (day: string) => new Date(`${day}T12:00:00`);

const AddAction = graphql(`
  mutation AddAction($caseId: ID!, $input: ActionInput!) {
    addAction(caseId: $caseId, input: $input) {
      id
    }
  }
`);

/** Whom an action for the chosen agency may go to: asked of the API, which offers only people who may hold it. */
const CaseAssignees = graphql(`
  query CaseAssignees($id: ID!, $agencyId: ID!) {
    case(id: $id) {
      id
      possibleAssignees(agencyId: $agencyId) {
        id
        displayName
      }
    }
  }
`);

export function isOverdue(a: { status: string; dueAt?: string | null }, now = Date.now()): boolean {
  return (a.status === 'OPEN' || a.status === 'IN_PROGRESS') && !!a.dueAt && Date.parse(a.dueAt) < now;
}

export function ActionStatusTag({ action }: { action: { status: string; dueAt?: string | null } }) {
  if (isOverdue(action)) return <Tag colour="red">Overdue</Tag>;
  const colour =
    action.status === 'DONE'
      ? 'green'
      : action.status === 'CANCELLED'
        ? 'grey'
        : action.status === 'IN_PROGRESS'
          ? 'blue'
          : 'light-blue';
  return <Tag colour={colour}>{humanise(action.status)}</Tag>;
}

export function ActionsTab({ c }: { c: CaseData }) {
  const updatable = c.actions.filter((a) => a.viewerCan.update);
  return (
    <>
      <h2 className="govuk-heading-m">Actions</h2>
      {c.actions.length === 0 ? (
        <p className="govuk-body">No actions have been added.</p>
      ) : (
        <Table
          caption={`${c.actions.length} ${c.actions.length === 1 ? 'action' : 'actions'}, oldest first`}
          captionClass="govuk-table__caption--s"
          head={['Kind', 'Description', 'Agency responsible', 'Due', 'Status', 'Legal dates']}
          rows={c.actions}
          rowKey={(a) => a.id}
          cells={(a) => [
            <>
              {humanise(a.kind)}
              {a.legal && (
                <>
                  {' '}
                  <Tag colour="purple">Legal</Tag>
                </>
              )}
            </>,
            a.description,
            a.ownerAgency.name,
            a.dueAt ? formatDate(a.dueAt) : 'No due date',
            <ActionStatusTag action={a} />,
            <LegalDates action={a} />,
          ]}
        />
      )}
      {updatable.length > 0 && (
        <section aria-labelledby="progress-heading" className="govuk-!-margin-top-6">
          <h3 className="govuk-heading-s" id="progress-heading">
            Record progress
          </h3>
          <div className="app-progress-list">
            {updatable.map((a) => (
              <ActionProgress key={a.id} c={c} action={a} number={c.actions.indexOf(a) + 1} />
            ))}
          </div>
        </section>
      )}
      <AddActionForm c={c} />
    </>
  );
}

interface ActionDraft {
  kind: string;
  description: string;
  ownerAgencyId: string;
  assigneeId: string;
  dueAt: string;
}

function AddActionForm({ c }: { c: CaseData }) {
  // The owner, or an agency the case is shared with, may carry an action out.
  const agencies = [c.ownerAgency, ...c.shares.map((s) => s.agency).filter((a) => a.id !== c.ownerAgency.id)];
  const [form, update, reset] = useDraft<ActionDraft>(`case.${c.id}.action`, () => ({
    kind: '',
    description: '',
    ownerAgencyId: c.ownerAgency.id,
    assigneeId: '',
    dueAt: '',
  }));
  const { data: assignees } = useQuery(CaseAssignees, { variables: { id: c.id, agencyId: form.ownerAgencyId } });
  const people = assignees?.case?.possibleAssignees ?? [];
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [added, setAdded] = useState(false);
  const [add, { loading }] = useMutation(AddAction, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const problems: FieldError[] = [];
    if (!form.kind) problems.push({ text: 'Select the kind of action', href: 'action-kind' });
    if (form.description.trim().length < 3)
      problems.push({ text: 'Enter a description of at least 3 characters', href: 'action-description' });
    // A due date means the end of that day, in the user's time zone.
    const due = form.dueAt ? new Date(`${form.dueAt}T23:59:59`) : null;
    if (due && Number.isNaN(due.getTime())) problems.push({ text: 'Enter a real due date', href: 'action-due' });
    setErrors(problems);
    if (problems.length) return;
    try {
      await add({
        variables: {
          caseId: c.id,
          input: {
            kind: form.kind as ActionKind,
            description: form.description.trim(),
            ownerAgencyId: form.ownerAgencyId,
            assigneeId: form.assigneeId || null,
            dueAt: due ? due.toISOString() : null,
          },
        },
      });
      reset();
      setAdded(true);
    } catch (err) {
      setErrors(errorMessages(err).map((text) => ({ text })));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="add-action-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="add-action-heading">
        Add an action
      </h2>
      {added && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">The action was added.</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="add-action-heading">
        <Select
          id="action-kind"
          label="Kind"
          value={form.kind}
          onChange={(kind) => update({ kind })}
          error={err('action-kind')}
          options={[{ value: '', text: 'Select a kind of action' }, ...options(ACTION_KINDS)]}
        />
        <Textarea
          id="action-description"
          label="Description"
          value={form.description}
          onChange={(description) => update({ description })}
          error={err('action-description')}
        />
        <Select
          id="action-agency"
          label="Agency responsible"
          value={form.ownerAgencyId}
          onChange={(ownerAgencyId) => update({ ownerAgencyId, assigneeId: '' })}
          options={agencies.map((a) => ({ value: a.id, text: a.name }))}
        />
        <Select
          id="action-assignee"
          label="Assigned to"
          hint="Optional. People of the agency responsible who may hold the case"
          value={form.assigneeId}
          onChange={(assigneeId) => update({ assigneeId })}
          options={[
            { value: '', text: 'Nobody in particular' },
            ...people.map((p) => ({ value: p.id, text: p.displayName })),
          ]}
        />
        <TextInput
          id="action-due"
          label="Due date"
          hint="Optional"
          type="date"
          inputClass="govuk-input--width-10"
          value={form.dueAt}
          onChange={(dueAt) => update({ dueAt })}
          error={err('action-due')}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Add action
        </button>
      </form>
    </section>
  );
}

type Action = CaseData['actions'][number];

/** Served, hearing and expiry, for the kinds that have them; "None" for the rest. */
function LegalDates({ action }: { action: Action }) {
  if (!action.registered) return <span className="app-withheld">None</span>;
  const dates = [
    ['Served', action.servedAt],
    ['Hearing', action.hearingAt],
    ['Expires', action.expiresAt],
  ].filter(([, at]) => at);
  if (!dates.length) return <span className="app-withheld">Not recorded</span>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0 app-nowrap">
      {dates.map(([what, at]) => (
        <li key={what}>
          {what} {formatDate(at)}
        </li>
      ))}
    </ul>
  );
}

interface ProgressDraft {
  status: string;
  outcome: string;
  /** YYYY-MM-DD; registered interventions only */
  servedAt: string;
  hearingAt: string;
  expiresAt: string;
}

/** A small form per action: its status and what came of it. */
function ActionProgress({ c, action, number }: { c: CaseData; action: Action; number: number }) {
  const prefix = `action-${action.id}`;
  const registered = action.registered;
  const valuesOf = (a: Pick<Action, 'status' | 'outcome' | 'servedAt' | 'hearingAt' | 'expiresAt'>): ProgressDraft => ({
    status: a.status,
    outcome: a.outcome ?? '',
    servedAt: londonDay(a.servedAt) ?? '',
    hearingAt: londonDay(a.hearingAt) ?? '',
    expiresAt: londonDay(a.expiresAt) ?? '',
  });
  const [form, update, reset] = useDraft<ProgressDraft>(`case.${c.id}.action.${action.id}`, () => valuesOf(action));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(UpdateAction, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });
  const fields: Record<string, { id: string; label: string }> = {
    status: { id: `${prefix}-status`, label: 'Status' },
    outcome: { id: `${prefix}-outcome`, label: 'Outcome' },
    servedAt: { id: `${prefix}-served`, label: 'Served or signed on' },
    hearingAt: { id: `${prefix}-hearing`, label: 'Court hearing' },
    expiresAt: { id: `${prefix}-expires`, label: 'Expires on' },
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const problems: FieldError[] = [];
    const day = (name: 'servedAt' | 'hearingAt' | 'expiresAt') => {
      const value = form[name];
      if (!value) return null;
      const at = middayOf(value);
      if (Number.isNaN(at.getTime()))
        problems.push({ text: `Enter a real date for ${fields[name].label.toLowerCase()}`, href: fields[name].id });
      return at;
    };
    const served = registered ? day('servedAt') : null;
    const hearing = registered ? day('hearingAt') : null;
    const expires = registered ? day('expiresAt') : null;
    if (served && served.getTime() > Date.now() + 12 * 3600 * 1000)
      problems.push({ text: 'The date it was served or signed cannot be in the future', href: fields.servedAt.id });
    if (served && hearing && hearing < served)
      problems.push({ text: 'The court hearing cannot be before it was served', href: fields.hearingAt.id });
    if (served && expires && expires <= served)
      problems.push({ text: 'It must expire after the date it was served', href: fields.expiresAt.id });
    setErrors(problems);
    if (problems.length) return;
    // The API keeps a date until another is given: send only the dates that were changed.
    const changed = (name: 'servedAt' | 'hearingAt' | 'expiresAt', at: Date | null) =>
      at && form[name] !== (londonDay(action[name]) ?? '') ? at.toISOString() : undefined;
    const dates = {
      servedAt: changed('servedAt', served),
      hearingAt: changed('hearingAt', hearing),
      expiresAt: changed('expiresAt', expires),
    };
    try {
      const { data } = await save({
        variables: {
          id: action.id,
          input: { status: form.status as ActionStatus, outcome: form.outcome.trim() || null, ...dates },
        },
      });
      const u = data?.updateAction;
      reset(u ? valuesOf(u) : undefined);
      setSaved(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => fields[f]));
    }
  };
  const months = action.lapseMonths;
  const err = (id: string) => errors.find((e) => e.href === id)?.text;
  const name = `action ${number}: ${humanise(action.kind)}`;

  return (
    <details className="govuk-details" open={errors.length > 0 || saved || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Update {name}</span>
      </summary>
      <div className="govuk-details__text">
        {saved && (
          <p className="govuk-body govuk-!-font-weight-bold" role="status">
            Progress saved: {humanise(action.status)}.
          </p>
        )}
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <form onSubmit={submit} noValidate aria-label={`Update ${name}`}>
          <Select
            id={`${prefix}-status`}
            label="Status"
            value={form.status}
            onChange={(status) => update({ status })}
            error={err(`${prefix}-status`)}
            options={options(ACTION_STATUSES)}
          />
          <Textarea
            id={`${prefix}-outcome`}
            label="Outcome"
            hint="What came of it, so far"
            rows={3}
            value={form.outcome}
            onChange={(outcome) => update({ outcome })}
            error={err(`${prefix}-outcome`)}
          />
          {registered && (
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset" aria-describedby={`${prefix}-dates-hint`}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Legal dates</legend>
                <div id={`${prefix}-dates-hint`} className="govuk-hint">
                  These go on your agency's interventions register. A date once recorded can be changed but not cleared.
                </div>
                <TextInput
                  id={fields.servedAt.id}
                  label="Served or signed on"
                  type="date"
                  inputClass="govuk-input--width-10"
                  value={form.servedAt}
                  onChange={(servedAt) => update({ servedAt })}
                  error={err(fields.servedAt.id)}
                />
                <TextInput
                  id={fields.hearingAt.id}
                  label="Court hearing (optional)"
                  type="date"
                  inputClass="govuk-input--width-10"
                  value={form.hearingAt}
                  onChange={(hearingAt) => update({ hearingAt })}
                  error={err(fields.hearingAt.id)}
                />
                <TextInput
                  id={fields.expiresAt.id}
                  label="Expires on (optional)"
                  hint={
                    months
                      ? `Leave empty and it expires ${months} months after it was served`
                      : 'Leave empty if it has no end date'
                  }
                  type="date"
                  inputClass="govuk-input--width-10"
                  value={form.expiresAt}
                  onChange={(expiresAt) => update({ expiresAt })}
                  error={err(fields.expiresAt.id)}
                />
              </fieldset>
            </div>
          )}
          <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
            Save progress
          </button>
        </form>
      </div>
    </details>
  );
}
