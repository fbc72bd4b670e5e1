import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseFilter, CaseCategory, CaseOrder, CaseStatus, RiskLevel } from '../../gql/graphql';
import { Link, navigate, usePageTitle, useSearchParams } from '../../router';
import type { SessionUser } from '../../session';
import { CASE_CATEGORIES, CASE_STATUSES, RISK_LEVELS, formatDate, humanise, options } from '../../format';
import { Select, Table, TextInput, ErrorSummary } from '../../ui/govuk';
import { RiskTag, StatusTag } from './CaseTags';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { DownloadFileButton } from '../../ui/DownloadFileButton';

const PAGE_SIZE = 20;

const CaseList = graphql(`
  query CaseList($filter: CaseFilter, $first: Int, $after: String, $orderBy: CaseOrder) {
    cases(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          reference
          category
          status
          riskLevel
          ward
          openedAt
          access
        }
      }
    }
  }
`);

interface Filters {
  search: string;
  status: string;
  category: string;
  risk: string;
  ward: string;
  sort: string;
}

const FILTER_KEYS: (keyof Filters)[] = ['search', 'status', 'category', 'risk', 'ward', 'sort'];
const NO_FILTERS: Filters = { search: '', status: '', category: '', risk: '', ward: '', sort: '' };

/** Sorting happens on the server (CaseOrder), so paging stays a keyset walk in the chosen order. */
const SORT_OPTIONS = [
  { value: '', text: 'Newest first' },
  { value: 'OLDEST', text: 'Oldest first' },
  { value: 'REFERENCE', text: 'Reference' },
  { value: 'HIGHEST_RISK', text: 'Highest risk first' },
  { value: 'WARD', text: 'Ward' },
];

function toApiFilter(f: Filters): CaseFilter {
  const filter: CaseFilter = {};
  if (f.search.trim()) filter.search = f.search.trim();
  if (f.status) filter.status = [f.status as CaseStatus];
  if (f.category) filter.category = [f.category as CaseCategory];
  if (f.risk) filter.riskLevel = [f.risk as RiskLevel];
  if (f.ward.trim()) filter.ward = [f.ward.trim()];
  return filter;
}

/** Filters and the page cursor live in the URL, so a filtered page can be bookmarked and Back works. */
function urlFor(f: Filters, after?: string, back?: string[]): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k].trim()) q.set(k, f[k].trim());
  if (after) q.set('after', after);
  if (back?.length) q.set('back', back.join('.'));
  const s = q.toString();
  return s ? `/cases?${s}` : '/cases';
}

/** The export of the list as it is filtered and sorted now: the API's own parameter names, one value each. */
function exportUrl(f: Filters): string {
  const q = new URLSearchParams();
  if (f.search.trim()) q.set('search', f.search.trim());
  if (f.status) q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.risk) q.set('riskLevel', f.risk);
  if (f.ward.trim()) q.set('ward', f.ward.trim());
  q.set('orderBy', f.sort || 'NEWEST');
  return `/exports/cases/cases.csv?${q.toString()}`;
}

const any = (label: string) => ({ value: '', text: label });

