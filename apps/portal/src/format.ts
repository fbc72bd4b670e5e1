import type { TagColour } from './ui/govuk';

/** DOMESTIC_ABUSE → "Domestic abuse": enum values read as words, not codes. */
export function humanise(value: string | null | undefined): string {
  if (!value) return '';
  const words = value
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/\b(marac|asb|dash)\b/g, (w) => w.toUpperCase());
  return words[0].toUpperCase() + words.slice(1);
}

export function options(values: readonly string[]): { value: string; text: string }[] {
  return values.map((v) => ({ value: v, text: humanise(v) }));
}

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const timeFmt = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export const formatDate = (iso: string | null | undefined) => (iso ? dateFmt.format(new Date(iso)) : '');
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTimeFmt.format(new Date(iso)) : '');
export const formatTime = (iso: string | null | undefined) => (iso ? timeFmt.format(new Date(iso)) : '');
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
/** YYYY-MM-DD in London: what a date input holds, and a date a spreadsheet sorts. */
export const londonDay = (iso: string | null | undefined) => (iso ? dayFmt.format(new Date(iso)) : null);

export const CASE_STATUSES = ['OPEN', 'CLOSED_RESOLVED', 'CLOSED_UNRESOLVED'] as const;
export const RISK_LEVELS = ['STANDARD', 'MEDIUM', 'HIGH'] as const;
export const CASE_CATEGORIES = [
  'NOISE',
  'HARASSMENT',
  'DRUGS',
  'PETS',
  'DOMESTIC_ABUSE',
  'COMMUNAL_AREAS',
  'CRIME',
  'VIOLENCE',
  'HATE',
  'RUBBISH',
  'VEHICLES',
  'VANDALISM',
  'GARDENS',
  'ALCOHOL',
  'FLY_TIPPING',
  'LITTERING',
  'GRAFFITI',
  'DOG_FOULING',
  'OTHER',
] as const;
export const ACTION_KINDS = [
  'HOME_VISIT',
  'WARNING_LETTER',
  'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  'GOOD_NEIGHBOUR_AGREEMENT',
  'MEDIATION',
  'RESTORATIVE_PRACTICE',
  'REFERRAL',
  'SUPPORT_PLAN',
  'COMMUNITY_PROTECTION_WARNING',
  'TENANCY_SUSTAINMENT',
  'INTRODUCTORY_TENANCY_EXTENSION',
  'MANAGEMENT_TRANSFER',
  'DISCLOSURE_REQUEST',
  'PATROL',
  'NOISE_MONITORING',
  'OTHER_ACTION',
  'CIVIL_INJUNCTION',
  'NOTICE_SEEKING_POSSESSION',
  'NOTICE_OF_PROCEEDINGS_FOR_POSSESSION',
  'DEMOTION',
  'POSSESSION_ORDER',
  'EVICTION',
  'COMMUNITY_PROTECTION_NOTICE',
  'FIXED_PENALTY_NOTICE',
  'CLOSURE_ORDER',
  'CRIMINAL_BEHAVIOUR_ORDER',
] as const;
export const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'IN_PERSON', 'LETTER', 'TEXT_MESSAGE', 'ONLINE'] as const;
export const AGENCY_KINDS = [
  'LANDLORD',
  'POLICE',
  'COUNCIL',
  'SUPPORT',
  'HEALTH',
  'SOCIAL_CARE',
  'PROBATION',
  'OTHER',
] as const;
export const ROLES = [
  'CASEWORKER',
  'MANAGER',
  'MARAC_CHAIR',
  'MARAC_COORDINATOR',
  'ADMIN',
  'AGENCY_ADMIN',
  'CASE_REVIEW_SPOC',
] as const;
export const ALERT_KINDS = [
  'CASE_SHARED',
  'INCIDENT_LOGGED',
  'RISK_ESCALATED',
  'ACTION_ASSIGNED',
  'ACTION_OVERDUE',
  'CASE_UPDATED',
  'CASE_CLOSED',
  'SERVICE_STANDARD_BREACHED',
  'AGENDA_PUBLISHED',
  'CASE_TRANSFERRED',
  'CASE_REVIEW_OVERDUE',
] as const;

export const RISK_RANK: Record<string, number> = { STANDARD: 0, MEDIUM: 1, HIGH: 2 };

export function statusTag(status: string): { text: string; colour: TagColour } {
  switch (status) {
    case 'OPEN':
      return { text: 'Open', colour: 'blue' };
    case 'CLOSED_RESOLVED':
      return { text: 'Closed: resolved', colour: 'green' };
    default:
      return { text: 'Closed: unresolved', colour: 'grey' };
  }
}

export function riskTag(risk: string): { text: string; colour: TagColour } {
  switch (risk) {
    case 'HIGH':
      return { text: 'High risk', colour: 'red' };
    case 'MEDIUM':
      return { text: 'Medium risk', colour: 'orange' };
    default:
      return { text: 'Standard risk', colour: 'grey' };
  }
}

/** 812 bytes, 4.2 KB, 3.1 MB: in 1,024s, as the case summary PDF prints them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
