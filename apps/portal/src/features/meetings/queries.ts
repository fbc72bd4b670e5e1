import { graphql } from '../../gql';

// The page's query and the live feed select the same fields, so each update from the feed lands on the
// cached meeting and every panel re-renders without a refetch.
export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id
    kind
    title
    startsAt
    publishedAt
    closedAt
    currentItemId
    confidentialityStatement
    confidentialityAgreed
    version
    viewerCan {
      organise
      chair
    }
    chair {
      id
      displayName
    }
    agencies {
      id
      name
    }
    attendance {
      userId
      displayName
      agencyId
      status
      informationSent
    }
    agenda(includeWithdrawn: true) {
      id
      position
      reason
      dashScore
      referredAt
      withdrawnAt
      withdrawnReason
      concerns
      minutes
      referredByAgency {
        id
        name
      }
      dashAssessment {
        id
        score
        highRisk
      }
      case {
        id
        reference
        category
        riskLevel
        status
        summary
        ward
      }
      research {
        agencyId
        summary
        recordedAt
      }
      actions {
        ...MeetingActionFields
      }
      actionsNotDone {
        ...MeetingActionFields
      }
      actionsNoLongerNeeded {
        ...MeetingActionFields
      }
    }
  }
`);

export const MeetingActionFields = graphql(`
  fragment MeetingActionFields on CaseAction {
    id
    kind
    description
    status
    dueAt
    outcome
    ownerAgency {
      id
      name
    }
  }
`);

export const MeetingDetail = graphql(`
  query MeetingDetail($id: ID!) {
    meeting(id: $id) {
      ...MeetingFields
    }
  }
`);

export const MeetingUpdates = graphql(`
  subscription MeetingUpdates($meetingId: ID!) {
    meetingUpdates(meetingId: $meetingId) {
      ...MeetingFields
    }
  }
`);

export const MeetingList = graphql(`
  query MeetingList {
    upcoming: meetings(upcoming: true) {
      id
      kind
      title
      startsAt
      publishedAt
      chair {
        id
        displayName
      }
    }
    past: meetings(upcoming: false) {
      id
      kind
      title
      startsAt
      closedAt
      chair {
        id
        displayName
      }
    }
  }
`);
