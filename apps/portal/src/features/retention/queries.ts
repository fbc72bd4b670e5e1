import { graphql } from '../../gql';

/** Due and held cases read alike, so one table serves both. */
export const RetentionCandidateFields = graphql(`
  fragment RetentionCandidateFields on RetentionCandidate {
    closedAt
    case {
      id
      reference
      category
    }
    legalHold {
      reason
      placedAt
      placedBy
    }
  }
`);

export const RetentionReviewQuery = graphql(`
  query RetentionReview {
    retentionReview {
      retentionYears
      closedBefore
      declinedReportsDue
      due {
        ...RetentionCandidateFields
      }
      held {
        ...RetentionCandidateFields
      }
    }
  }
`);

export const ApplyRetention = graphql(`
  mutation ApplyRetention($expectedCount: Int!, $caseIds: [ID!]) {
    applyRetention(expectedCount: $expectedCount, caseIds: $caseIds)
  }
`);

export const PlaceLegalHold = graphql(`
  mutation PlaceLegalHold($caseId: ID!, $reason: String!) {
    placeLegalHold(caseId: $caseId, reason: $reason) {
      id
      legalHold {
        reason
        placedAt
        placedBy
      }
    }
  }
`);

export const ReleaseLegalHold = graphql(`
  mutation ReleaseLegalHold($caseId: ID!, $reason: String!) {
    releaseLegalHold(caseId: $caseId, reason: $reason) {
      id
      legalHold {
        reason
        placedAt
        placedBy
      }
    }
  }
`);
