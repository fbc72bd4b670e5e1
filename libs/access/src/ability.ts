import {
  AbilityBuilder,
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
  type MongoQuery,
} from '@casl/ability';
import { Role } from '#libs/common';
import { FIELD_RULES, type Relation } from './field-policy.js';
import type { SessionUser } from './session-user.js';

/**
 * The portal's whole policy, in one place. Every resolver names an action and subject from here; row scope
 * (which cases a caller sees) is turned into SQL from the same rules (accessible-sql.ts); field rules are
 * decided per row (field-access.ts).
 *
 * Row actions on 'Case' use the conditions `ownerAgencyId` and `sharedWithAgencyIds`, on 'Meeting'
 * `attendingAgencyIds` and `chairId`: each has an SQL translation. 'EvidenceFile' uses `caseOwnerAgencyId`,
 * decided on the one loaded row (reading evidence is the case's row rule plus its 'evidence' field rule). Field actions ('readField', 'writeField') use the caller's relation to one loaded row:
 * `access` (OWNER, FULL, LIMITED), the case `category`, and for parties `role` and `anonymous`.
 */
export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'deactivate'
  | 'share'
  | 'close'
  | 'decideReview'
  | 'contribute'
  | 'readAudit'
  | 'readField'
  | 'writeField'
  | 'organise'
  | 'chair'
  | 'readFigures'
  | 'remove'
  | 'hold'
  | 'retain'
  | 'readContact'
  | 'signOut'
  | 'enrolSecondFactor'
  | 'requireSecondFactor'
  | 'approve'
  | 'merge'
  | 'transfer'
  | 'decide'
  | 'readApplicant';

export type Subject =
  | 'Agency'
  | 'User'
  | 'Self'
  | 'Case'
  | 'Party'
  | 'CaseShare'
  | 'Incident'
  | 'CaseAction'
  | 'CaseReview'
  | 'AgendaItem'
  | 'Meeting'
  | 'IntakeReport'
  | 'EvidenceFile'
  | 'ServiceStandards'
  | 'AdminEvent'
  | 'IdentityProvider'
  | 'ApiKey'
  | 'AdminGrant'
  | 'AlertInbox'
  | 'NotificationPreferences'
  | 'Webhook'
  | 'SubjectAccessRequest'
  | 'PersonSearch'
  | 'AccessRequest'
  | 'Person'
  | 'LetterTemplate'
  | 'CaseTransfer'
  | 'all';

/** A loaded row tagged with its subject type (CASL's `subject()`), for decisions about that one row. */
export type SubjectRow = ForcedSubject<Exclude<Subject, 'all'>>;

export type PortalAbility = MongoAbility<[Action, Subject | SubjectRow], MongoQuery>;

/** The caller's agency's relation to a case. */
export type CaseAccess = Relation;

/** Roles that do casework; ADMIN alone manages the partnership and reads no case. */
export const CASEWORK_ROLES: readonly Role[] = [
  Role.CASEWORKER,
  Role.MANAGER,
  Role.MARAC_CHAIR,
  Role.MARAC_COORDINATOR,
  Role.CASE_REVIEW_SPOC,
];

/**
 * Everything about a user that the rules below read: users with the same key have the same ability and may
 * share one. Only a chair's rules name the person (the meetings they chair).
 */
export function abilityKey(user: SessionUser | null): string {
  if (!user) return '';
  const roles = [...user.roles].sort().join(',');
  return `${user.agencyId}|${user.agencyKind}|${roles}${user.roles.includes(Role.MARAC_CHAIR) ? `|${user.id}` : ''}${user.apiKey ? '|key' : ''}`;
}

