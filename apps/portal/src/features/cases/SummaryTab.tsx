import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseOutcome, ContactChannel, RiskLevel } from '../../gql/graphql';
import { apiFieldErrors, errorCode } from '../../apollo';
import { useDraft } from '../../drafts';
import { CONTACT_CHANNELS, RISK_LEVELS, formatDate, formatDateTime, humanise, options } from '../../format';
import {
  ErrorSummary,
  NotificationBanner,
  Radios,
  Select,
  SummaryList,
  TextInput,
  Textarea,
  type FieldError,
} from '../../ui/govuk';
import { RiskTag, StatusTag } from './CaseTags';
import type { CaseData } from './CasePage';
import { CaseDetail } from './queries';
import { shown } from './fields';
import { CaseSummaryPdf } from './CaseSummaryPdf';
import { SatisfactionPanel } from '../satisfaction/SatisfactionPanel';
import { ServiceClocksPanel } from '../service-standards/ServiceClocks';
import { TransferPanel } from '../transfers/TransferPanel';

const UpdateCase = graphql(`
  mutation UpdateCase($id: ID!, $expectedVersion: Int!, $input: UpdateCaseInput!) {
    updateCase(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      summary
      ward
      riskLevel
      policeIntelligence
      supportNeeds
      leadOfficer {
        id
        displayName
      }
    }
  }
`);

const CloseCase = graphql(`
  mutation CloseCase($id: ID!, $expectedVersion: Int!, $input: CloseCaseInput!) {
    closeCase(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      status
      closedAt
      closeReason
      reporterToldAt
    }
  }
`);

export function SummaryTab({ c }: { c: CaseData }) {
  const r = c.redactedFields;
  return (
    <>
      <h2 className="govuk-heading-m">Summary</h2>
      <ServiceClocksPanel clocks={c.serviceClocks} withheld={r.includes('serviceClocks')} />
      <SummaryList
        rows={[
          { key: 'Reference', value: c.reference },
          { key: 'Category', value: humanise(c.category) },
          { key: 'Status', value: <StatusTag status={c.status} /> },
          { key: 'Risk level', value: <RiskTag risk={c.riskLevel} /> },
          { key: 'Ward', value: shown(r, 'ward', c.ward) },
          { key: 'Summary', value: shown(r, 'summary', c.summary) },
          { key: 'Address', value: shown(r, 'address', c.address) },
          { key: 'Owner agency', value: c.ownerAgency.name },
          { key: 'Lead officer', value: shown(r, 'leadOfficer', c.leadOfficer?.displayName, 'Not assigned') },
          { key: 'Opened', value: formatDate(c.openedAt) },
          ...(c.closedAt
            ? [
                { key: 'Closed', value: formatDate(c.closedAt) },
                { key: 'Reason for closing', value: shown(r, 'closeReason', c.closeReason) },
                {
                  key: 'Reporter told of the closure',
                  value: shown(r, 'reporterToldAt', formatDateTime(c.reporterToldAt)),
                },
              ]
            : []),
          { key: 'Your access', value: c.access },
          { key: 'Support needs recorded', value: c.hasSupportNeeds ? 'Yes' : 'No' },
          {
            key: 'Support needs',
            value: shown(r, 'supportNeeds', c.supportNeeds, c.hasSupportNeeds ? 'Not recorded' : 'None'),
          },
          { key: 'Police intelligence', value: shown(r, 'policeIntelligence', c.policeIntelligence, 'None') },
          {
            key: 'Shared with',
            value: c.shares.length ? (
              <ul className="govuk-list">
                {c.shares.map((s) => (
                  <li key={s.id}>
                    {s.agency.name} ({s.access})
                  </li>
                ))}
              </ul>
            ) : (
              'Not shared'
            ),
          },
        ]}
      />
      <CaseSummaryPdf c={c} />
      {c.viewerCan.editPoliceIntelligence && (
        <PartnerNoteForm c={c} field="policeIntelligence" title="Police intelligence" />
      )}
      {c.viewerCan.editSupportNeeds && <PartnerNoteForm c={c} field="supportNeeds" title="Support needs" />}
      {c.viewerCan.edit && <EditCaseForm c={c} />}
      <TransferPanel c={c} />
      {c.viewerCan.close && c.status === 'OPEN' && <CloseCaseForm c={c} />}
      {c.viewerCan.recordSatisfaction && c.status !== 'OPEN' && <SatisfactionPanel c={c} />}
    </>
  );
}

/**
 * A partner's own field (police intelligence for the police, support needs for support, health and social care),
 * shown where Case.viewerCan says the API will take it: written with updateCase like any other field of the case.
 */
