import { subject } from '@casl/ability';
import { Field, ObjectType } from '@nestjs/graphql';
import type { PortalAbility } from '#libs/access';
import type { Case } from './case.model.js';
import { caseAttributes } from './case-record.js';

/**
 * What the caller may do to one case, asked of the same ability, with the same subjects, as the mutations ask
 * it (CasesService.require, assertWritable, the evidence and meeting services): the portal shows or hides an
 * action from these rather than keeping a copy of the rules. Permission only: a state the action also needs
 * (an open case, a closed one for satisfaction) is the case's own fields.
 */
@ObjectType({
  description: 'What you may do to this case, by the rules the API applies (permission only, not the case’s state)',
})
export class CaseViewerCan {
  @Field({ description: 'shareCase' })
  share: boolean;

  @Field({ description: 'revokeCaseShare' })
  revokeShare: boolean;

  @Field({ description: 'caseAuditTrail and the disclosure log' })
  readAuditTrail: boolean;

  @Field({ description: 'placeLegalHold' })
  placeLegalHold: boolean;

  @Field({ description: 'releaseLegalHold' })
  releaseLegalHold: boolean;

  @Field({ description: 'updateCase: the case basics' })
  edit: boolean;

  @Field({ description: 'closeCase' })
  close: boolean;

  @Field({ description: 'recordSatisfaction, once the case is closed' })
  recordSatisfaction: boolean;

  @Field({ description: 'logIncident' })
  logIncident: boolean;

  @Field({ description: 'addAction' })
  addAction: boolean;

  @Field({ description: 'addParty' })
  addParty: boolean;

  @Field({ description: "updateParty: a party's personal identifiers" })
  editPartyIdentifiers: boolean;

  @Field({ description: "updateParty: a party's tenancy information" })
  editPartyTenancy: boolean;

  @Field({ description: 'recordContact: a contact with the reporter' })
  recordContact: boolean;

  @Field({ description: 'recordDashAssessment' })
  recordDashAssessment: boolean;

  @Field({ description: 'recordAsbRiskAssessment' })
  recordAsbRiskAssessment: boolean;

  @Field({ description: 'agreeActionPlan' })
  agreeActionPlan: boolean;

  @Field({ description: 'Upload evidence (POST /evidence/cases/:caseId)' })
  uploadEvidence: boolean;

  @Field({ description: 'removeEvidence' })
  removeEvidence: boolean;

  @Field({ description: 'requestCaseReview' })
  requestCaseReview: boolean;

  @Field({ description: 'Acknowledge and decide a Case Review' })
  decideCaseReview: boolean;

  @Field({ description: 'withdrawCaseFromMeeting: take the case off an agenda' })
  withdrawFromMeeting: boolean;

  @Field({ description: 'updateCase: policeIntelligence' })
  editPoliceIntelligence: boolean;

  @Field({ description: 'updateCase: supportNeeds' })
  editSupportNeeds: boolean;

  @Field({ description: 'updateCase: leadOfficerId, chosen from Case.possibleLeadOfficers' })
  chooseLeadOfficer: boolean;

  @Field({ description: 'offerCaseTransfer: hand the case to another agency' })
  transfer: boolean;
}

/**
 * `agencyId` is the caller's agency. A case reached only as a meeting attendee (not held: no share) gives an
 * empty share list, so every row action is refused there, as `require` refuses it with NOT_FOUND.
 */
export function caseViewerCan(ability: PortalAbility, kase: Case, agencyId: string | undefined): CaseViewerCan {
  const shared = agencyId !== undefined && kase.relation !== 'OWNER' && kase.held !== false;
  // The subject CasesService.require builds: the owner, and (of the share list) whether it names the caller.
  const row = subject('Case', { ownerAgencyId: kase.ownerAgencyId, sharedWithAgencyIds: shared ? [agencyId] : [] });
  const fields = subject('Case', caseAttributes(kase));
  const party = subject('Party', { access: kase.relation, caseCategory: kase.category });
  const can = (
    action: 'share' | 'readAudit' | 'hold' | 'update' | 'close' | 'contribute' | 'decideReview' | 'transfer',
  ) => ability.can(action, row);
  const contributes = can('contribute');
  const writes = (field: string) => contributes && ability.can('writeField', fields, field);
  const writesParty = (field: string) => contributes && ability.can('writeField', party, field);
  return {
    share: can('share'),
    revokeShare: can('share'),
    readAuditTrail: can('readAudit'),
    placeLegalHold: can('hold'),
    releaseLegalHold: can('hold'),
    edit: can('update') && ability.can('writeField', fields, 'summary'),
    close: can('close'),
    recordSatisfaction: can('close'),
    logIncident: contributes,
    addAction: contributes,
    addParty: writesParty('role'),
    editPartyIdentifiers: writesParty('fullName'),
    editPartyTenancy: writesParty('tenancyType'),
    recordContact: writes('contacts'),
    recordDashAssessment: writes('dashAssessments'),
    recordAsbRiskAssessment: writes('asbRiskAssessments'),
    agreeActionPlan: writes('actionPlans'),
    uploadEvidence: writes('evidence'),
    // EvidenceService.remove (of a file it may read) and AgendaService.withdrawByOwner ask these subjects.
    removeEvidence:
      ability.can('readField', fields, 'evidence') &&
      ability.can('remove', subject('EvidenceFile', { caseOwnerAgencyId: kase.ownerAgencyId })),
    requestCaseReview: contributes,
    decideCaseReview: can('decideReview'),
    withdrawFromMeeting: ability.can('share', subject('Case', { ownerAgencyId: kase.ownerAgencyId })),
    // CasesService.update: the row rule, then assertWritable on each field given.
    editPoliceIntelligence: can('update') && ability.can('writeField', fields, 'policeIntelligence'),
    editSupportNeeds: can('update') && ability.can('writeField', fields, 'supportNeeds'),
    chooseLeadOfficer: can('update') && ability.can('writeField', fields, 'leadOfficerId'),
    transfer: can('transfer'),
  };
}
