import { graphql } from '../../gql';

export const CaseReviewFields = graphql(`
  fragment CaseReviewFields on CaseReview {
    id
    caseIds
    receivedAt
    spocAgencyId
    applicantName
    applicantContact
    applicantRelationship
    thirdParty
    consentRecordedAt
    thresholdMet
    decisionReason
    meetingId
    conclusion
    outcomeAt
    recommendationActionIds
    toldAt
    toldHow
    appealBy
    appealedAt
    appealGrounds
    appealMeetingId
    appealUpheld
    appealOutcome
    viewerCanProcess
    redactedFields
    acknowledge {
      dueAt
      doneAt
      state
    }
    decide {
      dueAt
      doneAt
      state
    }
    meet {
      dueAt
      doneAt
      state
    }
    tell {
      dueAt
      doneAt
      state
    }
    appealHearing {
      dueAt
      doneAt
      state
    }
  }
`);

export const CaseReviewApplicationsQuery = graphql(`
  query CaseReviewApplications {
    caseReviewApplications {
      ...CaseReviewFields
    }
  }
`);

export const CaseReviewQuery = graphql(`
  query CaseReviewApplication($id: ID!) {
    caseReview(id: $id) {
      ...CaseReviewFields
    }
  }
`);

/** A linked case as the reader sees it, with the statutory count its decision rests on. */
export const CaseReviewCaseQuery = graphql(`
  query CaseReviewCase($id: ID!) {
    case(id: $id) {
      id
      reference
      summary
      ownerAgency {
        id
        name
      }
      shares {
        agency {
          id
          name
        }
      }
      caseReviewThreshold {
        complaints
        threshold
        windowMonths
        met
      }
    }
  }
`);

/** The agency's cases matching a search: where an application's cases are chosen from. */
export const CaseReviewCaseSearch = graphql(`
  query CaseReviewCaseSearch($search: String!) {
    cases(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          reference
          summary
          ownerAgency {
            id
            name
          }
        }
      }
    }
  }
`);

export const CaseReviewMeetingsQuery = graphql(`
  query CaseReviewMeetings {
    meetings {
      id
      kind
      title
      startsAt
      chairId
      chair {
        id
        displayName
      }
    }
  }
`);

/** Which applications a case has, as its holders see them (the applicant only where allowed). */
export const CaseReviewsOfCaseQuery = graphql(`
  query CaseReviewsOfCase($id: ID!) {
    case(id: $id) {
      id
      caseReviews {
        ...CaseReviewFields
      }
    }
  }
`);

export const CaseReviewFiguresQuery = graphql(`
  query CaseReviewFigures($year: Int!) {
    caseReviewFigures(year: $year) {
      year
      applications
      thresholdsMet
      thresholdsNotMet
      reviewsHeld
      recommendations
      appealsReceived
      appealsUpheld
    }
  }
`);

export const LogCaseReview = graphql(`
  mutation LogCaseReview($input: LogCaseReviewInput!) {
    logCaseReviewApplication(input: $input) {
      ...CaseReviewFields
    }
  }
`);

export const LinkCaseToCaseReview = graphql(`
  mutation LinkCaseToCaseReview($id: ID!, $caseId: ID!) {
    linkCaseToCaseReview(id: $id, caseId: $caseId) {
      ...CaseReviewFields
    }
  }
`);

export const AcknowledgeCaseReview = graphql(`
  mutation AcknowledgeCaseReviewApplication($id: ID!) {
    acknowledgeCaseReview(id: $id) {
      ...CaseReviewFields
    }
  }
`);

export const DecideCaseReview = graphql(`
  mutation DecideCaseReviewApplication($id: ID!, $thresholdMet: Boolean!, $reason: String!) {
    decideCaseReview(id: $id, thresholdMet: $thresholdMet, reason: $reason) {
      ...CaseReviewFields
    }
  }
`);

export const SetCaseReviewMeeting = graphql(`
  mutation SetCaseReviewMeeting($id: ID!, $meetingId: ID!) {
    setCaseReviewMeeting(id: $id, meetingId: $meetingId) {
      ...CaseReviewFields
    }
  }
`);

export const RecordCaseReviewOutcome = graphql(`
  mutation RecordCaseReviewOutcome($id: ID!, $input: CaseReviewOutcomeInput!) {
    recordCaseReviewOutcome(id: $id, input: $input) {
      ...CaseReviewFields
    }
  }
`);

export const RecordApplicantTold = graphql(`
  mutation RecordCaseReviewApplicantTold($id: ID!, $toldAt: DateTime!, $how: String!) {
    recordCaseReviewApplicantTold(id: $id, toldAt: $toldAt, how: $how) {
      ...CaseReviewFields
    }
  }
`);

export const RecordAppeal = graphql(`
  mutation RecordCaseReviewAppeal($id: ID!, $receivedAt: DateTime!, $grounds: String!) {
    recordCaseReviewAppeal(id: $id, receivedAt: $receivedAt, grounds: $grounds) {
      ...CaseReviewFields
    }
  }
`);

export const RecordAppealOutcome = graphql(`
  mutation RecordCaseReviewAppealOutcome($id: ID!, $meetingId: ID!, $upheld: Boolean!, $outcome: String!) {
    recordCaseReviewAppealOutcome(id: $id, meetingId: $meetingId, upheld: $upheld, outcome: $outcome) {
      ...CaseReviewFields
    }
  }
`);
