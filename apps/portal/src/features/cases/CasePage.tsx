import { useQuery } from '@apollo/client/react';
import type { CaseDetailQuery } from '../../gql/graphql';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { humanise } from '../../format';
import { RiskTag, StatusTag } from './CaseTags';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import { Tag } from '../../ui/govuk';
import { CaseDetail } from './queries';
import { SummaryTab } from './SummaryTab';
import { PartiesTab } from './PartiesTab';
import { IncidentsTab } from '../incidents/IncidentsTab';
import { ActionsTab } from '../actions/ActionsTab';
import { SharingTab } from '../shares/SharingTab';
import { AuditTab } from '../audit-trail/AuditTab';
import { TimelineTab } from './TimelineTab';
import { RiskTab } from './RiskTab';
import { LegalHoldPanel } from '../retention/LegalHoldPanel';
import { ActionPlanTab } from '../action-plans/ActionPlanTab';
import { EvidenceTab } from '../evidence/EvidenceTab';
import { useLiveCase } from './LiveCase';
import { DiscoverablePanel } from '../known-to/DiscoverablePanel';

export type CaseData = NonNullable<CaseDetailQuery['case']>;

interface Tab {
  slug: string;
  text: string;
}

function tabsFor(c: CaseData): Tab[] {
  const tabs: Tab[] = [
    { slug: 'summary', text: 'Summary' },
    { slug: 'parties', text: 'Parties' },
    { slug: 'incidents', text: 'Incidents' },
    { slug: 'actions', text: 'Actions' },
    { slug: 'action-plan', text: 'Action plan' },
    { slug: 'evidence', text: 'Evidence' },
    { slug: 'timeline', text: 'Timeline' },
    { slug: 'risk', text: 'Risk' },
  ];
  if (c.viewerCan.share) tabs.push({ slug: 'sharing', text: 'Sharing' });
  if (c.viewerCan.readAuditTrail) tabs.push({ slug: 'audit', text: 'Audit' });
  return tabs;
}

export function CasePage({ id, tab, user }: { id: string; tab: string; user: SessionUser }) {
  const { data, loading, error } = useQuery(CaseDetail, {
    variables: { id },
    skip: !user.can.readCases,
    fetchPolicy: 'cache-and-network',
  });
  const c = data?.case;
  const { gone, note } = useLiveCase(id, user, Boolean(c));
  const tabs = c ? tabsFor(c) : [];
  const current = tabs.find((t) => t.slug === tab);
  usePageTitle(c ? `${c.reference}${current ? ` – ${current.text}` : ''}` : 'Case');

  if (!user.can.readCases) return <NoCaseAccess />;
  if (gone) {
    return (
      <>
        <h1 className="govuk-heading-l">This case is no longer shared with your agency</h1>
        <p className="govuk-body">The owner agency has stopped sharing it, so it can no longer be shown here.</p>
        <p className="govuk-body">
          <Link href="/cases" className="govuk-link">
            Back to cases
          </Link>
        </p>
      </>
    );
  }
  if (loading && !c)
    return (
      <p className="govuk-body" role="status">
        Loading case…
      </p>
    );
  if (error && !c) {
    return (
      <>
        <h1 className="govuk-heading-l">Case could not be loaded</h1>
        <p className="govuk-body">Try again later.</p>
      </>
    );
  }
  // A case that is not shared with the viewer is indistinguishable from one that does not exist.
  if (!c) {
    return (
      <>
        <h1 className="govuk-heading-l">Case not found</h1>
        <p className="govuk-body">The case does not exist or has not been shared with your agency.</p>
        <p className="govuk-body">
          <Link href="/cases" className="govuk-link">
            Back to cases
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <Link href="/cases" className="govuk-back-link govuk-!-margin-top-0">
        Cases
      </Link>
      <span className="govuk-caption-l">
        {humanise(c.category)} case, owned by {c.ownerAgency.name}
      </span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{c.reference}</h1>
      <p className="govuk-body">
        <StatusTag status={c.status} /> <RiskTag risk={c.riskLevel} />{' '}
        {c.serviceClocks?.some((k) => k.state === 'BREACHED') && (
          <>
            <Tag colour="red">Service standard breached</Tag>{' '}
          </>
        )}
        <strong className="govuk-tag govuk-tag--light-blue">
          {c.owned ? 'Owner' : `${humanise(c.access)} access`}
        </strong>
      </p>
      {/* Always in the page, so a screen reader hears each note as it comes; it never takes focus. */}
      <p className="govuk-body-s govuk-!-margin-bottom-2" aria-live="polite" data-testid="case-updated-note">
        {note}
      </p>

      <nav className="moj-sub-navigation" aria-label="Case sections">
        <ul className="moj-sub-navigation__list">
          {tabs.map((t) => (
            <li className="moj-sub-navigation__item" key={t.slug}>
              <Link
                className="moj-sub-navigation__link"
                href={t.slug === 'summary' ? `/cases/${c.id}` : `/cases/${c.id}/${t.slug}`}
                aria-current={t.slug === tab ? 'page' : undefined}
              >
                {t.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {tab === 'summary' && <SummaryTab c={c} />}
      {tab === 'summary' && <LegalHoldPanel c={c} />}
      {tab === 'summary' && <DiscoverablePanel c={c} />}
      {tab === 'parties' && <PartiesTab c={c} />}
      {tab === 'incidents' && <IncidentsTab c={c} />}
      {tab === 'actions' && <ActionsTab c={c} />}
      {tab === 'action-plan' && <ActionPlanTab c={c} />}
      {tab === 'evidence' && <EvidenceTab c={c} />}
      {tab === 'timeline' && <TimelineTab c={c} />}
      {tab === 'risk' && <RiskTab c={c} />}
      {tab === 'sharing' && current && <SharingTab c={c} />}
      {tab === 'audit' && current && <AuditTab c={c} />}
      {!current && <p className="govuk-body">This section is not available to you.</p>}
    </>
  );
}
