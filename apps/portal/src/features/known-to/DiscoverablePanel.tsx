import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors } from '../../apollo';
import { Button, ErrorSummary, NotificationBanner, Textarea, type FieldError } from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';

/** Its own query, so the case page's main query stays as it was. */
const CaseDiscoverableQuery = graphql(`
  query CaseDiscoverable($id: ID!) {
    case(id: $id) {
      id
      discoverable
    }
  }
`);

const SetCaseDiscoverable = graphql(`
  mutation SetCaseDiscoverable($caseId: ID!, $discoverable: Boolean!, $reason: String!) {
    setCaseDiscoverable(caseId: $caseId, discoverable: $discoverable, reason: $reason) {
      id
      discoverable
    }
  }
`);

const REASON_ID = 'discoverable-reason';

/**
 * Whether other agencies' person searches may learn this case exists (never what it is), for whoever may share
 * the case: the owner agency. Changing it needs a reason, which goes on the case's audit trail.
 */
export function DiscoverablePanel({ c }: { c: CaseData }) {
  if (!c.viewerCan.share) return null;
  return <DiscoverableSection caseId={c.id} />;
}

function DiscoverableSection({ caseId }: { caseId: string }) {
  const { data } = useQuery(CaseDiscoverableQuery, { variables: { id: caseId }, fetchPolicy: 'cache-and-network' });
  const [setDiscoverable, { loading }] = useMutation(SetCaseDiscoverable);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const discoverable = data?.case?.discoverable;
  if (discoverable === undefined || discoverable === null) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!reason.trim()) {
      setErrors([{ text: 'Enter why you are changing this', href: REASON_ID }]);
      return;
    }
    try {
      await setDiscoverable({ variables: { caseId, discoverable: !discoverable, reason } });
      setErrors([]);
      setReason('');
      setDone(
        discoverable
          ? 'Other agencies’ searches no longer find this case.'
          : 'Other agencies’ searches now show that your agency holds a record, and nothing more.',
      );
    } catch (error) {
      setErrors(apiFieldErrors(error, (f) => (f === 'reason' ? { id: REASON_ID, label: 'Reason' } : undefined)));
    }
  };

  return (
    <section aria-labelledby="discoverable-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="discoverable-heading">
        Known to the partnership
      </h2>
      {done && (
        <NotificationBanner success title="Success">
          <p className="govuk-notification-banner__heading">{done}</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <p className="govuk-body" id="discoverable-state">
        {discoverable
          ? 'Other agencies searching for a person on this case see that your agency holds a record (nothing else), and can ask for access.'
          : 'Other agencies’ person searches do not find this case.'}
      </p>
      <form onSubmit={submit} noValidate>
        <Textarea
          id={REASON_ID}
          label={discoverable ? 'Why should searches stop finding it?' : 'Why should searches find it?'}
          hint="Goes on the case’s audit trail"
          error={errors.find((e) => e.href === REASON_ID)?.text}
          value={reason}
          onChange={setReason}
          rows={2}
        />
        <Button secondary disabled={loading}>
          {discoverable ? 'Stop searches finding this case' : 'Let searches find this case'}
        </Button>
      </form>
    </section>
  );
}
