import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { InterventionsRegisterQuery } from '../../gql/graphql';
import { Link, navigate, usePageTitle, useSearchParams } from '../../router';
import type { SessionUser } from '../../session';
import { formatDate, humanise, londonDay } from '../../format';
import { ErrorSummary, Select, Table, Tag } from '../../ui/govuk';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { DownloadCsvButton } from '../reports/DownloadCsvButton';

const InterventionsRegister = graphql(`
  query InterventionsRegister {
    interventionsRegister {
      id
      kind
      description
      status
      servedAt
      hearingAt
      expiresAt
      caseId
      assignee {
        id
        displayName
      }
      case {
        id
        reference
      }
    }
  }
`);

type Intervention = InterventionsRegisterQuery['interventionsRegister'][number];

const DAY = 24 * 3600 * 1000;
/** Interventions lapsing this soon are marked, so a renewal or a next step is not missed. */
export const SOON_DAYS = 28;

function daysLeft(i: Intervention, now: number): number | null {
  return i.expiresAt ? Math.ceil((Date.parse(i.expiresAt) - now) / DAY) : null;
}

function ExpiryCell({ i, now }: { i: Intervention; now: number }) {
  const left = daysLeft(i, now);
  if (left === null) return <span className="app-withheld">No expiry</span>;
  if (left > SOON_DAYS) return <>{formatDate(i.expiresAt)}</>;
  return (
    <>
      {formatDate(i.expiresAt)}{' '}
      <Tag colour={left <= 7 ? 'red' : 'orange'}>{left <= 1 ? 'Expires within a day' : `Expires in ${left} days`}</Tag>
    </>
  );
}

const caseRef = (i: Intervention) => i.case?.reference ?? null;
const officer = (i: Intervention) => i.assignee?.displayName ?? 'Not assigned';

/**
 * The agency's live legal and formal interventions (injunctions, notices, ABCs, CPWs, CPNs…), those lapsing
 * soonest first, as the API orders them; the kind filter lives in the address, as the case list's filters do.
 */
export function InterventionsPage({ user }: { user: SessionUser }) {
  usePageTitle('Interventions');
  const params = useSearchParams();
  const kind = params.get('kind') ?? '';
  const [chosen, setChosen] = useState(kind);
  useEffect(() => setChosen(kind), [kind]);
  const { data, loading, error } = useQuery(InterventionsRegister, {
    skip: !user.can.readCases,
    fetchPolicy: 'cache-and-network',
  });

  if (!user.can.readCases) {
    return (
      <>
        <h1 className="govuk-heading-l">Interventions</h1>
        <NoCaseAccess />
      </>
    );
  }

  const all = data?.interventionsRegister ?? [];
  const kinds = [...new Set(all.map((i) => i.kind))].sort((a, b) => humanise(a).localeCompare(humanise(b)));
  const rows = kind ? all.filter((i) => i.kind === kind) : all;
  const now = Date.now();
  const soon = rows.filter((i) => {
    const left = daysLeft(i, now);
    return left !== null && left <= SOON_DAYS;
  }).length;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(chosen ? `/interventions?kind=${encodeURIComponent(chosen)}` : '/interventions');
  };
  const what = kind ? `${humanise(kind).toLowerCase()} interventions` : 'interventions';

  return (
    <>
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">Interventions</h1>
      <p className="govuk-body">
        Your agency's live legal and formal interventions: injunctions, notices, orders, acceptable behaviour contracts
        and warnings. Those lapsing soonest come first.
      </p>
      {error && !data && <ErrorSummary errors={[{ text: 'The register could not be loaded. Try again.' }]} />}

      <form onSubmit={apply} noValidate className="app-inline-filter" role="search" aria-label="Filter interventions">
        <Select
          id="interventions-kind"
          label="Kind of intervention"
          value={chosen}
          onChange={setChosen}
          options={[
            { value: '', text: 'All kinds' },
            ...(kind && !kinds.some((k) => k === kind) ? [kind] : kinds).map((k) => ({ value: k, text: humanise(k) })),
          ]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show
        </button>
      </form>

      <p className="govuk-body govuk-!-font-weight-bold" role="status">
        {loading && !data
          ? 'Loading the register…'
          : `${rows.length} live ${rows.length === 1 ? what.replace(/s$/, '') : what}${rows.length ? `; ${soon} ${soon === 1 ? 'expires' : 'expire'} within ${SOON_DAYS} days` : ''}`}
      </p>

      {rows.length > 0 && (
        <>
          <Table
            caption={
              kind
                ? `${humanise(kind)}: live interventions, lapsing soonest first`
                : 'Live interventions, lapsing soonest first'
            }
            captionClass="govuk-table__caption--s"
            head={['Kind', 'Case', 'What', 'Served', 'Hearing', 'Expires', 'Officer']}
            rows={rows}
            rowKey={(i) => i.id}
            cells={(i) => [
              humanise(i.kind),
              i.case ? (
                <Link href={`/cases/${i.case.id}/actions`} className="govuk-link app-nowrap">
                  {i.case.reference}
                </Link>
              ) : (
                <span className="app-withheld">Not shared with your agency</span>
              ),
              i.description,
              i.servedAt ? formatDate(i.servedAt) : <span className="app-withheld">Not recorded</span>,
              i.hearingAt ? formatDate(i.hearingAt) : <span className="app-withheld">None</span>,
              <ExpiryCell i={i} now={now} />,
              officer(i),
            ]}
          />
          <DownloadCsvButton
            what={what}
            fileName={`${
              kind
                ? `${humanise(kind)
                    .toLowerCase()
                    .replace(/[^a-z0-9]+/g, '-')}-`
                : ''
            }interventions-${londonDay(new Date().toISOString())}.csv`}
            head={['Kind', 'Case', 'What', 'Served', 'Hearing', 'Expires', 'Days left', 'Officer', 'Status']}
            rows={rows.map((i) => [
              humanise(i.kind),
              caseRef(i),
              i.description,
              londonDay(i.servedAt),
              londonDay(i.hearingAt),
              londonDay(i.expiresAt),
              daysLeft(i, now),
              officer(i),
              humanise(i.status),
            ])}
          />
        </>
      )}
    </>
  );
}
