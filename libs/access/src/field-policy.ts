import { AgencyKind, CaseCategory, PartyRole } from '#libs/common';

/**
 * Who reads and writes which fields of a case: the contract's table "Who sees and writes what", as data.
 * CASL rules are built from it (ability.ts), docs/permissions.md is generated from it, and the matrix test
 * enumerates it against the running API, so the three cannot drift apart.
 *
 * "Access" is the caller's agency's relation to the case: OWNER, a FULL share or a LIMITED share (with none,
 * the case does not exist for the caller and no field rule is reached). Rules are read top to bottom and
 * the last rule that names a field and whose `when` matches the row decides it: a rule with `when` narrows
 * the broader rule above it for the rows it names.
 */

export type Relation = 'OWNER' | 'FULL' | 'LIMITED';
export const RELATIONS: readonly Relation[] = ['OWNER', 'FULL', 'LIMITED'];

/** Allowed when the caller's relation is one of `access` and, if named, its agency is of one of `kinds`. */
export interface Grant {
  access: readonly Relation[];
  kinds?: readonly AgencyKind[];
}

export type GovernedSubject = 'Case' | 'Party' | 'CaseShare' | 'Incident' | 'CaseAction' | 'CaseReview' | 'AgendaItem';

export interface FieldRule {
  /** The field class, in the domain's words. */
  class: string;
  subject: GovernedSubject;
  fields: readonly string[];
  /** The rows this rule is about (attribute equality); absent, every row. */
  when?: Readonly<Record<string, string | boolean>>;
  read: readonly Grant[];
  write: readonly Grant[];
}

const ANY: Grant = { access: ['OWNER', 'FULL', 'LIMITED'] };
const OWNER: Grant = { access: ['OWNER'] };
const OWNER_OR_FULL: Grant = { access: ['OWNER', 'FULL'] };
const only = (...kinds: AgencyKind[]): Grant => ({ access: ['OWNER', 'FULL'], kinds });

export const DA_LOCATION_PARTNERS = [
  AgencyKind.POLICE,
  AgencyKind.SUPPORT,
  AgencyKind.HEALTH,
  AgencyKind.SOCIAL_CARE,
] as const;

