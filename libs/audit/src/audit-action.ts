import { registerEnumType } from '@nestjs/graphql';

/** What happened to a case, as its audit trail records it. */
export enum AuditAction {
  CASE_CREATED = 'CASE_CREATED',
  CASE_VIEWED = 'CASE_VIEWED',
  CASE_UPDATED = 'CASE_UPDATED',
  CASE_CLOSED = 'CASE_CLOSED',
  CASE_SHARED = 'CASE_SHARED',
  SHARE_REVOKED = 'SHARE_REVOKED',
  PARTY_ADDED = 'PARTY_ADDED',
  PARTY_UPDATED = 'PARTY_UPDATED',
  INCIDENT_LOGGED = 'INCIDENT_LOGGED',
  ACTION_ADDED = 'ACTION_ADDED',
  ACTION_UPDATED = 'ACTION_UPDATED',
  CONTACT_RECORDED = 'CONTACT_RECORDED',
  CASE_EXPORTED = 'CASE_EXPORTED',
  DASH_ASSESSED = 'DASH_ASSESSED',
  CASE_REFERRED = 'CASE_REFERRED',
  CASE_WITHDRAWN_FROM_MEETING = 'CASE_WITHDRAWN_FROM_MEETING',
  ASB_RISK_ASSESSED = 'ASB_RISK_ASSESSED',
  ACTION_PLAN_AGREED = 'ACTION_PLAN_AGREED',
  EVIDENCE_ADDED = 'EVIDENCE_ADDED',
  EVIDENCE_DOWNLOADED = 'EVIDENCE_DOWNLOADED',
  EVIDENCE_REMOVED = 'EVIDENCE_REMOVED',
  LEGAL_HOLD_PLACED = 'LEGAL_HOLD_PLACED',
  LEGAL_HOLD_RELEASED = 'LEGAL_HOLD_RELEASED',
  RETENTION_APPLIED = 'RETENTION_APPLIED',
  CASE_REVIEW_REQUESTED = 'CASE_REVIEW_REQUESTED',
  CASE_REVIEW_ACKNOWLEDGED = 'CASE_REVIEW_ACKNOWLEDGED',
  CASE_REVIEW_DECIDED = 'CASE_REVIEW_DECIDED',
}

registerEnumType(AuditAction, { name: 'AuditAction', description: 'What happened to a case' });

/** One changed field: values are kept whole in the trail and withheld from readers of the trail who may not read them. */
export interface FieldChange {
  /** `field` for the case record, `parties.<id>.field` for a party. */
  field: string;
  from: unknown;
  to: unknown;
}
