import { SummaryList } from '../components/govuk';
import { RiskTag } from '../components/CaseTags';
import type { CaseData } from './CasePage';

export function RiskTab({ c }: { c: CaseData }) {
  const recent = c.incidents.filter((i) => Date.parse(i.occurredAt) > Date.now() - 365 * 24 * 3600 * 1000).length;
  return (
    <>
      <h2 className="govuk-heading-m">Risk</h2>
      <SummaryList
        rows={[
          { key: 'Risk level', value: <RiskTag risk={c.riskLevel} /> },
          { key: 'Incidents in the last 12 months', value: String(recent) },
          { key: 'Support needs recorded', value: c.hasSupportNeeds ? 'Yes' : 'No' },
        ]}
      />
      <div className="govuk-inset-text">DASH risk assessments are coming soon.</div>
    </>
  );
}
