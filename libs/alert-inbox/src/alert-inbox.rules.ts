import { BadInputError, parseId, RISK_ORDER, type RiskLevel } from '#libs/common';
import type { InboxConditions } from './alert-inbox.repository.js';
import type { AlertInboxFilter } from './alert-inbox.inputs.js';

/** Alert ids are the outbox's bigserial, sent as text. */
const ALERT_ID = /^\d{1,18}$/;
/** At most this many alerts marked read in one call (a page's worth). */
export const MAX_MARKED = 100;

/** The risk levels at or above `minRisk`. */
export function riskLevelsFrom(minRisk: RiskLevel): RiskLevel[] {
  return (Object.keys(RISK_ORDER) as RiskLevel[]).filter((level) => RISK_ORDER[level] >= RISK_ORDER[minRisk]);
}

/** The filter as SQL conditions; an empty filter is every alert in the inbox. */
export function conditionsOf(filter: AlertInboxFilter | null | undefined): InboxConditions {
  if (!filter) return {};
  return {
    kinds: filter.kinds?.length ? filter.kinds : undefined,
    riskLevels: filter.minRisk ? riskLevelsFrom(filter.minRisk) : undefined,
    caseId: filter.caseId ? parseId(filter.caseId, 'caseId') : undefined,
    caseReference: filter.caseReference?.trim() || undefined,
    unreadOnly: filter.unreadOnly === true,
    assignedToMe: filter.assignedToMe === true,
  };
}

/** An alert id as a client sent it: malformed is bad input (a well-formed one the caller cannot see is NOT_FOUND). */
export function parseAlertId(value: string, field: string): string {
  if (!ALERT_ID.test(value)) throw new BadInputError(field, `${field} is not an alert id`);
  return String(BigInt(value));
}

export function parseAlertIds(values: readonly string[], field: string): string[] {
  if (values.length === 0 || values.length > MAX_MARKED) {
    throw new BadInputError(field, `Give from 1 to ${MAX_MARKED} alert ids`);
  }
  return [...new Set(values.map((value) => parseAlertId(value, field)))];
}