function PartnerNoteForm({
  c,
  field,
  title,
}: {
  c: CaseData;
  field: 'policeIntelligence' | 'supportNeeds';
  title: string;
}) {
  const id = field === 'policeIntelligence' ? 'edit-police-intelligence' : 'edit-support-needs';
  const [text, setText] = useState(c[field] ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(UpdateCase, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (text.length > 4000) return setErrors([{ text: `${title} must be 4,000 characters or fewer`, href: id }]);
    setErrors([]);
    try {
      await save({ variables: { id: c.id, expectedVersion: c.version, input: { [field]: text.trim() || null } } });
      setSaved(true);
    } catch (err) {
      setErrors(
        errorCode(err) === 'CONFLICT'
          ? [{ text: 'The case was changed by someone else: check it above, then save again', href: id }]
          : apiFieldErrors(err, (f) => (f === field ? { id, label: title } : undefined)),
      );
    }
  };
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id={headingId}>
        {title}
      </h2>
      {saved && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">{title} saved.</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby={headingId}>
        <Textarea
          id={id}
          label={title}
          hint="Read only by the agencies the partnership’s rules allow; leave empty to clear it"
          value={text}
          onChange={setText}
          error={errors.find((e) => e.href === id)?.text}
          rows={4}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Save {title.toLowerCase()}
        </button>
      </form>
    </section>
  );
}

interface EditValues {
  summary: string;
  ward: string;
  riskLevel: string;
  /** The lead officer chosen ('' for none); sent only when changed from `leadBase` */
  leadOfficerId?: string;
  leadBase?: string;
  /** The version the user started editing from */
  version: number;
  /** What the record said when editing started, to say what someone else changed */
  base: { summary: string; ward: string; riskLevel: string };
}

const LABELS = { summary: 'Summary', ward: 'Ward', riskLevel: 'Risk level' } as const;
type EditField = keyof typeof LABELS;
const FIELD_IDS: Record<EditField, string> = { summary: 'edit-summary', ward: 'edit-ward', riskLevel: 'edit-risk' };

/** What someone else changed since a form was opened, as error-summary lines linking to the edit fields. */
function changesSince(
  now: Record<EditField, string>,
  base: Record<EditField, string>,
): { href: string; text: string }[] {
  const shown = (f: EditField, value: string) => (f === 'riskLevel' ? humanise(value) : value);
  return (Object.keys(LABELS) as EditField[])
    .filter((f) => String(now[f]) !== base[f])
    .map((f) => ({
      href: FIELD_IDS[f],
      text: `${LABELS[f]} is now “${shown(f, now[f])}” (was “${shown(f, base[f])}”)`,
    }));
}

/** The current lead officer if the picker offers them (a leaver is not offered), else none. */
const offeredLead = (c: CaseData) =>
  c.possibleLeadOfficers.some((p) => p.id === c.leadOfficer?.id) ? (c.leadOfficer?.id ?? '') : '';

function EditCaseForm({ c }: { c: CaseData }) {
  const client = useApolloClient();
  const initial = (): EditValues => ({
    summary: c.summary,
    ward: c.ward,
    riskLevel: c.riskLevel,
    leadOfficerId: offeredLead(c),
    leadBase: offeredLead(c),
    version: c.version,
    base: { summary: c.summary, ward: c.ward, riskLevel: c.riskLevel },
  });
  const [form, update, reset] = useDraft<EditValues>(`case.${c.id}.edit`, initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<FieldError[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(UpdateCase);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const problems: FieldError[] = [];
    if (form.summary.trim().length < 3)
      problems.push({ text: 'Enter a summary of at least 3 characters', href: 'edit-summary' });
    if (!form.ward.trim()) problems.push({ text: 'Enter the ward', href: 'edit-ward' });
    setErrors(problems);
    setConflict(null);
    if (problems.length) return;

    try {
      const { data } = await save({
        variables: {
          id: c.id,
          expectedVersion: form.version,
          input: {
            summary: form.summary.trim(),
            ward: form.ward.trim(),
            riskLevel: form.riskLevel as RiskLevel,
            ...(c.viewerCan.chooseLeadOfficer && (form.leadOfficerId ?? '') !== (form.leadBase ?? '')
              ? { leadOfficerId: form.leadOfficerId || null }
              : {}),
          },
        },
      });
      const u = data?.updateCase;
      reset(
        u
          ? {
              summary: u.summary,
              ward: u.ward,
              riskLevel: u.riskLevel,
              leadOfficerId: u.leadOfficer?.id ?? '',
              leadBase: u.leadOfficer?.id ?? '',
              version: u.version,
              base: { summary: u.summary, ward: u.ward, riskLevel: u.riskLevel },
            }
          : undefined,
      );
      setSaved(true);
    } catch (err) {
      if (errorCode(err) === 'CONFLICT') {
        // Read the case as it is now and say what changed since this form was opened; keep
        // what the user typed, and move to the new version so saving again is a decision.
        const { data } = await client.query({
          query: CaseDetail,
          variables: { id: c.id },
          fetchPolicy: 'network-only',
        });
        const now = data?.case;
        if (!now) return setErrors([{ text: 'The case is no longer available to you' }]);
        const changed = changesSince(now, form.base);
        setConflict(changed.length ? changed : [{ text: 'Other details of the case were changed' }]);
        update({ version: now.version, base: { summary: now.summary, ward: now.ward, riskLevel: now.riskLevel } });
      } else {
        setErrors(
          apiFieldErrors(err, (f) =>
            f === 'leadOfficerId' ? { id: 'edit-lead-officer', label: 'Lead officer' } : undefined,
          ),
        );
      }
    }
  };

  return (
    <section aria-labelledby="edit-case-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="edit-case-heading">
        Edit case
      </h2>
      {saved && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            Your changes were saved at {formatDateTime(new Date().toISOString())}.
          </p>
        </NotificationBanner>
      )}
      {conflict && (
        <ErrorSummary title="This case was changed by someone else" errors={conflict}>
          <p className="govuk-body">
            Your changes have not been saved. They are still in the form below: check them against the changes, then
            save again.
          </p>
        </ErrorSummary>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="edit-case-heading">
        <Textarea
          id="edit-summary"
          label="Summary"
          value={form.summary}
          onChange={(summary) => update({ summary })}
          error={errors.find((e) => e.href === 'edit-summary')?.text}
          rows={5}
        />
        <TextInput
          id="edit-ward"
          label="Ward"
          inputClass="govuk-input--width-20"
          value={form.ward}
          onChange={(ward) => update({ ward })}
          error={errors.find((e) => e.href === 'edit-ward')?.text}
        />
        <Select
          id="edit-risk"
          label="Risk level"
          value={form.riskLevel}
          onChange={(riskLevel) => update({ riskLevel })}
          options={options(RISK_LEVELS)}
        />
        {c.viewerCan.chooseLeadOfficer && (
          <Select
            id="edit-lead-officer"
            label="Lead officer"
            hint={`People of ${c.ownerAgency.name} who may hold the case`}
            value={form.leadOfficerId ?? ''}
            onChange={(leadOfficerId) => update({ leadOfficerId })}
            error={errors.find((e) => e.href === 'edit-lead-officer')?.text}
            options={[
              { value: '', text: 'Not assigned' },
              ...c.possibleLeadOfficers.map((p) => ({ value: p.id, text: p.displayName })),
            ]}
          />
        )}
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Save changes
        </button>
      </form>
    </section>
  );
}

interface CloseValues {
  outcome: string;
  reason: string;
  /** When, how and what the reporter was told (a datetime-local value, a ContactChannel, a note) */
  toldAt: string;
  toldChannel: string;
  toldNote: string;
  version: number;
  base: { summary: string; ward: string; riskLevel: string };
}

const CLOSE_FIELDS: Record<string, { id: string; label: string }> = {
  outcome: { id: 'close-outcome', label: 'Outcome' },
  reason: { id: 'close-reason', label: 'Reason for closing' },
  'reporterTold.at': { id: 'close-told-at', label: 'When they were told' },
  'reporterTold.channel': { id: 'close-told-channel', label: 'How they were told' },
  'reporterTold.note': { id: 'close-told-note', label: 'What they were told' },
};

function CloseCaseForm({ c }: { c: CaseData }) {
  const client = useApolloClient();
  const [form, update, reset] = useDraft<CloseValues>(`case.${c.id}.close`, () => ({
    outcome: '',
    reason: '',
    toldAt: '',
    toldChannel: '',
    toldNote: '',
    version: c.version,
    base: { summary: c.summary, ward: c.ward, riskLevel: c.riskLevel },
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<FieldError[] | null>(null);
  const [close, { loading }] = useMutation(CloseCase, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!form.outcome) problems.push({ text: 'Select whether the case was resolved', href: 'close-outcome' });
    if (form.reason.trim().length < 3)
      problems.push({ text: 'Enter a reason for closing of at least 3 characters', href: 'close-reason' });
    // The API lets partner systems leave this out; the portal asks for it, as every reporter should be told.
    const told = form.toldAt ? new Date(form.toldAt) : null;
    if (!told || Number.isNaN(told.getTime()))
      problems.push({ text: 'Enter when the reporter was told the case is closing', href: 'close-told-at' });
    else if (told.getTime() > Date.now() + 60_000)
      problems.push({ text: 'When the reporter was told cannot be in the future', href: 'close-told-at' });
    else if (told.getTime() < Date.parse(c.openedAt) - 60_000)
      problems.push({
        text: `When the reporter was told cannot be before the case was opened (${formatDateTime(c.openedAt)})`,
        href: 'close-told-at',
      });
    if (!form.toldChannel) problems.push({ text: 'Select how the reporter was told', href: 'close-told-channel' });
    if (form.toldNote.trim().length > 2000)
      problems.push({ text: 'What they were told must be 2,000 characters or fewer', href: 'close-told-note' });
    setErrors(problems);
    setConflict(null);
    if (problems.length || !told) return;
    try {
      await close({
        variables: {
          id: c.id,
          expectedVersion: form.version,
          input: {
            outcome: form.outcome as CaseOutcome,
            reason: form.reason.trim(),
            reporterTold: {
              at: told.toISOString(),
              channel: form.toldChannel as ContactChannel,
              note: form.toldNote.trim() || null,
            },
          },
        },
      });
      // The case page now shows the case as closed, with the reason, and this form goes away.
      reset();
    } catch (err) {
      if (errorCode(err) === 'CONFLICT') {
        // As with editing: say what changed since the form was opened, keep what was typed,
        // and move to the new version so closing again is a decision.
        const { data } = await client.query({
          query: CaseDetail,
          variables: { id: c.id },
          fetchPolicy: 'network-only',
        });
        const now = data?.case;
        if (!now) return setErrors([{ text: 'The case is no longer available to you' }]);
        const changed = changesSince(now, form.base);
        if (now.status !== 'OPEN')
          changed.unshift({ href: '', text: `The case is now ${humanise(now.status).toLowerCase()}` });
        setConflict(
          changed.length
            ? changed.map((x) => (x.href ? x : { text: x.text }))
            : [{ text: 'Other details of the case were changed' }],
        );
        update({ version: now.version, base: { summary: now.summary, ward: now.ward, riskLevel: now.riskLevel } });
      } else {
        setErrors(apiFieldErrors(err, (f) => CLOSE_FIELDS[f]));
      }
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="close-case-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="close-case-heading">
        Close this case
      </h2>
      {conflict && (
        <ErrorSummary title="This case was changed by someone else" errors={conflict}>
          <p className="govuk-body">
            The case has not been closed. What you typed is still in the form below: check it against the changes, then
            close the case again.
          </p>
        </ErrorSummary>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="close-case-heading">
        <Radios
          id="close-outcome"
          legend="Outcome"
          value={form.outcome}
          onChange={(outcome) => update({ outcome })}
          error={err('close-outcome')}
          options={[
            { value: 'RESOLVED', text: 'Resolved' },
            { value: 'UNRESOLVED', text: 'Unresolved' },
          ]}
        />
        <Textarea
          id="close-reason"
          label="Reason for closing"
          value={form.reason}
          onChange={(reason) => update({ reason })}
          error={err('close-reason')}
        />
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="close-told-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              How and when was the reporter told?
            </legend>
            <div id="close-told-hint" className="govuk-hint">
              Tell the reporter the case is closing before you close it. This is kept as a contact with the reporter.
            </div>
            <TextInput
              id="close-told-at"
              label="When they were told"
              type="datetime-local"
              inputClass="govuk-input--width-20"
              value={form.toldAt}
              onChange={(toldAt) => update({ toldAt })}
              error={err('close-told-at')}
            />
            <Select
              id="close-told-channel"
              label="How they were told"
              value={form.toldChannel}
              onChange={(toldChannel) => update({ toldChannel })}
              error={err('close-told-channel')}
              options={[{ value: '', text: 'Select how' }, ...options(CONTACT_CHANNELS)]}
            />
            <Textarea
              id="close-told-note"
              label="What they were told (optional)"
              rows={3}
              value={form.toldNote}
              onChange={(toldNote) => update({ toldNote })}
              error={err('close-told-note')}
            />
          </fieldset>
        </div>
        <button
          type="submit"
          className="govuk-button govuk-button--warning"
          disabled={loading}
          data-module="govuk-button"
        >
          Close case
        </button>
      </form>
    </section>
  );
}
