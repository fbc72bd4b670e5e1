import { registerEnumType } from '@nestjs/graphql';

export enum AlertKind {
  CASE_SHARED = 'CASE_SHARED',
  INCIDENT_LOGGED = 'INCIDENT_LOGGED',
  RISK_ESCALATED = 'RISK_ESCALATED',
  ACTION_ASSIGNED = 'ACTION_ASSIGNED',
  ACTION_OVERDUE = 'ACTION_OVERDUE',
  CASE_UPDATED = 'CASE_UPDATED',
  CASE_CLOSED = 'CASE_CLOSED',
  SERVICE_STANDARD_BREACHED = 'SERVICE_STANDARD_BREACHED',
  AGENDA_PUBLISHED = 'AGENDA_PUBLISHED',
  // Issue 19, item 2: ownership of the case moved to another agency.
  CASE_TRANSFERRED = 'CASE_TRANSFERRED',
  // Issue 19, item 1 (ASB Case Review): a step of an application's statutory clock ran out.
  CASE_REVIEW_OVERDUE = 'CASE_REVIEW_OVERDUE',
}

registerEnumType(AlertKind, { name: 'AlertKind', description: 'What an alert is about' });

/** Alerts about one action go to the agency that owns the action; the rest to every agency holding the case. */
export const ACTION_KINDS: ReadonlySet<AlertKind> = new Set([AlertKind.ACTION_ASSIGNED, AlertKind.ACTION_OVERDUE]);

/**
 * A Case Review's overdue step goes to the case's owner and to the agency of the application's single point of
 * contact (its target), which may not hold the case: that agency is told without the case (no payload, no id).
 * The case's other holders are not told of another agency's statutory clock.
 */
export const REVIEW_KINDS: ReadonlySet<AlertKind> = new Set([AlertKind.CASE_REVIEW_OVERDUE]);
