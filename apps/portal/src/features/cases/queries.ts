import { graphql } from '../../gql';

// One query feeds every tab, so switching tabs is instant and the header never flickers.
export const CaseDetail = graphql(`
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id
      reference
      category
      status
      riskLevel
      ward
      summary
      address
      openedAt
      closedAt
      closeReason
      reporterToldAt
      version
      owned
      access
      hasSupportNeeds
      supportNeeds
      policeIntelligence
      redactedFields
      # What this user may do here: the portal asks rather than keeping a copy of the rules.
      viewerCan {
        share
        readAuditTrail
        placeLegalHold
        releaseLegalHold
        edit
        close
        recordSatisfaction
        addParty
        editPartyIdentifiers
        editPartyTenancy
        recordContact
        recordDashAssessment
        recordAsbRiskAssessment
        agreeActionPlan
        uploadEvidence
        removeEvidence
        withdrawFromMeeting
        editPoliceIntelligence
        editSupportNeeds
        chooseLeadOfficer
        transfer
      }
      possibleLeadOfficers {
        id
        displayName
      }
      pendingTransfer {
        id
        reason
        keptAccess
        offeredAt
        toAgency {
          id
          name
        }
      }
      ownerAgency {
        id
        name
        kind
      }
      leadOfficer {
        id
        displayName
      }
      parties {
        id
        role
        anonymous
        tenant
        fullName
        aliases
        address
        phone
        dateOfBirth
        tenancyType
        rentArrears
        tenancyBreaches
        redactedFields
      }
      incidents {
        id
        occurredAt
        loggedAt
        category
        description
        location
        ward
        redactedFields
        loggedByAgency {
          id
          name
        }
      }
      actions {
        id
        kind
        legal
        description
        status
        dueAt
        createdAt
        completedAt
        outcome
        servedAt
        hearingAt
        expiresAt
        registered
        lapseMonths
        ownerAgency {
          id
          name
        }
        viewerCan {
          update
        }
      }
      contacts {
        id
        channel
        contactedAt
        note
      }
      serviceClocks {
        standard
        state
        dueAt
        doneAt
      }
      shares {
        id
        access
        reason
        lawfulBasis
        lawfulBasisDetail
        consent {
          state
          detail
        }
        sharedAt
        redactedFields
        agency {
          id
          name
          kind
        }
      }
    }
  }
`);
