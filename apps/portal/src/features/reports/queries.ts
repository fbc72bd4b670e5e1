import { graphql } from '../../gql';

// Two queries, not one: a MARAC chair may read MARAC figures but not case figures, and a refusal of one
// root field would empty the whole answer.

export const CaseStatisticsQuery = graphql(`
  query CaseStatistics($input: CaseStatisticsInput!) {
    caseStatistics(input: $input) {
      opened
      closedResolved
      closedUnresolved
      live
      incidents
      byCategory {
        category
        count
      }
      byWard {
        ward
        count
      }
      interventions {
        kind
        legal
        count
      }
      legalInterventions
      nonLegalInterventions
      serviceStandards {
        standard
        met
        breached
        due
        metPercent
      }
      casesPerThousandHomes
      hateCasesPerThousandHomes
      incidentsByWard {
        ward
        count
      }
      incidentsByLocation {
        location
        ward
        count
      }
      sharesByLawfulBasis {
        lawfulBasis
        count
      }
      sharesByConsent {
        consent
        count
      }
    }
  }
`);

export const MaracStatisticsQuery = graphql(`
  query MaracStatistics($input: MaracStatisticsInput!) {
    maracStatistics(input: $input) {
      meetings
      casesHeard
      repeatCases
      repeatPercent
      referredByPartners
      referredByPartnersPercent
      actionsDue
      actionsCompletedOnTime
      actionsCompletedOnTimePercent
    }
  }
`);
