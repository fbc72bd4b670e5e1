import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ShareAccess } from '../../gql/graphql';
import { errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { formatDateTime } from '../../format';
import { ErrorSummary, NotificationBanner, Radios, Select, Table, Textarea, type FieldError } from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { CaseDetail } from '../cases/queries';

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
  mutation ShareCase($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!) {
    shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason) {
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
          head={['Agency', 'Access', 'Reason for sharing', 'Shared', 'Action']}
          rows={c.shares}
          rowKey={(s) => s.id}
          cells={(s) => [
            <span id={`share-${s.id}`}>{s.agency.name}</span>,
            s.access === 'FULL' ? 'Full' : 'Limited',
            s.reason ?? 'Not recorded',
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
}

function ShareForm({ c, onShared }: { c: CaseData; onShared: (agencyName: string) => void }) {
  const { data } = useQuery(Agencies);
  const shared = new Set(c.shares.map((s) => s.agency.id));
  const choices = (data?.agencies ?? []).filter((a) => a.id !== c.ownerAgency.id && !shared.has(a.id));
  const [form, update, reset] = useDraft<ShareDraft>(`case.${c.id}.share`, () => ({
    agencyId: '',
    access: '',
    reason: '',
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
    setErrors(problems);
    if (problems.length) return;
    try {
      await share({
        variables: {
          caseId: c.id,
          agencyId: form.agencyId,
          access: form.access as ShareAccess,
          reason: form.reason.trim(),
        },
      });
      const name = data?.agencies.find((a) => a.id === form.agencyId)?.name ?? 'the agency';
      reset();
      onShared(name);
    } catch (err) {
      setErrors(errorMessages(err).map((text) => ({ text })));
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
          hint="The information-sharing basis, for example the agreement or legal gateway you are relying on"
          value={form.reason}
          onChange={(reason) => update({ reason })}
          error={err('share-reason')}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Share case
        </button>
      </form>
    </section>
  );
}
