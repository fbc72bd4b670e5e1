import { graphql } from '../../gql';

export const LetterTemplateFields = graphql(`
  fragment LetterTemplateFields on LetterTemplate {
    id
    kind
    name
    body
    version
    retired
    retiredAt
    updatedAt
    updatedBy
  }
`);

export const LetterTemplatesQuery = graphql(`
  query LetterTemplates($includeRetired: Boolean) {
    letterTemplates(includeRetired: $includeRetired) {
      ...LetterTemplateFields
    }
    letterMergeFields {
      key
      label
    }
  }
`);

export const LetterTemplateStartersQuery = graphql(`
  query LetterTemplateStarters {
    letterTemplateStarters {
      kind
      name
      body
    }
  }
`);

export const CreateLetterTemplate = graphql(`
  mutation CreateLetterTemplate($input: CreateLetterTemplateInput!) {
    createLetterTemplate(input: $input) {
      ...LetterTemplateFields
    }
  }
`);

export const UpdateLetterTemplate = graphql(`
  mutation UpdateLetterTemplate($id: ID!, $expectedVersion: Int!, $input: LetterTemplateTextInput!) {
    updateLetterTemplate(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...LetterTemplateFields
    }
  }
`);

export const RetireLetterTemplate = graphql(`
  mutation RetireLetterTemplate($id: ID!) {
    retireLetterTemplate(id: $id) {
      ...LetterTemplateFields
    }
  }
`);

export const PreviewLetter = graphql(`
  query PreviewLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {
    previewLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {
      text
      withheldFields
      missingFields
      templateVersion
    }
  }
`);

export const ProduceLetter = graphql(`
  mutation ProduceLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {
    produceLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {
      withheldFields
      missingFields
      recordedAs
      evidence {
        id
        fileName
      }
    }
  }
`);
