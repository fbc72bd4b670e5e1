import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery } from '@casl/ability';
import { AgencyKind, CaseCategory, PartyRole, Role } from '#libs/common';
import type { SessionUser } from './request-context.js';

/**
 * The portal's whole policy, in one place. Every resolver names an action and subject from here; row scope
 * (which cases a caller sees) is turned into SQL from the same rules (accessible-sql.ts); field rules are
 * decided per row (field-access.ts).
 *
 * Row actions on 'Case' use the conditions `ownerAgencyId` and `sharedWithAgencyIds`, which have SQL
 * translations. Field actions ('readField', 'writeField') use the caller's relation to one loaded row:
 * `access` (OWNER, FULL, LIMITED), the case `category`, and for parties `role` and `anonymous`.
 */
export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'deactivate'
  | 'share'
  | 'close'
  | 'contribute'
  | 'recordContact'
  | 'readField'
  | 'writeField';

export type Subject = 'Agency' | 'User' | 'Self' | 'Case' | 'Party' | 'CaseShare' | 'CaseAction' | 'all';

/** A loaded row tagged with its subject type (CASL's `subject()`), for decisions about that one row. */
export type SubjectRow = ForcedSubject<Exclude<Subject, 'all'>>;

export type PortalAbility = MongoAbility<[Action, Subject | SubjectRow], MongoQuery>;

/** The caller's agency's relation to a case. */
export type CaseAccess = 'OWNER' | 'FULL' | 'LIMITED';

/** Partners who may hold a domestic-abuse victim's location when the case is shared with them in full. */
export const DA_LOCATION_PARTNERS: readonly AgencyKind[] = [
  AgencyKind.POLICE,
  AgencyKind.SUPPORT,
  AgencyKind.HEALTH,
  AgencyKind.SOCIAL_CARE,
];
export const SUPPORT_NEEDS_READERS: readonly AgencyKind[] = [AgencyKind.SUPPORT, AgencyKind.HEALTH, AgencyKind.SOCIAL_CARE];
export const POLICE_INTELLIGENCE_READERS: readonly AgencyKind[] = [AgencyKind.POLICE];

/** Roles that do casework; ADMIN alone manages the partnership and reads no case. */
export const CASEWORK_ROLES: readonly Role[] = [Role.CASEWORKER, Role.MANAGER, Role.MARAC_CHAIR, Role.MARAC_COORDINATOR];

/** The fields each field rule governs; anything not named here is readable wherever its row is. */
export const CASE_BASIC_FIELDS = ['category', 'summary', 'ward', 'riskLevel', 'leadOfficerId'] as const;
export const CASE_IDENTIFIER_FIELDS = ['address'] as const;
/** Contacts with the reporter are the owner's casework with a named person: owner and FULL only. */
export const CASE_SENSITIVE_FIELDS = ['address', 'policeIntelligence', 'supportNeeds', 'contacts'] as const;
export const PARTY_IDENTIFIER_FIELDS = ['fullName', 'address', 'phone', 'dateOfBirth'] as const;
export const PARTY_LOCATION_FIELDS = ['address', 'phone'] as const;

const FULL_OR_OWNER = { access: { $in: ['OWNER', 'FULL'] } };

export function defineAbilityFor(user: SessionUser | null): PortalAbility {
  // Rules are written against plain row attributes; CASL's inferred condition types cannot follow string subjects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const builder = new AbilityBuilder<MongoAbility<[Action, any]>>(createMongoAbility);
  const { can, cannot } = builder;
  const build = () => builder.build() as PortalAbility;
  if (!user) return build();

  can('read', 'Agency');
  can('read', 'Self');

  if (user.roles.includes(Role.ADMIN)) {
    can('create', 'Agency');
    can('create', 'User');
    can('deactivate', 'User');
    can('read', 'User');
  }

  if (!user.roles.some((role) => CASEWORK_ROLES.includes(role))) return build();

  const ownCases = { ownerAgencyId: user.agencyId };
  const sharedCases = { sharedWithAgencyIds: user.agencyId };

  // Rows: the owner agency and the agencies a case is shared with, nobody else.
  can('create', 'Case');
  can('read', 'Case', ownCases);
  can('read', 'Case', sharedCases);
  can('contribute', 'Case', ownCases);
  can('contribute', 'Case', sharedCases);
  can('update', 'Case', ownCases);
  can('update', 'Case', sharedCases);
  can('share', 'Case', ownCases);
  can('close', 'Case', ownCases);
  can('recordContact', 'Case', ownCases);
  // An action is updated by the agency that owns it, or by the case's owner agency.
  can('update', 'CaseAction', { ownerAgencyId: user.agencyId });
  can('update', 'CaseAction', { caseOwnerAgencyId: user.agencyId });

  // Case fields.
  can('writeField', 'Case', [...CASE_BASIC_FIELDS, ...CASE_IDENTIFIER_FIELDS], { access: 'OWNER' });
  can('readField', 'Case', [...CASE_IDENTIFIER_FIELDS, 'contacts'], FULL_OR_OWNER);
  if (!DA_LOCATION_PARTNERS.includes(user.agencyKind)) {
    cannot('readField', 'Case', [...CASE_IDENTIFIER_FIELDS], { category: CaseCategory.DOMESTIC_ABUSE, access: { $ne: 'OWNER' } });
  }
  if (POLICE_INTELLIGENCE_READERS.includes(user.agencyKind)) {
    can(['readField', 'writeField'], 'Case', ['policeIntelligence'], FULL_OR_OWNER);
  }
  if (SUPPORT_NEEDS_READERS.includes(user.agencyKind)) {
    can(['readField', 'writeField'], 'Case', ['supportNeeds'], FULL_OR_OWNER);
  }

  // Party identifiers.
  can('readField', 'Party', [...PARTY_IDENTIFIER_FIELDS], FULL_OR_OWNER);
  cannot('readField', 'Party', [...PARTY_IDENTIFIER_FIELDS], { anonymous: true, access: { $ne: 'OWNER' } });
  if (!DA_LOCATION_PARTNERS.includes(user.agencyKind)) {
    cannot('readField', 'Party', [...PARTY_LOCATION_FIELDS], {
      caseCategory: CaseCategory.DOMESTIC_ABUSE,
      role: PartyRole.VICTIM,
      access: { $ne: 'OWNER' },
    });
  }

  // Why a case was shared is the owner's record of its information-sharing basis.
  can('readField', 'CaseShare', ['reason'], { access: 'OWNER' });

  return build();
}
