import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ActionPlansQuery, ContactChannel } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { CONTACT_CHANNELS, formatDateTime, humanise, options } from '../../format';
import {
  ErrorSummary,
  NotificationBanner,
  Select,
  SummaryList,
  TextInput,
  Withheld,
  type FieldError,
} from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { CaseDetail } from '../cases/queries';
import { ClockTag, doneText } from '../service-standards/ServiceClocks';

const ActionPlans = graphql(`
  query ActionPlans($id: ID!) {
    case(id: $id) {
      id
      actionPlans {
        id
        agreedAt
        agreedWith
        ourCommitments
        reporterCommitments
        updateEveryDays
        updateChannel
        recordedAt
      }
    }
  }
`);

const AgreeActionPlan = graphql(`
  mutation AgreeActionPlan($caseId: ID!, $input: ActionPlanInput!) {
    agreeActionPlan(caseId: $caseId, input: $input) {
      id
      agreedWith
    }
  }
`);

type Plan = NonNullable<NonNullable<ActionPlansQuery['case']>['actionPlans']>[number];

const list = (items: string[], empty: string) =>
  items.length ? (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  ) : (
    <span className="app-withheld">{empty}</span>
  );

const every = (p: Plan) =>
  `Every ${p.updateEveryDays === 1 ? 'day' : `${p.updateEveryDays} days`}, by ${humanise(p.updateChannel).toLowerCase()}`;

function planRows(p: Plan) {
  return [
    { key: 'Agreed with', value: p.agreedWith },
    { key: 'Agreed on', value: formatDateTime(p.agreedAt) },
    { key: 'What we will do', value: list(p.ourCommitments, 'Nothing recorded') },
    { key: 'What the reporter will do', value: list(p.reporterCommitments, 'Nothing asked of the reporter') },
    { key: 'Updates to the reporter', value: every(p) },
  ];
}

/**
 * The action plan agreed with the reporter: the current one, the "update the reporter" clock it sets, the
 * earlier ones folded away, and (for the owner agency) the form to agree a new one, which supersedes it.
 */
export function ActionPlanTab({ c }: { c: CaseData }) {
  const { data, loading, error } = useQuery(ActionPlans, { variables: { id: c.id }, fetchPolicy: 'cache-and-network' });
  const plans = data?.case?.actionPlans;
  const withheld = c.redactedFields.includes('actionPlans') || (data?.case && plans === null);
  const [current, ...earlier] = plans ?? [];
  const updateClock = c.serviceClocks?.find((k) => k.standard === 'REPORTER_UPDATED');
  const planClock = c.serviceClocks?.find((k) => k.standard === 'ACTION_PLAN_AGREED');
  // Said above the plan it made current, not under the form that made it.
  const [agreedWith, setAgreedWith] = useState<string | null>(null);

  return (
    <>
      <h2 className="govuk-heading-m">Action plan</h2>
      {agreedWith && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            The action plan agreed with {agreedWith} was recorded. It is now the current plan.
          </p>
        </NotificationBanner>
      )}
      {withheld ? (
        <p className="govuk-body">
          <Withheld />: action plans are read by the owner agency and agencies with full access only.
        </p>
      ) : loading && !data ? (
        <p className="govuk-body" role="status">
          Loading the action plan…
        </p>
      ) : error && !data ? (
        <p className="govuk-body">The action plan could not be loaded. Try again later.</p>
      ) : !current ? (
        <>
          <p className="govuk-body">No action plan has been agreed with the reporter yet.</p>
          {planClock && planClock.state !== 'MET' && (
            <p className="govuk-body">
              <ClockTag clock={planClock} /> Agree a plan by {formatDateTime(planClock.dueAt)}.
            </p>
          )}
        </>
      ) : (
        <section aria-labelledby="current-plan-heading">
          <h3 className="govuk-heading-s" id="current-plan-heading">
            Current plan
          </h3>
          {updateClock && (
            <div className={`app-next-update${updateClock.state === 'BREACHED' ? ' app-next-update--breached' : ''}`}>
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                Next update due by {formatDateTime(updateClock.dueAt)} <ClockTag clock={updateClock} />
              </p>
              <p className="govuk-body govuk-!-margin-bottom-0">
                {doneText(updateClock)}. Record each update as a contact on the Timeline tab.
              </p>
            </div>
          )}
          <SummaryList rows={planRows(current)} />
          {earlier.length > 0 && (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Earlier plans ({earlier.length})</span>
              </summary>
              <div className="govuk-details__text">
                {earlier.map((p) => (
                  <div key={p.id}>
                    <h4 className="govuk-heading-s">Agreed {formatDateTime(p.agreedAt)}</h4>
                    <SummaryList rows={planRows(p)} />
                  </div>
                ))}
              </div>
            </details>
          )}
        </section>
      )}
      {c.viewerCan.agreeActionPlan && !withheld && c.status === 'OPEN' && (
        <AgreePlanForm c={c} replacing={!!current} onAgreed={setAgreedWith} />
      )}
    </>
  );
}

