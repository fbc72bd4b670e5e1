import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ConsentState, LawfulBasis, ShareAccess } from '../../gql/graphql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { formatDateTime } from '../../format';
import { ConditionalRadios } from '../../ui/ConditionalRadios';
import { ErrorSummary, NotificationBanner, Radios, Select, Table, Textarea, type FieldError } from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { CaseDetail } from '../cases/queries';
import { CONSENT_STATES, consentText, LAWFUL_BASES, lawfulBasisText } from './sharing-basis';

const Agencies = graphql(`
  query Agencies {
    agencies {
      id
      name
      kind
    }
  }
`);

const ShareCase = graphql(`
  mutation ShareCase($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!, $basis: SharingBasisInput) {
    shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason, basis: $basis) {
      id
    }
  }
`);

const RevokeShare = graphql(`
  mutation RevokeShare($caseId: ID!, $agencyId: ID!) {
    revokeCaseShare(caseId: $caseId, agencyId: $agencyId)
  }
`);

export function SharingTab({ c }: { c: CaseData }) {
  const [message, setMessage] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string[]>([]);
  const refetch = { refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }], awaitRefetchQueries: true };
  const [revoke, { loading: revoking }] = useMutation(RevokeShare, refetch);

  const doRevoke = async (agencyId: string, name: string) => {
    setMessage(null);
    setRevokeError([]);
    try {
      await revoke({ variables: { caseId: c.id, agencyId } });
      setMessage(`The case is no longer shared with ${name}.`);
    } catch (err) {
      setRevokeError(errorMessages(err));
    }
  };

  return (
    <>
      <h2 className="govuk-heading-m">Sharing</h2>
      {message && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">{message}</p>
        </NotificationBanner>
      )}
      {revokeError.length > 0 && <ErrorSummary errors={revokeError.map((text) => ({ text }))} />}
      {c.shares.length === 0 ? (
        <p className="govuk-body">This case is not shared with any other agency.</p>
      ) : (
        <Table
          caption="Current shares"
          captionClass="govuk-table__caption--s"
          head={['Agency', 'Access', 'Reason for sharing', 'Lawful basis', "Victim's consent", 'Shared', 'Action']}
          rows={c.shares}
          rowKey={(s) => s.id}
          cells={(s) => [
            <span id={`share-${s.id}`}>{s.agency.name}</span>,
            s.access === 'FULL' ? 'Full' : 'Limited',
            s.reason ?? 'Not recorded',
            // Only the owner agency reads the basis and consent; a partner is told they are withheld, not absent.
            s.lawfulBasis ? lawfulBasisText(s.lawfulBasis, s.lawfulBasisDetail) : 'Withheld',
            s.consent ? consentText(s.consent) : 'Withheld',
            formatDateTime(s.sharedAt),
            // The button's name stays "Revoke"; the agency it applies to is its description.
            <button
              type="button"
              className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
              aria-describedby={`share-${s.id}`}
              disabled={revoking}
              onClick={() => doRevoke(s.agency.id, s.agency.name)}
            >
              Revoke
            </button>,
          ]}
        />
      )}
      <ShareForm c={c} onShared={(name) => setMessage(`The case is now shared with ${name}.`)} />
    </>
  );
}

interface ShareDraft {
  agencyId: string;
  access: string;
  reason: string;
  lawfulBasis: string;
  lawfulBasisDetail: string;
  consent: string;
  /** Why consent was not sought, and the risk that overrides a refusal: kept apart, so one never becomes the other. */
  consentWhy: string;
  consentRisk: string;
}

/** What the API names a refused field, as the form's input and its label. */
const consentDetailInput = (consent: string) =>
  consent === 'REFUSED_OVERRIDDEN'
    ? { id: 'share-consent-risk', label: 'The risk that justifies sharing' }
    : { id: 'share-consent-why', label: 'Why consent was not sought' };
const apiFields = (consent: string): Record<string, { id: string; label: string }> => ({
  agencyId: { id: 'share-agency', label: 'Agency' },
  reason: { id: 'share-reason', label: 'Reason for sharing' },
  lawfulBasis: { id: 'share-basis', label: 'Lawful basis' },
  lawfulBasisDetail: { id: 'share-basis-detail', label: 'The lawful basis' },
  consent: { id: 'share-consent', label: "The victim's consent" },
  consentDetail: consentDetailInput(consent),
});

