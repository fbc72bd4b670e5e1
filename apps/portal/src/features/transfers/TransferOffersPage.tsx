import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseTransferOffersQuery } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { formatDateTime, humanise } from '../../format';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { Button, ErrorSummary, NotificationBanner, SummaryList, Textarea, type FieldError } from '../../ui/govuk';

const CaseTransferOffers = graphql(`
  query CaseTransferOffers {
    caseTransferOffers {
      id
      reference
      category
      reason
      keptAccess
      offeredAt
      viewerCanDecide
      fromAgency {
        id
        name
      }
    }
  }
`);

const AcceptCaseTransfer = graphql(`
  mutation AcceptCaseTransfer($id: ID!) {
    acceptCaseTransfer(id: $id) {
      id
      reference
    }
  }
`);

const DeclineCaseTransfer = graphql(`
  mutation DeclineCaseTransfer($id: ID!, $reason: String!) {
    declineCaseTransfer(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

type Offer = CaseTransferOffersQuery['caseTransferOffers'][number];

/**
 * Cases other agencies offer to this one. An offer shows what deciding needs (reference, category, who offers it and
 * why), never the case's people: the agency does not hold the case until a manager accepts it.
 */
export function TransferOffersPage({ user }: { user: SessionUser }) {
  usePageTitle('Cases offered to your agency');
  const { data, loading } = useQuery(CaseTransferOffers, {
    skip: !user.can.readCases,
    fetchPolicy: 'cache-and-network',
  });
  const [accepted, setAccepted] = useState<{ id: string; reference: string } | null>(null);
  const offers = data?.caseTransferOffers ?? [];
  return (
    <>
      <h1 className="govuk-heading-l">Cases offered to your agency</h1>
      {accepted && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            {user.agency.name} now owns{' '}
            <Link className="govuk-link govuk-notification-banner__link" href={`/cases/${accepted.id}`}>
              {accepted.reference}
            </Link>
            .
          </p>
        </NotificationBanner>
      )}
      <p className="govuk-body">
        Another agency offers these cases to {user.agency.name}. A manager accepts or declines each; until then the case
        stays theirs and is not shown to you.
      </p>
      {loading && !data ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : offers.length === 0 ? (
        <p className="govuk-body">No cases are waiting.</p>
      ) : (
        <ul className="govuk-list" aria-label="Cases offered">
          {offers.map((offer) => (
            <OfferItem key={offer.id} offer={offer} onAccepted={setAccepted} />
          ))}
        </ul>
      )}
    </>
  );
}

function OfferItem({
  offer,
  onAccepted,
}: {
  offer: Offer;
  onAccepted: (c: { id: string; reference: string }) => void;
}) {
  const [accept, accepting] = useMutation(AcceptCaseTransfer, { refetchQueries: ['CaseTransferOffers'] });
  const [decline, declining] = useMutation(DeclineCaseTransfer, { refetchQueries: ['CaseTransferOffers'] });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const reasonId = `decline-reason-${offer.id}`;
  const fields = (f: string) => (f === 'reason' ? { id: reasonId, label: 'Reason for declining' } : undefined);

  const onAccept = async () => {
    setErrors([]);
    try {
      const { data } = await accept({ variables: { id: offer.id } });
      if (data) onAccepted(data.acceptCaseTransfer);
    } catch (err) {
      setErrors(apiFieldErrors(err, fields));
    }
  };
  const onDecline = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setErrors([{ text: 'Enter why you decline, in at least 3 characters', href: reasonId }]);
      return;
    }
    setErrors([]);
    try {
      await decline({ variables: { id: offer.id, reason: reason.trim() } });
    } catch (err) {
      setErrors(apiFieldErrors(err, fields));
    }
  };

  return (
    <li className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m">
        {offer.reference} from {offer.fromAgency.name}
      </h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <SummaryList
        rows={[
          { key: 'Category', value: humanise(offer.category) },
          { key: 'Offered by', value: offer.fromAgency.name },
          { key: 'Offered on', value: formatDateTime(offer.offeredAt) },
          { key: 'Reason', value: offer.reason },
          {
            key: `${offer.fromAgency.name} keeps`,
            value: offer.keptAccess ? `A ${humanise(offer.keptAccess).toLowerCase()} share` : 'No share',
          },
        ]}
      />
      {offer.viewerCanDecide ? (
        <>
          <Button type="button" disabled={accepting.loading} onClick={() => void onAccept()}>
            Accept {offer.reference}
          </Button>
          <form onSubmit={onDecline} noValidate aria-label={`Decline ${offer.reference}`}>
            <Textarea
              id={reasonId}
              label="Reason for declining"
              hint={`${offer.fromAgency.name} reads this on the case’s trail`}
              value={reason}
              onChange={setReason}
              error={errors.find((e) => e.href === reasonId)?.text}
              rows={2}
            />
            <Button warning disabled={declining.loading}>
              Decline {offer.reference}
            </Button>
          </form>
        </>
      ) : (
        <p className="govuk-body">A manager of your agency accepts or declines this offer.</p>
      )}
    </li>
  );
}