export const FIELD_RULES: readonly FieldRule[] = [
  {
    class: 'case basics',
    subject: 'Case',
    fields: ['category', 'summary', 'ward', 'riskLevel', 'leadOfficerId'],
    read: [ANY],
    write: [OWNER],
  },
  {
    // What the reader may do to the case (Case.viewerCan): their own capabilities, which tell nothing of anyone
    // else's, asked of the rules in this table and of the row rules (ability.ts); no one writes it.
    class: 'viewer capabilities',
    subject: 'Case',
    fields: ['viewerCan'],
    read: [ANY],
    write: [],
  },
  {
    // The contract's "incidents and actions: any access" — listed so that every free-text or location field is in
    // the table; narrower rules below take the rows that could place a victim.
    class: 'incidents and actions',
    subject: 'Incident',
    fields: ['occurredAt', 'category', 'description', 'location', 'ward'],
    read: [ANY],
    write: [ANY],
  },
  {
    class: 'incidents and actions',
    subject: 'CaseAction',
    fields: ['kind', 'description', 'dueAt', 'status', 'outcome'],
    read: [ANY],
    write: [ANY],
  },
  {
    class: 'party details',
    subject: 'Party',
    fields: ['role', 'anonymous', 'tenant'],
    read: [ANY],
    write: [OWNER],
  },
  {
    class: 'personal identifiers',
    subject: 'Case',
    fields: ['address'],
    read: [OWNER_OR_FULL],
    write: [OWNER],
  },
  {
    class: 'personal identifiers',
    subject: 'Party',
    fields: ['fullName', 'aliases', 'address', 'phone', 'dateOfBirth'],
    read: [OWNER_OR_FULL],
    write: [OWNER],
  },
  {
    class: 'contacts with the reporter',
    subject: 'Case',
    fields: ['contacts', 'reporterToldAt'],
    read: [OWNER_OR_FULL],
    write: [OWNER],
  },
  {
    class: 'risk assessment (DASH answers)',
    subject: 'Case',
    fields: ['dashAssessments'],
    read: [OWNER_OR_FULL],
    write: [OWNER_OR_FULL],
  },
  {
    class: 'risk assessment (ASB matrix)',
    subject: 'Case',
    fields: ['asbRiskAssessments'],
    read: [OWNER_OR_FULL],
    write: [OWNER_OR_FULL],
  },
  {
    // Photos, recordings and diary sheets name and show people: a LIMITED partner reads the incidents, not the files.
    class: 'evidence',
    subject: 'Case',
    fields: ['evidence'],
    read: [OWNER_OR_FULL],
    write: [OWNER_OR_FULL],
  },
  {
    class: 'action plan agreed with the reporter',
    subject: 'Case',
    fields: ['actionPlans'],
    read: [OWNER_OR_FULL],
    write: [OWNER],
  },
  {
    class: 'service standard clocks',
    subject: 'Case',
    fields: ['serviceClocks'],
    read: [OWNER_OR_FULL],
    write: [],
  },
  {
    class: 'legal hold',
    subject: 'Case',
    fields: ['legalHold'],
    read: [OWNER],
    write: [OWNER],
  },
  {
    // Where the case is on an agenda, across every meeting: the owner's, to take it off (withdrawCaseFromMeeting).
    class: 'meeting referrals',
    subject: 'Case',
    fields: ['meetingReferrals'],
    read: [OWNER],
    write: [],
  },
  {
    class: 'police intelligence',
    subject: 'Case',
    fields: ['policeIntelligence'],
    read: [only(AgencyKind.POLICE)],
    write: [only(AgencyKind.POLICE)],
  },
  {
    class: 'health and support needs',
    subject: 'Case',
    fields: ['supportNeeds'],
    read: [only(AgencyKind.SUPPORT, AgencyKind.HEALTH, AgencyKind.SOCIAL_CARE)],
    write: [only(AgencyKind.SUPPORT, AgencyKind.HEALTH, AgencyKind.SOCIAL_CARE)],
  },
  {
    class: 'tenancy information',
    subject: 'Party',
    fields: ['tenancyType', 'rentArrears', 'tenancyBreaches'],
    read: [only(AgencyKind.LANDLORD, AgencyKind.COUNCIL)],
    write: [only(AgencyKind.LANDLORD, AgencyKind.COUNCIL)],
  },
  {
    // The statutory clock is every holder's to see; why the threshold was or was not met names people and places.
    class: 'ASB Case Review decision',
    subject: 'CaseReview',
    fields: ['decisionReason'],
    read: [OWNER_OR_FULL],
    write: [OWNER],
  },
  {
    // Read by the attending agencies' users who agreed the confidentiality statement, within the material window
    // (libs/meetings), each with its own relation to the case; an attendee without a share reads as LIMITED.
    // Written through the meeting's own operations (research by each attending agency, minutes by the chair).
    class: 'MARAC material',
    subject: 'AgendaItem',
    fields: ['case', 'research', 'actions', 'minutes'],
    read: [ANY],
    write: [],
  },
  {
    // DASH answers and the referrer's written concern are DASH material wherever they appear, as on the case.
    class: 'risk assessment (DASH answers)',
    subject: 'AgendaItem',
    fields: ['dashAssessment', 'concerns'],
    read: [OWNER_OR_FULL],
    write: [],
  },
  {
    class: 'sharing basis',
    subject: 'CaseShare',
    fields: ['reason', 'lawfulBasis', 'lawfulBasisDetail', 'consent'],
    read: [OWNER],
    write: [OWNER],
  },
  {
    class: 'domestic-abuse victim location',
    subject: 'Case',
    fields: ['address'],
    when: { category: CaseCategory.DOMESTIC_ABUSE },
    read: [OWNER, { access: ['FULL'], kinds: DA_LOCATION_PARTNERS }],
    write: [OWNER],
  },
  {
    class: 'domestic-abuse victim location',
    subject: 'Party',
    fields: ['address', 'phone'],
    when: { caseCategory: CaseCategory.DOMESTIC_ABUSE, role: PartyRole.VICTIM },
    read: [OWNER, { access: ['FULL'], kinds: DA_LOCATION_PARTNERS }],
    write: [OWNER],
  },
  {
    // Where an incident on a domestic-abuse case happened is, as often as not, where the victim lives: the case's
    // DA location rule. Logging one stays open to every holder (they may know a place they may not read back).
    class: 'domestic-abuse victim location',
    subject: 'Incident',
    fields: ['location'],
    when: { caseCategory: CaseCategory.DOMESTIC_ABUSE },
    read: [OWNER, { access: ['FULL'], kinds: DA_LOCATION_PARTNERS }],
    write: [ANY],
  },
  {
    // An incident of domestic abuse logged on a case of another category (a noise case that turns out to be
    // abuse) places the victim just the same.
    class: 'domestic-abuse victim location',
    subject: 'Incident',
    fields: ['location'],
    when: { category: CaseCategory.DOMESTIC_ABUSE },
    read: [OWNER, { access: ['FULL'], kinds: DA_LOCATION_PARTNERS }],
    write: [ANY],
  },
  {
    // Notes of contact with a domestic-abuse victim say where they were seen and where they have gone.
    class: 'domestic-abuse victim location',
    subject: 'Case',
    fields: ['contacts'],
    when: { category: CaseCategory.DOMESTIC_ABUSE },
    read: [OWNER, { access: ['FULL'], kinds: DA_LOCATION_PARTNERS }],
    write: [OWNER],
  },
  {
    class: 'anonymous party',
    subject: 'Party',
    fields: ['fullName', 'aliases', 'address', 'phone', 'dateOfBirth'],
    when: { anonymous: true },
    read: [OWNER],
    write: [OWNER],
  },
];

const everyRelation = (grants: readonly Grant[]) =>
  RELATIONS.every((relation) => grants.some((g) => g.access.includes(relation) && !g.kinds));

/** Fields of `subject` some caller may be refused reading: the ones a row lists in `redactedFields`. */
export function readGovernedFields(subject: GovernedSubject): string[] {
  const fields = new Set<string>();
  for (const rule of FIELD_RULES) {
    if (rule.subject === subject && !everyRelation(rule.read)) rule.fields.forEach((f) => fields.add(f));
  }
  return [...fields];
}

/** Every field a rule governs, by subject. */
export function governedFields(subject: GovernedSubject): string[] {
  return [...new Set(FIELD_RULES.filter((r) => r.subject === subject).flatMap((r) => r.fields))];
}

/**
 * The table's answer, read directly (the last matching rule decides). The docs and the matrix test use it;
 * the running API uses the CASL rules built from the same table, so the test checks one against the other.
 */
export function fieldAllowed(
  action: 'read' | 'write',
  agencyKind: AgencyKind,
  relation: Relation,
  subject: GovernedSubject,
  field: string,
  row: Readonly<Record<string, unknown>>,
): boolean {
  let allowed = false;
  for (const rule of FIELD_RULES) {
    if (rule.subject !== subject || !rule.fields.includes(field)) continue;
    if (rule.when && !Object.entries(rule.when).every(([key, value]) => row[key] === value)) continue;
    allowed = rule[action].some((g) => g.access.includes(relation) && (!g.kinds || g.kinds.includes(agencyKind)));
  }
  return allowed;
}
