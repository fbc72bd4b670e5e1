import { registerEnumType } from '@nestjs/graphql';

/** The contract's enumerations, in one place so every feature and the access policy speak the same words. */

export enum AgencyKind {
  LANDLORD = 'LANDLORD',
  POLICE = 'POLICE',
  COUNCIL = 'COUNCIL',
  SUPPORT = 'SUPPORT',
  HEALTH = 'HEALTH',
  SOCIAL_CARE = 'SOCIAL_CARE',
  PROBATION = 'PROBATION',
  OTHER = 'OTHER',
}

export enum Role {
  CASEWORKER = 'CASEWORKER',
  MANAGER = 'MANAGER',
  MARAC_CHAIR = 'MARAC_CHAIR',
  MARAC_COORDINATOR = 'MARAC_COORDINATOR',
  ADMIN = 'ADMIN',
  /** Issue 16: an agency's own administrator, who manages that agency's users and nobody else's. */
  AGENCY_ADMIN = 'AGENCY_ADMIN',
  /** Issue 19, item 1: the single point of contact who logs and follows ASB Case Review applications. */
  CASE_REVIEW_SPOC = 'CASE_REVIEW_SPOC',
}

export enum CaseStatus {
  OPEN = 'OPEN',
  CLOSED_RESOLVED = 'CLOSED_RESOLVED',
  CLOSED_UNRESOLVED = 'CLOSED_UNRESOLVED',
}

export enum CaseOutcome {
  RESOLVED = 'RESOLVED',
  UNRESOLVED = 'UNRESOLVED',
}

export enum RiskLevel {
  STANDARD = 'STANDARD',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/** Risk levels in ascending order: to tell an escalation, or a minimum risk. */
export const RISK_ORDER: Readonly<Record<RiskLevel, number>> = { STANDARD: 0, MEDIUM: 1, HIGH: 2 };

export enum ShareAccess {
  FULL = 'FULL',
  LIMITED = 'LIMITED',
}

export enum PartyRole {
  COMPLAINANT = 'COMPLAINANT',
  VICTIM = 'VICTIM',
  WITNESS = 'WITNESS',
  SUBJECT = 'SUBJECT',
}

export enum CaseCategory {
  NOISE = 'NOISE',
  HARASSMENT = 'HARASSMENT',
  DRUGS = 'DRUGS',
  PETS = 'PETS',
  DOMESTIC_ABUSE = 'DOMESTIC_ABUSE',
  COMMUNAL_AREAS = 'COMMUNAL_AREAS',
  CRIME = 'CRIME',
  VIOLENCE = 'VIOLENCE',
  HATE = 'HATE',
  RUBBISH = 'RUBBISH',
  VEHICLES = 'VEHICLES',
  VANDALISM = 'VANDALISM',
  GARDENS = 'GARDENS',
  ALCOHOL = 'ALCOHOL',
  FLY_TIPPING = 'FLY_TIPPING',
  LITTERING = 'LITTERING',
  GRAFFITI = 'GRAFFITI',
  DOG_FOULING = 'DOG_FOULING',
  OTHER = 'OTHER',
}

export enum ActionKind {
  HOME_VISIT = 'HOME_VISIT',
  WARNING_LETTER = 'WARNING_LETTER',
  ACCEPTABLE_BEHAVIOUR_CONTRACT = 'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  GOOD_NEIGHBOUR_AGREEMENT = 'GOOD_NEIGHBOUR_AGREEMENT',
  MEDIATION = 'MEDIATION',
  RESTORATIVE_PRACTICE = 'RESTORATIVE_PRACTICE',
  REFERRAL = 'REFERRAL',
  SUPPORT_PLAN = 'SUPPORT_PLAN',
  COMMUNITY_PROTECTION_WARNING = 'COMMUNITY_PROTECTION_WARNING',
  TENANCY_SUSTAINMENT = 'TENANCY_SUSTAINMENT',
  INTRODUCTORY_TENANCY_EXTENSION = 'INTRODUCTORY_TENANCY_EXTENSION',
  MANAGEMENT_TRANSFER = 'MANAGEMENT_TRANSFER',
  DISCLOSURE_REQUEST = 'DISCLOSURE_REQUEST',
  PATROL = 'PATROL',
  NOISE_MONITORING = 'NOISE_MONITORING',
  OTHER_ACTION = 'OTHER_ACTION',
  CIVIL_INJUNCTION = 'CIVIL_INJUNCTION',
  NOTICE_SEEKING_POSSESSION = 'NOTICE_SEEKING_POSSESSION',
  NOTICE_OF_PROCEEDINGS_FOR_POSSESSION = 'NOTICE_OF_PROCEEDINGS_FOR_POSSESSION',
  DEMOTION = 'DEMOTION',
  POSSESSION_ORDER = 'POSSESSION_ORDER',
  EVICTION = 'EVICTION',
  COMMUNITY_PROTECTION_NOTICE = 'COMMUNITY_PROTECTION_NOTICE',
  FIXED_PENALTY_NOTICE = 'FIXED_PENALTY_NOTICE',
  CLOSURE_ORDER = 'CLOSURE_ORDER',
  CRIMINAL_BEHAVIOUR_ORDER = 'CRIMINAL_BEHAVIOUR_ORDER',
}

/** Legal remedies (court orders, statutory notices); everything else is informal action. */
export const LEGAL_ACTION_KINDS: ReadonlySet<ActionKind> = new Set([
  ActionKind.CIVIL_INJUNCTION,
  ActionKind.NOTICE_SEEKING_POSSESSION,
  ActionKind.NOTICE_OF_PROCEEDINGS_FOR_POSSESSION,
  ActionKind.DEMOTION,
  ActionKind.POSSESSION_ORDER,
  ActionKind.EVICTION,
  ActionKind.COMMUNITY_PROTECTION_NOTICE,
  ActionKind.FIXED_PENALTY_NOTICE,
  ActionKind.CLOSURE_ORDER,
  ActionKind.CRIMINAL_BEHAVIOUR_ORDER,
]);

/**
 * The interventions register: legal remedies, and the formal warnings and agreements whose dates matter
 * (an ABC, a CPW). Where the law or practice gives one, the months an intervention lasts from being served.
 */
export const REGISTERED_ACTION_KINDS: ReadonlyMap<ActionKind, number | null> = new Map([
  ...[...LEGAL_ACTION_KINDS].map((kind): [ActionKind, number | null] => [kind, null]),
  [ActionKind.ACCEPTABLE_BEHAVIOUR_CONTRACT, 6],
  [ActionKind.COMMUNITY_PROTECTION_WARNING, 6],
  [ActionKind.COMMUNITY_PROTECTION_NOTICE, 12],
  [ActionKind.NOTICE_SEEKING_POSSESSION, 12],
]);

export enum ActionStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export enum ContactChannel {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  LETTER = 'LETTER',
  ONLINE = 'ONLINE',
  TEXT_MESSAGE = 'TEXT_MESSAGE',
}

export enum TenancyType {
  SECURE = 'SECURE',
  ASSURED = 'ASSURED',
  ASSURED_SHORTHOLD = 'ASSURED_SHORTHOLD',
  INTRODUCTORY = 'INTRODUCTORY',
  STARTER = 'STARTER',
  FLEXIBLE = 'FLEXIBLE',
  DEMOTED = 'DEMOTED',
  LICENCE = 'LICENCE',
  LEASEHOLD = 'LEASEHOLD',
  OTHER = 'OTHER',
}

export enum ReferralReason {
  DASH_THRESHOLD = 'DASH_THRESHOLD',
  PROFESSIONAL_JUDGEMENT = 'PROFESSIONAL_JUDGEMENT',
  ESCALATION = 'ESCALATION',
  REPEAT_REFERRAL = 'REPEAT_REFERRAL',
}

export enum MeetingKind {
  MARAC = 'MARAC',
  ASB_PANEL = 'ASB_PANEL',
  CASE_REVIEW = 'CASE_REVIEW',
}

export enum DashAnswer {
  YES = 'YES',
  NO = 'NO',
  NOT_KNOWN = 'NOT_KNOWN',
}

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  OBSERVER = 'OBSERVER',
  APOLOGIES = 'APOLOGIES',
}

