import { subject } from '@casl/ability';
import type { SubjectRow } from '#libs/access';
import { CaseCategory, CaseOutcome, CaseStatus } from '#libs/common';
import type { UpdateCaseInput } from './case.inputs.js';
import type { CaseWithShares } from './cases.repository.js';

/** A case with its live shares as the row rules ask of it (`read`, `contribute`…): who owns it, who holds a share. */
export const holdersSubject = (kase: Pick<CaseWithShares, 'owner_agency_id' | 'shares'>): SubjectRow =>
  subject('Case', {
    ownerAgencyId: kase.owner_agency_id,
    sharedWithAgencyIds: kase.shares.map((share) => share.agency_id),
  });

/** Clocks differ between partners' systems: a few minutes ahead is drift, not the future. */
const CLOCK_DRIFT_MS = 5 * 60 * 1000;
/** Forms give minutes, not seconds: a time in the minute the case was opened is not before it. */
const FORM_MINUTE_MS = 60_000;

/** `at` (an incident, a contact, a report) is later than now, beyond the drift between partners' clocks. */
export const isInFuture = (at: Date, now: number = Date.now()): boolean => at.getTime() > now + CLOCK_DRIFT_MS;

/** `at` is before the case was opened, beyond the minute a form rounds to. */
export const isBeforeOpening = (at: Date, openedAt: Date): boolean =>
  at.getTime() < openedAt.getTime() - FORM_MINUTE_MS;

/** A case's reference starts with its kind: `DA-2026-000123` or `ASB-2026-000123`. */
export const referencePrefix = (category: CaseCategory): 'DA' | 'ASB' =>
  category === CaseCategory.DOMESTIC_ABUSE ? 'DA' : 'ASB';

/**
 * Whether a new case may be found by other agencies' person searches: yes for ASB, no for domestic abuse, where
 * the mere fact that an agency holds a case about someone can tell a perpetrator where a victim sought help.
 */
export const discoverableByDefault = (category: CaseCategory): boolean => category !== CaseCategory.DOMESTIC_ABUSE;

/** The status a case closes with. */
export const closedStatus = (outcome: CaseOutcome): CaseStatus =>
  outcome === CaseOutcome.RESOLVED ? CaseStatus.CLOSED_RESOLVED : CaseStatus.CLOSED_UNRESOLVED;

/** UpdateCaseInput's fields and the columns they write. */
export const CASE_FIELD_COLUMNS: Record<keyof UpdateCaseInput, string> = {
  category: 'category',
  summary: 'summary',
  ward: 'ward',
  riskLevel: 'risk_level',
  address: 'address',
  leadOfficerId: 'lead_officer_id',
  policeIntelligence: 'police_intelligence',
  supportNeeds: 'support_needs',
};

/** Fields that may be cleared by passing null; the rest keep their value when null or omitted. */
const CLEARABLE = new Set<keyof UpdateCaseInput>(['address', 'leadOfficerId', 'policeIntelligence', 'supportNeeds']);

/** The fields an update changes: those given, and null only where null clears the field. */
export function fieldsToChange(input: UpdateCaseInput): (keyof UpdateCaseInput)[] {
  return (Object.keys(CASE_FIELD_COLUMNS) as (keyof UpdateCaseInput)[]).filter(
    (field) => input[field] !== undefined && (input[field] !== null || CLEARABLE.has(field)),
  );
}

/** A value as stored: text trimmed, and blank text is no value. */
export const storedValue = (value: unknown): unknown => (typeof value === 'string' ? value.trim() || null : value);
