import { useQuery } from '@apollo/client/react';
import type { CaseRiskQuery } from '../../gql/graphql';
import { SummaryList, Table, Tag, Withheld, WarningText } from '../../ui/govuk';
import { RiskTag } from './CaseTags';
import { formatDate, humanise } from '../../format';
import type { CaseData } from './CasePage';
import { CaseRisk } from './risk-queries';
import { DashForm } from '../dash/DashForm';
import { AsbRiskForm, IMPACT, LIKELIHOOD, vulnerabilityName } from '../asb-risk/AsbRiskForm';
import { MeetingAgendasPanel } from '../meetings/MeetingAgendasPanel';
import { CaseReviewsPanel } from '../case-reviews/CaseReviewsPanel';

export function RiskTab({ c }: { c: CaseData }) {
  const recent = c.incidents.filter((i) => Date.parse(i.occurredAt) > Date.now() - 365 * 24 * 3600 * 1000).length;
  const { data, loading, error } = useQuery(CaseRisk, { variables: { id: c.id }, fetchPolicy: 'cache-and-network' });
  const risk = data?.case;
  // Domestic abuse is assessed with the DASH checklist, every other case with the ASB risk matrix.
  const domesticAbuse = c.category === 'DOMESTIC_ABUSE';
  return (
    <>
      <h2 className="govuk-heading-m">Risk</h2>
      <SummaryList
        rows={[
          { key: 'Risk level', value: <RiskTag risk={c.riskLevel} /> },
          { key: 'Incidents in the last 12 months', value: String(recent) },
          { key: 'Support needs recorded', value: c.hasSupportNeeds ? 'Yes' : 'No' },
          ...(risk
            ? [
                {
                  key: 'Referral criteria met now',
                  value: risk.referralCriteria.length ? risk.referralCriteria.map(humanise).join(', ') : 'None',
                },
              ]
            : []),
        ]}
      />
      {/* Next to the criteria for referral: where the case has been referred, and the way to take it off. */}
      <MeetingAgendasPanel c={c} />
      {loading && !risk && (
        <p className="govuk-body" role="status">
          Loading risk assessments…
        </p>
      )}
      {error && !risk && <p className="govuk-body">Risk assessments could not be loaded. Try again later.</p>}
      {risk && <CaseReviewThresholdPanel threshold={risk.caseReviewThreshold} />}
      <CaseReviewsPanel caseId={c.id} />
      {risk && !domesticAbuse && <AsbRiskAssessments c={c} assessments={risk.asbRiskAssessments} />}
      {risk && (domesticAbuse || !!risk.dashAssessments?.length) && (
        <section aria-labelledby="dash-history-heading" className="govuk-!-margin-top-6">
          <h3 className="govuk-heading-m" id="dash-history-heading">
            DASH risk assessments
          </h3>
          {risk.dashAssessments === null || risk.dashAssessments === undefined ? (
            <p className="govuk-body">
              DASH assessments are read by the owner agency and agencies with full access only.
            </p>
          ) : risk.dashAssessments.length === 0 ? (
            <p className="govuk-body">No DASH risk assessment has been recorded.</p>
          ) : (
            <Table
              caption="Assessments, newest first"
              captionClass="govuk-table__caption--s"
              head={['Assessed', 'Score', 'Result', 'Review due']}
              rows={risk.dashAssessments}
              rowKey={(a) => a.id}
              cells={(a) => [
                formatDate(a.assessedAt),
                `${a.score} of 24`,
                a.highRisk ? (
                  <Tag colour="red">
                    {a.judgedHighRisk && a.score < 14 ? 'High risk (professional judgement)' : 'High risk'}
                  </Tag>
                ) : (
                  <Tag colour="grey">Not high risk</Tag>
                ),
                formatDate(a.reviewDueAt),
              ]}
            />
          )}
        </section>
      )}
      {domesticAbuse && risk?.dashAssessments && c.viewerCan.recordDashAssessment && <DashForm caseId={c.id} />}
    </>
  );
}

type Threshold = NonNullable<CaseRiskQuery['case']>['caseReviewThreshold'];

function CaseReviewThresholdPanel({ threshold }: { threshold: Threshold }) {
  return (
    <section aria-labelledby="case-review-heading" className="govuk-!-margin-top-6">
      <h3 className="govuk-heading-m" id="case-review-heading">
        ASB Case Review threshold
      </h3>
      <SummaryList
        rows={[
          {
            key: 'Qualifying complaints',
            value: `${threshold.complaints} of ${threshold.threshold} in ${threshold.windowMonths} months`,
          },
          {
            key: 'Threshold met',
            value: threshold.met ? <Tag colour="red">Met</Tag> : <Tag colour="grey">Not met</Tag>,
          },
        ]}
      />
      {threshold.tellVictimAboutReview && (
        <WarningText>Tell the victim they can ask for an ASB Case Review.</WarningText>
      )}
    </section>
  );
}

type AsbAssessment = NonNullable<NonNullable<CaseRiskQuery['case']>['asbRiskAssessments']>[number];

/** The ASB risk matrix: what was assessed, newest first, and the form for the next one. */
function AsbRiskAssessments({ c, assessments }: { c: CaseData; assessments: AsbAssessment[] | null | undefined }) {
  return (
    <>
      <section aria-labelledby="asb-history-heading" className="govuk-!-margin-top-6">
        <h3 className="govuk-heading-m" id="asb-history-heading">
          ASB risk assessments
        </h3>
        {!assessments ? (
          <p className="govuk-body">
            <Withheld />: ASB risk assessments are read by the owner agency and agencies with full access only.
          </p>
        ) : assessments.length === 0 ? (
          <p className="govuk-body">No ASB risk assessment has been recorded.</p>
        ) : (
          <Table
            caption="ASB risk assessments, newest first"
            captionClass="govuk-table__caption--s"
            head={['Assessed', 'Score', 'Risk', 'Vulnerabilities', 'Review due']}
            rows={assessments}
            rowKey={(a) => a.id}
            cells={(a) => [
              formatDate(a.assessedAt),
              <>
                {a.score} of 25
                <span className="govuk-body-s app-block">
                  likelihood {a.likelihood} ({LIKELIHOOD[a.likelihood - 1]?.toLowerCase()}) × impact {a.impact} (
                  {IMPACT[a.impact - 1]?.toLowerCase()})
                </span>
              </>,
              <>
                <RiskTag risk={a.riskLevel} />
                {a.judgedHighRisk && <span className="govuk-body-s app-block">Professional judgement</span>}
              </>,
              a.vulnerabilities.length ? a.vulnerabilities.map(vulnerabilityName).join(', ') : 'None',
              formatDate(a.reviewDueAt),
            ]}
          />
        )}
      </section>
      {assessments &&
        c.viewerCan.recordAsbRiskAssessment &&
        (c.status === 'OPEN' ? (
          <AsbRiskForm caseId={c.id} />
        ) : (
          <p className="govuk-body">This case is closed: no new assessment can be recorded.</p>
        ))}
    </>
  );
}
