import { Field, ObjectType } from '@nestjs/graphql';
import type { PortalAbility } from '#libs/access';

/**
 * What the signed-in user may do across the portal, asked of the same ability with the same action and subject
 * as each operation's `@Allow` (the guard asks `ability.can(action, subject)`): the portal shows a page, a
 * navigation item or a form from these rather than reading roles. Permission only; a row an operation then
 * reads is scoped as usual (a case, a meeting, the agency's own figures).
 */
@ObjectType({
  description:
    'What you may do across the portal, by the rules the API applies: ask this rather than copying the rules',
})
export class UserViewerCan {
  @Field({ description: 'case, cases, meetings and the other casework queries (an administrator alone reads no case)' })
  readCases: boolean;

  @Field({ description: 'createCase' })
  createCase: boolean;

  @Field({ description: "triageQueue: your agency's reports waiting for triage" })
  triage: boolean;

  @Field({ description: 'scheduleMeeting' })
  createMeeting: boolean;

  @Field({ description: 'caseStatistics, partnershipStatistics and exceptions' })
  readCaseFigures: boolean;

  @Field({ description: 'maracStatistics' })
  readMeetingFigures: boolean;

  @Field({ description: 'retentionReview and applyRetention' })
  applyRetention: boolean;

  @Field({ description: 'updateServiceStandards' })
  updateServiceStandards: boolean;

  @Field({ description: 'createAgency, createUser, deactivateUser, users: the administration page' })
  administer: boolean;

  @Field({
    description:
      'users, inviteUser, setUserRoles, deactivateUser, reactivateUser, resetSecondFactor, endSessionsOfUser: the users you manage (every agency’s for administrators, your own agency’s for agency administrators)',
  })
  manageUsers: boolean;

  @Field({ description: 'createApiKey, revokeApiKey, apiKeys: your agency’s partner-system keys' })
  manageApiKeys: boolean;

  @Field({
    description:
      'registerWebhook, webhooks, updateWebhook, rotateWebhookSecret, removeWebhook, webhookDeliveries, retryWebhookDelivery: your agency’s webhook endpoints',
  })
  manageWebhooks: boolean;

  @Field({
    description:
      'createSubjectAccessRequest, subjectAccessRequests, extendSubjectAccessRequest, completeSubjectAccessRequest and the subject access exports: your agency’s subject access requests',
  })
  answerSubjectAccess: boolean;
  @Field({ description: 'searchPeople, requestCaseAccess, myAccessRequests: finding a person across the partnership' })
  searchPeople: boolean;

  @Field({ description: 'accessRequests, decideAccessRequest, accessRequestUpdates: requests for your agency’s cases' })
  decideAccessRequests: boolean;

  @Field({ description: 'acceptCaseTransfer, declineCaseTransfer: cases other agencies offer to yours (managers)' })
  decideCaseTransfers: boolean;

  @Field({
    description: 'mergePeople, undoPersonMerge, personMerges: merging person records your agency can see (managers)',
  })
  mergePeople: boolean;

  @Field({
    description:
      'createLetterTemplate, updateLetterTemplate, retireLetterTemplate: your agency’s letter templates (managers)',
  })
  manageLetterTemplates: boolean;

  @Field({ description: 'logCaseReviewApplication: the Case Reviews area of the single point of contact' })
  logCaseReviews: boolean;

  @Field({
    description: 'caseReviewFigures: the ASB Case Review figures your agency publishes (managers and the SPOC)',
  })
  readCaseReviewFigures: boolean;
}

export function userViewerCan(ability: PortalAbility): UserViewerCan {
  return {
    readCases: ability.can('read', 'Case'),
    createCase: ability.can('create', 'Case'),
    triage: ability.can('read', 'IntakeReport'),
    createMeeting: ability.can('create', 'Meeting'),
    readCaseFigures: ability.can('readFigures', 'Case'),
    readMeetingFigures: ability.can('readFigures', 'Meeting'),
    applyRetention: ability.can('retain', 'Case'),
    updateServiceStandards: ability.can('update', 'ServiceStandards'),
    // The administration page is the partnership administrator's: agencies first (an agency's administrator
    // also creates users, of their own agency only, on the users page).
    administer: ability.can('create', 'Agency'),
    manageUsers: ability.can('update', 'User'),
    manageApiKeys: ability.can('create', 'ApiKey'),
    manageWebhooks: ability.can('create', 'Webhook'),
    answerSubjectAccess: ability.can('create', 'SubjectAccessRequest'),
    searchPeople: ability.can('read', 'PersonSearch'),
    decideAccessRequests: ability.can('approve', 'AccessRequest'),
    mergePeople: ability.can('merge', 'Person'),
    manageLetterTemplates: ability.can('create', 'LetterTemplate'),
    decideCaseTransfers: ability.can('decide', 'CaseTransfer'),
    logCaseReviews: ability.can('create', 'CaseReview'),
    readCaseReviewFigures: ability.can('readFigures', 'CaseReview'),
  };
}
