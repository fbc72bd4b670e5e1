import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorCode } from '../../apollo';
import { formatDateTime, humanise } from '../../format';
import { Table } from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { consentText, lawfulBasisText } from '../shares/sharing-basis';

const Disclosures = graphql(`
  query CaseDisclosures($caseId: ID!) {
    caseDisclosures(caseId: $caseId) {
      id
      access
      basis
      lawfulBasis
      lawfulBasisDetail
      consent {
        state
        detail
      }
      sharedAt
      sharedBy {
        id
        displayName
      }
      revokedAt
      revokedBy {
        id
        displayName
      }
      agency {
        id
        name
      }
    }
  }
`);

/** Every share of the case, live and revoked, with its basis and the victim's consent: what an ISA audit asks for. */
function DisclosureLog({ caseId }: { caseId: string }) {
  const { data, error } = useQuery(Disclosures, { variables: { caseId }, fetchPolicy: 'network-only' });
  if (error || !data) return null;
  return (
    <section aria-labelledby="disclosure-log-heading" className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-s" id="disclosure-log-heading">
        Disclosure log
      </h3>
      {data.caseDisclosures.length === 0 ? (
        <p className="govuk-body">This case has never been shared.</p>
      ) : (
        <Table
          caption="Every share of this case, oldest first"
          hiddenCaption
          head={['Agency', 'Access', 'Reason for sharing', 'Lawful basis', "Victim's consent", 'Shared', 'Revoked']}
          rows={data.caseDisclosures}
          rowKey={(d) => d.id}
          cells={(d) => [
            d.agency.name,
            d.access === 'FULL' ? 'Full' : 'Limited',
            d.basis,
            lawfulBasisText(d.lawfulBasis, d.lawfulBasisDetail === d.basis ? null : d.lawfulBasisDetail),
            consentText(d.consent),
            `${formatDateTime(d.sharedAt)} by ${d.sharedBy.displayName}`,
            d.revokedAt ? `${formatDateTime(d.revokedAt)}${d.revokedBy ? ` by ${d.revokedBy.displayName}` : ''}` : 'No',
          ]}
        />
      )}
    </section>
  );
}

const AuditTrail = graphql(`
  query AuditTrail($caseId: ID!, $first: Int, $after: String) {
    caseAuditTrail(caseId: $caseId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          detail
          actor {
            id
            displayName
            agency {
              id
              name
            }
          }
          changes {
            field
            from
            to
            withheld
          }
        }
      }
    }
  }
`);

export function AuditTab({ c }: { c: CaseData }) {
  const { data, loading, error, fetchMore } = useQuery(AuditTrail, {
    variables: { caseId: c.id, first: 50 },
    fetchPolicy: 'network-only',
  });
  if (loading && !data)
    return (
      <p className="govuk-body" role="status">
        Loading the audit trail…
      </p>
    );
  if (error) {
    return (
      <>
        <h2 className="govuk-heading-m">Audit</h2>
        <p className="govuk-body">
          {errorCode(error) === 'FORBIDDEN'
            ? 'Only managers of the owner agency can read the audit trail.'
            : 'The audit trail could not be loaded.'}
        </p>
      </>
    );
  }
  const trail = data?.caseAuditTrail;
  const events = trail?.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h2 className="govuk-heading-m">Audit</h2>
      <DisclosureLog caseId={c.id} />
      <h3 className="govuk-heading-s">Audit trail</h3>
      <Table
        caption={`${trail?.totalCount ?? 0} events, newest first`}
        captionClass="govuk-table__caption--s"
        head={['When', 'Who', 'What', 'Detail']}
        rows={events}
        rowKey={(e) => e.id}
        cells={(e) => [
          formatDateTime(e.at),
          `${e.actor.displayName}, ${e.actor.agency.name}`,
          humanise(e.action),
          <>
            {e.detail}
            {e.changes.length > 0 && (
              <ul className="govuk-list govuk-body-s">
                {e.changes.map((ch, i) => (
                  <li key={i}>
                    {ch.withheld ? `${ch.field}: Withheld` : `${ch.field}: “${ch.from ?? ''}” to “${ch.to ?? ''}”`}
                  </li>
                ))}
              </ul>
            )}
          </>,
        ]}
      />
      {trail?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() =>
            fetchMore({
              variables: { after: trail.pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => ({
                caseAuditTrail: {
                  ...fetchMoreResult.caseAuditTrail,
                  edges: [...prev.caseAuditTrail.edges, ...fetchMoreResult.caseAuditTrail.edges],
                },
              }),
            })
          }
        >
          Show older events
        </button>
      )}
    </>
  );
}