export function defineAbilityFor(user: SessionUser | null): PortalAbility {
  // Rules are written against plain row attributes; CASL's inferred condition types cannot follow string subjects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: the subject's shape is the rule's own.
  const builder = new AbilityBuilder<MongoAbility<[Action, any]>>(createMongoAbility);
  const { can, cannot } = builder;
  const build = () => builder.build() as PortalAbility;
  if (!user) return build();

  can('read', 'Agency');
  can('read', 'Self');
  // Ending one's own sessions: this one, or every one.
  can('signOut', 'Self');
  // A colleague's email and whether their account is active; another agency's staff show name and agency only.
  // (Oneself is decided by the resolver: this ability is shared by users with the same key.)
  can('readContact', 'User', { agencyId: user.agencyId });
  // Issue 16, item 3 (invitations, resets, password changes): one's own password, given the current one.
  can('update', 'Self');

  if (user.roles.includes(Role.ADMIN)) {
    can('create', 'Agency');
    can('create', 'User');
    can('deactivate', 'User');
    // Ending another user's sessions (a lost laptop, a leaver), short of deactivating them.
    can('signOut', 'User');
    can('read', 'User');
    can('readContact', 'User');
    // The administration log, every agency's.
    can('read', 'AdminEvent');
  }

  // Issue 16, single sign-on: the partnership administrator sets and reads agencies' identity providers.
  if (user.roles.includes(Role.ADMIN)) {
    can('read', 'IdentityProvider');
    can('update', 'IdentityProvider');
  }

  // Issue 16, item 2 (second factor): everyone sets up and turns off their own; the partnership administrator
  // decides which agencies require one of everyone.
  can('enrolSecondFactor', 'Self');
  if (user.roles.includes(Role.ADMIN)) can('requireSecondFactor', 'Agency');

  // Issue 16, partner-system keys: an agency's managers, and the partnership administrator, hold their own
  // agency's keys (an administrator's key is the administration agency's, so it reads no partner's cases). A key
  // itself holds no key, and nothing of accounts or sessions: a stolen key cannot make another or plant a user.
  if (user.roles.includes(Role.MANAGER) || user.roles.includes(Role.ADMIN)) {
    can(['create', 'read', 'deactivate'], 'ApiKey', { agencyId: user.agencyId });
  }
  if (user.apiKey) {
    cannot(['create', 'read', 'deactivate'], 'ApiKey');
    cannot(['create', 'update', 'deactivate', 'signOut'], 'User');
    cannot(['signOut', 'update', 'enrolSecondFactor'], 'Self');
  }

  // Issue 16, item 4 (agency administrators): an agency's own administrator manages its users and nobody else's
  // (row scope in SQL from `agencyId`: another agency's user does not exist for them) and reads its part of the
  // administration log. Which roles each may give or take, and that an ADMIN's account is the partnership
  // administrator's alone, is administration.rules.ts. The partnership ADMIN does all of it for everyone, and
  // decides another administrator's request to give ADMIN (never their own request: the service checks).
  if (user.roles.includes(Role.AGENCY_ADMIN)) {
    const ownAgency = { agencyId: user.agencyId };
    can(['read', 'create', 'update', 'deactivate', 'signOut'], 'User', ownAgency);
    can('read', 'AdminEvent', ownAgency);
  }
  if (user.roles.includes(Role.ADMIN)) {
    can('update', 'User');
    can(['read', 'approve'], 'AdminGrant');
  }
  if (user.apiKey) {
    cannot(['read', 'create', 'update', 'deactivate', 'signOut'], 'User');
    cannot(['read', 'approve'], 'AdminGrant');
  }

  // Issue 17, item 4 (notifications by email): everyone reads and sets their own (the service only ever acts on the
  // caller's own row; no request names another user). A partner system's key has no mailbox.
  can(['read', 'update'], 'NotificationPreferences');
  if (user.apiKey) cannot(['read', 'update'], 'NotificationPreferences');

  // Issue 17, item 5 (webhooks): an agency's managers and its own administrator hold its endpoints, as managers
  // hold its keys; another agency's endpoint does not exist for them (row scope from `agencyId`). A key holds none:
  // a stolen key must not point the agency's alerts somewhere else.
  if (user.roles.includes(Role.MANAGER) || user.roles.includes(Role.AGENCY_ADMIN)) {
    can(['create', 'read', 'update', 'remove'], 'Webhook', { agencyId: user.agencyId });
  }
  if (user.apiKey) cannot(['create', 'read', 'update', 'remove'], 'Webhook');

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
  // An ASB Case Review is the owner agency's statutory decision: any holder may record an application, only
  // the owner acknowledges it and decides whether the threshold is met.
  can('decideReview', 'Case', ownCases);
  // Evidence is added by whoever may write the case's evidence field; taking a file away (its bytes deleted,
  // the trail kept) is the owner agency's decision alone.
  can('remove', 'EvidenceFile', { caseOwnerAgencyId: user.agencyId });
  // Managers oversee their own agency's cases: the audit trail and the disclosure log; and read figures over
  // the cases their agency may see.
  if (user.roles.includes(Role.MANAGER)) {
    can('readAudit', 'Case', ownCases);
    can('readFigures', 'Case');
    // Records management for their own agency's cases: legal holds, and applying the retention period.
    can('hold', 'Case', ownCases);
    can('retain', 'Case', ownCases);
    // Who created, changed or deactivated their agency's accounts, administrators of other agencies included.
    can('read', 'AdminEvent', { agencyId: user.agencyId });
  }
  // An agency's service standards are read by its caseworkers and set by its managers (always their own agency's).
  can('read', 'ServiceStandards');
  if (user.roles.includes(Role.MANAGER)) can('update', 'ServiceStandards');
  // Reports waiting in triage are the receiving agency's alone.
  can('read', 'IntakeReport', { agencyId: user.agencyId });
  can('update', 'IntakeReport', { agencyId: user.agencyId });
  // An agency reads the actions a meeting gave it, even on a case it does not hold; its other actions go
  // with the case (a revoked share takes them away).
  can('read', 'CaseAction', { ownerAgencyId: user.agencyId, fromMeeting: true });
  // An action is updated by the agency that owns it, or by the case's owner agency.
  can('update', 'CaseAction', { ownerAgencyId: user.agencyId });
  can('update', 'CaseAction', { caseOwnerAgencyId: user.agencyId });

  // Meetings: the attending agencies' users read them (and agree the confidentiality statement to open their
  // case material) and record their agency's research; MARAC roles schedule, refer, reorder and publish; the
  // meeting's chair, and the coordinator, run it: actions, minutes, the current item, closing.
  const attending = { attendingAgencyIds: user.agencyId };
  can('read', 'Meeting', attending);
  can('contribute', 'Meeting', attending);
  if (user.roles.includes(Role.MARAC_COORDINATOR) || user.roles.includes(Role.MARAC_CHAIR)) {
    can('create', 'Meeting');
    can('organise', 'Meeting', attending);
  }
  if (user.roles.includes(Role.MARAC_COORDINATOR)) can('chair', 'Meeting', attending);
  if ([Role.MANAGER, Role.MARAC_CHAIR, Role.MARAC_COORDINATOR].some((role) => user.roles.includes(role)))
    can('readFigures', 'Meeting', attending);
  if (user.roles.includes(Role.MARAC_CHAIR)) can('chair', 'Meeting', { ...attending, chairId: user.id });

  // Issue 17, item 2 (alerts that persist): a caseworker reads and keeps their own inbox (read state, their agency's
  // assignments). Which alerts are in it is decided in SQL from who holds each case now (alert-inbox.repository.ts);
  // an administrator who does no casework has none.
  can(['read', 'update'], 'AlertInbox');

  // Issue 18, item 4 (subject access): answering a person's request for everything the agency holds about them is
  // the owner agency's managers' job, over their own agency's requests only (row scope from `agencyId`). A partner
  // system's key answers none: the export holds a person's whole record.
  if (user.roles.includes(Role.MANAGER)) {
    can(['create', 'read', 'update'], 'SubjectAccessRequest', { agencyId: user.agencyId });
  }
  if (user.apiKey) cannot(['create', 'read', 'update'], 'SubjectAccessRequest');
  // Issue 18, item 2 (known to the partnership, locked): caseworkers search for a person, giving a reason, and ask
  // for access to a locked record their search revealed; the owner agency's managers decide (the request's row is
  // scoped to `ownerAgencyId` in SQL). A partner system's key does none of it: a key that could search would be a
  // tool to enumerate who is known where.
  can('read', 'PersonSearch');
  can(['create', 'read'], 'AccessRequest');
  if (user.roles.includes(Role.MANAGER)) can('approve', 'AccessRequest', { ownerAgencyId: user.agencyId });
  if (user.apiKey) {
    cannot('read', 'PersonSearch');
    cannot(['create', 'read', 'approve'], 'AccessRequest');
  }
  // Issue 18, item 1 (people): a manager merges two person records (and undoes their own agency's merges), a
  // decision about people across the partnership's cases that a partner system's key does not take. Which people
  // they may merge (both readable to them) is decided in SQL from the parties they may read (libs/people).
  if (user.roles.includes(Role.MANAGER) && !user.apiKey) can('merge', 'Person');

  // Issue 19, item 4 (letters): an agency's letter templates are its own (row scope from `agencyId`); its
  // caseworkers read them to write letters, its managers keep them (create, edit, retire). A partner system's key
  // keeps none: what the agency's letters say is the agency's managers' decision.
  can('read', 'LetterTemplate', { agencyId: user.agencyId });
  if (user.roles.includes(Role.MANAGER)) can(['create', 'update'], 'LetterTemplate', { agencyId: user.agencyId });
  if (user.apiKey) cannot(['create', 'update'], 'LetterTemplate');
  // Issue 19, item 2 (transfer of ownership): the owner agency offers its case to another agency; the receiving
  // agency's managers accept or decline it. An offer is its two agencies' alone (row scope in SQL from
  // `fromAgencyId` and `toAgencyId`). A partner system's key neither hands a case away nor takes one on.
  can('transfer', 'Case', ownCases);
  can('read', 'CaseTransfer', { fromAgencyId: user.agencyId });
  can('read', 'CaseTransfer', { toAgencyId: user.agencyId });
  if (user.roles.includes(Role.MANAGER)) can('decide', 'CaseTransfer', { toAgencyId: user.agencyId });
  if (user.apiKey) {
    cannot('transfer', 'Case');
    cannot('decide', 'CaseTransfer');
  }
  // Issue 19, item 1 (ASB Case Review): an application is its single point of contact's agency's and the linked
  // cases' owners'. Row conditions on a loaded application: `spocAgencyId` (the agency that logged it, null for one
  // requested from a case) and `linkedOwnerAgencyIds` (the owner agencies of its cases). The SPOC logs applications;
  // the SPOC, or an owner of a linked case, takes each step (acknowledge, decide, meeting, outcome, told, appeal).
  // The applicant's details (name, contact, relationship) are personal data read by those two agencies alone: a
  // share of a linked case shows the application's progress, not who applied. Figures: managers and the SPOC.
  const ownApplications = { spocAgencyId: user.agencyId };
  const ownLinkedCases = { linkedOwnerAgencyIds: user.agencyId };
  if (user.roles.includes(Role.CASE_REVIEW_SPOC)) {
    can('create', 'CaseReview');
    can('decideReview', 'CaseReview', ownApplications);
    can('readFigures', 'CaseReview');
  }
  if (user.roles.includes(Role.MANAGER)) can('readFigures', 'CaseReview');
  can('decideReview', 'CaseReview', ownLinkedCases);
  can(['read', 'readApplicant'], 'CaseReview', ownApplications);
  can(['read', 'readApplicant'], 'CaseReview', ownLinkedCases);
  if (user.apiKey) cannot(['create', 'readApplicant', 'readFigures'], 'CaseReview');

  // Fields, from the one table of field rules. A rule with `when` is a `cannot` for those rows followed by its
  // own grants, so (CASL reading later rules first) the last matching rule in the table decides.
  for (const rule of FIELD_RULES) {
    for (const [action, grants] of [
      ['readField', rule.read],
      ['writeField', rule.write],
    ] as const) {
      if (rule.when) cannot(action, rule.subject, [...rule.fields], { ...rule.when });
      for (const grant of grants) {
        if (grant.kinds && !grant.kinds.includes(user.agencyKind)) continue;
        can(action, rule.subject, [...rule.fields], { ...rule.when, access: { $in: [...grant.access] } });
      }
    }
  }

  return build();
}
