import { useState, type FormEvent } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { SearchPeopleQuery } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { formatDateTime, humanise } from '../../format';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { Button, ErrorSummary, Tag, TextInput, Textarea, Withheld, type FieldError } from '../../ui/govuk';

const SearchPeople = graphql(`
  query SearchPeople($input: PersonSearchInput!) {
    searchPeople(input: $input) {
      visible {
        case {
          id
          reference
          category
          status
        }
        party {
          id
          role
          fullName
          dateOfBirth
        }
      }
      locked {
        hitId
        ownerAgency {
          id
          name
        }
      }
    }
  }
`);

const RequestCaseAccess = graphql(`
  mutation RequestCaseAccess($hitId: ID!, $reason: String!) {
    requestCaseAccess(hitId: $hitId, reason: $reason) {
      id
      status
    }
  }
`);

const MyAccessRequests = graphql(`
  query MyAccessRequests {
    myAccessRequests {
      id
      status
      reason
      requestedAt
      decidedAt
      decisionReason
      grantedAccess
      ownerAgency {
        id
        name
      }
      case {
        id
        reference
      }
    }
  }
`);

const FIELDS: Record<string, { id: string; label: string }> = {
  fullName: { id: 'person-name', label: 'Full name' },
  dateOfBirth: { id: 'person-dob', label: 'Date of birth' },
  reason: { id: 'search-reason', label: 'Reason for searching' },
};

type Results = SearchPeopleQuery['searchPeople'];

/**
 * "Is this person known anywhere in the partnership?" A reason is asked before anything is searched; cases the
 * user can see are listed, and records other agencies hold are shown locked: the agency's name, and a way to ask.
 */
