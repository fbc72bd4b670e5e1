/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password)\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query ActionPlans($id: ID!) {\n    case(id: $id) {\n      id\n      actionPlans {\n        id\n        agreedAt\n        agreedWith\n        ourCommitments\n        reporterCommitments\n        updateEveryDays\n        updateChannel\n        recordedAt\n      }\n    }\n  }\n": typeof types.ActionPlansDocument,
    "\n  mutation AgreeActionPlan($caseId: ID!, $input: ActionPlanInput!) {\n    agreeActionPlan(caseId: $caseId, input: $input) {\n      id\n      agreedWith\n    }\n  }\n": typeof types.AgreeActionPlanDocument,
    "\n  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      id\n      status\n      outcome\n      completedAt\n      servedAt\n      hearingAt\n      expiresAt\n    }\n  }\n": typeof types.UpdateActionDocument,
    "\n  mutation AddAction($caseId: ID!, $input: ActionInput!) {\n    addAction(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": typeof types.AddActionDocument,
    "\n  query CaseAssignees($id: ID!, $agencyId: ID!) {\n    case(id: $id) {\n      id\n      possibleAssignees(agencyId: $agencyId) {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.CaseAssigneesDocument,
    "\n  query InterventionsRegister {\n    interventionsRegister {\n      id\n      kind\n      description\n      status\n      servedAt\n      hearingAt\n      expiresAt\n      caseId\n      assignee {\n        id\n        displayName\n      }\n      case {\n        id\n        reference\n      }\n    }\n  }\n": typeof types.InterventionsRegisterDocument,
    "\n  query AdminData {\n    agencies {\n      id\n      name\n      kind\n    }\n    users {\n      id\n      email\n      displayName\n      roles\n      active\n      agency {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminDataDocument,
    "\n  mutation CreateAgency($input: CreateAgencyInput!) {\n    createAgency(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateAgencyDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      displayName\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      displayName\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation EndSessionsOfUser($userId: ID!) {\n    endSessionsOfUser(userId: $userId)\n  }\n": typeof types.EndSessionsOfUserDocument,
    "\n  query IdentityProvidersData {\n    agencies {\n      id\n      name\n      identityProvider {\n        issuer\n        clientId\n        emailDomains\n        rolesClaim\n        createUsersOnFirstSignIn\n        defaultRole\n        redirectUri\n      }\n    }\n  }\n": typeof types.IdentityProvidersDataDocument,
    "\n  mutation ConfigureIdentityProvider($agencyId: ID!, $input: ConfigureIdentityProviderInput!) {\n    configureIdentityProvider(agencyId: $agencyId, input: $input) {\n      issuer\n    }\n  }\n": typeof types.ConfigureIdentityProviderDocument,
    "\n  mutation RemoveIdentityProvider($agencyId: ID!) {\n    removeIdentityProvider(agencyId: $agencyId)\n  }\n": typeof types.RemoveIdentityProviderDocument,
    "\n  query SecondFactorData {\n    agencies {\n      id\n      name\n      secondFactorRequired\n    }\n  }\n": typeof types.SecondFactorDataDocument,
    "\n  mutation SetAgencyMfaRequired($agencyId: ID!, $required: Boolean!) {\n    setAgencyMfaRequired(agencyId: $agencyId, required: $required)\n  }\n": typeof types.SetAgencyMfaRequiredDocument,
    "\n  query AlertInbox($filter: AlertInboxFilter, $first: Int, $after: String) {\n    alertInbox(filter: $filter, first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          caseId\n          meetingId\n          occurredAt\n          read\n          assignee {\n            id\n            displayName\n          }\n          case {\n            id\n            reference\n            riskLevel\n          }\n        }\n      }\n    }\n  }\n": typeof types.AlertInboxDocument,
    "\n  query AlertAssignees {\n    alertAssignees {\n      id\n      displayName\n    }\n  }\n": typeof types.AlertAssigneesDocument,
    "\n  mutation MarkAlertsRead($ids: [ID!]!) {\n    markAlertsRead(alertIds: $ids) {\n      unreadCount\n    }\n  }\n": typeof types.MarkAlertsReadDocument,
    "\n  mutation MarkAllAlertsRead($filter: AlertInboxFilter) {\n    markAllAlertsRead(filter: $filter) {\n      unreadCount\n    }\n  }\n": typeof types.MarkAllAlertsReadDocument,
    "\n  mutation MarkAlertUnread($id: ID!) {\n    markAlertUnread(alertId: $id) {\n      id\n      read\n    }\n  }\n": typeof types.MarkAlertUnreadDocument,
    "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(alertId: $id, userId: $userId) {\n      id\n      assignee {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.AssignAlertDocument,
    "\n  subscription CaseAlerts($since: String) {\n    caseAlerts(since: $since) {\n      id\n      kind\n      caseId\n      actionId\n      meetingId\n      occurredAt\n      case {\n        id\n        reference\n        riskLevel\n      }\n    }\n  }\n": typeof types.CaseAlertsDocument,
    "\n  subscription AlertInboxChanges {\n    alertInboxChanges {\n      unreadCount\n    }\n  }\n": typeof types.AlertInboxChangesDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      access\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation RecordAsbRiskAssessment($caseId: ID!, $input: AsbRiskAssessmentInput!) {\n    recordAsbRiskAssessment(caseId: $caseId, input: $input) {\n      id\n      score\n      riskLevel\n      reviewDueAt\n    }\n  }\n": typeof types.RecordAsbRiskAssessmentDocument,
    "\n  query AsbRiskMatrix {\n    asbRiskMatrix {\n      bands {\n        riskLevel\n        minScore\n        maxScore\n        riskLevelIfVulnerable\n        reviewDays\n      }\n      cells {\n        likelihood\n        impact\n        score\n        riskLevel\n      }\n      judgedHighRiskLevel\n    }\n  }\n": typeof types.AsbRiskMatrixDocument,
    "\n  query CaseDisclosures($caseId: ID!) {\n    caseDisclosures(caseId: $caseId) {\n      id\n      access\n      basis\n      lawfulBasis\n      lawfulBasisDetail\n      consent {\n        state\n        detail\n      }\n      sharedAt\n      sharedBy {\n        id\n        displayName\n      }\n      revokedAt\n      revokedBy {\n        id\n        displayName\n      }\n      agency {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CaseDisclosuresDocument,
    "\n  query AuditTrail($caseId: ID!, $first: Int, $after: String) {\n    caseAuditTrail(caseId: $caseId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          detail\n          actor {\n            id\n            displayName\n            agency {\n              id\n              name\n            }\n          }\n          changes {\n            field\n            from\n            to\n            withheld\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuditTrailDocument,
    "\n  mutation SignIn($email: String!, $password: String!, $code: String) {\n    login(email: $email, password: $password, code: $code) {\n      accessToken\n      expiresAt\n      user {\n        id\n        email\n        displayName\n        roles\n        agency {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query ViewerCan {\n    me {\n      id\n      viewerCan {\n        readCases\n        createCase\n        triage\n        createMeeting\n        readCaseFigures\n        readMeetingFigures\n        applyRetention\n        updateServiceStandards\n        administer\n        manageUsers\n        manageApiKeys\n        manageWebhooks\n        answerSubjectAccess\n        searchPeople\n        decideAccessRequests\n        mergePeople\n        manageLetterTemplates\n        decideCaseTransfers\n        logCaseReviews\n        readCaseReviewFigures\n      }\n    }\n  }\n": typeof types.ViewerCanDocument,
    "\n  query SignInProviders {\n    signInProviders {\n      agencyId\n      agencyName\n      startPath\n    }\n  }\n": typeof types.SignInProvidersDocument,
    "\n  query SingleSignOnUser {\n    me {\n      id\n      email\n      displayName\n      roles\n      agency {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.SingleSignOnUserDocument,
    "\n  fragment CaseReviewFields on CaseReview {\n    id\n    caseIds\n    receivedAt\n    spocAgencyId\n    applicantName\n    applicantContact\n    applicantRelationship\n    thirdParty\n    consentRecordedAt\n    thresholdMet\n    decisionReason\n    meetingId\n    conclusion\n    outcomeAt\n    recommendationActionIds\n    toldAt\n    toldHow\n    appealBy\n    appealedAt\n    appealGrounds\n    appealMeetingId\n    appealUpheld\n    appealOutcome\n    viewerCanProcess\n    redactedFields\n    acknowledge {\n      dueAt\n      doneAt\n      state\n    }\n    decide {\n      dueAt\n      doneAt\n      state\n    }\n    meet {\n      dueAt\n      doneAt\n      state\n    }\n    tell {\n      dueAt\n      doneAt\n      state\n    }\n    appealHearing {\n      dueAt\n      doneAt\n      state\n    }\n  }\n": typeof types.CaseReviewFieldsFragmentDoc,
    "\n  query CaseReviewApplications {\n    caseReviewApplications {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.CaseReviewApplicationsDocument,
    "\n  query CaseReviewApplication($id: ID!) {\n    caseReview(id: $id) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.CaseReviewApplicationDocument,
    "\n  query CaseReviewCase($id: ID!) {\n    case(id: $id) {\n      id\n      reference\n      summary\n      ownerAgency {\n        id\n        name\n      }\n      shares {\n        agency {\n          id\n          name\n        }\n      }\n      caseReviewThreshold {\n        complaints\n        threshold\n        windowMonths\n        met\n      }\n    }\n  }\n": typeof types.CaseReviewCaseDocument,
    "\n  query CaseReviewCaseSearch($search: String!) {\n    cases(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          reference\n          summary\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.CaseReviewCaseSearchDocument,
    "\n  query CaseReviewMeetings {\n    meetings {\n      id\n      kind\n      title\n      startsAt\n      chairId\n      chair {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.CaseReviewMeetingsDocument,
    "\n  query CaseReviewsOfCase($id: ID!) {\n    case(id: $id) {\n      id\n      caseReviews {\n        ...CaseReviewFields\n      }\n    }\n  }\n": typeof types.CaseReviewsOfCaseDocument,
    "\n  query CaseReviewFigures($year: Int!) {\n    caseReviewFigures(year: $year) {\n      year\n      applications\n      thresholdsMet\n      thresholdsNotMet\n      reviewsHeld\n      recommendations\n      appealsReceived\n      appealsUpheld\n    }\n  }\n": typeof types.CaseReviewFiguresDocument,
    "\n  mutation LogCaseReview($input: LogCaseReviewInput!) {\n    logCaseReviewApplication(input: $input) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.LogCaseReviewDocument,
    "\n  mutation LinkCaseToCaseReview($id: ID!, $caseId: ID!) {\n    linkCaseToCaseReview(id: $id, caseId: $caseId) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.LinkCaseToCaseReviewDocument,
    "\n  mutation AcknowledgeCaseReviewApplication($id: ID!) {\n    acknowledgeCaseReview(id: $id) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.AcknowledgeCaseReviewApplicationDocument,
    "\n  mutation DecideCaseReviewApplication($id: ID!, $thresholdMet: Boolean!, $reason: String!) {\n    decideCaseReview(id: $id, thresholdMet: $thresholdMet, reason: $reason) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.DecideCaseReviewApplicationDocument,
    "\n  mutation SetCaseReviewMeeting($id: ID!, $meetingId: ID!) {\n    setCaseReviewMeeting(id: $id, meetingId: $meetingId) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.SetCaseReviewMeetingDocument,
    "\n  mutation RecordCaseReviewOutcome($id: ID!, $input: CaseReviewOutcomeInput!) {\n    recordCaseReviewOutcome(id: $id, input: $input) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.RecordCaseReviewOutcomeDocument,
    "\n  mutation RecordCaseReviewApplicantTold($id: ID!, $toldAt: DateTime!, $how: String!) {\n    recordCaseReviewApplicantTold(id: $id, toldAt: $toldAt, how: $how) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.RecordCaseReviewApplicantToldDocument,
    "\n  mutation RecordCaseReviewAppeal($id: ID!, $receivedAt: DateTime!, $grounds: String!) {\n    recordCaseReviewAppeal(id: $id, receivedAt: $receivedAt, grounds: $grounds) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.RecordCaseReviewAppealDocument,
    "\n  mutation RecordCaseReviewAppealOutcome($id: ID!, $meetingId: ID!, $upheld: Boolean!, $outcome: String!) {\n    recordCaseReviewAppealOutcome(id: $id, meetingId: $meetingId, upheld: $upheld, outcome: $outcome) {\n      ...CaseReviewFields\n    }\n  }\n": typeof types.RecordCaseReviewAppealOutcomeDocument,
    "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String, $orderBy: CaseOrder) {\n    cases(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          category\n          status\n          riskLevel\n          ward\n          openedAt\n          access\n        }\n      }\n    }\n  }\n": typeof types.CaseListDocument,
    "\n  subscription CaseUpdates($caseId: ID!) {\n    caseUpdates(caseId: $caseId) {\n      caseId\n      what\n      at\n      byAgency {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CaseUpdatesDocument,
    "\n  fragment MyWorkAction on CaseAction {\n    id\n    kind\n    description\n    status\n    dueAt\n    caseReference\n    case {\n      id\n    }\n    meeting {\n      id\n      title\n      startsAt\n    }\n    assignee {\n      id\n      displayName\n    }\n  }\n": typeof types.MyWorkActionFragmentDoc,
    "\n  query MyWork {\n    cases(filter: { status: [OPEN] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          reference\n          category\n          riskLevel\n          ward\n          openedAt\n          access\n          ownerAgency {\n            id\n            name\n          }\n          serviceClocks {\n            standard\n            state\n            dueAt\n            doneAt\n          }\n        }\n      }\n    }\n    agencyActions: myActions {\n      totalCount\n      overdueCount\n      actions {\n        ...MyWorkAction\n      }\n    }\n    assignedActions: myActions(assignedToMe: true) {\n      totalCount\n      overdueCount\n      actions {\n        ...MyWorkAction\n      }\n    }\n    meetings(upcoming: true) {\n      id\n      kind\n      title\n      startsAt\n      publishedAt\n    }\n  }\n": typeof types.MyWorkDocument,
    "\n  query AlertsAssignedToMe {\n    alertInbox(filter: { assignedToMe: true }, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          occurredAt\n          read\n          caseId\n          meetingId\n          case {\n            id\n            reference\n          }\n        }\n      }\n    }\n  }\n": typeof types.AlertsAssignedToMeDocument,
    "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) {\n      id\n      reference\n    }\n  }\n": typeof types.CreateCaseDocument,
    "\n  mutation AddParty($caseId: ID!, $input: PartyInput!) {\n    addParty(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": typeof types.AddPartyDocument,
    "\n  mutation AddLinkedParty($caseId: ID!, $input: PartyInput!, $samePersonAs: ID!) {\n    addLinkedParty(caseId: $caseId, input: $input, samePersonAs: $samePersonAs) {\n      id\n    }\n  }\n": typeof types.AddLinkedPartyDocument,
    "\n  query CasePeople($id: ID!) {\n    case(id: $id) {\n      id\n      parties {\n        id\n        person {\n          id\n          caseCount\n        }\n      }\n    }\n  }\n": typeof types.CasePeopleDocument,
    "\n  mutation UpdateParty($id: ID!, $input: UpdatePartyInput!) {\n    updateParty(id: $id, input: $input) {\n      id\n      role\n      anonymous\n      tenant\n      fullName\n      aliases\n      address\n      phone\n      dateOfBirth\n      tenancyType\n      rentArrears\n      tenancyBreaches\n      redactedFields\n    }\n  }\n": typeof types.UpdatePartyDocument,
    "\n  mutation UpdateCase($id: ID!, $expectedVersion: Int!, $input: UpdateCaseInput!) {\n    updateCase(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      summary\n      ward\n      riskLevel\n      policeIntelligence\n      supportNeeds\n      leadOfficer {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.UpdateCaseDocument,
    "\n  mutation CloseCase($id: ID!, $expectedVersion: Int!, $input: CloseCaseInput!) {\n    closeCase(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      status\n      closedAt\n      closeReason\n      reporterToldAt\n    }\n  }\n": typeof types.CloseCaseDocument,
    "\n  mutation RecordContact($caseId: ID!, $input: ContactInput!) {\n    recordContact(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": typeof types.RecordContactDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id\n      reference\n      category\n      status\n      riskLevel\n      ward\n      summary\n      address\n      openedAt\n      closedAt\n      closeReason\n      reporterToldAt\n      version\n      owned\n      access\n      hasSupportNeeds\n      supportNeeds\n      policeIntelligence\n      redactedFields\n      # What this user may do here: the portal asks rather than keeping a copy of the rules.\n      viewerCan {\n        share\n        readAuditTrail\n        placeLegalHold\n        releaseLegalHold\n        edit\n        close\n        recordSatisfaction\n        addParty\n        editPartyIdentifiers\n        editPartyTenancy\n        recordContact\n        recordDashAssessment\n        recordAsbRiskAssessment\n        agreeActionPlan\n        uploadEvidence\n        removeEvidence\n        withdrawFromMeeting\n        editPoliceIntelligence\n        editSupportNeeds\n        chooseLeadOfficer\n        transfer\n      }\n      possibleLeadOfficers {\n        id\n        displayName\n      }\n      pendingTransfer {\n        id\n        reason\n        keptAccess\n        offeredAt\n        toAgency {\n          id\n          name\n        }\n      }\n      ownerAgency {\n        id\n        name\n        kind\n      }\n      leadOfficer {\n        id\n        displayName\n      }\n      parties {\n        id\n        role\n        anonymous\n        tenant\n        fullName\n        aliases\n        address\n        phone\n        dateOfBirth\n        tenancyType\n        rentArrears\n        tenancyBreaches\n        redactedFields\n      }\n      incidents {\n        id\n        occurredAt\n        loggedAt\n        category\n        description\n        location\n        ward\n        redactedFields\n        loggedByAgency {\n          id\n          name\n        }\n      }\n      actions {\n        id\n        kind\n        legal\n        description\n        status\n        dueAt\n        createdAt\n        completedAt\n        outcome\n        servedAt\n        hearingAt\n        expiresAt\n        registered\n        lapseMonths\n        ownerAgency {\n          id\n          name\n        }\n        viewerCan {\n          update\n        }\n      }\n      contacts {\n        id\n        channel\n        contactedAt\n        note\n      }\n      serviceClocks {\n        standard\n        state\n        dueAt\n        doneAt\n      }\n      shares {\n        id\n        access\n        reason\n        lawfulBasis\n        lawfulBasisDetail\n        consent {\n          state\n          detail\n        }\n        sharedAt\n        redactedFields\n        agency {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.CaseDetailDocument,
    "\n  query CaseRisk($id: ID!) {\n    case(id: $id) {\n      id\n      riskLevel\n      referralCriteria\n      asbRiskAssessments {\n        id\n        likelihood\n        impact\n        score\n        vulnerabilities\n        judgedHighRisk\n        riskLevel\n        concerns\n        assessedAt\n        reviewDueAt\n      }\n      dashAssessments {\n        id\n        score\n        highRisk\n        judgedHighRisk\n        concerns\n        assessedAt\n        reviewDueAt\n      }\n      caseReviewThreshold {\n        complaints\n        threshold\n        windowMonths\n        met\n        tellVictimAboutReview\n      }\n    }\n  }\n": typeof types.CaseRiskDocument,
    "\n  query DashQuestions {\n    dashQuestions {\n      number\n      text\n    }\n  }\n": typeof types.DashQuestionsDocument,
    "\n  mutation RecordDashAssessment($caseId: ID!, $input: DashAssessmentInput!) {\n    recordDashAssessment(caseId: $caseId, input: $input) {\n      id\n      score\n      highRisk\n    }\n  }\n": typeof types.RecordDashAssessmentDocument,
    "\n  query CaseEvidence($id: ID!) {\n    case(id: $id) {\n      id\n      redactedFields\n      evidence {\n        id\n        fileName\n        mediaType\n        byteSize\n        sha256\n        description\n        incidentId\n        uploadedAt\n        downloadPath\n        uploadedBy {\n          id\n          displayName\n        }\n        uploadedByAgency {\n          id\n          name\n        }\n      }\n    }\n    # What the API keeps, in words (it reads the type from the file's bytes).\n    evidenceTypes {\n      mediaType\n      name\n    }\n  }\n": typeof types.CaseEvidenceDocument,
    "\n  mutation RemoveEvidence($id: ID!, $reason: String!) {\n    removeEvidence(id: $id, reason: $reason)\n  }\n": typeof types.RemoveEvidenceDocument,
    "\n  mutation LogIncident($caseId: ID!, $input: IncidentInput!) {\n    logIncident(caseId: $caseId, input: $input) {\n      id\n      occurredAt\n    }\n  }\n": typeof types.LogIncidentDocument,
    "\n  query TriageQueue {\n    triageQueue {\n      id\n      channel\n      receivedAt\n      category\n      summary\n      ward\n      address\n      reporterName\n      reporterPhone\n      anonymous\n      subjectName\n      flags\n      matchingCases {\n        id\n        reference\n        category\n        ward\n        riskLevel\n        openedAt\n      }\n    }\n  }\n": typeof types.TriageQueueDocument,
    "\n  query TriageCount {\n    triageQueue {\n      id\n    }\n  }\n": typeof types.TriageCountDocument,
    "\n  mutation AcceptIntakeReport($id: ID!, $riskLevel: RiskLevel!) {\n    acceptIntakeReport(id: $id, riskLevel: $riskLevel) {\n      id\n      reference\n    }\n  }\n": typeof types.AcceptIntakeReportDocument,
    "\n  mutation AttachIntakeReport($id: ID!, $caseId: ID!) {\n    attachIntakeReport(id: $id, caseId: $caseId) {\n      id\n      status\n      caseId\n    }\n  }\n": typeof types.AttachIntakeReportDocument,
    "\n  mutation DeclineIntakeReport($id: ID!, $reason: String!) {\n    declineIntakeReport(id: $id, reason: $reason) {\n      id\n      status\n      declineReason\n    }\n  }\n": typeof types.DeclineIntakeReportDocument,
    "\n  mutation SubmitIntakeReport($input: IntakeReportInput!) {\n    submitIntakeReport(input: $input) {\n      id\n    }\n  }\n": typeof types.SubmitIntakeReportDocument,
    "\n  query OpenCaseByReference($search: String!) {\n    cases(filter: { search: $search, status: [OPEN] }, first: 10) {\n      edges {\n        node {\n          id\n          reference\n        }\n      }\n    }\n  }\n": typeof types.OpenCaseByReferenceDocument,
    "\n  query AccessRequests {\n    accessRequests {\n      id\n      status\n      reason\n      requestedAt\n      requestedBy {\n        id\n        displayName\n      }\n      requesterAgency {\n        id\n        name\n      }\n      case {\n        id\n        reference\n      }\n      decidedAt\n      decidedBy {\n        id\n        displayName\n      }\n      decisionReason\n      grantedAccess\n    }\n  }\n": typeof types.AccessRequestsDocument,
    "\n  subscription AccessRequestUpdates {\n    accessRequestUpdates {\n      id\n      status\n    }\n  }\n": typeof types.AccessRequestUpdatesDocument,
    "\n  mutation DecideAccessRequest(\n    $id: ID!\n    $grant: Boolean!\n    $access: ShareAccess\n    $reason: String!\n    $basis: SharingBasisInput\n  ) {\n    decideAccessRequest(id: $id, grant: $grant, access: $access, reason: $reason, basis: $basis) {\n      id\n      status\n    }\n  }\n": typeof types.DecideAccessRequestDocument,
    "\n  query CaseDiscoverable($id: ID!) {\n    case(id: $id) {\n      id\n      discoverable\n    }\n  }\n": typeof types.CaseDiscoverableDocument,
    "\n  mutation SetCaseDiscoverable($caseId: ID!, $discoverable: Boolean!, $reason: String!) {\n    setCaseDiscoverable(caseId: $caseId, discoverable: $discoverable, reason: $reason) {\n      id\n      discoverable\n    }\n  }\n": typeof types.SetCaseDiscoverableDocument,
    "\n  query SearchPeople($input: PersonSearchInput!) {\n    searchPeople(input: $input) {\n      visible {\n        case {\n          id\n          reference\n          category\n          status\n        }\n        party {\n          id\n          role\n          fullName\n          dateOfBirth\n        }\n      }\n      locked {\n        hitId\n        ownerAgency {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SearchPeopleDocument,
    "\n  mutation RequestCaseAccess($hitId: ID!, $reason: String!) {\n    requestCaseAccess(hitId: $hitId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RequestCaseAccessDocument,
    "\n  query MyAccessRequests {\n    myAccessRequests {\n      id\n      status\n      reason\n      requestedAt\n      decidedAt\n      decisionReason\n      grantedAccess\n      ownerAgency {\n        id\n        name\n      }\n      case {\n        id\n        reference\n      }\n    }\n  }\n": typeof types.MyAccessRequestsDocument,
    "\n  fragment LetterTemplateFields on LetterTemplate {\n    id\n    kind\n    name\n    body\n    version\n    retired\n    retiredAt\n    updatedAt\n    updatedBy\n  }\n": typeof types.LetterTemplateFieldsFragmentDoc,
    "\n  query LetterTemplates($includeRetired: Boolean) {\n    letterTemplates(includeRetired: $includeRetired) {\n      ...LetterTemplateFields\n    }\n    letterMergeFields {\n      key\n      label\n    }\n  }\n": typeof types.LetterTemplatesDocument,
    "\n  query LetterTemplateStarters {\n    letterTemplateStarters {\n      kind\n      name\n      body\n    }\n  }\n": typeof types.LetterTemplateStartersDocument,
    "\n  mutation CreateLetterTemplate($input: CreateLetterTemplateInput!) {\n    createLetterTemplate(input: $input) {\n      ...LetterTemplateFields\n    }\n  }\n": typeof types.CreateLetterTemplateDocument,
    "\n  mutation UpdateLetterTemplate($id: ID!, $expectedVersion: Int!, $input: LetterTemplateTextInput!) {\n    updateLetterTemplate(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...LetterTemplateFields\n    }\n  }\n": typeof types.UpdateLetterTemplateDocument,
    "\n  mutation RetireLetterTemplate($id: ID!) {\n    retireLetterTemplate(id: $id) {\n      ...LetterTemplateFields\n    }\n  }\n": typeof types.RetireLetterTemplateDocument,
    "\n  query PreviewLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {\n    previewLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {\n      text\n      withheldFields\n      missingFields\n      templateVersion\n    }\n  }\n": typeof types.PreviewLetterDocument,
    "\n  mutation ProduceLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {\n    produceLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {\n      withheldFields\n      missingFields\n      recordedAs\n      evidence {\n        id\n        fileName\n      }\n    }\n  }\n": typeof types.ProduceLetterDocument,
    "\n  mutation SetCurrentAgendaItem($meetingId: ID!, $agendaItemId: ID) {\n    setCurrentAgendaItem(meetingId: $meetingId, agendaItemId: $agendaItemId) {\n      id\n      currentItemId\n    }\n  }\n": typeof types.SetCurrentAgendaItemDocument,
    "\n  mutation ReorderAgenda($meetingId: ID!, $itemIds: [ID!]!) {\n    reorderAgenda(meetingId: $meetingId, itemIds: $itemIds) {\n      id\n    }\n  }\n": typeof types.ReorderAgendaDocument,
    "\n  mutation RecordAttendance($meetingId: ID!, $userId: ID!, $status: AttendanceStatus!, $informationSent: String) {\n    recordAttendance(meetingId: $meetingId, userId: $userId, status: $status, informationSent: $informationSent) {\n      userId\n      status\n    }\n  }\n": typeof types.RecordAttendanceDocument,
    "\n  mutation AgreeConfidentiality($meetingId: ID!) {\n    agreeConfidentiality(meetingId: $meetingId) {\n      id\n      confidentialityAgreed\n    }\n  }\n": typeof types.AgreeConfidentialityDocument,
    "\n  mutation RecordMeetingAction($agendaItemId: ID!, $input: MeetingActionInput!) {\n    recordMeetingAction(agendaItemId: $agendaItemId, input: $input) {\n      id\n    }\n  }\n": typeof types.RecordMeetingActionDocument,
    "\n  query CaseMeetingReferrals($id: ID!) {\n    case(id: $id) {\n      id\n      meetingReferrals {\n        agendaItemId\n        meetingTitle\n        meetingKind\n        startsAt\n        publishedAt\n        closedAt\n        reason\n        referredAt\n        withdrawnAt\n        referredByAgency {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CaseMeetingReferralsDocument,
    "\n  mutation WithdrawCaseFromMeeting($agendaItemId: ID!, $reason: String!) {\n    withdrawCaseFromMeeting(agendaItemId: $agendaItemId, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n": typeof types.WithdrawCaseFromMeetingDocument,
    "\n  mutation PublishAgenda($meetingId: ID!) {\n    publishAgenda(meetingId: $meetingId) {\n      id\n      publishedAt\n    }\n  }\n": typeof types.PublishAgendaDocument,
    "\n  mutation CloseMeeting($meetingId: ID!) {\n    closeMeeting(meetingId: $meetingId) {\n      id\n      closedAt\n      currentItemId\n    }\n  }\n": typeof types.CloseMeetingDocument,
    "\n  mutation RecordMinutes($agendaItemId: ID!, $minutes: String!) {\n    recordMinutes(agendaItemId: $agendaItemId, minutes: $minutes) {\n      id\n      minutes\n    }\n  }\n": typeof types.RecordMinutesDocument,
    "\n  mutation ReferCase($meetingId: ID!, $caseId: ID!, $reason: ReferralReason!, $dashScore: Int, $concerns: String) {\n    referCase(meetingId: $meetingId, caseId: $caseId, reason: $reason, dashScore: $dashScore, concerns: $concerns) {\n      id\n      position\n    }\n  }\n": typeof types.ReferCaseDocument,
    "\n  query FindCaseToRefer($search: String!) {\n    cases(filter: { search: $search, owned: true }, first: 5) {\n      edges {\n        node {\n          id\n          reference\n        }\n      }\n    }\n  }\n": typeof types.FindCaseToReferDocument,
    "\n  mutation RecordResearch($agendaItemId: ID!, $summary: String!) {\n    recordResearch(agendaItemId: $agendaItemId, summary: $summary) {\n      agencyId\n      summary\n    }\n  }\n": typeof types.RecordResearchDocument,
    "\n  query MeetingAgencies {\n    agencies {\n      id\n      name\n    }\n    meetingChairs {\n      id\n      displayName\n      agencyName\n    }\n  }\n": typeof types.MeetingAgenciesDocument,
    "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $input) {\n      id\n    }\n  }\n": typeof types.ScheduleMeetingDocument,
    "\n  mutation WithdrawAgendaItem($agendaItemId: ID!, $reason: String!) {\n    withdrawAgendaItem(agendaItemId: $agendaItemId, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n": typeof types.WithdrawAgendaItemDocument,
    "\n  fragment MeetingFields on Meeting {\n    id\n    kind\n    title\n    startsAt\n    publishedAt\n    closedAt\n    currentItemId\n    confidentialityStatement\n    confidentialityAgreed\n    version\n    viewerCan {\n      organise\n      chair\n    }\n    chair {\n      id\n      displayName\n    }\n    agencies {\n      id\n      name\n    }\n    attendance {\n      userId\n      displayName\n      agencyId\n      status\n      informationSent\n    }\n    agenda(includeWithdrawn: true) {\n      id\n      position\n      reason\n      dashScore\n      referredAt\n      withdrawnAt\n      withdrawnReason\n      concerns\n      minutes\n      referredByAgency {\n        id\n        name\n      }\n      dashAssessment {\n        id\n        score\n        highRisk\n      }\n      case {\n        id\n        reference\n        category\n        riskLevel\n        status\n        summary\n        ward\n      }\n      research {\n        agencyId\n        summary\n        recordedAt\n      }\n      actions {\n        ...MeetingActionFields\n      }\n      actionsNotDone {\n        ...MeetingActionFields\n      }\n      actionsNoLongerNeeded {\n        ...MeetingActionFields\n      }\n    }\n  }\n": typeof types.MeetingFieldsFragmentDoc,
    "\n  fragment MeetingActionFields on CaseAction {\n    id\n    kind\n    description\n    status\n    dueAt\n    outcome\n    ownerAgency {\n      id\n      name\n    }\n  }\n": typeof types.MeetingActionFieldsFragmentDoc,
    "\n  query MeetingDetail($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingFields\n    }\n  }\n": typeof types.MeetingDetailDocument,
    "\n  subscription MeetingUpdates($meetingId: ID!) {\n    meetingUpdates(meetingId: $meetingId) {\n      ...MeetingFields\n    }\n  }\n": typeof types.MeetingUpdatesDocument,
    "\n  query MeetingList {\n    upcoming: meetings(upcoming: true) {\n      id\n      kind\n      title\n      startsAt\n      publishedAt\n      chair {\n        id\n        displayName\n      }\n    }\n    past: meetings(upcoming: false) {\n      id\n      kind\n      title\n      startsAt\n      closedAt\n      chair {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.MeetingListDocument,
    "\n  query SecondFactorStatus {\n    me {\n      id\n      mfa {\n        enrolled\n        required\n      }\n    }\n  }\n": typeof types.SecondFactorStatusDocument,
    "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment {\n      secret\n      qrCodeDataUrl\n    }\n  }\n": typeof types.BeginTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code)\n  }\n": typeof types.ConfirmTotpEnrolmentDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": typeof types.DisableTotpDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kinds {\n        kind\n        delivery\n        chosen\n      }\n      digestHour\n      digestMinute\n      timeZone\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($input: NotificationPreferencesInput!) {\n    setNotificationPreferences(input: $input) {\n      kinds {\n        kind\n        delivery\n        chosen\n      }\n      digestHour\n      digestMinute\n      timeZone\n    }\n  }\n": typeof types.SetNotificationPreferencesDocument,
    "\n  query PersonMatches($fullName: String!, $dateOfBirth: String, $caseId: ID) {\n    personMatches(fullName: $fullName, dateOfBirth: $dateOfBirth, caseId: $caseId) {\n      partyId\n      personId\n      fullName\n      dateOfBirth\n      dateOfBirthAgrees\n      caseCount\n    }\n  }\n": typeof types.PersonMatchesDocument,
    "\n  query PersonMerges {\n    personMerges {\n      id\n      keptPersonId\n      mergedPersonId\n      partiesMoved\n      reason\n      mergedAt\n      undoneAt\n    }\n  }\n": typeof types.PersonMergesDocument,
    "\n  mutation MergePeople($keepId: ID!, $mergeId: ID!, $reason: String!) {\n    mergePeople(keepId: $keepId, mergeId: $mergeId, reason: $reason) {\n      id\n      partiesMoved\n    }\n  }\n": typeof types.MergePeopleDocument,
    "\n  mutation UndoPersonMerge($mergeId: ID!, $reason: String!) {\n    undoPersonMerge(mergeId: $mergeId, reason: $reason) {\n      id\n      undoneAt\n    }\n  }\n": typeof types.UndoPersonMergeDocument,
    "\n  query Person($id: ID!) {\n    person(id: $id) {\n      id\n      names\n      aliases\n      datesOfBirth\n      addresses\n      caseCount\n      cases {\n        id\n        reference\n        category\n        status\n      }\n    }\n  }\n": typeof types.PersonDocument,
    "\n  query Exceptions($days: Int!) {\n    exceptions(notUpdatedDays: $days) {\n      notUpdated {\n        lastActivityAt\n        case {\n          id\n          reference\n          category\n          riskLevel\n          ward\n        }\n      }\n      standardsBreached {\n        lastActivityAt\n        case {\n          id\n          reference\n          category\n          riskLevel\n        }\n        breaches {\n          standard\n          dueAt\n          doneAt\n        }\n      }\n      overdueActions {\n        id\n        kind\n        description\n        dueAt\n        caseId\n        case {\n          id\n          reference\n        }\n        assignee {\n          id\n          displayName\n        }\n      }\n      closedWithoutTellingReporter {\n        id\n        reference\n        category\n        status\n        closedAt\n      }\n    }\n  }\n": typeof types.ExceptionsDocument,
    "\n  query CaseStatistics($input: CaseStatisticsInput!) {\n    caseStatistics(input: $input) {\n      opened\n      closedResolved\n      closedUnresolved\n      live\n      incidents\n      byCategory {\n        category\n        count\n      }\n      byWard {\n        ward\n        count\n      }\n      interventions {\n        kind\n        legal\n        count\n      }\n      legalInterventions\n      nonLegalInterventions\n      serviceStandards {\n        standard\n        met\n        breached\n        due\n        metPercent\n      }\n      casesPerThousandHomes\n      hateCasesPerThousandHomes\n      incidentsByWard {\n        ward\n        count\n      }\n      incidentsByLocation {\n        location\n        ward\n        count\n      }\n      sharesByLawfulBasis {\n        lawfulBasis\n        count\n      }\n      sharesByConsent {\n        consent\n        count\n      }\n    }\n  }\n": typeof types.CaseStatisticsDocument,
    "\n  query MaracStatistics($input: MaracStatisticsInput!) {\n    maracStatistics(input: $input) {\n      meetings\n      casesHeard\n      repeatCases\n      repeatPercent\n      referredByPartners\n      referredByPartnersPercent\n      actionsDue\n      actionsCompletedOnTime\n      actionsCompletedOnTimePercent\n      adultFemalePopulation\n      casesPer10kAdultWomen\n      referralsByAgencyKind {\n        kind\n        count\n      }\n      supportEngaged\n      supportEngagedPercent\n      victimsAged16To17\n      victimsWithDateOfBirth\n      notRecorded {\n        item\n        reason\n      }\n    }\n  }\n": typeof types.MaracStatisticsDocument,
    "\n  query PartnershipStatistics($input: CaseStatisticsInput!) {\n    partnershipStatistics(input: $input) {\n      opened\n      closedResolved\n      closedUnresolved\n      live\n      incidents\n      byCategory {\n        category\n        count\n      }\n      byWard {\n        ward\n        count\n      }\n    }\n  }\n": typeof types.PartnershipStatisticsDocument,
    "\n  query CaseStatisticsSeries($input: CaseStatisticsSeriesInput!, $scope: FigureScope!) {\n    caseStatisticsSeries(input: $input, scope: $scope) {\n      interval\n      scope\n      suppressedBelow\n      points {\n        label\n        current {\n          from\n          to\n          opened\n          closedResolved\n          closedUnresolved\n          live\n          incidents\n        }\n        yearEarlier {\n          from\n          to\n          opened\n          closedResolved\n          closedUnresolved\n          live\n          incidents\n        }\n      }\n    }\n  }\n": typeof types.CaseStatisticsSeriesDocument,
    "\n  query CaseLegalHold($id: ID!) {\n    case(id: $id) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n": typeof types.CaseLegalHoldDocument,
    "\n  fragment RetentionCandidateFields on RetentionCandidate {\n    closedAt\n    case {\n      id\n      reference\n      category\n    }\n    legalHold {\n      reason\n      placedAt\n      placedBy\n    }\n  }\n": typeof types.RetentionCandidateFieldsFragmentDoc,
    "\n  query RetentionReview {\n    retentionReview {\n      retentionYears\n      closedBefore\n      declinedReportsDue\n      due {\n        ...RetentionCandidateFields\n      }\n      held {\n        ...RetentionCandidateFields\n      }\n    }\n  }\n": typeof types.RetentionReviewDocument,
    "\n  mutation ApplyRetention($expectedCount: Int!, $caseIds: [ID!]) {\n    applyRetention(expectedCount: $expectedCount, caseIds: $caseIds)\n  }\n": typeof types.ApplyRetentionDocument,
    "\n  mutation PlaceLegalHold($caseId: ID!, $reason: String!) {\n    placeLegalHold(caseId: $caseId, reason: $reason) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n": typeof types.PlaceLegalHoldDocument,
    "\n  mutation ReleaseLegalHold($caseId: ID!, $reason: String!) {\n    releaseLegalHold(caseId: $caseId, reason: $reason) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n": typeof types.ReleaseLegalHoldDocument,
    "\n  query CaseSatisfaction($id: ID!) {\n    case(id: $id) {\n      id\n      satisfaction {\n        id\n        createdAt\n        expiresAt\n        answeredAt\n        serviceScore\n        outcomeScore\n        comment\n      }\n    }\n  }\n": typeof types.CaseSatisfactionDocument,
    "\n  mutation SendSatisfactionSurvey($caseId: ID!) {\n    sendSatisfactionSurvey(caseId: $caseId) {\n      path\n      expiresAt\n    }\n  }\n": typeof types.SendSatisfactionSurveyDocument,
    "\n  mutation RecordSatisfaction($caseId: ID!, $input: SatisfactionInput!) {\n    recordSatisfaction(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": typeof types.RecordSatisfactionDocument,
    "\n  query SurveyLinkOpen($token: String!) {\n    surveyLinkOpen(token: $token)\n  }\n": typeof types.SurveyLinkOpenDocument,
    "\n  mutation AnswerSatisfactionSurvey($token: String!, $input: SatisfactionInput!) {\n    answerSatisfactionSurvey(token: $token, input: $input)\n  }\n": typeof types.AnswerSatisfactionSurveyDocument,
    "\n  query ServiceStandards {\n    serviceStandards {\n      contactWorkingDays\n      actionPlanWorkingDays\n      homes\n    }\n  }\n": typeof types.ServiceStandardsDocument,
    "\n  mutation UpdateServiceStandards($input: ServiceStandardsInput!) {\n    updateServiceStandards(input: $input) {\n      contactWorkingDays\n      actionPlanWorkingDays\n      homes\n    }\n  }\n": typeof types.UpdateServiceStandardsDocument,
    "\n  query Agencies {\n    agencies {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.AgenciesDocument,
    "\n  mutation ShareCase($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!, $basis: SharingBasisInput) {\n    shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason, basis: $basis) {\n      id\n    }\n  }\n": typeof types.ShareCaseDocument,
    "\n  mutation RevokeShare($caseId: ID!, $agencyId: ID!) {\n    revokeCaseShare(caseId: $caseId, agencyId: $agencyId)\n  }\n": typeof types.RevokeShareDocument,
    "\n  fragment SubjectAccessRequestFields on SubjectAccessRequest {\n    id\n    reference\n    status\n    receivedAt\n    dueAt\n    daysRemaining\n    overdue\n    extensionMonths\n    requester\n    caseId\n    caseReference\n    subjectName\n    exportedAt\n    exportedBy\n    pdfPath\n    jsonPath\n  }\n": typeof types.SubjectAccessRequestFieldsFragmentDoc,
    "\n  query SubjectAccessRequests {\n    subjectAccessRequests {\n      ...SubjectAccessRequestFields\n    }\n  }\n": typeof types.SubjectAccessRequestsDocument,
    "\n  query SubjectAccessPeople($search: String!) {\n    cases(first: 20, filter: { owned: true, search: $search }) {\n      edges {\n        node {\n          id\n          reference\n          parties {\n            id\n            role\n            fullName\n            dateOfBirth\n          }\n        }\n      }\n    }\n  }\n": typeof types.SubjectAccessPeopleDocument,
    "\n  mutation CreateSubjectAccessRequest($input: CreateSubjectAccessRequestInput!) {\n    createSubjectAccessRequest(input: $input) {\n      ...SubjectAccessRequestFields\n    }\n  }\n": typeof types.CreateSubjectAccessRequestDocument,
    "\n  mutation CompleteSubjectAccessRequest($id: ID!) {\n    completeSubjectAccessRequest(id: $id) {\n      ...SubjectAccessRequestFields\n    }\n  }\n": typeof types.CompleteSubjectAccessRequestDocument,
    "\n  query OpenSubjectAccess {\n    subjectAccessRequests(status: OPEN) {\n      id\n      overdue\n    }\n  }\n": typeof types.OpenSubjectAccessDocument,
    "\n  query CaseTransferOffers {\n    caseTransferOffers {\n      id\n      reference\n      category\n      reason\n      keptAccess\n      offeredAt\n      viewerCanDecide\n      fromAgency {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CaseTransferOffersDocument,
    "\n  mutation AcceptCaseTransfer($id: ID!) {\n    acceptCaseTransfer(id: $id) {\n      id\n      reference\n    }\n  }\n": typeof types.AcceptCaseTransferDocument,
    "\n  mutation DeclineCaseTransfer($id: ID!, $reason: String!) {\n    declineCaseTransfer(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.DeclineCaseTransferDocument,
    "\n  query TransferAgencies {\n    agencies {\n      id\n      name\n    }\n  }\n": typeof types.TransferAgenciesDocument,
    "\n  mutation OfferCaseTransfer($input: OfferCaseTransferInput!) {\n    offerCaseTransfer(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.OfferCaseTransferDocument,
    "\n  mutation WithdrawCaseTransfer($id: ID!) {\n    withdrawCaseTransfer(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawCaseTransferDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query ManagedUsers {\n    agencies {\n      id\n      name\n    }\n    users {\n      id\n      email\n      displayName\n      roles\n      active\n      agency {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ManagedUsersDocument,
    "\n  query AdminGrants {\n    adminGrants {\n      id\n      expiresAt\n      user {\n        id\n        displayName\n      }\n      requestedBy {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.AdminGrantsDocument,
    "\n  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      id\n      roles\n    }\n  }\n": typeof types.SetUserRolesDocument,
    "\n  mutation DeactivateManagedUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.DeactivateManagedUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n      roles\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation ResetSecondFactor($userId: ID!) {\n    resetSecondFactor(userId: $userId)\n  }\n": typeof types.ResetSecondFactorDocument,
    "\n  mutation EndManagedUserSessions($userId: ID!) {\n    endSessionsOfUser(userId: $userId)\n  }\n": typeof types.EndManagedUserSessionsDocument,
    "\n  mutation InviteManagedUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      displayName\n      roles\n    }\n  }\n": typeof types.InviteManagedUserDocument,
    "\n  mutation ApproveAdminGrant($id: ID!) {\n    approveAdminGrant(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveAdminGrantDocument,
    "\n  mutation RefuseAdminGrant($id: ID!) {\n    refuseAdminGrant(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RefuseAdminGrantDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      kinds\n      createdAt\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  query WebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          alertId\n          kind\n          status\n          attempts\n          createdAt\n          lastAttemptAt\n          nextAttemptAt\n          lastStatus\n          lastResponse\n          lastError\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation RegisterWebhook($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": typeof types.RegisterWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation RemoveWebhook($id: ID!) {\n    removeWebhook(id: $id) {\n      id\n    }\n  }\n": typeof types.RemoveWebhookDocument,
    "\n  mutation RetryWebhookDelivery($id: ID!) {\n    retryWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RetryWebhookDeliveryDocument,
    "\n  subscription CaseActivity {\n    caseActivity {\n      caseId\n      what\n    }\n  }\n": typeof types.CaseActivityDocument,
};
const documents: Documents = {
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password)\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password)\n  }\n": types.ResetPasswordDocument,
    "\n  query ActionPlans($id: ID!) {\n    case(id: $id) {\n      id\n      actionPlans {\n        id\n        agreedAt\n        agreedWith\n        ourCommitments\n        reporterCommitments\n        updateEveryDays\n        updateChannel\n        recordedAt\n      }\n    }\n  }\n": types.ActionPlansDocument,
    "\n  mutation AgreeActionPlan($caseId: ID!, $input: ActionPlanInput!) {\n    agreeActionPlan(caseId: $caseId, input: $input) {\n      id\n      agreedWith\n    }\n  }\n": types.AgreeActionPlanDocument,
    "\n  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      id\n      status\n      outcome\n      completedAt\n      servedAt\n      hearingAt\n      expiresAt\n    }\n  }\n": types.UpdateActionDocument,
    "\n  mutation AddAction($caseId: ID!, $input: ActionInput!) {\n    addAction(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": types.AddActionDocument,
    "\n  query CaseAssignees($id: ID!, $agencyId: ID!) {\n    case(id: $id) {\n      id\n      possibleAssignees(agencyId: $agencyId) {\n        id\n        displayName\n      }\n    }\n  }\n": types.CaseAssigneesDocument,
    "\n  query InterventionsRegister {\n    interventionsRegister {\n      id\n      kind\n      description\n      status\n      servedAt\n      hearingAt\n      expiresAt\n      caseId\n      assignee {\n        id\n        displayName\n      }\n      case {\n        id\n        reference\n      }\n    }\n  }\n": types.InterventionsRegisterDocument,
    "\n  query AdminData {\n    agencies {\n      id\n      name\n      kind\n    }\n    users {\n      id\n      email\n      displayName\n      roles\n      active\n      agency {\n        id\n        name\n      }\n    }\n  }\n": types.AdminDataDocument,
    "\n  mutation CreateAgency($input: CreateAgencyInput!) {\n    createAgency(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateAgencyDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      displayName\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      displayName\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation EndSessionsOfUser($userId: ID!) {\n    endSessionsOfUser(userId: $userId)\n  }\n": types.EndSessionsOfUserDocument,
    "\n  query IdentityProvidersData {\n    agencies {\n      id\n      name\n      identityProvider {\n        issuer\n        clientId\n        emailDomains\n        rolesClaim\n        createUsersOnFirstSignIn\n        defaultRole\n        redirectUri\n      }\n    }\n  }\n": types.IdentityProvidersDataDocument,
    "\n  mutation ConfigureIdentityProvider($agencyId: ID!, $input: ConfigureIdentityProviderInput!) {\n    configureIdentityProvider(agencyId: $agencyId, input: $input) {\n      issuer\n    }\n  }\n": types.ConfigureIdentityProviderDocument,
    "\n  mutation RemoveIdentityProvider($agencyId: ID!) {\n    removeIdentityProvider(agencyId: $agencyId)\n  }\n": types.RemoveIdentityProviderDocument,
    "\n  query SecondFactorData {\n    agencies {\n      id\n      name\n      secondFactorRequired\n    }\n  }\n": types.SecondFactorDataDocument,
    "\n  mutation SetAgencyMfaRequired($agencyId: ID!, $required: Boolean!) {\n    setAgencyMfaRequired(agencyId: $agencyId, required: $required)\n  }\n": types.SetAgencyMfaRequiredDocument,
    "\n  query AlertInbox($filter: AlertInboxFilter, $first: Int, $after: String) {\n    alertInbox(filter: $filter, first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          caseId\n          meetingId\n          occurredAt\n          read\n          assignee {\n            id\n            displayName\n          }\n          case {\n            id\n            reference\n            riskLevel\n          }\n        }\n      }\n    }\n  }\n": types.AlertInboxDocument,
    "\n  query AlertAssignees {\n    alertAssignees {\n      id\n      displayName\n    }\n  }\n": types.AlertAssigneesDocument,
    "\n  mutation MarkAlertsRead($ids: [ID!]!) {\n    markAlertsRead(alertIds: $ids) {\n      unreadCount\n    }\n  }\n": types.MarkAlertsReadDocument,
    "\n  mutation MarkAllAlertsRead($filter: AlertInboxFilter) {\n    markAllAlertsRead(filter: $filter) {\n      unreadCount\n    }\n  }\n": types.MarkAllAlertsReadDocument,
    "\n  mutation MarkAlertUnread($id: ID!) {\n    markAlertUnread(alertId: $id) {\n      id\n      read\n    }\n  }\n": types.MarkAlertUnreadDocument,
    "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(alertId: $id, userId: $userId) {\n      id\n      assignee {\n        id\n        displayName\n      }\n    }\n  }\n": types.AssignAlertDocument,
    "\n  subscription CaseAlerts($since: String) {\n    caseAlerts(since: $since) {\n      id\n      kind\n      caseId\n      actionId\n      meetingId\n      occurredAt\n      case {\n        id\n        reference\n        riskLevel\n      }\n    }\n  }\n": types.CaseAlertsDocument,
    "\n  subscription AlertInboxChanges {\n    alertInboxChanges {\n      unreadCount\n    }\n  }\n": types.AlertInboxChangesDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      access\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation RecordAsbRiskAssessment($caseId: ID!, $input: AsbRiskAssessmentInput!) {\n    recordAsbRiskAssessment(caseId: $caseId, input: $input) {\n      id\n      score\n      riskLevel\n      reviewDueAt\n    }\n  }\n": types.RecordAsbRiskAssessmentDocument,
    "\n  query AsbRiskMatrix {\n    asbRiskMatrix {\n      bands {\n        riskLevel\n        minScore\n        maxScore\n        riskLevelIfVulnerable\n        reviewDays\n      }\n      cells {\n        likelihood\n        impact\n        score\n        riskLevel\n      }\n      judgedHighRiskLevel\n    }\n  }\n": types.AsbRiskMatrixDocument,
    "\n  query CaseDisclosures($caseId: ID!) {\n    caseDisclosures(caseId: $caseId) {\n      id\n      access\n      basis\n      lawfulBasis\n      lawfulBasisDetail\n      consent {\n        state\n        detail\n      }\n      sharedAt\n      sharedBy {\n        id\n        displayName\n      }\n      revokedAt\n      revokedBy {\n        id\n        displayName\n      }\n      agency {\n        id\n        name\n      }\n    }\n  }\n": types.CaseDisclosuresDocument,
    "\n  query AuditTrail($caseId: ID!, $first: Int, $after: String) {\n    caseAuditTrail(caseId: $caseId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          detail\n          actor {\n            id\n            displayName\n            agency {\n              id\n              name\n            }\n          }\n          changes {\n            field\n            from\n            to\n            withheld\n          }\n        }\n      }\n    }\n  }\n": types.AuditTrailDocument,
    "\n  mutation SignIn($email: String!, $password: String!, $code: String) {\n    login(email: $email, password: $password, code: $code) {\n      accessToken\n      expiresAt\n      user {\n        id\n        email\n        displayName\n        roles\n        agency {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query ViewerCan {\n    me {\n      id\n      viewerCan {\n        readCases\n        createCase\n        triage\n        createMeeting\n        readCaseFigures\n        readMeetingFigures\n        applyRetention\n        updateServiceStandards\n        administer\n        manageUsers\n        manageApiKeys\n        manageWebhooks\n        answerSubjectAccess\n        searchPeople\n        decideAccessRequests\n        mergePeople\n        manageLetterTemplates\n        decideCaseTransfers\n        logCaseReviews\n        readCaseReviewFigures\n      }\n    }\n  }\n": types.ViewerCanDocument,
    "\n  query SignInProviders {\n    signInProviders {\n      agencyId\n      agencyName\n      startPath\n    }\n  }\n": types.SignInProvidersDocument,
    "\n  query SingleSignOnUser {\n    me {\n      id\n      email\n      displayName\n      roles\n      agency {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.SingleSignOnUserDocument,
    "\n  fragment CaseReviewFields on CaseReview {\n    id\n    caseIds\n    receivedAt\n    spocAgencyId\n    applicantName\n    applicantContact\n    applicantRelationship\n    thirdParty\n    consentRecordedAt\n    thresholdMet\n    decisionReason\n    meetingId\n    conclusion\n    outcomeAt\n    recommendationActionIds\n    toldAt\n    toldHow\n    appealBy\n    appealedAt\n    appealGrounds\n    appealMeetingId\n    appealUpheld\n    appealOutcome\n    viewerCanProcess\n    redactedFields\n    acknowledge {\n      dueAt\n      doneAt\n      state\n    }\n    decide {\n      dueAt\n      doneAt\n      state\n    }\n    meet {\n      dueAt\n      doneAt\n      state\n    }\n    tell {\n      dueAt\n      doneAt\n      state\n    }\n    appealHearing {\n      dueAt\n      doneAt\n      state\n    }\n  }\n": types.CaseReviewFieldsFragmentDoc,
    "\n  query CaseReviewApplications {\n    caseReviewApplications {\n      ...CaseReviewFields\n    }\n  }\n": types.CaseReviewApplicationsDocument,
    "\n  query CaseReviewApplication($id: ID!) {\n    caseReview(id: $id) {\n      ...CaseReviewFields\n    }\n  }\n": types.CaseReviewApplicationDocument,
    "\n  query CaseReviewCase($id: ID!) {\n    case(id: $id) {\n      id\n      reference\n      summary\n      ownerAgency {\n        id\n        name\n      }\n      shares {\n        agency {\n          id\n          name\n        }\n      }\n      caseReviewThreshold {\n        complaints\n        threshold\n        windowMonths\n        met\n      }\n    }\n  }\n": types.CaseReviewCaseDocument,
    "\n  query CaseReviewCaseSearch($search: String!) {\n    cases(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          reference\n          summary\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.CaseReviewCaseSearchDocument,
    "\n  query CaseReviewMeetings {\n    meetings {\n      id\n      kind\n      title\n      startsAt\n      chairId\n      chair {\n        id\n        displayName\n      }\n    }\n  }\n": types.CaseReviewMeetingsDocument,
    "\n  query CaseReviewsOfCase($id: ID!) {\n    case(id: $id) {\n      id\n      caseReviews {\n        ...CaseReviewFields\n      }\n    }\n  }\n": types.CaseReviewsOfCaseDocument,
    "\n  query CaseReviewFigures($year: Int!) {\n    caseReviewFigures(year: $year) {\n      year\n      applications\n      thresholdsMet\n      thresholdsNotMet\n      reviewsHeld\n      recommendations\n      appealsReceived\n      appealsUpheld\n    }\n  }\n": types.CaseReviewFiguresDocument,
    "\n  mutation LogCaseReview($input: LogCaseReviewInput!) {\n    logCaseReviewApplication(input: $input) {\n      ...CaseReviewFields\n    }\n  }\n": types.LogCaseReviewDocument,
    "\n  mutation LinkCaseToCaseReview($id: ID!, $caseId: ID!) {\n    linkCaseToCaseReview(id: $id, caseId: $caseId) {\n      ...CaseReviewFields\n    }\n  }\n": types.LinkCaseToCaseReviewDocument,
    "\n  mutation AcknowledgeCaseReviewApplication($id: ID!) {\n    acknowledgeCaseReview(id: $id) {\n      ...CaseReviewFields\n    }\n  }\n": types.AcknowledgeCaseReviewApplicationDocument,
    "\n  mutation DecideCaseReviewApplication($id: ID!, $thresholdMet: Boolean!, $reason: String!) {\n    decideCaseReview(id: $id, thresholdMet: $thresholdMet, reason: $reason) {\n      ...CaseReviewFields\n    }\n  }\n": types.DecideCaseReviewApplicationDocument,
    "\n  mutation SetCaseReviewMeeting($id: ID!, $meetingId: ID!) {\n    setCaseReviewMeeting(id: $id, meetingId: $meetingId) {\n      ...CaseReviewFields\n    }\n  }\n": types.SetCaseReviewMeetingDocument,
    "\n  mutation RecordCaseReviewOutcome($id: ID!, $input: CaseReviewOutcomeInput!) {\n    recordCaseReviewOutcome(id: $id, input: $input) {\n      ...CaseReviewFields\n    }\n  }\n": types.RecordCaseReviewOutcomeDocument,
    "\n  mutation RecordCaseReviewApplicantTold($id: ID!, $toldAt: DateTime!, $how: String!) {\n    recordCaseReviewApplicantTold(id: $id, toldAt: $toldAt, how: $how) {\n      ...CaseReviewFields\n    }\n  }\n": types.RecordCaseReviewApplicantToldDocument,
    "\n  mutation RecordCaseReviewAppeal($id: ID!, $receivedAt: DateTime!, $grounds: String!) {\n    recordCaseReviewAppeal(id: $id, receivedAt: $receivedAt, grounds: $grounds) {\n      ...CaseReviewFields\n    }\n  }\n": types.RecordCaseReviewAppealDocument,
    "\n  mutation RecordCaseReviewAppealOutcome($id: ID!, $meetingId: ID!, $upheld: Boolean!, $outcome: String!) {\n    recordCaseReviewAppealOutcome(id: $id, meetingId: $meetingId, upheld: $upheld, outcome: $outcome) {\n      ...CaseReviewFields\n    }\n  }\n": types.RecordCaseReviewAppealOutcomeDocument,
    "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String, $orderBy: CaseOrder) {\n    cases(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          category\n          status\n          riskLevel\n          ward\n          openedAt\n          access\n        }\n      }\n    }\n  }\n": types.CaseListDocument,
    "\n  subscription CaseUpdates($caseId: ID!) {\n    caseUpdates(caseId: $caseId) {\n      caseId\n      what\n      at\n      byAgency {\n        id\n        name\n      }\n    }\n  }\n": types.CaseUpdatesDocument,
    "\n  fragment MyWorkAction on CaseAction {\n    id\n    kind\n    description\n    status\n    dueAt\n    caseReference\n    case {\n      id\n    }\n    meeting {\n      id\n      title\n      startsAt\n    }\n    assignee {\n      id\n      displayName\n    }\n  }\n": types.MyWorkActionFragmentDoc,
    "\n  query MyWork {\n    cases(filter: { status: [OPEN] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          reference\n          category\n          riskLevel\n          ward\n          openedAt\n          access\n          ownerAgency {\n            id\n            name\n          }\n          serviceClocks {\n            standard\n            state\n            dueAt\n            doneAt\n          }\n        }\n      }\n    }\n    agencyActions: myActions {\n      totalCount\n      overdueCount\n      actions {\n        ...MyWorkAction\n      }\n    }\n    assignedActions: myActions(assignedToMe: true) {\n      totalCount\n      overdueCount\n      actions {\n        ...MyWorkAction\n      }\n    }\n    meetings(upcoming: true) {\n      id\n      kind\n      title\n      startsAt\n      publishedAt\n    }\n  }\n": types.MyWorkDocument,
    "\n  query AlertsAssignedToMe {\n    alertInbox(filter: { assignedToMe: true }, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          occurredAt\n          read\n          caseId\n          meetingId\n          case {\n            id\n            reference\n          }\n        }\n      }\n    }\n  }\n": types.AlertsAssignedToMeDocument,
    "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) {\n      id\n      reference\n    }\n  }\n": types.CreateCaseDocument,
    "\n  mutation AddParty($caseId: ID!, $input: PartyInput!) {\n    addParty(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": types.AddPartyDocument,
    "\n  mutation AddLinkedParty($caseId: ID!, $input: PartyInput!, $samePersonAs: ID!) {\n    addLinkedParty(caseId: $caseId, input: $input, samePersonAs: $samePersonAs) {\n      id\n    }\n  }\n": types.AddLinkedPartyDocument,
    "\n  query CasePeople($id: ID!) {\n    case(id: $id) {\n      id\n      parties {\n        id\n        person {\n          id\n          caseCount\n        }\n      }\n    }\n  }\n": types.CasePeopleDocument,
    "\n  mutation UpdateParty($id: ID!, $input: UpdatePartyInput!) {\n    updateParty(id: $id, input: $input) {\n      id\n      role\n      anonymous\n      tenant\n      fullName\n      aliases\n      address\n      phone\n      dateOfBirth\n      tenancyType\n      rentArrears\n      tenancyBreaches\n      redactedFields\n    }\n  }\n": types.UpdatePartyDocument,
    "\n  mutation UpdateCase($id: ID!, $expectedVersion: Int!, $input: UpdateCaseInput!) {\n    updateCase(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      summary\n      ward\n      riskLevel\n      policeIntelligence\n      supportNeeds\n      leadOfficer {\n        id\n        displayName\n      }\n    }\n  }\n": types.UpdateCaseDocument,
    "\n  mutation CloseCase($id: ID!, $expectedVersion: Int!, $input: CloseCaseInput!) {\n    closeCase(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      status\n      closedAt\n      closeReason\n      reporterToldAt\n    }\n  }\n": types.CloseCaseDocument,
    "\n  mutation RecordContact($caseId: ID!, $input: ContactInput!) {\n    recordContact(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": types.RecordContactDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id\n      reference\n      category\n      status\n      riskLevel\n      ward\n      summary\n      address\n      openedAt\n      closedAt\n      closeReason\n      reporterToldAt\n      version\n      owned\n      access\n      hasSupportNeeds\n      supportNeeds\n      policeIntelligence\n      redactedFields\n      # What this user may do here: the portal asks rather than keeping a copy of the rules.\n      viewerCan {\n        share\n        readAuditTrail\n        placeLegalHold\n        releaseLegalHold\n        edit\n        close\n        recordSatisfaction\n        addParty\n        editPartyIdentifiers\n        editPartyTenancy\n        recordContact\n        recordDashAssessment\n        recordAsbRiskAssessment\n        agreeActionPlan\n        uploadEvidence\n        removeEvidence\n        withdrawFromMeeting\n        editPoliceIntelligence\n        editSupportNeeds\n        chooseLeadOfficer\n        transfer\n      }\n      possibleLeadOfficers {\n        id\n        displayName\n      }\n      pendingTransfer {\n        id\n        reason\n        keptAccess\n        offeredAt\n        toAgency {\n          id\n          name\n        }\n      }\n      ownerAgency {\n        id\n        name\n        kind\n      }\n      leadOfficer {\n        id\n        displayName\n      }\n      parties {\n        id\n        role\n        anonymous\n        tenant\n        fullName\n        aliases\n        address\n        phone\n        dateOfBirth\n        tenancyType\n        rentArrears\n        tenancyBreaches\n        redactedFields\n      }\n      incidents {\n        id\n        occurredAt\n        loggedAt\n        category\n        description\n        location\n        ward\n        redactedFields\n        loggedByAgency {\n          id\n          name\n        }\n      }\n      actions {\n        id\n        kind\n        legal\n        description\n        status\n        dueAt\n        createdAt\n        completedAt\n        outcome\n        servedAt\n        hearingAt\n        expiresAt\n        registered\n        lapseMonths\n        ownerAgency {\n          id\n          name\n        }\n        viewerCan {\n          update\n        }\n      }\n      contacts {\n        id\n        channel\n        contactedAt\n        note\n      }\n      serviceClocks {\n        standard\n        state\n        dueAt\n        doneAt\n      }\n      shares {\n        id\n        access\n        reason\n        lawfulBasis\n        lawfulBasisDetail\n        consent {\n          state\n          detail\n        }\n        sharedAt\n        redactedFields\n        agency {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.CaseDetailDocument,
    "\n  query CaseRisk($id: ID!) {\n    case(id: $id) {\n      id\n      riskLevel\n      referralCriteria\n      asbRiskAssessments {\n        id\n        likelihood\n        impact\n        score\n        vulnerabilities\n        judgedHighRisk\n        riskLevel\n        concerns\n        assessedAt\n        reviewDueAt\n      }\n      dashAssessments {\n        id\n        score\n        highRisk\n        judgedHighRisk\n        concerns\n        assessedAt\n        reviewDueAt\n      }\n      caseReviewThreshold {\n        complaints\n        threshold\n        windowMonths\n        met\n        tellVictimAboutReview\n      }\n    }\n  }\n": types.CaseRiskDocument,
    "\n  query DashQuestions {\n    dashQuestions {\n      number\n      text\n    }\n  }\n": types.DashQuestionsDocument,
    "\n  mutation RecordDashAssessment($caseId: ID!, $input: DashAssessmentInput!) {\n    recordDashAssessment(caseId: $caseId, input: $input) {\n      id\n      score\n      highRisk\n    }\n  }\n": types.RecordDashAssessmentDocument,
    "\n  query CaseEvidence($id: ID!) {\n    case(id: $id) {\n      id\n      redactedFields\n      evidence {\n        id\n        fileName\n        mediaType\n        byteSize\n        sha256\n        description\n        incidentId\n        uploadedAt\n        downloadPath\n        uploadedBy {\n          id\n          displayName\n        }\n        uploadedByAgency {\n          id\n          name\n        }\n      }\n    }\n    # What the API keeps, in words (it reads the type from the file's bytes).\n    evidenceTypes {\n      mediaType\n      name\n    }\n  }\n": types.CaseEvidenceDocument,
    "\n  mutation RemoveEvidence($id: ID!, $reason: String!) {\n    removeEvidence(id: $id, reason: $reason)\n  }\n": types.RemoveEvidenceDocument,
    "\n  mutation LogIncident($caseId: ID!, $input: IncidentInput!) {\n    logIncident(caseId: $caseId, input: $input) {\n      id\n      occurredAt\n    }\n  }\n": types.LogIncidentDocument,
    "\n  query TriageQueue {\n    triageQueue {\n      id\n      channel\n      receivedAt\n      category\n      summary\n      ward\n      address\n      reporterName\n      reporterPhone\n      anonymous\n      subjectName\n      flags\n      matchingCases {\n        id\n        reference\n        category\n        ward\n        riskLevel\n        openedAt\n      }\n    }\n  }\n": types.TriageQueueDocument,
    "\n  query TriageCount {\n    triageQueue {\n      id\n    }\n  }\n": types.TriageCountDocument,
    "\n  mutation AcceptIntakeReport($id: ID!, $riskLevel: RiskLevel!) {\n    acceptIntakeReport(id: $id, riskLevel: $riskLevel) {\n      id\n      reference\n    }\n  }\n": types.AcceptIntakeReportDocument,
    "\n  mutation AttachIntakeReport($id: ID!, $caseId: ID!) {\n    attachIntakeReport(id: $id, caseId: $caseId) {\n      id\n      status\n      caseId\n    }\n  }\n": types.AttachIntakeReportDocument,
    "\n  mutation DeclineIntakeReport($id: ID!, $reason: String!) {\n    declineIntakeReport(id: $id, reason: $reason) {\n      id\n      status\n      declineReason\n    }\n  }\n": types.DeclineIntakeReportDocument,
    "\n  mutation SubmitIntakeReport($input: IntakeReportInput!) {\n    submitIntakeReport(input: $input) {\n      id\n    }\n  }\n": types.SubmitIntakeReportDocument,
    "\n  query OpenCaseByReference($search: String!) {\n    cases(filter: { search: $search, status: [OPEN] }, first: 10) {\n      edges {\n        node {\n          id\n          reference\n        }\n      }\n    }\n  }\n": types.OpenCaseByReferenceDocument,
    "\n  query AccessRequests {\n    accessRequests {\n      id\n      status\n      reason\n      requestedAt\n      requestedBy {\n        id\n        displayName\n      }\n      requesterAgency {\n        id\n        name\n      }\n      case {\n        id\n        reference\n      }\n      decidedAt\n      decidedBy {\n        id\n        displayName\n      }\n      decisionReason\n      grantedAccess\n    }\n  }\n": types.AccessRequestsDocument,
    "\n  subscription AccessRequestUpdates {\n    accessRequestUpdates {\n      id\n      status\n    }\n  }\n": types.AccessRequestUpdatesDocument,
    "\n  mutation DecideAccessRequest(\n    $id: ID!\n    $grant: Boolean!\n    $access: ShareAccess\n    $reason: String!\n    $basis: SharingBasisInput\n  ) {\n    decideAccessRequest(id: $id, grant: $grant, access: $access, reason: $reason, basis: $basis) {\n      id\n      status\n    }\n  }\n": types.DecideAccessRequestDocument,
    "\n  query CaseDiscoverable($id: ID!) {\n    case(id: $id) {\n      id\n      discoverable\n    }\n  }\n": types.CaseDiscoverableDocument,
    "\n  mutation SetCaseDiscoverable($caseId: ID!, $discoverable: Boolean!, $reason: String!) {\n    setCaseDiscoverable(caseId: $caseId, discoverable: $discoverable, reason: $reason) {\n      id\n      discoverable\n    }\n  }\n": types.SetCaseDiscoverableDocument,
    "\n  query SearchPeople($input: PersonSearchInput!) {\n    searchPeople(input: $input) {\n      visible {\n        case {\n          id\n          reference\n          category\n          status\n        }\n        party {\n          id\n          role\n          fullName\n          dateOfBirth\n        }\n      }\n      locked {\n        hitId\n        ownerAgency {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SearchPeopleDocument,
    "\n  mutation RequestCaseAccess($hitId: ID!, $reason: String!) {\n    requestCaseAccess(hitId: $hitId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RequestCaseAccessDocument,
    "\n  query MyAccessRequests {\n    myAccessRequests {\n      id\n      status\n      reason\n      requestedAt\n      decidedAt\n      decisionReason\n      grantedAccess\n      ownerAgency {\n        id\n        name\n      }\n      case {\n        id\n        reference\n      }\n    }\n  }\n": types.MyAccessRequestsDocument,
    "\n  fragment LetterTemplateFields on LetterTemplate {\n    id\n    kind\n    name\n    body\n    version\n    retired\n    retiredAt\n    updatedAt\n    updatedBy\n  }\n": types.LetterTemplateFieldsFragmentDoc,
    "\n  query LetterTemplates($includeRetired: Boolean) {\n    letterTemplates(includeRetired: $includeRetired) {\n      ...LetterTemplateFields\n    }\n    letterMergeFields {\n      key\n      label\n    }\n  }\n": types.LetterTemplatesDocument,
    "\n  query LetterTemplateStarters {\n    letterTemplateStarters {\n      kind\n      name\n      body\n    }\n  }\n": types.LetterTemplateStartersDocument,
    "\n  mutation CreateLetterTemplate($input: CreateLetterTemplateInput!) {\n    createLetterTemplate(input: $input) {\n      ...LetterTemplateFields\n    }\n  }\n": types.CreateLetterTemplateDocument,
    "\n  mutation UpdateLetterTemplate($id: ID!, $expectedVersion: Int!, $input: LetterTemplateTextInput!) {\n    updateLetterTemplate(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...LetterTemplateFields\n    }\n  }\n": types.UpdateLetterTemplateDocument,
    "\n  mutation RetireLetterTemplate($id: ID!) {\n    retireLetterTemplate(id: $id) {\n      ...LetterTemplateFields\n    }\n  }\n": types.RetireLetterTemplateDocument,
    "\n  query PreviewLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {\n    previewLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {\n      text\n      withheldFields\n      missingFields\n      templateVersion\n    }\n  }\n": types.PreviewLetterDocument,
    "\n  mutation ProduceLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {\n    produceLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {\n      withheldFields\n      missingFields\n      recordedAs\n      evidence {\n        id\n        fileName\n      }\n    }\n  }\n": types.ProduceLetterDocument,
    "\n  mutation SetCurrentAgendaItem($meetingId: ID!, $agendaItemId: ID) {\n    setCurrentAgendaItem(meetingId: $meetingId, agendaItemId: $agendaItemId) {\n      id\n      currentItemId\n    }\n  }\n": types.SetCurrentAgendaItemDocument,
    "\n  mutation ReorderAgenda($meetingId: ID!, $itemIds: [ID!]!) {\n    reorderAgenda(meetingId: $meetingId, itemIds: $itemIds) {\n      id\n    }\n  }\n": types.ReorderAgendaDocument,
    "\n  mutation RecordAttendance($meetingId: ID!, $userId: ID!, $status: AttendanceStatus!, $informationSent: String) {\n    recordAttendance(meetingId: $meetingId, userId: $userId, status: $status, informationSent: $informationSent) {\n      userId\n      status\n    }\n  }\n": types.RecordAttendanceDocument,
    "\n  mutation AgreeConfidentiality($meetingId: ID!) {\n    agreeConfidentiality(meetingId: $meetingId) {\n      id\n      confidentialityAgreed\n    }\n  }\n": types.AgreeConfidentialityDocument,
    "\n  mutation RecordMeetingAction($agendaItemId: ID!, $input: MeetingActionInput!) {\n    recordMeetingAction(agendaItemId: $agendaItemId, input: $input) {\n      id\n    }\n  }\n": types.RecordMeetingActionDocument,
    "\n  query CaseMeetingReferrals($id: ID!) {\n    case(id: $id) {\n      id\n      meetingReferrals {\n        agendaItemId\n        meetingTitle\n        meetingKind\n        startsAt\n        publishedAt\n        closedAt\n        reason\n        referredAt\n        withdrawnAt\n        referredByAgency {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CaseMeetingReferralsDocument,
    "\n  mutation WithdrawCaseFromMeeting($agendaItemId: ID!, $reason: String!) {\n    withdrawCaseFromMeeting(agendaItemId: $agendaItemId, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n": types.WithdrawCaseFromMeetingDocument,
    "\n  mutation PublishAgenda($meetingId: ID!) {\n    publishAgenda(meetingId: $meetingId) {\n      id\n      publishedAt\n    }\n  }\n": types.PublishAgendaDocument,
    "\n  mutation CloseMeeting($meetingId: ID!) {\n    closeMeeting(meetingId: $meetingId) {\n      id\n      closedAt\n      currentItemId\n    }\n  }\n": types.CloseMeetingDocument,
    "\n  mutation RecordMinutes($agendaItemId: ID!, $minutes: String!) {\n    recordMinutes(agendaItemId: $agendaItemId, minutes: $minutes) {\n      id\n      minutes\n    }\n  }\n": types.RecordMinutesDocument,
    "\n  mutation ReferCase($meetingId: ID!, $caseId: ID!, $reason: ReferralReason!, $dashScore: Int, $concerns: String) {\n    referCase(meetingId: $meetingId, caseId: $caseId, reason: $reason, dashScore: $dashScore, concerns: $concerns) {\n      id\n      position\n    }\n  }\n": types.ReferCaseDocument,
    "\n  query FindCaseToRefer($search: String!) {\n    cases(filter: { search: $search, owned: true }, first: 5) {\n      edges {\n        node {\n          id\n          reference\n        }\n      }\n    }\n  }\n": types.FindCaseToReferDocument,
    "\n  mutation RecordResearch($agendaItemId: ID!, $summary: String!) {\n    recordResearch(agendaItemId: $agendaItemId, summary: $summary) {\n      agencyId\n      summary\n    }\n  }\n": types.RecordResearchDocument,
    "\n  query MeetingAgencies {\n    agencies {\n      id\n      name\n    }\n    meetingChairs {\n      id\n      displayName\n      agencyName\n    }\n  }\n": types.MeetingAgenciesDocument,
    "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $input) {\n      id\n    }\n  }\n": types.ScheduleMeetingDocument,
    "\n  mutation WithdrawAgendaItem($agendaItemId: ID!, $reason: String!) {\n    withdrawAgendaItem(agendaItemId: $agendaItemId, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n": types.WithdrawAgendaItemDocument,
    "\n  fragment MeetingFields on Meeting {\n    id\n    kind\n    title\n    startsAt\n    publishedAt\n    closedAt\n    currentItemId\n    confidentialityStatement\n    confidentialityAgreed\n    version\n    viewerCan {\n      organise\n      chair\n    }\n    chair {\n      id\n      displayName\n    }\n    agencies {\n      id\n      name\n    }\n    attendance {\n      userId\n      displayName\n      agencyId\n      status\n      informationSent\n    }\n    agenda(includeWithdrawn: true) {\n      id\n      position\n      reason\n      dashScore\n      referredAt\n      withdrawnAt\n      withdrawnReason\n      concerns\n      minutes\n      referredByAgency {\n        id\n        name\n      }\n      dashAssessment {\n        id\n        score\n        highRisk\n      }\n      case {\n        id\n        reference\n        category\n        riskLevel\n        status\n        summary\n        ward\n      }\n      research {\n        agencyId\n        summary\n        recordedAt\n      }\n      actions {\n        ...MeetingActionFields\n      }\n      actionsNotDone {\n        ...MeetingActionFields\n      }\n      actionsNoLongerNeeded {\n        ...MeetingActionFields\n      }\n    }\n  }\n": types.MeetingFieldsFragmentDoc,
    "\n  fragment MeetingActionFields on CaseAction {\n    id\n    kind\n    description\n    status\n    dueAt\n    outcome\n    ownerAgency {\n      id\n      name\n    }\n  }\n": types.MeetingActionFieldsFragmentDoc,
    "\n  query MeetingDetail($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingFields\n    }\n  }\n": types.MeetingDetailDocument,
    "\n  subscription MeetingUpdates($meetingId: ID!) {\n    meetingUpdates(meetingId: $meetingId) {\n      ...MeetingFields\n    }\n  }\n": types.MeetingUpdatesDocument,
    "\n  query MeetingList {\n    upcoming: meetings(upcoming: true) {\n      id\n      kind\n      title\n      startsAt\n      publishedAt\n      chair {\n        id\n        displayName\n      }\n    }\n    past: meetings(upcoming: false) {\n      id\n      kind\n      title\n      startsAt\n      closedAt\n      chair {\n        id\n        displayName\n      }\n    }\n  }\n": types.MeetingListDocument,
    "\n  query SecondFactorStatus {\n    me {\n      id\n      mfa {\n        enrolled\n        required\n      }\n    }\n  }\n": types.SecondFactorStatusDocument,
    "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment {\n      secret\n      qrCodeDataUrl\n    }\n  }\n": types.BeginTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code)\n  }\n": types.ConfirmTotpEnrolmentDocument,
    "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n": types.DisableTotpDocument,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      kinds {\n        kind\n        delivery\n        chosen\n      }\n      digestHour\n      digestMinute\n      timeZone\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreferences($input: NotificationPreferencesInput!) {\n    setNotificationPreferences(input: $input) {\n      kinds {\n        kind\n        delivery\n        chosen\n      }\n      digestHour\n      digestMinute\n      timeZone\n    }\n  }\n": types.SetNotificationPreferencesDocument,
    "\n  query PersonMatches($fullName: String!, $dateOfBirth: String, $caseId: ID) {\n    personMatches(fullName: $fullName, dateOfBirth: $dateOfBirth, caseId: $caseId) {\n      partyId\n      personId\n      fullName\n      dateOfBirth\n      dateOfBirthAgrees\n      caseCount\n    }\n  }\n": types.PersonMatchesDocument,
    "\n  query PersonMerges {\n    personMerges {\n      id\n      keptPersonId\n      mergedPersonId\n      partiesMoved\n      reason\n      mergedAt\n      undoneAt\n    }\n  }\n": types.PersonMergesDocument,
    "\n  mutation MergePeople($keepId: ID!, $mergeId: ID!, $reason: String!) {\n    mergePeople(keepId: $keepId, mergeId: $mergeId, reason: $reason) {\n      id\n      partiesMoved\n    }\n  }\n": types.MergePeopleDocument,
    "\n  mutation UndoPersonMerge($mergeId: ID!, $reason: String!) {\n    undoPersonMerge(mergeId: $mergeId, reason: $reason) {\n      id\n      undoneAt\n    }\n  }\n": types.UndoPersonMergeDocument,
    "\n  query Person($id: ID!) {\n    person(id: $id) {\n      id\n      names\n      aliases\n      datesOfBirth\n      addresses\n      caseCount\n      cases {\n        id\n        reference\n        category\n        status\n      }\n    }\n  }\n": types.PersonDocument,
    "\n  query Exceptions($days: Int!) {\n    exceptions(notUpdatedDays: $days) {\n      notUpdated {\n        lastActivityAt\n        case {\n          id\n          reference\n          category\n          riskLevel\n          ward\n        }\n      }\n      standardsBreached {\n        lastActivityAt\n        case {\n          id\n          reference\n          category\n          riskLevel\n        }\n        breaches {\n          standard\n          dueAt\n          doneAt\n        }\n      }\n      overdueActions {\n        id\n        kind\n        description\n        dueAt\n        caseId\n        case {\n          id\n          reference\n        }\n        assignee {\n          id\n          displayName\n        }\n      }\n      closedWithoutTellingReporter {\n        id\n        reference\n        category\n        status\n        closedAt\n      }\n    }\n  }\n": types.ExceptionsDocument,
    "\n  query CaseStatistics($input: CaseStatisticsInput!) {\n    caseStatistics(input: $input) {\n      opened\n      closedResolved\n      closedUnresolved\n      live\n      incidents\n      byCategory {\n        category\n        count\n      }\n      byWard {\n        ward\n        count\n      }\n      interventions {\n        kind\n        legal\n        count\n      }\n      legalInterventions\n      nonLegalInterventions\n      serviceStandards {\n        standard\n        met\n        breached\n        due\n        metPercent\n      }\n      casesPerThousandHomes\n      hateCasesPerThousandHomes\n      incidentsByWard {\n        ward\n        count\n      }\n      incidentsByLocation {\n        location\n        ward\n        count\n      }\n      sharesByLawfulBasis {\n        lawfulBasis\n        count\n      }\n      sharesByConsent {\n        consent\n        count\n      }\n    }\n  }\n": types.CaseStatisticsDocument,
    "\n  query MaracStatistics($input: MaracStatisticsInput!) {\n    maracStatistics(input: $input) {\n      meetings\n      casesHeard\n      repeatCases\n      repeatPercent\n      referredByPartners\n      referredByPartnersPercent\n      actionsDue\n      actionsCompletedOnTime\n      actionsCompletedOnTimePercent\n      adultFemalePopulation\n      casesPer10kAdultWomen\n      referralsByAgencyKind {\n        kind\n        count\n      }\n      supportEngaged\n      supportEngagedPercent\n      victimsAged16To17\n      victimsWithDateOfBirth\n      notRecorded {\n        item\n        reason\n      }\n    }\n  }\n": types.MaracStatisticsDocument,
    "\n  query PartnershipStatistics($input: CaseStatisticsInput!) {\n    partnershipStatistics(input: $input) {\n      opened\n      closedResolved\n      closedUnresolved\n      live\n      incidents\n      byCategory {\n        category\n        count\n      }\n      byWard {\n        ward\n        count\n      }\n    }\n  }\n": types.PartnershipStatisticsDocument,
    "\n  query CaseStatisticsSeries($input: CaseStatisticsSeriesInput!, $scope: FigureScope!) {\n    caseStatisticsSeries(input: $input, scope: $scope) {\n      interval\n      scope\n      suppressedBelow\n      points {\n        label\n        current {\n          from\n          to\n          opened\n          closedResolved\n          closedUnresolved\n          live\n          incidents\n        }\n        yearEarlier {\n          from\n          to\n          opened\n          closedResolved\n          closedUnresolved\n          live\n          incidents\n        }\n      }\n    }\n  }\n": types.CaseStatisticsSeriesDocument,
    "\n  query CaseLegalHold($id: ID!) {\n    case(id: $id) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n": types.CaseLegalHoldDocument,
    "\n  fragment RetentionCandidateFields on RetentionCandidate {\n    closedAt\n    case {\n      id\n      reference\n      category\n    }\n    legalHold {\n      reason\n      placedAt\n      placedBy\n    }\n  }\n": types.RetentionCandidateFieldsFragmentDoc,
    "\n  query RetentionReview {\n    retentionReview {\n      retentionYears\n      closedBefore\n      declinedReportsDue\n      due {\n        ...RetentionCandidateFields\n      }\n      held {\n        ...RetentionCandidateFields\n      }\n    }\n  }\n": types.RetentionReviewDocument,
    "\n  mutation ApplyRetention($expectedCount: Int!, $caseIds: [ID!]) {\n    applyRetention(expectedCount: $expectedCount, caseIds: $caseIds)\n  }\n": types.ApplyRetentionDocument,
    "\n  mutation PlaceLegalHold($caseId: ID!, $reason: String!) {\n    placeLegalHold(caseId: $caseId, reason: $reason) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n": types.PlaceLegalHoldDocument,
    "\n  mutation ReleaseLegalHold($caseId: ID!, $reason: String!) {\n    releaseLegalHold(caseId: $caseId, reason: $reason) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n": types.ReleaseLegalHoldDocument,
    "\n  query CaseSatisfaction($id: ID!) {\n    case(id: $id) {\n      id\n      satisfaction {\n        id\n        createdAt\n        expiresAt\n        answeredAt\n        serviceScore\n        outcomeScore\n        comment\n      }\n    }\n  }\n": types.CaseSatisfactionDocument,
    "\n  mutation SendSatisfactionSurvey($caseId: ID!) {\n    sendSatisfactionSurvey(caseId: $caseId) {\n      path\n      expiresAt\n    }\n  }\n": types.SendSatisfactionSurveyDocument,
    "\n  mutation RecordSatisfaction($caseId: ID!, $input: SatisfactionInput!) {\n    recordSatisfaction(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n": types.RecordSatisfactionDocument,
    "\n  query SurveyLinkOpen($token: String!) {\n    surveyLinkOpen(token: $token)\n  }\n": types.SurveyLinkOpenDocument,
    "\n  mutation AnswerSatisfactionSurvey($token: String!, $input: SatisfactionInput!) {\n    answerSatisfactionSurvey(token: $token, input: $input)\n  }\n": types.AnswerSatisfactionSurveyDocument,
    "\n  query ServiceStandards {\n    serviceStandards {\n      contactWorkingDays\n      actionPlanWorkingDays\n      homes\n    }\n  }\n": types.ServiceStandardsDocument,
    "\n  mutation UpdateServiceStandards($input: ServiceStandardsInput!) {\n    updateServiceStandards(input: $input) {\n      contactWorkingDays\n      actionPlanWorkingDays\n      homes\n    }\n  }\n": types.UpdateServiceStandardsDocument,
    "\n  query Agencies {\n    agencies {\n      id\n      name\n      kind\n    }\n  }\n": types.AgenciesDocument,
    "\n  mutation ShareCase($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!, $basis: SharingBasisInput) {\n    shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason, basis: $basis) {\n      id\n    }\n  }\n": types.ShareCaseDocument,
    "\n  mutation RevokeShare($caseId: ID!, $agencyId: ID!) {\n    revokeCaseShare(caseId: $caseId, agencyId: $agencyId)\n  }\n": types.RevokeShareDocument,
    "\n  fragment SubjectAccessRequestFields on SubjectAccessRequest {\n    id\n    reference\n    status\n    receivedAt\n    dueAt\n    daysRemaining\n    overdue\n    extensionMonths\n    requester\n    caseId\n    caseReference\n    subjectName\n    exportedAt\n    exportedBy\n    pdfPath\n    jsonPath\n  }\n": types.SubjectAccessRequestFieldsFragmentDoc,
    "\n  query SubjectAccessRequests {\n    subjectAccessRequests {\n      ...SubjectAccessRequestFields\n    }\n  }\n": types.SubjectAccessRequestsDocument,
    "\n  query SubjectAccessPeople($search: String!) {\n    cases(first: 20, filter: { owned: true, search: $search }) {\n      edges {\n        node {\n          id\n          reference\n          parties {\n            id\n            role\n            fullName\n            dateOfBirth\n          }\n        }\n      }\n    }\n  }\n": types.SubjectAccessPeopleDocument,
    "\n  mutation CreateSubjectAccessRequest($input: CreateSubjectAccessRequestInput!) {\n    createSubjectAccessRequest(input: $input) {\n      ...SubjectAccessRequestFields\n    }\n  }\n": types.CreateSubjectAccessRequestDocument,
    "\n  mutation CompleteSubjectAccessRequest($id: ID!) {\n    completeSubjectAccessRequest(id: $id) {\n      ...SubjectAccessRequestFields\n    }\n  }\n": types.CompleteSubjectAccessRequestDocument,
    "\n  query OpenSubjectAccess {\n    subjectAccessRequests(status: OPEN) {\n      id\n      overdue\n    }\n  }\n": types.OpenSubjectAccessDocument,
    "\n  query CaseTransferOffers {\n    caseTransferOffers {\n      id\n      reference\n      category\n      reason\n      keptAccess\n      offeredAt\n      viewerCanDecide\n      fromAgency {\n        id\n        name\n      }\n    }\n  }\n": types.CaseTransferOffersDocument,
    "\n  mutation AcceptCaseTransfer($id: ID!) {\n    acceptCaseTransfer(id: $id) {\n      id\n      reference\n    }\n  }\n": types.AcceptCaseTransferDocument,
    "\n  mutation DeclineCaseTransfer($id: ID!, $reason: String!) {\n    declineCaseTransfer(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.DeclineCaseTransferDocument,
    "\n  query TransferAgencies {\n    agencies {\n      id\n      name\n    }\n  }\n": types.TransferAgenciesDocument,
    "\n  mutation OfferCaseTransfer($input: OfferCaseTransferInput!) {\n    offerCaseTransfer(input: $input) {\n      id\n      status\n    }\n  }\n": types.OfferCaseTransferDocument,
    "\n  mutation WithdrawCaseTransfer($id: ID!) {\n    withdrawCaseTransfer(id: $id) {\n      id\n      status\n    }\n  }\n": types.WithdrawCaseTransferDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query ManagedUsers {\n    agencies {\n      id\n      name\n    }\n    users {\n      id\n      email\n      displayName\n      roles\n      active\n      agency {\n        id\n        name\n      }\n    }\n  }\n": types.ManagedUsersDocument,
    "\n  query AdminGrants {\n    adminGrants {\n      id\n      expiresAt\n      user {\n        id\n        displayName\n      }\n      requestedBy {\n        id\n        displayName\n      }\n    }\n  }\n": types.AdminGrantsDocument,
    "\n  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      id\n      roles\n    }\n  }\n": types.SetUserRolesDocument,
    "\n  mutation DeactivateManagedUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n": types.DeactivateManagedUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n      roles\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation ResetSecondFactor($userId: ID!) {\n    resetSecondFactor(userId: $userId)\n  }\n": types.ResetSecondFactorDocument,
    "\n  mutation EndManagedUserSessions($userId: ID!) {\n    endSessionsOfUser(userId: $userId)\n  }\n": types.EndManagedUserSessionsDocument,
    "\n  mutation InviteManagedUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      displayName\n      roles\n    }\n  }\n": types.InviteManagedUserDocument,
    "\n  mutation ApproveAdminGrant($id: ID!) {\n    approveAdminGrant(id: $id) {\n      id\n      status\n    }\n  }\n": types.ApproveAdminGrantDocument,
    "\n  mutation RefuseAdminGrant($id: ID!) {\n    refuseAdminGrant(id: $id) {\n      id\n      status\n    }\n  }\n": types.RefuseAdminGrantDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      kinds\n      createdAt\n    }\n  }\n": types.WebhooksDocument,
    "\n  query WebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          alertId\n          kind\n          status\n          attempts\n          createdAt\n          lastAttemptAt\n          nextAttemptAt\n          lastStatus\n          lastResponse\n          lastError\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation RegisterWebhook($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": types.RegisterWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation RemoveWebhook($id: ID!) {\n    removeWebhook(id: $id) {\n      id\n    }\n  }\n": types.RemoveWebhookDocument,
    "\n  mutation RetryWebhookDelivery($id: ID!) {\n    retryWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": types.RetryWebhookDeliveryDocument,
    "\n  subscription CaseActivity {\n    caseActivity {\n      caseId\n      what\n    }\n  }\n": types.CaseActivityDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password)\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionPlans($id: ID!) {\n    case(id: $id) {\n      id\n      actionPlans {\n        id\n        agreedAt\n        agreedWith\n        ourCommitments\n        reporterCommitments\n        updateEveryDays\n        updateChannel\n        recordedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActionPlans($id: ID!) {\n    case(id: $id) {\n      id\n      actionPlans {\n        id\n        agreedAt\n        agreedWith\n        ourCommitments\n        reporterCommitments\n        updateEveryDays\n        updateChannel\n        recordedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgreeActionPlan($caseId: ID!, $input: ActionPlanInput!) {\n    agreeActionPlan(caseId: $caseId, input: $input) {\n      id\n      agreedWith\n    }\n  }\n"): (typeof documents)["\n  mutation AgreeActionPlan($caseId: ID!, $input: ActionPlanInput!) {\n    agreeActionPlan(caseId: $caseId, input: $input) {\n      id\n      agreedWith\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      id\n      status\n      outcome\n      completedAt\n      servedAt\n      hearingAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      id\n      status\n      outcome\n      completedAt\n      servedAt\n      hearingAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAction($caseId: ID!, $input: ActionInput!) {\n    addAction(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddAction($caseId: ID!, $input: ActionInput!) {\n    addAction(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseAssignees($id: ID!, $agencyId: ID!) {\n    case(id: $id) {\n      id\n      possibleAssignees(agencyId: $agencyId) {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseAssignees($id: ID!, $agencyId: ID!) {\n    case(id: $id) {\n      id\n      possibleAssignees(agencyId: $agencyId) {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InterventionsRegister {\n    interventionsRegister {\n      id\n      kind\n      description\n      status\n      servedAt\n      hearingAt\n      expiresAt\n      caseId\n      assignee {\n        id\n        displayName\n      }\n      case {\n        id\n        reference\n      }\n    }\n  }\n"): (typeof documents)["\n  query InterventionsRegister {\n    interventionsRegister {\n      id\n      kind\n      description\n      status\n      servedAt\n      hearingAt\n      expiresAt\n      caseId\n      assignee {\n        id\n        displayName\n      }\n      case {\n        id\n        reference\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminData {\n    agencies {\n      id\n      name\n      kind\n    }\n    users {\n      id\n      email\n      displayName\n      roles\n      active\n      agency {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminData {\n    agencies {\n      id\n      name\n      kind\n    }\n    users {\n      id\n      email\n      displayName\n      roles\n      active\n      agency {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAgency($input: CreateAgencyInput!) {\n    createAgency(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAgency($input: CreateAgencyInput!) {\n    createAgency(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSessionsOfUser($userId: ID!) {\n    endSessionsOfUser(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation EndSessionsOfUser($userId: ID!) {\n    endSessionsOfUser(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdentityProvidersData {\n    agencies {\n      id\n      name\n      identityProvider {\n        issuer\n        clientId\n        emailDomains\n        rolesClaim\n        createUsersOnFirstSignIn\n        defaultRole\n        redirectUri\n      }\n    }\n  }\n"): (typeof documents)["\n  query IdentityProvidersData {\n    agencies {\n      id\n      name\n      identityProvider {\n        issuer\n        clientId\n        emailDomains\n        rolesClaim\n        createUsersOnFirstSignIn\n        defaultRole\n        redirectUri\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureIdentityProvider($agencyId: ID!, $input: ConfigureIdentityProviderInput!) {\n    configureIdentityProvider(agencyId: $agencyId, input: $input) {\n      issuer\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureIdentityProvider($agencyId: ID!, $input: ConfigureIdentityProviderInput!) {\n    configureIdentityProvider(agencyId: $agencyId, input: $input) {\n      issuer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveIdentityProvider($agencyId: ID!) {\n    removeIdentityProvider(agencyId: $agencyId)\n  }\n"): (typeof documents)["\n  mutation RemoveIdentityProvider($agencyId: ID!) {\n    removeIdentityProvider(agencyId: $agencyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecondFactorData {\n    agencies {\n      id\n      name\n      secondFactorRequired\n    }\n  }\n"): (typeof documents)["\n  query SecondFactorData {\n    agencies {\n      id\n      name\n      secondFactorRequired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAgencyMfaRequired($agencyId: ID!, $required: Boolean!) {\n    setAgencyMfaRequired(agencyId: $agencyId, required: $required)\n  }\n"): (typeof documents)["\n  mutation SetAgencyMfaRequired($agencyId: ID!, $required: Boolean!) {\n    setAgencyMfaRequired(agencyId: $agencyId, required: $required)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertInbox($filter: AlertInboxFilter, $first: Int, $after: String) {\n    alertInbox(filter: $filter, first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          caseId\n          meetingId\n          occurredAt\n          read\n          assignee {\n            id\n            displayName\n          }\n          case {\n            id\n            reference\n            riskLevel\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertInbox($filter: AlertInboxFilter, $first: Int, $after: String) {\n    alertInbox(filter: $filter, first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          caseId\n          meetingId\n          occurredAt\n          read\n          assignee {\n            id\n            displayName\n          }\n          case {\n            id\n            reference\n            riskLevel\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertAssignees {\n    alertAssignees {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query AlertAssignees {\n    alertAssignees {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAlertsRead($ids: [ID!]!) {\n    markAlertsRead(alertIds: $ids) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAlertsRead($ids: [ID!]!) {\n    markAlertsRead(alertIds: $ids) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllAlertsRead($filter: AlertInboxFilter) {\n    markAllAlertsRead(filter: $filter) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAllAlertsRead($filter: AlertInboxFilter) {\n    markAllAlertsRead(filter: $filter) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAlertUnread($id: ID!) {\n    markAlertUnread(alertId: $id) {\n      id\n      read\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAlertUnread($id: ID!) {\n    markAlertUnread(alertId: $id) {\n      id\n      read\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(alertId: $id, userId: $userId) {\n      id\n      assignee {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(alertId: $id, userId: $userId) {\n      id\n      assignee {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseAlerts($since: String) {\n    caseAlerts(since: $since) {\n      id\n      kind\n      caseId\n      actionId\n      meetingId\n      occurredAt\n      case {\n        id\n        reference\n        riskLevel\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CaseAlerts($since: String) {\n    caseAlerts(since: $since) {\n      id\n      kind\n      caseId\n      actionId\n      meetingId\n      occurredAt\n      case {\n        id\n        reference\n        riskLevel\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertInboxChanges {\n    alertInboxChanges {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  subscription AlertInboxChanges {\n    alertInboxChanges {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      access\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      access\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAsbRiskAssessment($caseId: ID!, $input: AsbRiskAssessmentInput!) {\n    recordAsbRiskAssessment(caseId: $caseId, input: $input) {\n      id\n      score\n      riskLevel\n      reviewDueAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAsbRiskAssessment($caseId: ID!, $input: AsbRiskAssessmentInput!) {\n    recordAsbRiskAssessment(caseId: $caseId, input: $input) {\n      id\n      score\n      riskLevel\n      reviewDueAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsbRiskMatrix {\n    asbRiskMatrix {\n      bands {\n        riskLevel\n        minScore\n        maxScore\n        riskLevelIfVulnerable\n        reviewDays\n      }\n      cells {\n        likelihood\n        impact\n        score\n        riskLevel\n      }\n      judgedHighRiskLevel\n    }\n  }\n"): (typeof documents)["\n  query AsbRiskMatrix {\n    asbRiskMatrix {\n      bands {\n        riskLevel\n        minScore\n        maxScore\n        riskLevelIfVulnerable\n        reviewDays\n      }\n      cells {\n        likelihood\n        impact\n        score\n        riskLevel\n      }\n      judgedHighRiskLevel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDisclosures($caseId: ID!) {\n    caseDisclosures(caseId: $caseId) {\n      id\n      access\n      basis\n      lawfulBasis\n      lawfulBasisDetail\n      consent {\n        state\n        detail\n      }\n      sharedAt\n      sharedBy {\n        id\n        displayName\n      }\n      revokedAt\n      revokedBy {\n        id\n        displayName\n      }\n      agency {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseDisclosures($caseId: ID!) {\n    caseDisclosures(caseId: $caseId) {\n      id\n      access\n      basis\n      lawfulBasis\n      lawfulBasisDetail\n      consent {\n        state\n        detail\n      }\n      sharedAt\n      sharedBy {\n        id\n        displayName\n      }\n      revokedAt\n      revokedBy {\n        id\n        displayName\n      }\n      agency {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTrail($caseId: ID!, $first: Int, $after: String) {\n    caseAuditTrail(caseId: $caseId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          detail\n          actor {\n            id\n            displayName\n            agency {\n              id\n              name\n            }\n          }\n          changes {\n            field\n            from\n            to\n            withheld\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditTrail($caseId: ID!, $first: Int, $after: String) {\n    caseAuditTrail(caseId: $caseId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          detail\n          actor {\n            id\n            displayName\n            agency {\n              id\n              name\n            }\n          }\n          changes {\n            field\n            from\n            to\n            withheld\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!, $code: String) {\n    login(email: $email, password: $password, code: $code) {\n      accessToken\n      expiresAt\n      user {\n        id\n        email\n        displayName\n        roles\n        agency {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!, $code: String) {\n    login(email: $email, password: $password, code: $code) {\n      accessToken\n      expiresAt\n      user {\n        id\n        email\n        displayName\n        roles\n        agency {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerCan {\n    me {\n      id\n      viewerCan {\n        readCases\n        createCase\n        triage\n        createMeeting\n        readCaseFigures\n        readMeetingFigures\n        applyRetention\n        updateServiceStandards\n        administer\n        manageUsers\n        manageApiKeys\n        manageWebhooks\n        answerSubjectAccess\n        searchPeople\n        decideAccessRequests\n        mergePeople\n        manageLetterTemplates\n        decideCaseTransfers\n        logCaseReviews\n        readCaseReviewFigures\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerCan {\n    me {\n      id\n      viewerCan {\n        readCases\n        createCase\n        triage\n        createMeeting\n        readCaseFigures\n        readMeetingFigures\n        applyRetention\n        updateServiceStandards\n        administer\n        manageUsers\n        manageApiKeys\n        manageWebhooks\n        answerSubjectAccess\n        searchPeople\n        decideAccessRequests\n        mergePeople\n        manageLetterTemplates\n        decideCaseTransfers\n        logCaseReviews\n        readCaseReviewFigures\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInProviders {\n    signInProviders {\n      agencyId\n      agencyName\n      startPath\n    }\n  }\n"): (typeof documents)["\n  query SignInProviders {\n    signInProviders {\n      agencyId\n      agencyName\n      startPath\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SingleSignOnUser {\n    me {\n      id\n      email\n      displayName\n      roles\n      agency {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query SingleSignOnUser {\n    me {\n      id\n      email\n      displayName\n      roles\n      agency {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseReviewFields on CaseReview {\n    id\n    caseIds\n    receivedAt\n    spocAgencyId\n    applicantName\n    applicantContact\n    applicantRelationship\n    thirdParty\n    consentRecordedAt\n    thresholdMet\n    decisionReason\n    meetingId\n    conclusion\n    outcomeAt\n    recommendationActionIds\n    toldAt\n    toldHow\n    appealBy\n    appealedAt\n    appealGrounds\n    appealMeetingId\n    appealUpheld\n    appealOutcome\n    viewerCanProcess\n    redactedFields\n    acknowledge {\n      dueAt\n      doneAt\n      state\n    }\n    decide {\n      dueAt\n      doneAt\n      state\n    }\n    meet {\n      dueAt\n      doneAt\n      state\n    }\n    tell {\n      dueAt\n      doneAt\n      state\n    }\n    appealHearing {\n      dueAt\n      doneAt\n      state\n    }\n  }\n"): (typeof documents)["\n  fragment CaseReviewFields on CaseReview {\n    id\n    caseIds\n    receivedAt\n    spocAgencyId\n    applicantName\n    applicantContact\n    applicantRelationship\n    thirdParty\n    consentRecordedAt\n    thresholdMet\n    decisionReason\n    meetingId\n    conclusion\n    outcomeAt\n    recommendationActionIds\n    toldAt\n    toldHow\n    appealBy\n    appealedAt\n    appealGrounds\n    appealMeetingId\n    appealUpheld\n    appealOutcome\n    viewerCanProcess\n    redactedFields\n    acknowledge {\n      dueAt\n      doneAt\n      state\n    }\n    decide {\n      dueAt\n      doneAt\n      state\n    }\n    meet {\n      dueAt\n      doneAt\n      state\n    }\n    tell {\n      dueAt\n      doneAt\n      state\n    }\n    appealHearing {\n      dueAt\n      doneAt\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseReviewApplications {\n    caseReviewApplications {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  query CaseReviewApplications {\n    caseReviewApplications {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseReviewApplication($id: ID!) {\n    caseReview(id: $id) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  query CaseReviewApplication($id: ID!) {\n    caseReview(id: $id) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseReviewCase($id: ID!) {\n    case(id: $id) {\n      id\n      reference\n      summary\n      ownerAgency {\n        id\n        name\n      }\n      shares {\n        agency {\n          id\n          name\n        }\n      }\n      caseReviewThreshold {\n        complaints\n        threshold\n        windowMonths\n        met\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseReviewCase($id: ID!) {\n    case(id: $id) {\n      id\n      reference\n      summary\n      ownerAgency {\n        id\n        name\n      }\n      shares {\n        agency {\n          id\n          name\n        }\n      }\n      caseReviewThreshold {\n        complaints\n        threshold\n        windowMonths\n        met\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseReviewCaseSearch($search: String!) {\n    cases(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          reference\n          summary\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseReviewCaseSearch($search: String!) {\n    cases(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          reference\n          summary\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseReviewMeetings {\n    meetings {\n      id\n      kind\n      title\n      startsAt\n      chairId\n      chair {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseReviewMeetings {\n    meetings {\n      id\n      kind\n      title\n      startsAt\n      chairId\n      chair {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseReviewsOfCase($id: ID!) {\n    case(id: $id) {\n      id\n      caseReviews {\n        ...CaseReviewFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseReviewsOfCase($id: ID!) {\n    case(id: $id) {\n      id\n      caseReviews {\n        ...CaseReviewFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseReviewFigures($year: Int!) {\n    caseReviewFigures(year: $year) {\n      year\n      applications\n      thresholdsMet\n      thresholdsNotMet\n      reviewsHeld\n      recommendations\n      appealsReceived\n      appealsUpheld\n    }\n  }\n"): (typeof documents)["\n  query CaseReviewFigures($year: Int!) {\n    caseReviewFigures(year: $year) {\n      year\n      applications\n      thresholdsMet\n      thresholdsNotMet\n      reviewsHeld\n      recommendations\n      appealsReceived\n      appealsUpheld\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogCaseReview($input: LogCaseReviewInput!) {\n    logCaseReviewApplication(input: $input) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation LogCaseReview($input: LogCaseReviewInput!) {\n    logCaseReviewApplication(input: $input) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkCaseToCaseReview($id: ID!, $caseId: ID!) {\n    linkCaseToCaseReview(id: $id, caseId: $caseId) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation LinkCaseToCaseReview($id: ID!, $caseId: ID!) {\n    linkCaseToCaseReview(id: $id, caseId: $caseId) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeCaseReviewApplication($id: ID!) {\n    acknowledgeCaseReview(id: $id) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeCaseReviewApplication($id: ID!) {\n    acknowledgeCaseReview(id: $id) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideCaseReviewApplication($id: ID!, $thresholdMet: Boolean!, $reason: String!) {\n    decideCaseReview(id: $id, thresholdMet: $thresholdMet, reason: $reason) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation DecideCaseReviewApplication($id: ID!, $thresholdMet: Boolean!, $reason: String!) {\n    decideCaseReview(id: $id, thresholdMet: $thresholdMet, reason: $reason) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCaseReviewMeeting($id: ID!, $meetingId: ID!) {\n    setCaseReviewMeeting(id: $id, meetingId: $meetingId) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetCaseReviewMeeting($id: ID!, $meetingId: ID!) {\n    setCaseReviewMeeting(id: $id, meetingId: $meetingId) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCaseReviewOutcome($id: ID!, $input: CaseReviewOutcomeInput!) {\n    recordCaseReviewOutcome(id: $id, input: $input) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCaseReviewOutcome($id: ID!, $input: CaseReviewOutcomeInput!) {\n    recordCaseReviewOutcome(id: $id, input: $input) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCaseReviewApplicantTold($id: ID!, $toldAt: DateTime!, $how: String!) {\n    recordCaseReviewApplicantTold(id: $id, toldAt: $toldAt, how: $how) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCaseReviewApplicantTold($id: ID!, $toldAt: DateTime!, $how: String!) {\n    recordCaseReviewApplicantTold(id: $id, toldAt: $toldAt, how: $how) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCaseReviewAppeal($id: ID!, $receivedAt: DateTime!, $grounds: String!) {\n    recordCaseReviewAppeal(id: $id, receivedAt: $receivedAt, grounds: $grounds) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCaseReviewAppeal($id: ID!, $receivedAt: DateTime!, $grounds: String!) {\n    recordCaseReviewAppeal(id: $id, receivedAt: $receivedAt, grounds: $grounds) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCaseReviewAppealOutcome($id: ID!, $meetingId: ID!, $upheld: Boolean!, $outcome: String!) {\n    recordCaseReviewAppealOutcome(id: $id, meetingId: $meetingId, upheld: $upheld, outcome: $outcome) {\n      ...CaseReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCaseReviewAppealOutcome($id: ID!, $meetingId: ID!, $upheld: Boolean!, $outcome: String!) {\n    recordCaseReviewAppealOutcome(id: $id, meetingId: $meetingId, upheld: $upheld, outcome: $outcome) {\n      ...CaseReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String, $orderBy: CaseOrder) {\n    cases(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          category\n          status\n          riskLevel\n          ward\n          openedAt\n          access\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseList($filter: CaseFilter, $first: Int, $after: String, $orderBy: CaseOrder) {\n    cases(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          category\n          status\n          riskLevel\n          ward\n          openedAt\n          access\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseUpdates($caseId: ID!) {\n    caseUpdates(caseId: $caseId) {\n      caseId\n      what\n      at\n      byAgency {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CaseUpdates($caseId: ID!) {\n    caseUpdates(caseId: $caseId) {\n      caseId\n      what\n      at\n      byAgency {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyWorkAction on CaseAction {\n    id\n    kind\n    description\n    status\n    dueAt\n    caseReference\n    case {\n      id\n    }\n    meeting {\n      id\n      title\n      startsAt\n    }\n    assignee {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment MyWorkAction on CaseAction {\n    id\n    kind\n    description\n    status\n    dueAt\n    caseReference\n    case {\n      id\n    }\n    meeting {\n      id\n      title\n      startsAt\n    }\n    assignee {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWork {\n    cases(filter: { status: [OPEN] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          reference\n          category\n          riskLevel\n          ward\n          openedAt\n          access\n          ownerAgency {\n            id\n            name\n          }\n          serviceClocks {\n            standard\n            state\n            dueAt\n            doneAt\n          }\n        }\n      }\n    }\n    agencyActions: myActions {\n      totalCount\n      overdueCount\n      actions {\n        ...MyWorkAction\n      }\n    }\n    assignedActions: myActions(assignedToMe: true) {\n      totalCount\n      overdueCount\n      actions {\n        ...MyWorkAction\n      }\n    }\n    meetings(upcoming: true) {\n      id\n      kind\n      title\n      startsAt\n      publishedAt\n    }\n  }\n"): (typeof documents)["\n  query MyWork {\n    cases(filter: { status: [OPEN] }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          reference\n          category\n          riskLevel\n          ward\n          openedAt\n          access\n          ownerAgency {\n            id\n            name\n          }\n          serviceClocks {\n            standard\n            state\n            dueAt\n            doneAt\n          }\n        }\n      }\n    }\n    agencyActions: myActions {\n      totalCount\n      overdueCount\n      actions {\n        ...MyWorkAction\n      }\n    }\n    assignedActions: myActions(assignedToMe: true) {\n      totalCount\n      overdueCount\n      actions {\n        ...MyWorkAction\n      }\n    }\n    meetings(upcoming: true) {\n      id\n      kind\n      title\n      startsAt\n      publishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertsAssignedToMe {\n    alertInbox(filter: { assignedToMe: true }, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          occurredAt\n          read\n          caseId\n          meetingId\n          case {\n            id\n            reference\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertsAssignedToMe {\n    alertInbox(filter: { assignedToMe: true }, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          occurredAt\n          read\n          caseId\n          meetingId\n          case {\n            id\n            reference\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) {\n      id\n      reference\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) {\n      id\n      reference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddParty($caseId: ID!, $input: PartyInput!) {\n    addParty(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddParty($caseId: ID!, $input: PartyInput!) {\n    addParty(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddLinkedParty($caseId: ID!, $input: PartyInput!, $samePersonAs: ID!) {\n    addLinkedParty(caseId: $caseId, input: $input, samePersonAs: $samePersonAs) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddLinkedParty($caseId: ID!, $input: PartyInput!, $samePersonAs: ID!) {\n    addLinkedParty(caseId: $caseId, input: $input, samePersonAs: $samePersonAs) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CasePeople($id: ID!) {\n    case(id: $id) {\n      id\n      parties {\n        id\n        person {\n          id\n          caseCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CasePeople($id: ID!) {\n    case(id: $id) {\n      id\n      parties {\n        id\n        person {\n          id\n          caseCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateParty($id: ID!, $input: UpdatePartyInput!) {\n    updateParty(id: $id, input: $input) {\n      id\n      role\n      anonymous\n      tenant\n      fullName\n      aliases\n      address\n      phone\n      dateOfBirth\n      tenancyType\n      rentArrears\n      tenancyBreaches\n      redactedFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateParty($id: ID!, $input: UpdatePartyInput!) {\n    updateParty(id: $id, input: $input) {\n      id\n      role\n      anonymous\n      tenant\n      fullName\n      aliases\n      address\n      phone\n      dateOfBirth\n      tenancyType\n      rentArrears\n      tenancyBreaches\n      redactedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCase($id: ID!, $expectedVersion: Int!, $input: UpdateCaseInput!) {\n    updateCase(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      summary\n      ward\n      riskLevel\n      policeIntelligence\n      supportNeeds\n      leadOfficer {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCase($id: ID!, $expectedVersion: Int!, $input: UpdateCaseInput!) {\n    updateCase(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      summary\n      ward\n      riskLevel\n      policeIntelligence\n      supportNeeds\n      leadOfficer {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCase($id: ID!, $expectedVersion: Int!, $input: CloseCaseInput!) {\n    closeCase(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      status\n      closedAt\n      closeReason\n      reporterToldAt\n    }\n  }\n"): (typeof documents)["\n  mutation CloseCase($id: ID!, $expectedVersion: Int!, $input: CloseCaseInput!) {\n    closeCase(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      status\n      closedAt\n      closeReason\n      reporterToldAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordContact($caseId: ID!, $input: ContactInput!) {\n    recordContact(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordContact($caseId: ID!, $input: ContactInput!) {\n    recordContact(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id\n      reference\n      category\n      status\n      riskLevel\n      ward\n      summary\n      address\n      openedAt\n      closedAt\n      closeReason\n      reporterToldAt\n      version\n      owned\n      access\n      hasSupportNeeds\n      supportNeeds\n      policeIntelligence\n      redactedFields\n      # What this user may do here: the portal asks rather than keeping a copy of the rules.\n      viewerCan {\n        share\n        readAuditTrail\n        placeLegalHold\n        releaseLegalHold\n        edit\n        close\n        recordSatisfaction\n        addParty\n        editPartyIdentifiers\n        editPartyTenancy\n        recordContact\n        recordDashAssessment\n        recordAsbRiskAssessment\n        agreeActionPlan\n        uploadEvidence\n        removeEvidence\n        withdrawFromMeeting\n        editPoliceIntelligence\n        editSupportNeeds\n        chooseLeadOfficer\n        transfer\n      }\n      possibleLeadOfficers {\n        id\n        displayName\n      }\n      pendingTransfer {\n        id\n        reason\n        keptAccess\n        offeredAt\n        toAgency {\n          id\n          name\n        }\n      }\n      ownerAgency {\n        id\n        name\n        kind\n      }\n      leadOfficer {\n        id\n        displayName\n      }\n      parties {\n        id\n        role\n        anonymous\n        tenant\n        fullName\n        aliases\n        address\n        phone\n        dateOfBirth\n        tenancyType\n        rentArrears\n        tenancyBreaches\n        redactedFields\n      }\n      incidents {\n        id\n        occurredAt\n        loggedAt\n        category\n        description\n        location\n        ward\n        redactedFields\n        loggedByAgency {\n          id\n          name\n        }\n      }\n      actions {\n        id\n        kind\n        legal\n        description\n        status\n        dueAt\n        createdAt\n        completedAt\n        outcome\n        servedAt\n        hearingAt\n        expiresAt\n        registered\n        lapseMonths\n        ownerAgency {\n          id\n          name\n        }\n        viewerCan {\n          update\n        }\n      }\n      contacts {\n        id\n        channel\n        contactedAt\n        note\n      }\n      serviceClocks {\n        standard\n        state\n        dueAt\n        doneAt\n      }\n      shares {\n        id\n        access\n        reason\n        lawfulBasis\n        lawfulBasisDetail\n        consent {\n          state\n          detail\n        }\n        sharedAt\n        redactedFields\n        agency {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id\n      reference\n      category\n      status\n      riskLevel\n      ward\n      summary\n      address\n      openedAt\n      closedAt\n      closeReason\n      reporterToldAt\n      version\n      owned\n      access\n      hasSupportNeeds\n      supportNeeds\n      policeIntelligence\n      redactedFields\n      # What this user may do here: the portal asks rather than keeping a copy of the rules.\n      viewerCan {\n        share\n        readAuditTrail\n        placeLegalHold\n        releaseLegalHold\n        edit\n        close\n        recordSatisfaction\n        addParty\n        editPartyIdentifiers\n        editPartyTenancy\n        recordContact\n        recordDashAssessment\n        recordAsbRiskAssessment\n        agreeActionPlan\n        uploadEvidence\n        removeEvidence\n        withdrawFromMeeting\n        editPoliceIntelligence\n        editSupportNeeds\n        chooseLeadOfficer\n        transfer\n      }\n      possibleLeadOfficers {\n        id\n        displayName\n      }\n      pendingTransfer {\n        id\n        reason\n        keptAccess\n        offeredAt\n        toAgency {\n          id\n          name\n        }\n      }\n      ownerAgency {\n        id\n        name\n        kind\n      }\n      leadOfficer {\n        id\n        displayName\n      }\n      parties {\n        id\n        role\n        anonymous\n        tenant\n        fullName\n        aliases\n        address\n        phone\n        dateOfBirth\n        tenancyType\n        rentArrears\n        tenancyBreaches\n        redactedFields\n      }\n      incidents {\n        id\n        occurredAt\n        loggedAt\n        category\n        description\n        location\n        ward\n        redactedFields\n        loggedByAgency {\n          id\n          name\n        }\n      }\n      actions {\n        id\n        kind\n        legal\n        description\n        status\n        dueAt\n        createdAt\n        completedAt\n        outcome\n        servedAt\n        hearingAt\n        expiresAt\n        registered\n        lapseMonths\n        ownerAgency {\n          id\n          name\n        }\n        viewerCan {\n          update\n        }\n      }\n      contacts {\n        id\n        channel\n        contactedAt\n        note\n      }\n      serviceClocks {\n        standard\n        state\n        dueAt\n        doneAt\n      }\n      shares {\n        id\n        access\n        reason\n        lawfulBasis\n        lawfulBasisDetail\n        consent {\n          state\n          detail\n        }\n        sharedAt\n        redactedFields\n        agency {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseRisk($id: ID!) {\n    case(id: $id) {\n      id\n      riskLevel\n      referralCriteria\n      asbRiskAssessments {\n        id\n        likelihood\n        impact\n        score\n        vulnerabilities\n        judgedHighRisk\n        riskLevel\n        concerns\n        assessedAt\n        reviewDueAt\n      }\n      dashAssessments {\n        id\n        score\n        highRisk\n        judgedHighRisk\n        concerns\n        assessedAt\n        reviewDueAt\n      }\n      caseReviewThreshold {\n        complaints\n        threshold\n        windowMonths\n        met\n        tellVictimAboutReview\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseRisk($id: ID!) {\n    case(id: $id) {\n      id\n      riskLevel\n      referralCriteria\n      asbRiskAssessments {\n        id\n        likelihood\n        impact\n        score\n        vulnerabilities\n        judgedHighRisk\n        riskLevel\n        concerns\n        assessedAt\n        reviewDueAt\n      }\n      dashAssessments {\n        id\n        score\n        highRisk\n        judgedHighRisk\n        concerns\n        assessedAt\n        reviewDueAt\n      }\n      caseReviewThreshold {\n        complaints\n        threshold\n        windowMonths\n        met\n        tellVictimAboutReview\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashQuestions {\n    dashQuestions {\n      number\n      text\n    }\n  }\n"): (typeof documents)["\n  query DashQuestions {\n    dashQuestions {\n      number\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDashAssessment($caseId: ID!, $input: DashAssessmentInput!) {\n    recordDashAssessment(caseId: $caseId, input: $input) {\n      id\n      score\n      highRisk\n    }\n  }\n"): (typeof documents)["\n  mutation RecordDashAssessment($caseId: ID!, $input: DashAssessmentInput!) {\n    recordDashAssessment(caseId: $caseId, input: $input) {\n      id\n      score\n      highRisk\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseEvidence($id: ID!) {\n    case(id: $id) {\n      id\n      redactedFields\n      evidence {\n        id\n        fileName\n        mediaType\n        byteSize\n        sha256\n        description\n        incidentId\n        uploadedAt\n        downloadPath\n        uploadedBy {\n          id\n          displayName\n        }\n        uploadedByAgency {\n          id\n          name\n        }\n      }\n    }\n    # What the API keeps, in words (it reads the type from the file's bytes).\n    evidenceTypes {\n      mediaType\n      name\n    }\n  }\n"): (typeof documents)["\n  query CaseEvidence($id: ID!) {\n    case(id: $id) {\n      id\n      redactedFields\n      evidence {\n        id\n        fileName\n        mediaType\n        byteSize\n        sha256\n        description\n        incidentId\n        uploadedAt\n        downloadPath\n        uploadedBy {\n          id\n          displayName\n        }\n        uploadedByAgency {\n          id\n          name\n        }\n      }\n    }\n    # What the API keeps, in words (it reads the type from the file's bytes).\n    evidenceTypes {\n      mediaType\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveEvidence($id: ID!, $reason: String!) {\n    removeEvidence(id: $id, reason: $reason)\n  }\n"): (typeof documents)["\n  mutation RemoveEvidence($id: ID!, $reason: String!) {\n    removeEvidence(id: $id, reason: $reason)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIncident($caseId: ID!, $input: IncidentInput!) {\n    logIncident(caseId: $caseId, input: $input) {\n      id\n      occurredAt\n    }\n  }\n"): (typeof documents)["\n  mutation LogIncident($caseId: ID!, $input: IncidentInput!) {\n    logIncident(caseId: $caseId, input: $input) {\n      id\n      occurredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriageQueue {\n    triageQueue {\n      id\n      channel\n      receivedAt\n      category\n      summary\n      ward\n      address\n      reporterName\n      reporterPhone\n      anonymous\n      subjectName\n      flags\n      matchingCases {\n        id\n        reference\n        category\n        ward\n        riskLevel\n        openedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query TriageQueue {\n    triageQueue {\n      id\n      channel\n      receivedAt\n      category\n      summary\n      ward\n      address\n      reporterName\n      reporterPhone\n      anonymous\n      subjectName\n      flags\n      matchingCases {\n        id\n        reference\n        category\n        ward\n        riskLevel\n        openedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TriageCount {\n    triageQueue {\n      id\n    }\n  }\n"): (typeof documents)["\n  query TriageCount {\n    triageQueue {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptIntakeReport($id: ID!, $riskLevel: RiskLevel!) {\n    acceptIntakeReport(id: $id, riskLevel: $riskLevel) {\n      id\n      reference\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptIntakeReport($id: ID!, $riskLevel: RiskLevel!) {\n    acceptIntakeReport(id: $id, riskLevel: $riskLevel) {\n      id\n      reference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachIntakeReport($id: ID!, $caseId: ID!) {\n    attachIntakeReport(id: $id, caseId: $caseId) {\n      id\n      status\n      caseId\n    }\n  }\n"): (typeof documents)["\n  mutation AttachIntakeReport($id: ID!, $caseId: ID!) {\n    attachIntakeReport(id: $id, caseId: $caseId) {\n      id\n      status\n      caseId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineIntakeReport($id: ID!, $reason: String!) {\n    declineIntakeReport(id: $id, reason: $reason) {\n      id\n      status\n      declineReason\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineIntakeReport($id: ID!, $reason: String!) {\n    declineIntakeReport(id: $id, reason: $reason) {\n      id\n      status\n      declineReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitIntakeReport($input: IntakeReportInput!) {\n    submitIntakeReport(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitIntakeReport($input: IntakeReportInput!) {\n    submitIntakeReport(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenCaseByReference($search: String!) {\n    cases(filter: { search: $search, status: [OPEN] }, first: 10) {\n      edges {\n        node {\n          id\n          reference\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenCaseByReference($search: String!) {\n    cases(filter: { search: $search, status: [OPEN] }, first: 10) {\n      edges {\n        node {\n          id\n          reference\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessRequests {\n    accessRequests {\n      id\n      status\n      reason\n      requestedAt\n      requestedBy {\n        id\n        displayName\n      }\n      requesterAgency {\n        id\n        name\n      }\n      case {\n        id\n        reference\n      }\n      decidedAt\n      decidedBy {\n        id\n        displayName\n      }\n      decisionReason\n      grantedAccess\n    }\n  }\n"): (typeof documents)["\n  query AccessRequests {\n    accessRequests {\n      id\n      status\n      reason\n      requestedAt\n      requestedBy {\n        id\n        displayName\n      }\n      requesterAgency {\n        id\n        name\n      }\n      case {\n        id\n        reference\n      }\n      decidedAt\n      decidedBy {\n        id\n        displayName\n      }\n      decisionReason\n      grantedAccess\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AccessRequestUpdates {\n    accessRequestUpdates {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription AccessRequestUpdates {\n    accessRequestUpdates {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideAccessRequest(\n    $id: ID!\n    $grant: Boolean!\n    $access: ShareAccess\n    $reason: String!\n    $basis: SharingBasisInput\n  ) {\n    decideAccessRequest(id: $id, grant: $grant, access: $access, reason: $reason, basis: $basis) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DecideAccessRequest(\n    $id: ID!\n    $grant: Boolean!\n    $access: ShareAccess\n    $reason: String!\n    $basis: SharingBasisInput\n  ) {\n    decideAccessRequest(id: $id, grant: $grant, access: $access, reason: $reason, basis: $basis) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDiscoverable($id: ID!) {\n    case(id: $id) {\n      id\n      discoverable\n    }\n  }\n"): (typeof documents)["\n  query CaseDiscoverable($id: ID!) {\n    case(id: $id) {\n      id\n      discoverable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCaseDiscoverable($caseId: ID!, $discoverable: Boolean!, $reason: String!) {\n    setCaseDiscoverable(caseId: $caseId, discoverable: $discoverable, reason: $reason) {\n      id\n      discoverable\n    }\n  }\n"): (typeof documents)["\n  mutation SetCaseDiscoverable($caseId: ID!, $discoverable: Boolean!, $reason: String!) {\n    setCaseDiscoverable(caseId: $caseId, discoverable: $discoverable, reason: $reason) {\n      id\n      discoverable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPeople($input: PersonSearchInput!) {\n    searchPeople(input: $input) {\n      visible {\n        case {\n          id\n          reference\n          category\n          status\n        }\n        party {\n          id\n          role\n          fullName\n          dateOfBirth\n        }\n      }\n      locked {\n        hitId\n        ownerAgency {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchPeople($input: PersonSearchInput!) {\n    searchPeople(input: $input) {\n      visible {\n        case {\n          id\n          reference\n          category\n          status\n        }\n        party {\n          id\n          role\n          fullName\n          dateOfBirth\n        }\n      }\n      locked {\n        hitId\n        ownerAgency {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestCaseAccess($hitId: ID!, $reason: String!) {\n    requestCaseAccess(hitId: $hitId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RequestCaseAccess($hitId: ID!, $reason: String!) {\n    requestCaseAccess(hitId: $hitId, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccessRequests {\n    myAccessRequests {\n      id\n      status\n      reason\n      requestedAt\n      decidedAt\n      decisionReason\n      grantedAccess\n      ownerAgency {\n        id\n        name\n      }\n      case {\n        id\n        reference\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAccessRequests {\n    myAccessRequests {\n      id\n      status\n      reason\n      requestedAt\n      decidedAt\n      decisionReason\n      grantedAccess\n      ownerAgency {\n        id\n        name\n      }\n      case {\n        id\n        reference\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LetterTemplateFields on LetterTemplate {\n    id\n    kind\n    name\n    body\n    version\n    retired\n    retiredAt\n    updatedAt\n    updatedBy\n  }\n"): (typeof documents)["\n  fragment LetterTemplateFields on LetterTemplate {\n    id\n    kind\n    name\n    body\n    version\n    retired\n    retiredAt\n    updatedAt\n    updatedBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LetterTemplates($includeRetired: Boolean) {\n    letterTemplates(includeRetired: $includeRetired) {\n      ...LetterTemplateFields\n    }\n    letterMergeFields {\n      key\n      label\n    }\n  }\n"): (typeof documents)["\n  query LetterTemplates($includeRetired: Boolean) {\n    letterTemplates(includeRetired: $includeRetired) {\n      ...LetterTemplateFields\n    }\n    letterMergeFields {\n      key\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LetterTemplateStarters {\n    letterTemplateStarters {\n      kind\n      name\n      body\n    }\n  }\n"): (typeof documents)["\n  query LetterTemplateStarters {\n    letterTemplateStarters {\n      kind\n      name\n      body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLetterTemplate($input: CreateLetterTemplateInput!) {\n    createLetterTemplate(input: $input) {\n      ...LetterTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLetterTemplate($input: CreateLetterTemplateInput!) {\n    createLetterTemplate(input: $input) {\n      ...LetterTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLetterTemplate($id: ID!, $expectedVersion: Int!, $input: LetterTemplateTextInput!) {\n    updateLetterTemplate(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...LetterTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLetterTemplate($id: ID!, $expectedVersion: Int!, $input: LetterTemplateTextInput!) {\n    updateLetterTemplate(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...LetterTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireLetterTemplate($id: ID!) {\n    retireLetterTemplate(id: $id) {\n      ...LetterTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation RetireLetterTemplate($id: ID!) {\n    retireLetterTemplate(id: $id) {\n      ...LetterTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {\n    previewLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {\n      text\n      withheldFields\n      missingFields\n      templateVersion\n    }\n  }\n"): (typeof documents)["\n  query PreviewLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {\n    previewLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {\n      text\n      withheldFields\n      missingFields\n      templateVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProduceLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {\n    produceLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {\n      withheldFields\n      missingFields\n      recordedAs\n      evidence {\n        id\n        fileName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProduceLetter($caseId: ID!, $templateId: ID!, $recipientPartyId: ID!) {\n    produceLetter(caseId: $caseId, templateId: $templateId, recipientPartyId: $recipientPartyId) {\n      withheldFields\n      missingFields\n      recordedAs\n      evidence {\n        id\n        fileName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCurrentAgendaItem($meetingId: ID!, $agendaItemId: ID) {\n    setCurrentAgendaItem(meetingId: $meetingId, agendaItemId: $agendaItemId) {\n      id\n      currentItemId\n    }\n  }\n"): (typeof documents)["\n  mutation SetCurrentAgendaItem($meetingId: ID!, $agendaItemId: ID) {\n    setCurrentAgendaItem(meetingId: $meetingId, agendaItemId: $agendaItemId) {\n      id\n      currentItemId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderAgenda($meetingId: ID!, $itemIds: [ID!]!) {\n    reorderAgenda(meetingId: $meetingId, itemIds: $itemIds) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderAgenda($meetingId: ID!, $itemIds: [ID!]!) {\n    reorderAgenda(meetingId: $meetingId, itemIds: $itemIds) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttendance($meetingId: ID!, $userId: ID!, $status: AttendanceStatus!, $informationSent: String) {\n    recordAttendance(meetingId: $meetingId, userId: $userId, status: $status, informationSent: $informationSent) {\n      userId\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAttendance($meetingId: ID!, $userId: ID!, $status: AttendanceStatus!, $informationSent: String) {\n    recordAttendance(meetingId: $meetingId, userId: $userId, status: $status, informationSent: $informationSent) {\n      userId\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgreeConfidentiality($meetingId: ID!) {\n    agreeConfidentiality(meetingId: $meetingId) {\n      id\n      confidentialityAgreed\n    }\n  }\n"): (typeof documents)["\n  mutation AgreeConfidentiality($meetingId: ID!) {\n    agreeConfidentiality(meetingId: $meetingId) {\n      id\n      confidentialityAgreed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMeetingAction($agendaItemId: ID!, $input: MeetingActionInput!) {\n    recordMeetingAction(agendaItemId: $agendaItemId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMeetingAction($agendaItemId: ID!, $input: MeetingActionInput!) {\n    recordMeetingAction(agendaItemId: $agendaItemId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseMeetingReferrals($id: ID!) {\n    case(id: $id) {\n      id\n      meetingReferrals {\n        agendaItemId\n        meetingTitle\n        meetingKind\n        startsAt\n        publishedAt\n        closedAt\n        reason\n        referredAt\n        withdrawnAt\n        referredByAgency {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseMeetingReferrals($id: ID!) {\n    case(id: $id) {\n      id\n      meetingReferrals {\n        agendaItemId\n        meetingTitle\n        meetingKind\n        startsAt\n        publishedAt\n        closedAt\n        reason\n        referredAt\n        withdrawnAt\n        referredByAgency {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawCaseFromMeeting($agendaItemId: ID!, $reason: String!) {\n    withdrawCaseFromMeeting(agendaItemId: $agendaItemId, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawCaseFromMeeting($agendaItemId: ID!, $reason: String!) {\n    withdrawCaseFromMeeting(agendaItemId: $agendaItemId, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAgenda($meetingId: ID!) {\n    publishAgenda(meetingId: $meetingId) {\n      id\n      publishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation PublishAgenda($meetingId: ID!) {\n    publishAgenda(meetingId: $meetingId) {\n      id\n      publishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseMeeting($meetingId: ID!) {\n    closeMeeting(meetingId: $meetingId) {\n      id\n      closedAt\n      currentItemId\n    }\n  }\n"): (typeof documents)["\n  mutation CloseMeeting($meetingId: ID!) {\n    closeMeeting(meetingId: $meetingId) {\n      id\n      closedAt\n      currentItemId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMinutes($agendaItemId: ID!, $minutes: String!) {\n    recordMinutes(agendaItemId: $agendaItemId, minutes: $minutes) {\n      id\n      minutes\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMinutes($agendaItemId: ID!, $minutes: String!) {\n    recordMinutes(agendaItemId: $agendaItemId, minutes: $minutes) {\n      id\n      minutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReferCase($meetingId: ID!, $caseId: ID!, $reason: ReferralReason!, $dashScore: Int, $concerns: String) {\n    referCase(meetingId: $meetingId, caseId: $caseId, reason: $reason, dashScore: $dashScore, concerns: $concerns) {\n      id\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation ReferCase($meetingId: ID!, $caseId: ID!, $reason: ReferralReason!, $dashScore: Int, $concerns: String) {\n    referCase(meetingId: $meetingId, caseId: $caseId, reason: $reason, dashScore: $dashScore, concerns: $concerns) {\n      id\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindCaseToRefer($search: String!) {\n    cases(filter: { search: $search, owned: true }, first: 5) {\n      edges {\n        node {\n          id\n          reference\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FindCaseToRefer($search: String!) {\n    cases(filter: { search: $search, owned: true }, first: 5) {\n      edges {\n        node {\n          id\n          reference\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordResearch($agendaItemId: ID!, $summary: String!) {\n    recordResearch(agendaItemId: $agendaItemId, summary: $summary) {\n      agencyId\n      summary\n    }\n  }\n"): (typeof documents)["\n  mutation RecordResearch($agendaItemId: ID!, $summary: String!) {\n    recordResearch(agendaItemId: $agendaItemId, summary: $summary) {\n      agencyId\n      summary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingAgencies {\n    agencies {\n      id\n      name\n    }\n    meetingChairs {\n      id\n      displayName\n      agencyName\n    }\n  }\n"): (typeof documents)["\n  query MeetingAgencies {\n    agencies {\n      id\n      name\n    }\n    meetingChairs {\n      id\n      displayName\n      agencyName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawAgendaItem($agendaItemId: ID!, $reason: String!) {\n    withdrawAgendaItem(agendaItemId: $agendaItemId, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawAgendaItem($agendaItemId: ID!, $reason: String!) {\n    withdrawAgendaItem(agendaItemId: $agendaItemId, reason: $reason) {\n      id\n      withdrawnAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingFields on Meeting {\n    id\n    kind\n    title\n    startsAt\n    publishedAt\n    closedAt\n    currentItemId\n    confidentialityStatement\n    confidentialityAgreed\n    version\n    viewerCan {\n      organise\n      chair\n    }\n    chair {\n      id\n      displayName\n    }\n    agencies {\n      id\n      name\n    }\n    attendance {\n      userId\n      displayName\n      agencyId\n      status\n      informationSent\n    }\n    agenda(includeWithdrawn: true) {\n      id\n      position\n      reason\n      dashScore\n      referredAt\n      withdrawnAt\n      withdrawnReason\n      concerns\n      minutes\n      referredByAgency {\n        id\n        name\n      }\n      dashAssessment {\n        id\n        score\n        highRisk\n      }\n      case {\n        id\n        reference\n        category\n        riskLevel\n        status\n        summary\n        ward\n      }\n      research {\n        agencyId\n        summary\n        recordedAt\n      }\n      actions {\n        ...MeetingActionFields\n      }\n      actionsNotDone {\n        ...MeetingActionFields\n      }\n      actionsNoLongerNeeded {\n        ...MeetingActionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MeetingFields on Meeting {\n    id\n    kind\n    title\n    startsAt\n    publishedAt\n    closedAt\n    currentItemId\n    confidentialityStatement\n    confidentialityAgreed\n    version\n    viewerCan {\n      organise\n      chair\n    }\n    chair {\n      id\n      displayName\n    }\n    agencies {\n      id\n      name\n    }\n    attendance {\n      userId\n      displayName\n      agencyId\n      status\n      informationSent\n    }\n    agenda(includeWithdrawn: true) {\n      id\n      position\n      reason\n      dashScore\n      referredAt\n      withdrawnAt\n      withdrawnReason\n      concerns\n      minutes\n      referredByAgency {\n        id\n        name\n      }\n      dashAssessment {\n        id\n        score\n        highRisk\n      }\n      case {\n        id\n        reference\n        category\n        riskLevel\n        status\n        summary\n        ward\n      }\n      research {\n        agencyId\n        summary\n        recordedAt\n      }\n      actions {\n        ...MeetingActionFields\n      }\n      actionsNotDone {\n        ...MeetingActionFields\n      }\n      actionsNoLongerNeeded {\n        ...MeetingActionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingActionFields on CaseAction {\n    id\n    kind\n    description\n    status\n    dueAt\n    outcome\n    ownerAgency {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment MeetingActionFields on CaseAction {\n    id\n    kind\n    description\n    status\n    dueAt\n    outcome\n    ownerAgency {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingDetail($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingFields\n    }\n  }\n"): (typeof documents)["\n  query MeetingDetail($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MeetingUpdates($meetingId: ID!) {\n    meetingUpdates(meetingId: $meetingId) {\n      ...MeetingFields\n    }\n  }\n"): (typeof documents)["\n  subscription MeetingUpdates($meetingId: ID!) {\n    meetingUpdates(meetingId: $meetingId) {\n      ...MeetingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingList {\n    upcoming: meetings(upcoming: true) {\n      id\n      kind\n      title\n      startsAt\n      publishedAt\n      chair {\n        id\n        displayName\n      }\n    }\n    past: meetings(upcoming: false) {\n      id\n      kind\n      title\n      startsAt\n      closedAt\n      chair {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingList {\n    upcoming: meetings(upcoming: true) {\n      id\n      kind\n      title\n      startsAt\n      publishedAt\n      chair {\n        id\n        displayName\n      }\n    }\n    past: meetings(upcoming: false) {\n      id\n      kind\n      title\n      startsAt\n      closedAt\n      chair {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecondFactorStatus {\n    me {\n      id\n      mfa {\n        enrolled\n        required\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecondFactorStatus {\n    me {\n      id\n      mfa {\n        enrolled\n        required\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment {\n      secret\n      qrCodeDataUrl\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment {\n      secret\n      qrCodeDataUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code)\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n"): (typeof documents)["\n  mutation DisableTotp($code: String!) {\n    disableTotp(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      kinds {\n        kind\n        delivery\n        chosen\n      }\n      digestHour\n      digestMinute\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences {\n      kinds {\n        kind\n        delivery\n        chosen\n      }\n      digestHour\n      digestMinute\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreferences($input: NotificationPreferencesInput!) {\n    setNotificationPreferences(input: $input) {\n      kinds {\n        kind\n        delivery\n        chosen\n      }\n      digestHour\n      digestMinute\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreferences($input: NotificationPreferencesInput!) {\n    setNotificationPreferences(input: $input) {\n      kinds {\n        kind\n        delivery\n        chosen\n      }\n      digestHour\n      digestMinute\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonMatches($fullName: String!, $dateOfBirth: String, $caseId: ID) {\n    personMatches(fullName: $fullName, dateOfBirth: $dateOfBirth, caseId: $caseId) {\n      partyId\n      personId\n      fullName\n      dateOfBirth\n      dateOfBirthAgrees\n      caseCount\n    }\n  }\n"): (typeof documents)["\n  query PersonMatches($fullName: String!, $dateOfBirth: String, $caseId: ID) {\n    personMatches(fullName: $fullName, dateOfBirth: $dateOfBirth, caseId: $caseId) {\n      partyId\n      personId\n      fullName\n      dateOfBirth\n      dateOfBirthAgrees\n      caseCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonMerges {\n    personMerges {\n      id\n      keptPersonId\n      mergedPersonId\n      partiesMoved\n      reason\n      mergedAt\n      undoneAt\n    }\n  }\n"): (typeof documents)["\n  query PersonMerges {\n    personMerges {\n      id\n      keptPersonId\n      mergedPersonId\n      partiesMoved\n      reason\n      mergedAt\n      undoneAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergePeople($keepId: ID!, $mergeId: ID!, $reason: String!) {\n    mergePeople(keepId: $keepId, mergeId: $mergeId, reason: $reason) {\n      id\n      partiesMoved\n    }\n  }\n"): (typeof documents)["\n  mutation MergePeople($keepId: ID!, $mergeId: ID!, $reason: String!) {\n    mergePeople(keepId: $keepId, mergeId: $mergeId, reason: $reason) {\n      id\n      partiesMoved\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoPersonMerge($mergeId: ID!, $reason: String!) {\n    undoPersonMerge(mergeId: $mergeId, reason: $reason) {\n      id\n      undoneAt\n    }\n  }\n"): (typeof documents)["\n  mutation UndoPersonMerge($mergeId: ID!, $reason: String!) {\n    undoPersonMerge(mergeId: $mergeId, reason: $reason) {\n      id\n      undoneAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Person($id: ID!) {\n    person(id: $id) {\n      id\n      names\n      aliases\n      datesOfBirth\n      addresses\n      caseCount\n      cases {\n        id\n        reference\n        category\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query Person($id: ID!) {\n    person(id: $id) {\n      id\n      names\n      aliases\n      datesOfBirth\n      addresses\n      caseCount\n      cases {\n        id\n        reference\n        category\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Exceptions($days: Int!) {\n    exceptions(notUpdatedDays: $days) {\n      notUpdated {\n        lastActivityAt\n        case {\n          id\n          reference\n          category\n          riskLevel\n          ward\n        }\n      }\n      standardsBreached {\n        lastActivityAt\n        case {\n          id\n          reference\n          category\n          riskLevel\n        }\n        breaches {\n          standard\n          dueAt\n          doneAt\n        }\n      }\n      overdueActions {\n        id\n        kind\n        description\n        dueAt\n        caseId\n        case {\n          id\n          reference\n        }\n        assignee {\n          id\n          displayName\n        }\n      }\n      closedWithoutTellingReporter {\n        id\n        reference\n        category\n        status\n        closedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Exceptions($days: Int!) {\n    exceptions(notUpdatedDays: $days) {\n      notUpdated {\n        lastActivityAt\n        case {\n          id\n          reference\n          category\n          riskLevel\n          ward\n        }\n      }\n      standardsBreached {\n        lastActivityAt\n        case {\n          id\n          reference\n          category\n          riskLevel\n        }\n        breaches {\n          standard\n          dueAt\n          doneAt\n        }\n      }\n      overdueActions {\n        id\n        kind\n        description\n        dueAt\n        caseId\n        case {\n          id\n          reference\n        }\n        assignee {\n          id\n          displayName\n        }\n      }\n      closedWithoutTellingReporter {\n        id\n        reference\n        category\n        status\n        closedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseStatistics($input: CaseStatisticsInput!) {\n    caseStatistics(input: $input) {\n      opened\n      closedResolved\n      closedUnresolved\n      live\n      incidents\n      byCategory {\n        category\n        count\n      }\n      byWard {\n        ward\n        count\n      }\n      interventions {\n        kind\n        legal\n        count\n      }\n      legalInterventions\n      nonLegalInterventions\n      serviceStandards {\n        standard\n        met\n        breached\n        due\n        metPercent\n      }\n      casesPerThousandHomes\n      hateCasesPerThousandHomes\n      incidentsByWard {\n        ward\n        count\n      }\n      incidentsByLocation {\n        location\n        ward\n        count\n      }\n      sharesByLawfulBasis {\n        lawfulBasis\n        count\n      }\n      sharesByConsent {\n        consent\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseStatistics($input: CaseStatisticsInput!) {\n    caseStatistics(input: $input) {\n      opened\n      closedResolved\n      closedUnresolved\n      live\n      incidents\n      byCategory {\n        category\n        count\n      }\n      byWard {\n        ward\n        count\n      }\n      interventions {\n        kind\n        legal\n        count\n      }\n      legalInterventions\n      nonLegalInterventions\n      serviceStandards {\n        standard\n        met\n        breached\n        due\n        metPercent\n      }\n      casesPerThousandHomes\n      hateCasesPerThousandHomes\n      incidentsByWard {\n        ward\n        count\n      }\n      incidentsByLocation {\n        location\n        ward\n        count\n      }\n      sharesByLawfulBasis {\n        lawfulBasis\n        count\n      }\n      sharesByConsent {\n        consent\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaracStatistics($input: MaracStatisticsInput!) {\n    maracStatistics(input: $input) {\n      meetings\n      casesHeard\n      repeatCases\n      repeatPercent\n      referredByPartners\n      referredByPartnersPercent\n      actionsDue\n      actionsCompletedOnTime\n      actionsCompletedOnTimePercent\n      adultFemalePopulation\n      casesPer10kAdultWomen\n      referralsByAgencyKind {\n        kind\n        count\n      }\n      supportEngaged\n      supportEngagedPercent\n      victimsAged16To17\n      victimsWithDateOfBirth\n      notRecorded {\n        item\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query MaracStatistics($input: MaracStatisticsInput!) {\n    maracStatistics(input: $input) {\n      meetings\n      casesHeard\n      repeatCases\n      repeatPercent\n      referredByPartners\n      referredByPartnersPercent\n      actionsDue\n      actionsCompletedOnTime\n      actionsCompletedOnTimePercent\n      adultFemalePopulation\n      casesPer10kAdultWomen\n      referralsByAgencyKind {\n        kind\n        count\n      }\n      supportEngaged\n      supportEngagedPercent\n      victimsAged16To17\n      victimsWithDateOfBirth\n      notRecorded {\n        item\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnershipStatistics($input: CaseStatisticsInput!) {\n    partnershipStatistics(input: $input) {\n      opened\n      closedResolved\n      closedUnresolved\n      live\n      incidents\n      byCategory {\n        category\n        count\n      }\n      byWard {\n        ward\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnershipStatistics($input: CaseStatisticsInput!) {\n    partnershipStatistics(input: $input) {\n      opened\n      closedResolved\n      closedUnresolved\n      live\n      incidents\n      byCategory {\n        category\n        count\n      }\n      byWard {\n        ward\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseStatisticsSeries($input: CaseStatisticsSeriesInput!, $scope: FigureScope!) {\n    caseStatisticsSeries(input: $input, scope: $scope) {\n      interval\n      scope\n      suppressedBelow\n      points {\n        label\n        current {\n          from\n          to\n          opened\n          closedResolved\n          closedUnresolved\n          live\n          incidents\n        }\n        yearEarlier {\n          from\n          to\n          opened\n          closedResolved\n          closedUnresolved\n          live\n          incidents\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseStatisticsSeries($input: CaseStatisticsSeriesInput!, $scope: FigureScope!) {\n    caseStatisticsSeries(input: $input, scope: $scope) {\n      interval\n      scope\n      suppressedBelow\n      points {\n        label\n        current {\n          from\n          to\n          opened\n          closedResolved\n          closedUnresolved\n          live\n          incidents\n        }\n        yearEarlier {\n          from\n          to\n          opened\n          closedResolved\n          closedUnresolved\n          live\n          incidents\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseLegalHold($id: ID!) {\n    case(id: $id) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseLegalHold($id: ID!) {\n    case(id: $id) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RetentionCandidateFields on RetentionCandidate {\n    closedAt\n    case {\n      id\n      reference\n      category\n    }\n    legalHold {\n      reason\n      placedAt\n      placedBy\n    }\n  }\n"): (typeof documents)["\n  fragment RetentionCandidateFields on RetentionCandidate {\n    closedAt\n    case {\n      id\n      reference\n      category\n    }\n    legalHold {\n      reason\n      placedAt\n      placedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionReview {\n    retentionReview {\n      retentionYears\n      closedBefore\n      declinedReportsDue\n      due {\n        ...RetentionCandidateFields\n      }\n      held {\n        ...RetentionCandidateFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query RetentionReview {\n    retentionReview {\n      retentionYears\n      closedBefore\n      declinedReportsDue\n      due {\n        ...RetentionCandidateFields\n      }\n      held {\n        ...RetentionCandidateFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyRetention($expectedCount: Int!, $caseIds: [ID!]) {\n    applyRetention(expectedCount: $expectedCount, caseIds: $caseIds)\n  }\n"): (typeof documents)["\n  mutation ApplyRetention($expectedCount: Int!, $caseIds: [ID!]) {\n    applyRetention(expectedCount: $expectedCount, caseIds: $caseIds)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceLegalHold($caseId: ID!, $reason: String!) {\n    placeLegalHold(caseId: $caseId, reason: $reason) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceLegalHold($caseId: ID!, $reason: String!) {\n    placeLegalHold(caseId: $caseId, reason: $reason) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseLegalHold($caseId: ID!, $reason: String!) {\n    releaseLegalHold(caseId: $caseId, reason: $reason) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseLegalHold($caseId: ID!, $reason: String!) {\n    releaseLegalHold(caseId: $caseId, reason: $reason) {\n      id\n      legalHold {\n        reason\n        placedAt\n        placedBy\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseSatisfaction($id: ID!) {\n    case(id: $id) {\n      id\n      satisfaction {\n        id\n        createdAt\n        expiresAt\n        answeredAt\n        serviceScore\n        outcomeScore\n        comment\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseSatisfaction($id: ID!) {\n    case(id: $id) {\n      id\n      satisfaction {\n        id\n        createdAt\n        expiresAt\n        answeredAt\n        serviceScore\n        outcomeScore\n        comment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendSatisfactionSurvey($caseId: ID!) {\n    sendSatisfactionSurvey(caseId: $caseId) {\n      path\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SendSatisfactionSurvey($caseId: ID!) {\n    sendSatisfactionSurvey(caseId: $caseId) {\n      path\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSatisfaction($caseId: ID!, $input: SatisfactionInput!) {\n    recordSatisfaction(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSatisfaction($caseId: ID!, $input: SatisfactionInput!) {\n    recordSatisfaction(caseId: $caseId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurveyLinkOpen($token: String!) {\n    surveyLinkOpen(token: $token)\n  }\n"): (typeof documents)["\n  query SurveyLinkOpen($token: String!) {\n    surveyLinkOpen(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerSatisfactionSurvey($token: String!, $input: SatisfactionInput!) {\n    answerSatisfactionSurvey(token: $token, input: $input)\n  }\n"): (typeof documents)["\n  mutation AnswerSatisfactionSurvey($token: String!, $input: SatisfactionInput!) {\n    answerSatisfactionSurvey(token: $token, input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceStandards {\n    serviceStandards {\n      contactWorkingDays\n      actionPlanWorkingDays\n      homes\n    }\n  }\n"): (typeof documents)["\n  query ServiceStandards {\n    serviceStandards {\n      contactWorkingDays\n      actionPlanWorkingDays\n      homes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateServiceStandards($input: ServiceStandardsInput!) {\n    updateServiceStandards(input: $input) {\n      contactWorkingDays\n      actionPlanWorkingDays\n      homes\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateServiceStandards($input: ServiceStandardsInput!) {\n    updateServiceStandards(input: $input) {\n      contactWorkingDays\n      actionPlanWorkingDays\n      homes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agencies {\n    agencies {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query Agencies {\n    agencies {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareCase($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!, $basis: SharingBasisInput) {\n    shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason, basis: $basis) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ShareCase($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!, $basis: SharingBasisInput) {\n    shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason, basis: $basis) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeShare($caseId: ID!, $agencyId: ID!) {\n    revokeCaseShare(caseId: $caseId, agencyId: $agencyId)\n  }\n"): (typeof documents)["\n  mutation RevokeShare($caseId: ID!, $agencyId: ID!) {\n    revokeCaseShare(caseId: $caseId, agencyId: $agencyId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubjectAccessRequestFields on SubjectAccessRequest {\n    id\n    reference\n    status\n    receivedAt\n    dueAt\n    daysRemaining\n    overdue\n    extensionMonths\n    requester\n    caseId\n    caseReference\n    subjectName\n    exportedAt\n    exportedBy\n    pdfPath\n    jsonPath\n  }\n"): (typeof documents)["\n  fragment SubjectAccessRequestFields on SubjectAccessRequest {\n    id\n    reference\n    status\n    receivedAt\n    dueAt\n    daysRemaining\n    overdue\n    extensionMonths\n    requester\n    caseId\n    caseReference\n    subjectName\n    exportedAt\n    exportedBy\n    pdfPath\n    jsonPath\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectAccessRequests {\n    subjectAccessRequests {\n      ...SubjectAccessRequestFields\n    }\n  }\n"): (typeof documents)["\n  query SubjectAccessRequests {\n    subjectAccessRequests {\n      ...SubjectAccessRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectAccessPeople($search: String!) {\n    cases(first: 20, filter: { owned: true, search: $search }) {\n      edges {\n        node {\n          id\n          reference\n          parties {\n            id\n            role\n            fullName\n            dateOfBirth\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SubjectAccessPeople($search: String!) {\n    cases(first: 20, filter: { owned: true, search: $search }) {\n      edges {\n        node {\n          id\n          reference\n          parties {\n            id\n            role\n            fullName\n            dateOfBirth\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSubjectAccessRequest($input: CreateSubjectAccessRequestInput!) {\n    createSubjectAccessRequest(input: $input) {\n      ...SubjectAccessRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSubjectAccessRequest($input: CreateSubjectAccessRequestInput!) {\n    createSubjectAccessRequest(input: $input) {\n      ...SubjectAccessRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSubjectAccessRequest($id: ID!) {\n    completeSubjectAccessRequest(id: $id) {\n      ...SubjectAccessRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSubjectAccessRequest($id: ID!) {\n    completeSubjectAccessRequest(id: $id) {\n      ...SubjectAccessRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenSubjectAccess {\n    subjectAccessRequests(status: OPEN) {\n      id\n      overdue\n    }\n  }\n"): (typeof documents)["\n  query OpenSubjectAccess {\n    subjectAccessRequests(status: OPEN) {\n      id\n      overdue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseTransferOffers {\n    caseTransferOffers {\n      id\n      reference\n      category\n      reason\n      keptAccess\n      offeredAt\n      viewerCanDecide\n      fromAgency {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseTransferOffers {\n    caseTransferOffers {\n      id\n      reference\n      category\n      reason\n      keptAccess\n      offeredAt\n      viewerCanDecide\n      fromAgency {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptCaseTransfer($id: ID!) {\n    acceptCaseTransfer(id: $id) {\n      id\n      reference\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptCaseTransfer($id: ID!) {\n    acceptCaseTransfer(id: $id) {\n      id\n      reference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineCaseTransfer($id: ID!, $reason: String!) {\n    declineCaseTransfer(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineCaseTransfer($id: ID!, $reason: String!) {\n    declineCaseTransfer(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransferAgencies {\n    agencies {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query TransferAgencies {\n    agencies {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OfferCaseTransfer($input: OfferCaseTransferInput!) {\n    offerCaseTransfer(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation OfferCaseTransfer($input: OfferCaseTransferInput!) {\n    offerCaseTransfer(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawCaseTransfer($id: ID!) {\n    withdrawCaseTransfer(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawCaseTransfer($id: ID!) {\n    withdrawCaseTransfer(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedUsers {\n    agencies {\n      id\n      name\n    }\n    users {\n      id\n      email\n      displayName\n      roles\n      active\n      agency {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ManagedUsers {\n    agencies {\n      id\n      name\n    }\n    users {\n      id\n      email\n      displayName\n      roles\n      active\n      agency {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminGrants {\n    adminGrants {\n      id\n      expiresAt\n      user {\n        id\n        displayName\n      }\n      requestedBy {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminGrants {\n    adminGrants {\n      id\n      expiresAt\n      user {\n        id\n        displayName\n      }\n      requestedBy {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      id\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {\n    setUserRoles(userId: $userId, roles: $roles) {\n      id\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateManagedUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateManagedUser($id: ID!) {\n    deactivateUser(id: $id) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      id\n      active\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetSecondFactor($userId: ID!) {\n    resetSecondFactor(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation ResetSecondFactor($userId: ID!) {\n    resetSecondFactor(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndManagedUserSessions($userId: ID!) {\n    endSessionsOfUser(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation EndManagedUserSessions($userId: ID!) {\n    endSessionsOfUser(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteManagedUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      displayName\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation InviteManagedUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      displayName\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveAdminGrant($id: ID!) {\n    approveAdminGrant(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveAdminGrant($id: ID!) {\n    approveAdminGrant(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefuseAdminGrant($id: ID!) {\n    refuseAdminGrant(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RefuseAdminGrant($id: ID!) {\n    refuseAdminGrant(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      kinds\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      id\n      url\n      kinds\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          alertId\n          kind\n          status\n          attempts\n          createdAt\n          lastAttemptAt\n          nextAttemptAt\n          lastStatus\n          lastResponse\n          lastError\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($webhookId: ID!) {\n    webhookDeliveries(webhookId: $webhookId, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          alertId\n          kind\n          status\n          attempts\n          createdAt\n          lastAttemptAt\n          nextAttemptAt\n          lastStatus\n          lastResponse\n          lastError\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterWebhook($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterWebhook($input: RegisterWebhookInput!) {\n    registerWebhook(input: $input) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      webhook {\n        id\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWebhook($id: ID!) {\n    removeWebhook(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveWebhook($id: ID!) {\n    removeWebhook(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryWebhookDelivery($id: ID!) {\n    retryWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RetryWebhookDelivery($id: ID!) {\n    retryWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseActivity {\n    caseActivity {\n      caseId\n      what\n    }\n  }\n"): (typeof documents)["\n  subscription CaseActivity {\n    caseActivity {\n      caseId\n      what\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;