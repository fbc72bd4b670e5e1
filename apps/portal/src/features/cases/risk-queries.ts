import { graphql } from '../../gql';

// Only the Risk tab reads these, so the case header and the other tabs do not wait for them.
export const CaseRisk = graphql(`
  query CaseRisk($id: ID!) {
    case(id: $id) {
      id
      riskLevel
      referralCriteria
      asbRiskAssessments {
        id
        likelihood
        impact
        score
        vulnerabilities
        judgedHighRisk
        riskLevel
        concerns
        assessedAt
        reviewDueAt
      }
      dashAssessments {
        id
        score
        highRisk
        judgedHighRisk
        concerns
        assessedAt
        reviewDueAt
      }
      caseReviewThreshold {
        complaints
        threshold
        windowMonths
        met
        tellVictimAboutReview
      }
    }
  }
`);
