import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { readGovernedFields } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { AuditAction, type AuditDetail, AuditRepository, type FieldChange, type TrailRow } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { BadInputError, decodeCursor, encodeCursor, type Page, pageSize, withLazyTotal } from '#libs/common';
import { printedSize } from '#libs/documents';
import { SharesRepository } from '#libs/shares';
import type { AuditChange, AuditEvent, Disclosure } from './audit-event.model.js';

type AuditRow = TrailRow<AuditDetail>;

const GOVERNED = { Case: new Set(readGovernedFields('Case')), Party: new Set(readGovernedFields('Party')) };

const text = (value: unknown): string | null => (value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value));

function describe(row: AuditRow): string {
  const d = row.detail;
  const fields = (d.changes ?? []).map((c) => c.field).join(', ');
  switch (row.action) {
    case AuditAction.CASE_VIEWED:
      return `Viewed ${(d.fields ?? []).join(', ')}`;
    case AuditAction.CASE_SHARED:
      return `Shared with ${d.agency?.name} at ${d.access}${d.replacedAccess ? ` (was ${String(d.replacedAccess)})` : ''}. Basis: ${d.basis}`;
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
      return `Exported ${String(d.format ?? 'the case')}`;
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
    case AuditAction.CASE_REFERRED: {
      const meeting = d.meeting as { title?: string } | undefined;
      return `Referred to ${meeting?.title ?? 'a meeting'} (${String(d.reason).toLowerCase().replace(/_/g, ' ')})`;
    }
    case AuditAction.CASE_WITHDRAWN_FROM_MEETING: {
      const meeting = d.meeting as { title?: string } | undefined;
      return `Withdrawn from ${meeting?.title ?? 'a meeting'}${d.by === 'OWNER' ? ' by the owner agency' : ''}: ${d.reason}`;
    }
    default:
      return fields ? `Changed ${fields}` : row.action;
  }
}

@Injectable()
export class AuditTrailService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditRepository,
    private readonly shares: SharesRepository,
  ) {}

  /**
   * The trail of a case, newest first, for managers of its owner agency. Changed values are shown only where
   * the reader may read that field of the case or party (an owner that is not the police reads that police
   * intelligence changed, not what it says).
   */
  async trail(ctx: RequestContext, caseId: string, first?: number | null, after?: string | null): Promise<Page<AuditEvent>> {
    const kase = await this.cases.require(ctx, caseId, 'readAudit');
    const limit = pageSize(first);
    let beforeId: string | null = null;
    if (after) {
      const [id] = decodeCursor(after, ['string']);
      if (!/^\d+$/.test(String(id))) throw new BadInputError('after', 'The cursor is not one this server issued');
      beforeId = String(id);
    }
    const rows = await this.audit.trailOfCase<AuditDetail>(ctx.db, kase.id, beforeId, limit + 1);
    const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor([row.id]), node: this.toEvent(ctx, kase, row) }));
    return withLazyTotal({ edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } }, () =>
      this.audit.countForCase(ctx.db, kase.id),
    );
  }

  private toEvent(ctx: RequestContext, kase: Case, row: AuditRow): AuditEvent {
    const party = row.detail.party;
    const readable = (change: FieldChange) => {
      const attributes = party
        ? subject('Party', { access: kase.relation, caseCategory: kase.category, role: party.role, anonymous: party.anonymous })
        : subject('Case', { access: kase.relation, category: kase.category });
      // Fields no rule governs (an action's status, a case's summary) are shown to whoever reads the trail.
      return !GOVERNED[party ? 'Party' : 'Case'].has(change.field) || ctx.ability.can('readField', attributes, change.field);
    };
    const changes: AuditChange[] = (row.detail.changes ?? []).map((change) => {
      const shown = readable(change);
      return {
        field: party ? `party.${change.field}` : change.field,
        from: shown ? text(change.from) : null,
        to: shown ? text(change.to) : null,
        withheld: !shown,
      };
    });
    return {
      id: row.id,
      at: row.at,
      actor: { id: row.actor_id, displayName: row.actor_name, agencyId: row.actor_agency_id },
      action: row.action,
      detail: describe(row),
      changes,
      fields: row.detail.fields ?? [],
    };
  }

  /** Every share of the case, live and revoked, oldest first: the record an information-sharing agreement asks for. */
  async disclosures(ctx: RequestContext, caseId: string): Promise<Disclosure[]> {
    const kase = await this.cases.require(ctx, caseId, 'readAudit');
    const rows = await this.shares.disclosuresOfCase(ctx.db, kase.id);
    return rows.map((row) => ({
      id: row.id,
      agencyId: row.agency_id,
      access: row.access,
      basis: row.reason,
      sharedAt: row.shared_at,
      sharedBy: { id: row.shared_by_id, displayName: row.shared_by_name, agencyId: row.shared_by_agency },
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by_id ? { id: row.revoked_by_id, displayName: row.revoked_by_name!, agencyId: row.revoked_by_agency! } : null,
    }));
  }
}
