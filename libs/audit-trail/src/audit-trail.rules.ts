import { AuditAction, type AuditDetail, type TrailRow } from '#libs/audit';
import { asText } from '#libs/common';
import { printedSize } from '#libs/documents';
import { basisInWords } from '#libs/shares';

/** A changed value as the trail shows it: dates as ISO 8601, everything else as its text. */
export const shownAsText = (value: unknown): string | null =>
  value === null || value === undefined ? null : asText(value);

const agencyNamed = (agency: unknown): string => (agency as { name?: string } | undefined)?.name ?? 'another agency';
const keeps = (access: unknown): string => (access ? `a ${asText(access)} share` : 'no share');

const nameOf = (person: unknown): string => (person as { displayName?: string } | undefined)?.displayName ?? 'someone';

/** The event in words, from what it keeps (a removed file's name, a meeting's title): the trail reads the same after they are gone. */
export function describeAuditEvent(row: Pick<TrailRow<AuditDetail>, 'action' | 'detail'>): string {
  const d = row.detail;
  const fields = (d.changes ?? []).map((c) => c.field).join(', ');
  switch (row.action) {
    case AuditAction.CASE_VIEWED:
      return `Viewed ${(d.fields ?? []).join(', ')}`;
    case AuditAction.CASE_SHARED: {
      const shared = `Shared with ${d.agency?.name} at ${d.access}${d.replacedAccess ? ` (was ${asText(d.replacedAccess)})` : ''}. Basis: ${d.basis}`;
      // Shares recorded before the lawful basis was asked keep their words only.
      const structured = d.lawfulBasis as string | undefined;
      const consent = d.consent as { state: string; detail?: string | null } | undefined;
      return structured && consent
        ? `${shared}. ${basisInWords({
            lawfulBasis: structured,
            // A share made without the list is OTHER in the reason's own words: said once.
            lawfulBasisDetail: d.lawfulBasisDetail === d.basis ? null : (d.lawfulBasisDetail as string | null),
            consent,
          })}`
        : shared;
    }
    case AuditAction.SHARE_REVOKED:
      return `Revoked the ${d.access} share with ${d.agency?.name}`;
    case AuditAction.CASE_CLOSED:
      return `Closed as ${String(d.outcome).toLowerCase()}: ${d.reason}`;
    case AuditAction.CASE_CREATED:
      return 'Opened the case';
    case AuditAction.INCIDENT_LOGGED:
      return `Logged a ${String(d.category).toLowerCase().replace(/_/g, ' ')} incident`;
    case AuditAction.ACTION_ADDED:
      return `Added a ${String(d.kind).toLowerCase().replace(/_/g, ' ')} action`;
    case AuditAction.CASE_EXPORTED:
      return `Exported ${asText(d.format ?? 'the case')}`;
    case AuditAction.DASH_ASSESSED:
      return 'Recorded a DASH risk assessment';
    case AuditAction.LEGAL_HOLD_PLACED:
      return `Placed a legal hold: ${d.reason}`;
    case AuditAction.LEGAL_HOLD_RELEASED:
      return `Released the legal hold: ${d.reason}`;
    case AuditAction.RETENTION_APPLIED:
      return `Anonymised at the end of its retention period (${String(d.retentionYears)} years after closing)`;
    case AuditAction.ASB_RISK_ASSESSED:
      return 'Recorded an ASB risk assessment';
    case AuditAction.ACTION_PLAN_AGREED:
      return 'Recorded an action plan agreed with the reporter';
    case AuditAction.EVIDENCE_ADDED:
    case AuditAction.EVIDENCE_DOWNLOADED:
    case AuditAction.EVIDENCE_REMOVED: {
      // The file's own words, kept in the event: a removed file's row is gone, its trail is not.
      const file = d.file as { fileName?: string; mediaType?: string; byteSize?: number } | undefined;
      const named = `${file?.fileName ?? 'a file'}${file?.mediaType ? ` (${file.mediaType}, ${printedSize(Number(file.byteSize))})` : ''}`;
      if (row.action === AuditAction.EVIDENCE_ADDED) return `Added evidence: ${named}`;
      if (row.action === AuditAction.EVIDENCE_DOWNLOADED) return `Downloaded evidence: ${named}`;
      return `Removed evidence: ${named}. Reason: ${d.reason}`;
    }
    case AuditAction.CASE_REVIEW_REQUESTED:
      return `Recorded an ASB Case Review application received ${String(d.receivedAt)}`;
    case AuditAction.CASE_REVIEW_ACKNOWLEDGED:
      return 'Acknowledged the ASB Case Review application';
    case AuditAction.CASE_REVIEW_DECIDED:
      return `Decided the ASB Case Review: threshold ${d.thresholdMet ? 'met' : 'not met'}. Reason: ${d.reason}`;
    case AuditAction.PERSON_LINKED:
      return 'Linked a person on the case to a person record';
    case AuditAction.PERSON_UNLINKED:
      return 'Unlinked a person on the case from their person record';
    case AuditAction.PEOPLE_MERGED:
      return `Merged two person records that a person on the case was linked to. Reason: ${d.reason}`;
    case AuditAction.PERSON_MERGE_UNDONE:
      return `Undid a merge of person records that a person on the case was linked to. Reason: ${d.reason}`;
    case AuditAction.CASE_REFERRED: {
      const meeting = d.meeting as { title?: string } | undefined;
      return `Referred to ${meeting?.title ?? 'a meeting'} (${String(d.reason).toLowerCase().replace(/_/g, ' ')})`;
    }
    case AuditAction.CASE_WITHDRAWN_FROM_MEETING: {
      const meeting = d.meeting as { title?: string } | undefined;
      return `Withdrawn from ${meeting?.title ?? 'a meeting'}${d.by === 'OWNER' ? ' by the owner agency' : ''}: ${d.reason}`;
    }
    case AuditAction.DISCOVERABILITY_CHANGED:
      return `${d.discoverable ? 'Made discoverable' : 'Made not discoverable'} by other agencies' person searches. Reason: ${d.reason}`;
    case AuditAction.PERSON_SEARCHED:
      return `Found as a locked record by ${nameOf(d.searchedBy)} (${d.agency?.name}) searching for a person. Reason: ${d.reason}`;
    case AuditAction.ACCESS_REQUESTED:
      return `Access requested by ${nameOf(d.requestedBy)} (${d.agency?.name}). Reason: ${d.reason}`;
    case AuditAction.ACCESS_GRANTED:
      return `Granted ${d.agency?.name} ${d.access} access on request. Reason: ${d.reason}`;
    case AuditAction.ACCESS_REFUSED:
      return `Refused ${d.agency?.name} access on request. Reason: ${d.reason}`;
    case AuditAction.LETTER_PRODUCED: {
      // Issue 19, item 4: which template text made the letter, kept in the event after the template moves on.
      const template = d.template as { name?: string; version?: number; kind?: string } | undefined;
      const recipient = d.recipient as { role?: string } | undefined;
      const withheld = (d.withheldFields as string[] | undefined) ?? [];
      return `Produced a ${String(template?.kind ?? 'letter')
        .toLowerCase()
        .replace(
          /_/g,
          ' ',
        )} to the ${String(recipient?.role ?? 'party').toLowerCase()} from template “${template?.name}” version ${template?.version}${withheld.length ? `, left empty: ${withheld.join(', ')}` : ''}`;
    }
    case AuditAction.CASE_TRANSFER_OFFERED:
      return `Offered to ${agencyNamed(d.to)}, keeping ${keeps(d.keptAccess)}. Reason: ${d.reason}`;
    case AuditAction.CASE_TRANSFERRED:
      return `Transferred from ${agencyNamed(d.from)} to ${agencyNamed(d.to)}, which accepted it; ${agencyNamed(d.from)} keeps ${keeps(d.keptAccess)}`;
    case AuditAction.CASE_TRANSFER_DECLINED:
      return `${agencyNamed(d.to)} declined the transfer. Reason: ${d.reason}`;
    case AuditAction.CASE_TRANSFER_WITHDRAWN:
      return `Withdrew the offer to ${agencyNamed(d.to)}`;
    default:
      return fields ? `Changed ${fields}` : row.action;
  }
}