const describe = (name: string, description: string) => ({ name, description });
registerEnumType(AgencyKind, describe('AgencyKind', 'What kind of partner an agency is'));
registerEnumType(Role, {
  ...describe('Role', "A user's role within their agency"),
  valuesMap: {
    ADMIN: {
      description: 'Manages the partnership: agencies, identity providers, every agency’s users; reads no case',
    },
    AGENCY_ADMIN: {
      description:
        'Manages their own agency’s users (invite, roles, deactivate, reactivate, second factor, sessions); reads no case and never gives ADMIN',
    },
  },
});
registerEnumType(CaseStatus, describe('CaseStatus', 'Where a case is in its life'));
registerEnumType(CaseOutcome, describe('CaseOutcome', 'How a case ended'));
registerEnumType(RiskLevel, describe('RiskLevel', 'Assessed risk to the victim or complainant'));
registerEnumType(
  ShareAccess,
  describe('ShareAccess', 'LIMITED: case basics, incidents and actions, no personal identifiers'),
);
registerEnumType(PartyRole, describe('PartyRole', "A person's part in a case"));
registerEnumType(
  CaseCategory,
  describe(
    'CaseCategory',
    'Type of anti-social behaviour (HARASSMENT covers verbal abuse, harassment and intimidation)',
  ),
);
registerEnumType(
  ActionKind,
  describe('ActionKind', 'An intervention; `CaseAction.legal` says whether it is a legal remedy'),
);
registerEnumType(ActionStatus, describe('ActionStatus', 'Progress of an action'));
registerEnumType(ContactChannel, describe('ContactChannel', 'How the reporter was contacted'));
registerEnumType(TenancyType, describe('TenancyType', "A tenant's kind of tenancy"));
registerEnumType(ReferralReason, describe('ReferralReason', 'Why a case is referred to a meeting'));
registerEnumType(
  MeetingKind,
  describe('MeetingKind', 'MARAC (high-risk domestic abuse), ASB panel, or ASB Case Review'),
);
registerEnumType(DashAnswer, describe('DashAnswer', 'An answer to a DASH question'));
registerEnumType(
  AttendanceStatus,
  describe('AttendanceStatus', 'How someone took part in a meeting: present, observing, or sent apologies'),
);