/** Lines of text the user adds and removes ("add another"); focus follows what was added or removed. */
function CommitmentLines({
  id,
  legend,
  hint,
  lines,
  onChange,
  errors,
  minimum,
}: {
  id: string;
  legend: string;
  hint: string;
  lines: string[];
  onChange: (lines: string[]) => void;
  errors: FieldError[];
  minimum: number;
}) {
  const focusLine = useRef<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // The first line's id is the list's own, so an error about the whole list leads to it.
  const lineId = (i: number) => (i === 0 ? id : `${id}-${i}`);
  useEffect(() => {
    if (focusLine.current === null) return;
    const target = focusLine.current < 0 ? addButton.current : document.getElementById(lineId(focusLine.current));
    target?.focus();
    focusLine.current = null;
  });
  const groupError = errors.find((e) => e.href === id)?.text;
  return (
    <div className={`govuk-form-group${groupError ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`${id}-hint${groupError ? ` ${id}-error` : ''}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
        {groupError && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {groupError}
          </p>
        )}
        {lines.map((line, i) => {
          const error = i === 0 ? undefined : errors.find((e) => e.href === lineId(i))?.text;
          return (
            <div className="app-line" key={i}>
              <TextInput
                id={lineId(i)}
                label={`Line ${i + 1}`}
                value={line}
                error={error}
                onChange={(v) => onChange(lines.map((l, j) => (j === i ? v : l)))}
              />
              {lines.length > minimum && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary app-line__remove"
                  data-module="govuk-button"
                  onClick={() => {
                    focusLine.current = lines.length === 1 ? -1 : Math.max(0, i - 1);
                    onChange(lines.filter((_, j) => j !== i));
                  }}
                >
                  Remove
                  <span className="govuk-visually-hidden">
                    {' '}
                    line {i + 1} of {legend.toLowerCase()}
                  </span>
                </button>
              )}
            </div>
          );
        })}
        {lines.length < 20 && (
          <button
            type="button"
            ref={addButton}
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={() => {
              focusLine.current = lines.length;
              onChange([...lines, '']);
            }}
          >
            Add another line<span className="govuk-visually-hidden"> to {legend.toLowerCase()}</span>
          </button>
        )}
      </fieldset>
    </div>
  );
}

interface PlanDraft {
  agreedAt: string;
  agreedWith: string;
  ours: string[];
  reporters: string[];
  updateEveryDays: string;
  updateChannel: string;
}

const FIELDS: Record<string, { id: string; label: string }> = {
  agreedAt: { id: 'plan-agreed-at', label: 'When it was agreed' },
  agreedWith: { id: 'plan-agreed-with', label: 'Who it was agreed with' },
  ourCommitments: { id: 'plan-ours', label: 'What we will do' },
  reporterCommitments: { id: 'plan-reporters', label: 'What the reporter will do' },
  updateEveryDays: { id: 'plan-every', label: 'Update the reporter every' },
  updateChannel: { id: 'plan-channel', label: 'How to update the reporter' },
};