export function FindPersonPage({ user }: { user: SessionUser }) {
  usePageTitle('Find a person');
  const [fullName, setFullName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [results, setResults] = useState<Results | null>(null);
  const [search, { loading }] = useLazyQuery(SearchPeople, { fetchPolicy: 'no-cache' });

  if (!user.can.searchPeople) {
    return (
      <>
        <h1 className="govuk-heading-l">Find a person</h1>
        <p className="govuk-body">Your account does not search for people across the partnership.</p>
      </>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!fullName.trim()) missing.push({ text: 'Enter the person’s full name', href: FIELDS.fullName.id });
    if (!reason.trim()) missing.push({ text: 'Enter why you are searching', href: FIELDS.reason.id });
    if (missing.length > 0) {
      setErrors(missing);
      setResults(null);
      return;
    }
    try {
      const { data } = await search({
        variables: { input: { fullName, reason, dateOfBirth: dateOfBirth.trim() || null } },
      });
      setErrors([]);
      setResults(data?.searchPeople ?? null);
    } catch (error) {
      setResults(null);
      setErrors(apiFieldErrors(error, (f) => FIELDS[f]));
    }
  };
  const errorOf = (field: string) => errors.find((e) => e.href === FIELDS[field].id)?.text;

  return (
    <>
      <h1 className="govuk-heading-l">Find a person</h1>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <p className="govuk-body">
        Search for a person across the partnership. Where another agency holds a record you cannot see, you are told
        only which agency holds it. Your reason is recorded, and that agency’s managers can read it.
      </p>
      <form onSubmit={submit} noValidate>
        <TextInput
          id={FIELDS.fullName.id}
          label="Full name"
          hint="A misspelling is found too"
          value={fullName}
          onChange={setFullName}
          error={errorOf('fullName')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          id={FIELDS.dateOfBirth.id}
          label="Date of birth (optional)"
          hint="For example, 1990-04-12. Records with another date of birth are left out."
          value={dateOfBirth}
          onChange={setDateOfBirth}
          error={errorOf('dateOfBirth')}
          inputClass="govuk-input--width-10"
          autoComplete="off"
        />
        <Textarea
          id={FIELDS.reason.id}
          label="Reason for searching"
          hint="For example, the referral or case you are working on"
          value={reason}
          onChange={setReason}
          error={errorOf('reason')}
          rows={2}
        />
        <Button disabled={loading}>Search</Button>
      </form>
      {results && <SearchResults results={results} />}
      <MyRequests />
    </>
  );
}

function SearchResults({ results }: { results: Results }) {
  return (
    <section aria-labelledby="results-heading">
      <h2 className="govuk-heading-m" id="results-heading">
        Results
      </h2>
      <h3 className="govuk-heading-s">Cases you can see</h3>
      {results.visible.length === 0 ? (
        <p className="govuk-body">None of the cases you can see match.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced" aria-label="Cases you can see">
          {results.visible.map((m) => (
            <li key={m.party.id}>
              <Link className="govuk-link" href={`/cases/${m.case.id}`}>
                {m.case.reference}
              </Link>{' '}
              — {m.party.fullName ?? <Withheld />} ({humanise(m.party.role)}
              {m.party.dateOfBirth ? `, born ${m.party.dateOfBirth}` : ''}), {humanise(m.case.category)} case,{' '}
              {humanise(m.case.status)}
            </li>
          ))}
        </ul>
      )}
      <h3 className="govuk-heading-s">Known to other agencies</h3>
      {results.locked.length === 0 ? (
        <p className="govuk-body">No other agency lets searches find a record that matches.</p>
      ) : (
        <ul className="govuk-list" aria-label="Known to other agencies">
          {results.locked.map((hit, i) => (
            <LockedHit key={hit.hitId} hitId={hit.hitId} agency={hit.ownerAgency.name} index={i} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LockedHit({ hitId, agency, index }: { hitId: string; agency: string; index: number }) {
  const [request, { loading }] = useMutation(RequestCaseAccess, { refetchQueries: ['MyAccessRequests'] });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const id = `access-reason-${index}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Enter why you need access');
      return;
    }
    try {
      await request({ variables: { hitId, reason } });
      setError(null);
      setSent(true);
    } catch (err) {
      setError(apiFieldErrors(err, () => undefined)[0]?.text ?? 'The request could not be sent');
    }
  };

  return (
    <li className="govuk-!-margin-bottom-6">
      <p className="govuk-body govuk-!-font-weight-bold">
        Known to {agency} <Tag colour="grey">Locked</Tag>
      </p>
      {sent ? (
        <p className="govuk-body">Access requested. {agency}’s managers will decide.</p>
      ) : (
        <form onSubmit={submit} noValidate aria-label={`Request access from ${agency}`}>
          {error && <ErrorSummary errors={[{ text: error, href: id }]} />}
          <Textarea
            id={id}
            label={`Why you need access to ${agency}’s record`}
            value={reason}
            onChange={setReason}
            error={error ?? undefined}
            rows={2}
          />
          <Button secondary disabled={loading}>
            Request access
          </Button>
        </form>
      )}
    </li>
  );
}

const STATUS_COLOUR = { PENDING: 'yellow', GRANTED: 'green', REFUSED: 'red' } as const;

function MyRequests() {
  const { data } = useQuery(MyAccessRequests, { fetchPolicy: 'cache-and-network' });
  const requests = data?.myAccessRequests ?? [];
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="my-requests-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="my-requests-heading">
        Your requests for access
      </h2>
      {requests.map((r) => (
        <div className="govuk-summary-card" key={r.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              {r.ownerAgency.name} <Tag colour={STATUS_COLOUR[r.status]}>{humanise(r.status)}</Tag>
            </h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Asked</dt>
                <dd className="govuk-summary-list__value">
                  {formatDateTime(r.requestedAt)}: {r.reason}
                </dd>
              </div>
              {r.decidedAt && (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Decided</dt>
                  <dd className="govuk-summary-list__value">
                    {formatDateTime(r.decidedAt)}
                    {r.grantedAccess ? `, ${humanise(r.grantedAccess)} access` : ''}: {r.decisionReason}
                  </dd>
                </div>
              )}
              {r.case && (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Case</dt>
                  <dd className="govuk-summary-list__value">
                    <Link className="govuk-link" href={`/cases/${r.case.id}`}>
                      {r.case.reference}
                    </Link>
                  </dd>
                </div>
              )}
            </dl>
          </div>
        </div>
      ))}
    </section>
  );
}
