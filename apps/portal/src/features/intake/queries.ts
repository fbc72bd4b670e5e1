import { graphql } from '../../gql';

export const TriageQueueQuery = graphql(`
  query TriageQueue {
    triageQueue {
      id
      channel
      receivedAt
      category
      summary
      ward
      address
      reporterName
      reporterPhone
      anonymous
      subjectName
      flags
      matchingCases {
        id
        reference
        category
        ward
        riskLevel
        openedAt
      }
    }
  }
`);

/** Only the ids: the flags and matching cases cost the API a query per report, and a count needs neither. */
export const TriageCountQuery = graphql(`
  query TriageCount {
    triageQueue {
      id
    }
  }
`);

export const AcceptIntakeReport = graphql(`
  mutation AcceptIntakeReport($id: ID!, $riskLevel: RiskLevel!) {
    acceptIntakeReport(id: $id, riskLevel: $riskLevel) {
      id
      reference
    }
  }
`);

export const AttachIntakeReport = graphql(`
  mutation AttachIntakeReport($id: ID!, $caseId: ID!) {
    attachIntakeReport(id: $id, caseId: $caseId) {
      id
      status
      caseId
    }
  }
`);

export const DeclineIntakeReport = graphql(`
  mutation DeclineIntakeReport($id: ID!, $reason: String!) {
    declineIntakeReport(id: $id, reason: $reason) {
      id
      status
      declineReason
    }
  }
`);

export const SubmitIntakeReport = graphql(`
  mutation SubmitIntakeReport($input: IntakeReportInput!) {
    submitIntakeReport(input: $input) {
      id
    }
  }
`);

/** A typed case reference, looked up among the open cases the reader may see (the API attaches by id). */
export const OpenCaseByReference = graphql(`
  query OpenCaseByReference($search: String!) {
    cases(filter: { search: $search, status: [OPEN] }, first: 10) {
      edges {
        node {
          id
          reference
        }
      }
    }
  }
`);

/** Refetched after every decision, so the queue and the count in the navigation agree. */
export const TRIAGE_QUERIES = ['TriageQueue', 'TriageCount'];
