import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { KeptShare } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { formatDateTime, humanise } from '../../format';
import { Button, ErrorSummary, Radios, Select, Textarea, type FieldError } from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { CaseDetail } from '../cases/queries';

const TransferAgencies = graphql(`
  query TransferAgencies {
    agencies {
      id
      name
    }
  }
`);

const OfferCaseTransfer = graphql(`
  mutation OfferCaseTransfer($input: OfferCaseTransferInput!) {
    offerCaseTransfer(input: $input) {
      id
      status
    }
  }
`);

const WithdrawCaseTransfer = graphql(`
  mutation WithdrawCaseTransfer($id: ID!) {
    withdrawCaseTransfer(id: $id) {
      id
      status
    }
  }
`);

const FIELDS: Record<string, { id: string; label: string }> = {
  agencyId: { id: 'transfer-agency', label: 'Agency to offer the case to' },
  reason: { id: 'transfer-reason', label: 'Why the case should move' },
  keep: { id: 'transfer-keep', label: 'What your agency keeps' },
  caseId: { id: 'transfer-agency', label: 'Case' },
};

/**
 * "Transfer to another agency", for the owner agency (Case.viewerCan.transfer): an offer the other agency's managers
 * accept or decline. While one waits, the panel says so and lets the owner take it back.
 */
export function TransferPanel({ c }: { c: CaseData }) {
  const pending = c.pendingTransfer;
  if (!c.viewerCan.transfer || (!pending && c.status !== 'OPEN')) return null;
  return (
    <section aria-labelledby="transfer-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="transfer-heading">
        Transfer to another agency
      </h2>
      {pending ? <PendingOffer c={c} /> : <OfferForm c={c} />}
    </section>
  );
}

function PendingOffer({ c }: { c: CaseData }) {
  const offer = c.pendingTransfer!;
  const [withdraw, { loading }] = useMutation(WithdrawCaseTransfer, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  return (
    <>
      <div className="govuk-inset-text">
        Offered to {offer.toAgency.name} on {formatDateTime(offer.offeredAt)}, keeping{' '}
        {offer.keptAccess ? `a ${humanise(offer.keptAccess).toLowerCase()} share` : 'no share'}. Waiting for a manager
        there to accept or decline. Reason: “{offer.reason}”
      </div>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <Button
        secondary
        type="button"
        disabled={loading}
        onClick={() =>
          void withdraw({ variables: { id: offer.id } }).catch((err) =>
            setErrors(apiFieldErrors(err, (f) => FIELDS[f])),
          )
        }
      >
        Withdraw the offer
      </Button>
    </>
  );
}

function OfferForm({ c }: { c: CaseData }) {
  const { data } = useQuery(TransferAgencies);
  const agencies = (data?.agencies ?? []).filter((a) => a.id !== c.ownerAgency.id);
  const [agencyId, setAgencyId] = useState('');
  const [reason, setReason] = useState('');
  const [keep, setKeep] = useState<KeptShare>('FULL');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [offer, { loading }] = useMutation(OfferCaseTransfer, {
    refetchQueries: [{ query: CaseDetail, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!agencyId) problems.push({ text: 'Select the agency to offer the case to', href: 'transfer-agency' });
    if (reason.trim().length < 3)
      problems.push({ text: 'Enter why the case should move, in at least 3 characters', href: 'transfer-reason' });
    setErrors(problems);
    if (problems.length) return;
    try {
      await offer({ variables: { input: { caseId: c.id, agencyId, reason: reason.trim(), keep } } });
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => FIELDS[f]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <>
      <p className="govuk-body">
        A manager of the other agency accepts or declines. Nothing changes until they accept; then they own the case.
      </p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="transfer-heading">
        <Select
          id="transfer-agency"
          label="Agency to offer the case to"
          value={agencyId}
          onChange={setAgencyId}
          error={err('transfer-agency')}
          options={[{ value: '', text: 'Select an agency' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))]}
        />
        <Textarea
          id="transfer-reason"
          label="Why the case should move"
          hint="The other agency reads this with the case reference and category only"
          value={reason}
          onChange={setReason}
          error={err('transfer-reason')}
          rows={3}
        />
        <Radios
          id="transfer-keep"
          legend="Once they accept, your agency keeps"
          value={keep}
          onChange={(value) => setKeep(value as KeptShare)}
          error={err('transfer-keep')}
          options={[
            { value: 'FULL', text: 'A full share' },
            { value: 'LIMITED', text: 'A limited share (no personal identifiers)' },
            { value: 'NONE', text: 'No share: the case will no longer be shown to your agency' },
          ]}
        />
        <Button disabled={loading}>Offer the case</Button>
      </form>
    </>
  );
}
