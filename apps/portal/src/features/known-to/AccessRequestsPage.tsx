import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AccessRequestsQuery } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { formatDateTime, humanise } from '../../format';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { Button, ErrorSummary, Radios, Tag, Textarea, type FieldError } from '../../ui/govuk';
import {
  emptySharingBasis,
  SharingBasisFields,
  sharingBasisApiFields,
  sharingBasisInput,
  sharingBasisProblems,
  type SharingBasisDraft,
} from '../shares/SharingBasisFields';

const AccessRequests = graphql(`
  query AccessRequests {
    accessRequests {
      id
      status
      reason
      requestedAt
      requestedBy {
        id
        displayName
      }
      requesterAgency {
        id
        name
      }
      case {
        id
        reference
      }
      decidedAt
      decidedBy {
        id
        displayName
      }
      decisionReason
      grantedAccess
    }
  }
`);

const AccessRequestUpdates = graphql(`
  subscription AccessRequestUpdates {
    accessRequestUpdates {
      id
      status
    }
  }
`);

const DecideAccessRequest = graphql(`
  mutation DecideAccessRequest(
    $id: ID!
    $grant: Boolean!
    $access: ShareAccess
    $reason: String!
    $basis: SharingBasisInput
  ) {
    decideAccessRequest(id: $id, grant: $grant, access: $access, reason: $reason, basis: $basis) {
      id
      status
    }
  }
`);

type Request = AccessRequestsQuery['accessRequests'][number];

/**
 * Requests from other agencies for access to this agency's cases, for its managers: a new one appears without
 * reloading (the accessRequestUpdates subscription re-reads the list). Grant shares the case at the access chosen;
 * refuse shares nothing. Either needs a reason, which goes on the case's trail and is shown to the requester.
 */
export function AccessRequestsPage({ user }: { user: SessionUser }) {
  usePageTitle('Requests for access');
  const allowed = user.can.decideAccessRequests;
  const { data, loading, refetch } = useQuery(AccessRequests, { skip: !allowed, fetchPolicy: 'cache-and-network' });
  useSubscription(AccessRequestUpdates, {
    skip: !allowed,
    onData: () => void refetch().catch(() => undefined),
  });

  if (!allowed) {
    return (
      <>
        <h1 className="govuk-heading-l">Requests for access</h1>
        <p className="govuk-body">Only your agency’s managers decide requests for access.</p>
      </>
    );
  }
  const requests = data?.accessRequests ?? [];
  const pending = requests.filter((r) => r.status === 'PENDING');
  const decided = requests.filter((r) => r.status !== 'PENDING');

  return (
    <>
      <h1 className="govuk-heading-l">Requests for access</h1>
      <p className="govuk-body">
        Other agencies found that {user.agency.name} holds a record about a person they searched for, and ask to see the
        case.
      </p>
      <h2 className="govuk-heading-m">Waiting for a decision</h2>
      {loading && !data ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : pending.length === 0 ? (
        <p className="govuk-body">No requests are waiting.</p>
      ) : (
        <ul className="govuk-list" aria-label="Waiting for a decision">
          {pending.map((r) => (
            <PendingRequest key={r.id} request={r} />
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Decided</h2>
          <ul className="govuk-list govuk-list--spaced" aria-label="Decided">
            {decided.map((r) => (
              <li key={r.id}>
                <Tag colour={r.status === 'GRANTED' ? 'green' : 'red'}>{humanise(r.status)}</Tag>{' '}
                {r.requesterAgency.name} ({r.requestedBy.displayName}),{' '}
                {r.case ? (
                  <Link className="govuk-link" href={`/cases/${r.case.id}`}>
                    {r.case.reference}
                  </Link>
                ) : (
                  'a case'
                )}
                {r.grantedAccess ? `, ${humanise(r.grantedAccess)} access` : ''}, by {r.decidedBy?.displayName} on{' '}
                {formatDateTime(r.decidedAt)}: {r.decisionReason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function PendingRequest({ request }: { request: Request }) {
  const [decide, { loading }] = useMutation(DecideAccessRequest, { refetchQueries: ['AccessRequests'] });
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  // A grant is a share like any other: it records its lawful basis and the victim's consent.
  const [basis, setBasis] = useState<SharingBasisDraft>(emptySharingBasis);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const decisionId = `decision-${request.id}`;
  const reasonId = `decision-reason-${request.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!decision) missing.push({ text: 'Choose whether to grant access, and at what level', href: decisionId });
    if (!reason.trim()) missing.push({ text: 'Enter the reason for your decision', href: reasonId });
    const grant = decision !== '' && decision !== 'REFUSE';
    if (grant) missing.push(...sharingBasisProblems(decisionId, basis));
    setErrors(missing);
    if (missing.length > 0) return;
    try {
      await decide({
        variables: {
          id: request.id,
          grant,
          access: grant ? (decision as 'FULL' | 'LIMITED') : null,
          reason,
          basis: grant ? sharingBasisInput(basis) : null,
        },
      });
    } catch (error) {
      const basisFields = sharingBasisApiFields(decisionId, basis.consent);
      setErrors(
        apiFieldErrors(error, (f) =>
          f === 'reason'
            ? { id: reasonId, label: 'Reason' }
            : f === 'access'
              ? { id: decisionId, label: 'Decision' }
              : basisFields[f],
        ),
      );
    }
  };

  return (
    <li className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-s">
        {request.requesterAgency.name} asks for{' '}
        {request.case ? (
          <Link className="govuk-link" href={`/cases/${request.case.id}`}>
            {request.case.reference}
          </Link>
        ) : (
          'a case'
        )}
      </h3>
      <p className="govuk-body">
        {request.requestedBy.displayName}, {formatDateTime(request.requestedAt)}: “{request.reason}”
      </p>
      <form onSubmit={submit} noValidate aria-label={`Decide the request from ${request.requesterAgency.name}`}>
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <Radios
          id={decisionId}
          legend="Decision"
          value={decision}
          onChange={setDecision}
          error={errors.find((e) => e.href === decisionId)?.text}
          options={[
            { value: 'FULL', text: 'Grant full access' },
            { value: 'LIMITED', text: 'Grant limited access (no personal identifiers)' },
            { value: 'REFUSE', text: 'Refuse' },
          ]}
        />
        <Textarea
          id={reasonId}
          label="Reason"
          hint="For a grant, the information-sharing basis. The requester reads it."
          value={reason}
          onChange={setReason}
          error={errors.find((e) => e.href === reasonId)?.text}
          rows={2}
        />
        {decision !== '' && decision !== 'REFUSE' && (
          <SharingBasisFields
            prefix={decisionId}
            draft={basis}
            onChange={(change) => setBasis((current) => ({ ...current, ...change }))}
            errors={errors}
          />
        )}
        <Button disabled={loading}>Record decision</Button>
      </form>
    </li>
  );
}
