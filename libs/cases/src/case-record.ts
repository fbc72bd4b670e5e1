import { type CaseAccess, type PortalAbility, readGovernedFields, redact } from '#libs/access';

const CASE_GOVERNED = readGovernedFields('Case');
const PARTY_GOVERNED = readGovernedFields('Party');
import {
  type CaseCategory,
  type CaseStatus,
  type PartyRole,
  type RiskLevel,
  ShareAccess,
  type TenancyType,
} from '#libs/common';
import type { Case, Party } from './case.model.js';

/** A cases row as SQL returns it, with the caller's relation to it worked out in the same statement. */
export interface CaseRow {
  id: string;
  reference: string;
  category: CaseCategory;
  status: CaseStatus;
  risk_level: RiskLevel;
  ward: string;
  address: string | null;
  summary: string;
  police_intelligence: string | null;
  support_needs: string | null;
  opened_at: Date;
  closed_at: Date | null;
  close_reason: string | null;
  reporter_told_at: Date | null;
  anonymised_at: Date | null;
  owner_agency_id: string;
  lead_officer_id: string | null;
  version: number;
  discoverable: boolean;
  relation: CaseAccess;
  shared_with_agency_ids?: string[];
}

export const CASE_COLUMNS = `c.id, c.reference, c.category, c.status, c.risk_level, c.ward, c.address, c.summary,
  c.police_intelligence, c.support_needs, c.opened_at, c.closed_at, c.close_reason, c.reporter_told_at, c.anonymised_at, c.owner_agency_id,
  c.lead_officer_id, c.version, c.discoverable`;

/** What field rules about a case look at. */
export const caseAttributes = (row: Pick<CaseRow, 'relation' | 'category'>) => ({
  access: row.relation,
  category: row.category,
});

/** The case as this caller may see it: fields their agency or role may not read are null and listed. */
export function toCase(ability: PortalAbility, row: CaseRow): Case {
  const view: Case = {
    id: row.id,
    reference: row.reference,
    category: row.category,
    status: row.status,
    riskLevel: row.risk_level,
    ward: row.ward,
    summary: row.summary,
    address: row.address,
    policeIntelligence: row.police_intelligence,
    supportNeeds: row.support_needs,
    hasSupportNeeds: row.support_needs !== null && row.support_needs.trim() !== '',
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
    reporterToldAt: row.reporter_told_at,
    anonymisedAt: row.anonymised_at,
    version: row.version,
    access: row.relation === 'LIMITED' ? ShareAccess.LIMITED : ShareAccess.FULL,
    owned: row.relation === 'OWNER',
    redactedFields: [],
    ownerAgencyId: row.owner_agency_id,
    leadOfficerId: row.lead_officer_id,
    relation: row.relation,
    discoverable: row.discoverable,
  };
  const shown = redact(ability, 'Case', view, caseAttributes(row), CASE_GOVERNED);
  // Whether other agencies' searches may learn the case exists is the owner's decision, and only the owner's to
  // know. Not (yet) a class in field-policy.ts, so not named in redactedFields: the field's description says so.
  if (row.relation !== 'OWNER') shown.discoverable = null;
  return shown;
}

export interface PartyRow {
  id: string;
  case_id: string;
  role: PartyRole;
  full_name: string | null;
  aliases: string[];
  address: string | null;
  phone: string | null;
  date_of_birth: string | null;
  anonymous: boolean;
  person_id: string | null;
  tenant: boolean;
  tenancy_type: TenancyType | null;
  rent_arrears: string | null;
  tenancy_breaches: string | null;
}

export const PARTY_COLUMNS = `p.id, p.case_id, p.role, p.full_name, p.aliases, p.address, p.phone,
  to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.anonymous, p.tenant, p.tenancy_type, p.rent_arrears, p.tenancy_breaches,
  p.person_id`;

/** What field rules about a party look at. */
export const partyAttributes = (
  parent: Pick<Case, 'relation' | 'category'>,
  row: Pick<PartyRow, 'role' | 'anonymous'>,
) => ({
  access: parent.relation,
  caseCategory: parent.category,
  role: row.role,
  anonymous: row.anonymous,
});

export function toParty(ability: PortalAbility, parent: Pick<Case, 'relation' | 'category'>, row: PartyRow): Party {
  const view: Party = {
    id: row.id,
    role: row.role,
    fullName: row.full_name,
    aliases: row.aliases,
    address: row.address,
    phone: row.phone,
    dateOfBirth: row.date_of_birth,
    anonymous: row.anonymous,
    tenant: row.tenant,
    tenancyType: row.tenancy_type,
    rentArrears: row.rent_arrears === null ? null : Number(row.rent_arrears),
    tenancyBreaches: row.tenancy_breaches,
    redactedFields: [],
    caseId: row.case_id,
    personId: row.person_id,
  };
  return redact(ability, 'Party', view, partyAttributes(parent, row), PARTY_GOVERNED);
}