export function CasesPage({ user }: { user: SessionUser }) {
  usePageTitle('Cases');
  const params = useSearchParams();
  const applied: Filters = { ...NO_FILTERS };
  for (const k of FILTER_KEYS) applied[k] = params.get(k) ?? '';
  const after = params.get('after') ?? undefined;
  // Keyset paging only goes forward; earlier cursors are carried along to go back.
  const back = params.get('back')?.split('.').filter(Boolean) ?? [];

  const [form, setForm] = useState<Filters>(applied);
  const appliedKey = FILTER_KEYS.map((k) => applied[k]).join('\u0000');
  // Back and Forward change the URL under the form; show what is actually applied.
  useEffect(() => setForm(applied), [appliedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const { data, loading, error } = useQuery(CaseList, {
    variables: {
      filter: toApiFilter(applied),
      first: PAGE_SIZE,
      after,
      orderBy: (applied.sort || 'NEWEST') as CaseOrder,
    },
    skip: !user.can.readCases,
    fetchPolicy: 'cache-and-network',
  });

  if (!user.can.readCases) {
    return (
      <>
        <h1 className="govuk-heading-l">Cases</h1>
        <NoCaseAccess />
      </>
    );
  }

  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(urlFor(form));
  };

  const total = data?.cases.totalCount ?? 0;
  const rows = data?.cases.edges.map((e) => e.node) ?? [];
  const pageStart = back.length * PAGE_SIZE + (after ? PAGE_SIZE : 0);
  const nextUrl =
    data?.cases.pageInfo.hasNextPage && data.cases.pageInfo.endCursor
      ? urlFor(applied, data.cases.pageInfo.endCursor, after ? [...back, after] : back)
      : null;
  // `back` holds the cursors of the pages before this one; the first page has none.
  const prevUrl = after ? urlFor(applied, back[back.length - 1], back.slice(0, -1)) : null;

  return (
    <>
      <h1 className="govuk-heading-l">Cases</h1>
      <Link href="/cases/new" role="button" draggable={false} className="govuk-button" data-module="govuk-button">
        Open a case
      </Link>
      {error && <ErrorSummary errors={[{ text: 'Cases could not be loaded. Try again.' }]} />}
      <div className="app-filter-layout">
        <div className="moj-filter" role="search" aria-labelledby="filter-heading">
          <div className="moj-filter__header">
            <div className="moj-filter__header-title">
              <h2 className="govuk-heading-m" id="filter-heading">
                Filter
              </h2>
            </div>
          </div>
          <div className="moj-filter__content">
            <form className="moj-filter__options" onSubmit={apply} noValidate>
              <TextInput
                id="filter-search"
                label="Search"
                labelClass="govuk-label--s"
                hint="Reference, summary, ward, address or name"
                value={form.search}
                onChange={(search) => setForm({ ...form, search })}
              />
              <Select
                id="filter-status"
                label="Status"
                labelClass="govuk-label--s"
                value={form.status}
                onChange={(status) => setForm({ ...form, status })}
                options={[any('Any status'), ...options(CASE_STATUSES)]}
              />
              <Select
                id="filter-category"
                label="Category"
                labelClass="govuk-label--s"
                value={form.category}
                onChange={(category) => setForm({ ...form, category })}
                options={[any('Any category'), ...options(CASE_CATEGORIES)]}
              />
              <Select
                id="filter-risk"
                label="Risk level"
                labelClass="govuk-label--s"
                value={form.risk}
                onChange={(risk) => setForm({ ...form, risk })}
                options={[any('Any risk level'), ...options(RISK_LEVELS)]}
              />
              <TextInput
                id="filter-ward"
                label="Ward"
                labelClass="govuk-label--s"
                value={form.ward}
                onChange={(ward) => setForm({ ...form, ward })}
              />
              <Select
                id="filter-sort"
                label="Sort by"
                labelClass="govuk-label--s"
                value={form.sort}
                onChange={(sort) => setForm({ ...form, sort })}
                options={SORT_OPTIONS}
              />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Apply filters
              </button>
              {FILTER_KEYS.some((k) => applied[k]) && (
                <p className="govuk-body">
                  <Link
                    href="/cases"
                    className="govuk-link govuk-link--no-visited-state"
                    onClick={() => setForm({ ...NO_FILTERS })}
                  >
                    Clear filters
                  </Link>
                </p>
              )}
            </form>
          </div>
        </div>

        <div>
          <p className="govuk-body govuk-!-font-weight-bold" role="status" aria-live="polite">
            {loading && !data ? 'Loading cases…' : `${total} ${total === 1 ? 'case' : 'cases'}`}
          </p>
          {total > 0 && !applied.ward.includes(',') && (
            <DownloadFileButton
              path={exportUrl(applied)}
              fallbackName="cases.csv"
              hint={`${total === 1 ? 'The case' : `All ${total} cases`} in this list, filtered and sorted as shown. Each download is recorded in the case's audit trail.`}
            >
              Download CSV<span className="govuk-visually-hidden"> of the cases in this list</span>
            </DownloadFileButton>
          )}
          {total > 0 && applied.ward.includes(',') && (
            // The export reads a comma in the ward as a list of wards, so it would not match this list.
            <p className="govuk-body">
              To download these cases as a CSV file, filter by a ward name without a comma in it.
            </p>
          )}
          {rows.length > 0 && (
            <Table
              caption={total > PAGE_SIZE ? `Cases ${pageStart + 1} to ${pageStart + rows.length} of ${total}` : 'Cases'}
              captionClass="govuk-table__caption--s"
              head={['Reference', 'Category', 'Status', 'Risk', 'Ward', 'Opened', 'Your access']}
              rows={rows}
              rowKey={(c) => c.id}
              cells={(c) => [
                <Link href={`/cases/${c.id}`} className="govuk-link app-nowrap">
                  {c.reference}
                </Link>,
                humanise(c.category),
                <StatusTag status={c.status} />,
                <RiskTag risk={c.riskLevel} short />,
                c.ward,
                formatDate(c.openedAt),
                c.access,
              ]}
            />
          )}
          {(prevUrl || nextUrl) && (
            <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of cases">
              {prevUrl && (
                <div className="govuk-pagination__prev">
                  <Link className="govuk-link govuk-pagination__link" href={prevUrl} rel="prev">
                    <span className="govuk-pagination__link-title">Previous page</span>
                  </Link>
                </div>
              )}
              {nextUrl && (
                <div className="govuk-pagination__next">
                  <Link className="govuk-link govuk-pagination__link" href={nextUrl} rel="next">
                    <span className="govuk-pagination__link-title">Next page</span>
                  </Link>
                </div>
              )}
            </nav>
          )}
        </div>
      </div>
    </>
  );
}
