import { graphql } from '../../gql';

export const SubjectAccessRequestFields = graphql(`
  fragment SubjectAccessRequestFields on SubjectAccessRequest {
    id
    reference
    status
    receivedAt
    dueAt
    daysRemaining
    overdue
    extensionMonths
    requester
    caseId
    caseReference
    subjectName
    exportedAt
    exportedBy
    pdfPath
    jsonPath
  }
`);

export const SubjectAccessRequestsQuery = graphql(`
  query SubjectAccessRequests {
    subjectAccessRequests {
      ...SubjectAccessRequestFields
    }
  }
`);

/** People on the agency's own cases whose name or case matches: where a request is made from. */
export const SubjectAccessPeopleQuery = graphql(`
  query SubjectAccessPeople($search: String!) {
    cases(first: 20, filter: { owned: true, search: $search }) {
      edges {
        node {
          id
          reference
          parties {
            id
            role
            fullName
            dateOfBirth
          }
        }
      }
    }
  }
`);

export const CreateSubjectAccessRequest = graphql(`
  mutation CreateSubjectAccessRequest($input: CreateSubjectAccessRequestInput!) {
    createSubjectAccessRequest(input: $input) {
      ...SubjectAccessRequestFields
    }
  }
`);

export const CompleteSubjectAccessRequest = graphql(`
  mutation CompleteSubjectAccessRequest($id: ID!) {
    completeSubjectAccessRequest(id: $id) {
      ...SubjectAccessRequestFields
    }
  }
`);

/** For My work: how many of the agency's requests are open, and how many of those are late. */
export const OpenSubjectAccessQuery = graphql(`
  query OpenSubjectAccess {
    subjectAccessRequests(status: OPEN) {
      id
      overdue
    }
  }
`);
