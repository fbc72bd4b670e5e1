import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { formatDate, humanise } from '../../format';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { SummaryList, Table } from '../../ui/govuk';

const PersonQuery = graphql(`
  query Person($id: ID!) {
    person(id: $id) {
      id
      names
      aliases
      datesOfBirth
      addresses
      caseCount
      cases {
        id
        reference
        category
        status
      }
    }
  }
`);

const listed = (values: string[], empty = 'None recorded') =>
  values.length ? (
    <ul className="govuk-list">
      {values.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  ) : (
    empty
  );

/**
 * One person across the cases the reader can see: what those cases record of them, under each case's own rules
 * (a case whose names the reader may not read adds nothing here).
 */
export function PersonPage({ id, user }: { id: string; user: SessionUser }) {
  usePageTitle('Person');
  const { data, loading, error } = useQuery(PersonQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <p className="govuk-body">Loading…</p>;
  if (error && !data) return <p className="govuk-body">The person record could not be loaded.</p>;
  const person = data?.person;
  if (!person)
    return (
      <>
        <h1 className="govuk-heading-l">Person not found</h1>
        <p className="govuk-body">There is no person record with this reference that you can see.</p>
      </>
    );
  return (
    <>
      <span className="govuk-caption-l">Person record</span>
      <h1 className="govuk-heading-l">{person.names[0] ?? 'Name withheld'}</h1>
      <SummaryList
        rows={[
          { key: 'Names', value: listed(person.names) },
          { key: 'Other names', value: listed(person.aliases) },
          { key: 'Dates of birth', value: listed(person.datesOfBirth.map((d) => formatDate(d))) },
          { key: 'Known addresses', value: listed(person.addresses) },
          { key: 'Reference', value: <code>{person.id}</code> },
        ]}
      />
      <Table
        caption={`Cases you can see (${person.caseCount})`}
        head={['Case', 'Category', 'Status']}
        rows={person.cases}
        rowKey={(c) => c.id}
        cells={(c) => [
          <Link key="ref" className="govuk-link" href={`/cases/${c.id}/parties`}>
            {c.reference}
          </Link>,
          humanise(c.category),
          humanise(c.status),
        ]}
      />
      {user.can.mergePeople && (
        <p className="govuk-body">
          <Link className="govuk-link" href={`/people/merges?keep=${person.id}`}>
            Merge another person record into this one
          </Link>
        </p>
      )}
    </>
  );
}
