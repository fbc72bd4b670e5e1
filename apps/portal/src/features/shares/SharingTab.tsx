import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ShareAccess } from '../../gql/graphql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { formatDateTime } from '../../format';
import { ErrorSummary, NotificationBanner, Radios, Select, Table, Textarea, type FieldError } from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { CaseDetail } from '../cases/queries';
import { consentText, lawfulBasisText } from './sharing-basis';
import {
  emptySharingBasis,
  SharingBasisFields,
  sharingBasisApiFields,
  sharingBasisInput,
  sharingBasisProblems,
  type SharingBasisDraft,
} from './SharingBasisFields';

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

interface ShareDraft extends SharingBasisDraft {
  agencyId: string;
  access: string;
  reason: string;
}

/** What the API names a refused field, as the form's input and its label. */
const apiFields = (consent: string): Record<string, { id: string; label: string }> => ({
  agencyId: { id: 'share-agency', label: 'Agency' },
  reason: { id: 'share-reason', label: 'Reason for sharing' },
  ...sharingBasisApiFields('share', consent),
});

function ShareForm({ c, onShared }: { c: CaseData; onShared: (agencyName: string) => void }) {
  const { data } = useQuery(Agencies);
  const shared = new Set(c.shares.map((s) => s.agency.id));
  const choices = (data?.agencies ?? []).filter((a) => a.id !== c.ownerAgency.id && !shared.has(a.id));
  const [form, update, reset] = useDraft<ShareDraft>(`case.${c.id}.share`, () => ({
    agencyId: '',
    access: '',
    reason: '',
    ...emptySharingBasis(),
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
    problems.push(...sharingBasisProblems('share', form));
    setErrors(problems);
    if (problems.length) return;
    try {
      await share({
        variables: {
          caseId: c.id,
          agencyId: form.agencyId,
          access: form.access as ShareAccess,
          reason: form.reason.trim(),
          basis: sharingBasisInput(form),
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
        <SharingBasisFields prefix="share" draft={form} onChange={update} errors={errors} />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Share case
        </button>
      </form>
    </section>
  );
}
