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
      adultFemalePopulation
      casesPer10kAdultWomen
      referralsByAgencyKind {
        kind
        count
      }
      supportEngaged
      supportEngagedPercent
      victimsAged16To17
      victimsWithDateOfBirth
      notRecorded {
        item
        reason
      }
    }
  }
`);

// Partnership-wide figures and series are separate queries for the same reason: each view loads, fails and
// refreshes on its own, and the case figures above keep their one statement.

export const PartnershipStatisticsQuery = graphql(`
  query PartnershipStatistics($input: CaseStatisticsInput!) {
    partnershipStatistics(input: $input) {
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
    }
  }
`);

export const CaseStatisticsSeriesQuery = graphql(`
  query CaseStatisticsSeries($input: CaseStatisticsSeriesInput!, $scope: FigureScope!) {
    caseStatisticsSeries(input: $input, scope: $scope) {
      interval
      scope
      suppressedBelow
      points {
        label
        current {
          from
          to
          opened
          closedResolved
          closedUnresolved
          live
          incidents
        }
        yearEarlier {
          from
          to
          opened
          closedResolved
          closedUnresolved
          live
          incidents
        }
      }
    }
  }
`);
