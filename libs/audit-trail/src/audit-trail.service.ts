import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { readGovernedFields } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { type AuditDetail, AuditRepository, type FieldChange, type TrailRow } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { BadInputError, decodeCursor, encodeCursor, type Page, pageSize, withLazyTotal } from '#libs/common';
import { SharesRepository } from '#libs/shares';
import type { AuditChange, AuditEvent, Disclosure } from './audit-event.model.js';
import { describeAuditEvent, shownAsText } from './audit-trail.rules.js';

type AuditRow = TrailRow<AuditDetail>;

const GOVERNED = { Case: new Set(readGovernedFields('Case')), Party: new Set(readGovernedFields('Party')) };

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
  async trail(
    ctx: RequestContext,
    caseId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<AuditEvent>> {
    const kase = await this.cases.require(ctx, caseId, 'readAudit');
    const limit = pageSize(first);
    let beforeId: string | null = null;
    if (after) {
      const [id] = decodeCursor(after, ['string']);
      if (!/^\d+$/.test(String(id))) throw new BadInputError('after', 'The cursor is not one this server issued');
      beforeId = String(id);
    }
    const rows = await this.audit.trailOfCase<AuditDetail>(ctx.db, kase.id, beforeId, limit + 1);
    const edges = rows
      .slice(0, limit)
      .map((row) => ({ cursor: encodeCursor([row.id]), node: this.toEvent(ctx, kase, row) }));
    return withLazyTotal(
      { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } },
      () => this.audit.countForCase(ctx.db, kase.id),
    );
  }

  private toEvent(ctx: RequestContext, kase: Case, row: AuditRow): AuditEvent {
    const party = row.detail.party;
    const readable = (change: FieldChange) => {
      const attributes = party
        ? subject('Party', {
            access: kase.relation,
            caseCategory: kase.category,
            role: party.role,
            anonymous: party.anonymous,
          })
        : subject('Case', { access: kase.relation, category: kase.category });
      // Fields no rule governs (an action's status, a case's summary) are shown to whoever reads the trail.
      return (
        !GOVERNED[party ? 'Party' : 'Case'].has(change.field) || ctx.ability.can('readField', attributes, change.field)
      );
    };
    const changes: AuditChange[] = (row.detail.changes ?? []).map((change) => {
      const shown = readable(change);
      return {
        field: party ? `party.${change.field}` : change.field,
        from: shown ? shownAsText(change.from) : null,
        to: shown ? shownAsText(change.to) : null,
        withheld: !shown,
      };
    });
    return {
      id: row.id,
      at: row.at,
      actor: { id: row.actor_id, displayName: row.actor_name, agencyId: row.actor_agency_id },
      action: row.action,
      detail: describeAuditEvent(row),
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
      lawfulBasis: row.lawful_basis,
      lawfulBasisDetail: row.lawful_basis_detail,
      consent: { state: row.consent_state, detail: row.consent_detail },
      sharedAt: row.shared_at,
      sharedBy: { id: row.shared_by_id, displayName: row.shared_by_name, agencyId: row.shared_by_agency },
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by_id
        ? { id: row.revoked_by_id, displayName: row.revoked_by_name!, agencyId: row.revoked_by_agency! }
        : null,
    }));
  }
}