function ShareForm({ c, onShared }: { c: CaseData; onShared: (agencyName: string) => void }) {
  const { data } = useQuery(Agencies);
  const shared = new Set(c.shares.map((s) => s.agency.id));
  const choices = (data?.agencies ?? []).filter((a) => a.id !== c.ownerAgency.id && !shared.has(a.id));
  const [form, update, reset] = useDraft<ShareDraft>(`case.${c.id}.share`, () => ({
    agencyId: '',
    access: '',
    reason: '',
    lawfulBasis: '',
    lawfulBasisDetail: '',
    consent: '',
    consentWhy: '',
    consentRisk: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [share, { loading }] = useMutation(ShareCase, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!form.agencyId) problems.push({ text: 'Select the agency to share with', href: 'share-agency' });
    if (!form.access) problems.push({ text: 'Select full or limited access', href: 'share-access' });
    if (form.reason.trim().length < 3) problems.push({ text: 'Enter the reason for sharing', href: 'share-reason' });
    if (!form.lawfulBasis) problems.push({ text: 'Select the lawful basis for sharing', href: 'share-basis' });
    else if (form.lawfulBasis === 'OTHER' && form.lawfulBasisDetail.trim().length < 3)
      problems.push({ text: 'Enter the lawful basis you are relying on', href: 'share-basis-detail' });
    if (!form.consent) problems.push({ text: "Select whether the victim's consent was given", href: 'share-consent' });
    else if (form.consent === 'NOT_SOUGHT' && form.consentWhy.trim().length < 3)
      problems.push({ text: 'Enter why consent was not sought', href: 'share-consent-why' });
    else if (form.consent === 'REFUSED_OVERRIDDEN' && form.consentRisk.trim().length < 3)
      problems.push({ text: 'Enter the risk that justifies sharing against the refusal', href: 'share-consent-risk' });
    else if (form.lawfulBasis === 'CONSENT' && form.consent !== 'GIVEN')
      problems.push({
        text: 'Consent can be the lawful basis only when the victim gave it: select another basis',
        href: 'share-basis',
      });
    setErrors(problems);
    if (problems.length) return;
    const consentDetail =
      form.consent === 'NOT_SOUGHT' ? form.consentWhy : form.consent === 'REFUSED_OVERRIDDEN' ? form.consentRisk : '';
    try {
      await share({
        variables: {
          caseId: c.id,
          agencyId: form.agencyId,
          access: form.access as ShareAccess,
          reason: form.reason.trim(),
          basis: {
            lawfulBasis: form.lawfulBasis as LawfulBasis,
            lawfulBasisDetail: form.lawfulBasis === 'OTHER' ? form.lawfulBasisDetail.trim() : null,
            consent: form.consent as ConsentState,
            consentDetail: consentDetail.trim() || null,
          },
        },
      });
      const name = data?.agencies.find((a) => a.id === form.agencyId)?.name ?? 'the agency';
      reset();
      onShared(name);
    } catch (err) {
      const fields = apiFields(form.consent);
      setErrors(apiFieldErrors(err, (field) => fields[field]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="share-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="share-heading">
        Share this case
      </h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="share-heading">
        <Select
          id="share-agency"
          label="Agency"
          value={form.agencyId}
          onChange={(agencyId) => update({ agencyId })}
          error={err('share-agency')}
          options={[{ value: '', text: 'Select an agency' }, ...choices.map((a) => ({ value: a.id, text: a.name }))]}
        />
        <Radios
          id="share-access"
          legend="Access"
          inline
          value={form.access}
          onChange={(access) => update({ access })}
          error={err('share-access')}
          options={[
            { value: 'FULL', text: 'Full' },
            { value: 'LIMITED', text: 'Limited' },
          ]}
        />
        <Textarea
          id="share-reason"
          label="Reason for sharing"
          hint="Why this agency needs the case, and the information-sharing agreement you are sharing under"
          value={form.reason}
          onChange={(reason) => update({ reason })}
          error={err('share-reason')}
        />
        <ConditionalRadios
          id="share-basis"
          legend="Lawful basis"
          hint="The legal gateway the share relies on"
          value={form.lawfulBasis}
          onChange={(lawfulBasis) => update({ lawfulBasis })}
          error={err('share-basis')}
          options={LAWFUL_BASES.map((b) => ({
            ...b,
            reveal:
              b.value === 'OTHER' ? (
                <Textarea
                  id="share-basis-detail"
                  label="The lawful basis"
                  hint="The law, agreement or condition you are relying on"
                  rows={2}
                  value={form.lawfulBasisDetail}
                  onChange={(lawfulBasisDetail) => update({ lawfulBasisDetail })}
                  error={err('share-basis-detail')}
                />
              ) : undefined,
          }))}
        />
        <ConditionalRadios
          id="share-consent"
          legend="The victim's consent"
          value={form.consent}
          onChange={(consent) => update({ consent })}
          error={err('share-consent')}
          options={CONSENT_STATES.map((state) => ({
            ...state,
            reveal:
              state.value === 'NOT_SOUGHT' ? (
                <Textarea
                  id="share-consent-why"
                  label="Why consent was not sought"
                  hint="For example, asking would put the victim at greater risk"
                  rows={2}
                  value={form.consentWhy}
                  onChange={(consentWhy) => update({ consentWhy })}
                  error={err('share-consent-why')}
                />
              ) : state.value === 'REFUSED_OVERRIDDEN' ? (
                <Textarea
                  id="share-consent-risk"
                  label="The risk that justifies sharing"
                  hint="The risk of serious harm that outweighs the victim's refusal"
                  rows={2}
                  value={form.consentRisk}
                  onChange={(consentRisk) => update({ consentRisk })}
                  error={err('share-consent-risk')}
                />
              ) : undefined,
          }))}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Share case
        </button>
      </form>
    </section>
  );
}