function AgreePlanForm({
  c,
  replacing,
  onAgreed,
}: {
  c: CaseData;
  replacing: boolean;
  onAgreed: (agreedWith: string | null) => void;
}) {
  const reporter =
    c.parties.find((p) => (p.role === 'COMPLAINANT' || p.role === 'VICTIM') && p.fullName)?.fullName ?? '';
  const [form, update, reset] = useDraft<PlanDraft>(`case.${c.id}.plan`, () => ({
    agreedAt: '',
    agreedWith: reporter,
    ours: [''],
    reporters: [],
    updateEveryDays: '14',
    updateChannel: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [agree, { loading }] = useMutation(AgreeActionPlan, {
    refetchQueries: [
      { query: ActionPlans, variables: { id: c.id } },
      { query: CaseDetail, variables: { id: c.id } },
    ],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onAgreed(null);
    const problems: FieldError[] = [];
    const when = form.agreedAt ? new Date(form.agreedAt) : null;
    if (!when || Number.isNaN(when.getTime()))
      problems.push({ text: 'Enter when the plan was agreed', href: FIELDS.agreedAt.id });
    else if (when.getTime() > Date.now() + 60_000)
      problems.push({ text: 'When the plan was agreed cannot be in the future', href: FIELDS.agreedAt.id });
    else if (when.getTime() < Date.parse(c.openedAt) - 60_000)
      problems.push({
        text: `When the plan was agreed cannot be before the case was opened (${formatDateTime(c.openedAt)})`,
        href: FIELDS.agreedAt.id,
      });
    if (!form.agreedWith.trim())
      problems.push({ text: 'Enter who the plan was agreed with', href: FIELDS.agreedWith.id });
    else if (form.agreedWith.trim().length > 200)
      problems.push({ text: 'Who it was agreed with must be 200 characters or fewer', href: FIELDS.agreedWith.id });
    const ours = form.ours.map((l) => l.trim());
    const reporters = form.reporters.map((l) => l.trim());
    if (!ours.some(Boolean))
      problems.push({ text: 'Enter at least one thing your agency will do', href: FIELDS.ourCommitments.id });
    const lineProblems = (lines: string[], id: string, what: string) =>
      lines.forEach((l, i) => {
        if (l && (l.length < 3 || l.length > 500))
          problems.push({
            text: `${what}, line ${i + 1}: enter 3 to 500 characters`,
            href: i === 0 ? id : `${id}-${i}`,
          });
      });
    lineProblems(ours, FIELDS.ourCommitments.id, 'What we will do');
    lineProblems(reporters, FIELDS.reporterCommitments.id, 'What the reporter will do');
    const days = Number(form.updateEveryDays);
    if (!/^\d+$/.test(form.updateEveryDays.trim()) || days < 1 || days > 91)
      problems.push({
        text: 'Enter how often to update the reporter, as a number of days from 1 to 91',
        href: FIELDS.updateEveryDays.id,
      });
    if (!form.updateChannel)
      problems.push({ text: 'Select how to update the reporter', href: FIELDS.updateChannel.id });
    setErrors(problems);
    if (problems.length || !when) return;
    try {
      const { data } = await agree({
        variables: {
          caseId: c.id,
          input: {
            agreedAt: when.toISOString(),
            agreedWith: form.agreedWith.trim(),
            ourCommitments: ours.filter(Boolean),
            reporterCommitments: reporters.filter(Boolean),
            updateEveryDays: days,
            updateChannel: form.updateChannel as ContactChannel,
          },
        },
      });
      reset();
      onAgreed(data?.agreeActionPlan.agreedWith ?? form.agreedWith.trim());
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => FIELDS[f.split('.')[0]]));
    }
  };
  const err = (id: string) => errors.find((x) => x.href === id)?.text;

  return (
    <section aria-labelledby="agree-plan-heading" className="govuk-!-margin-top-8">
      <h3 className="govuk-heading-m" id="agree-plan-heading">
        {replacing ? 'Agree a new action plan' : 'Agree an action plan'}
      </h3>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <p className="govuk-body">
        Agree with the reporter what you will do, what they will do, and how often and how you will update them.
        {replacing ? ' A new plan replaces the current one; the current one is kept under earlier plans.' : ''}
      </p>
      <form onSubmit={submit} noValidate aria-labelledby="agree-plan-heading">
        <TextInput
          id={FIELDS.agreedAt.id}
          label="When it was agreed"
          type="datetime-local"
          inputClass="govuk-input--width-20"
          value={form.agreedAt}
          onChange={(agreedAt) => update({ agreedAt })}
          error={err(FIELDS.agreedAt.id)}
        />
        <TextInput
          id={FIELDS.agreedWith.id}
          label="Who it was agreed with"
          hint="For example, the reporter by name"
          value={form.agreedWith}
          onChange={(agreedWith) => update({ agreedWith })}
          error={err(FIELDS.agreedWith.id)}
        />
        <CommitmentLines
          id={FIELDS.ourCommitments.id}
          legend="What we will do"
          hint="One thing on each line, for example “Visit the neighbour by Friday”. At least one."
          lines={form.ours}
          minimum={1}
          onChange={(ours) => update({ ours })}
          errors={errors}
        />
        <CommitmentLines
          id={FIELDS.reporterCommitments.id}
          legend="What the reporter will do"
          hint="Optional. For example “Keep diary sheets for 4 weeks”."
          lines={form.reporters}
          minimum={0}
          onChange={(reporters) => update({ reporters })}
          errors={errors}
        />
        <TextInput
          id={FIELDS.updateEveryDays.id}
          label="Update the reporter every (days)"
          hint="1 to 91 days, for example 14 for every fortnight"
          inputClass="govuk-input--width-3"
          value={form.updateEveryDays}
          onChange={(updateEveryDays) => update({ updateEveryDays })}
          error={err(FIELDS.updateEveryDays.id)}
        />
        <Select
          id={FIELDS.updateChannel.id}
          label="How to update the reporter"
          value={form.updateChannel}
          onChange={(updateChannel) => update({ updateChannel })}
          error={err(FIELDS.updateChannel.id)}
          options={[{ value: '', text: 'Select how' }, ...options(CONTACT_CHANNELS)]}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Record the action plan
        </button>
      </form>
    </section>
  );
}
