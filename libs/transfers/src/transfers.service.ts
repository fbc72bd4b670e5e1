import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AgenciesService } from '#libs/agencies';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesRepository, CasesService } from '#libs/cases';
import {
  BadInputError,
  CaseStatus,
  groupBy,
  NotFoundError,
  parseId,
  StateConflictError,
  statedReason,
} from '#libs/common';
import { type Database, withRowSecurityLifted } from '#libs/db';
import { KnownToRepository } from '#libs/known-to';
import { MeetingsRepository } from '#libs/meetings';
import { RetentionRepository } from '#libs/retention';
import { recordedBasis, SharesRepository } from '#libs/shares';
import { type CaseTransfer, type CaseTransferRow, CaseTransferStatus } from './case-transfer.model.js';
import type { OfferCaseTransferInput } from './transfers.inputs.js';
import { TransfersRepository } from './transfers.repository.js';
import { keptAccess, whyNotMovable } from './transfers.rules.js';

/**
 * Transfer of ownership (issue 19, item 2): the owner agency offers its case, and nothing changes until a manager
 * of the receiving agency accepts. Accepting moves the owner, the shares and what follows the owner in one
 * transaction, the caller's own.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly shares: SharesRepository,
    private readonly knownTo: KnownToRepository,
    private readonly meetings: MeetingsRepository,
    private readonly holds: RetentionRepository,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    private readonly repository: TransfersRepository,
  ) {}

  toTransfer(ctx: RequestContext, row: CaseTransferRow): CaseTransfer {
    return {
      id: row.id,
      reference: row.reference,
      category: row.category,
      reason: row.reason,
      keptAccess: row.kept_access,
      status: row.status,
      offeredAt: row.offered_at,
      decidedAt: row.decided_at,
      decisionReason: row.decision_reason,
      viewerCanDecide:
        row.status === CaseTransferStatus.PENDING &&
        ctx.ability.can('decide', subject('CaseTransfer', { toAgencyId: row.to_agency_id })),
      fromAgencyId: row.from_agency_id,
      toAgencyId: row.to_agency_id,
    };
  }

  async offer(ctx: RequestContext, input: OfferCaseTransferInput): Promise<CaseTransfer> {
    const kase = await this.cases.require(ctx, input.caseId, 'transfer');
    const agency = await this.agencies.require(ctx, input.agencyId, 'agencyId');
    if (agency.id === kase.ownerAgencyId) throw new BadInputError('agencyId', 'Your agency owns this case already');
    const reason = statedReason(input.reason);
    if (reason === null) throw new BadInputError('reason', 'Say why in 3 to 2,000 characters');
    if (kase.status !== CaseStatus.OPEN) throw new BadInputError('caseId', 'Only an open case may be transferred');
    await this.assertMovable(ctx.db, kase.id);
    const kept = keptAccess(input.keep);
    const row = await this.repository.insert(ctx.db, {
      caseId: kase.id,
      reference: kase.reference,
      category: kase.category,
      fromAgencyId: kase.ownerAgencyId,
      toAgencyId: agency.id,
      reason,
      keptAccess: kept,
      offeredById: ctx.user!.id,
    });
    if (!row) throw new StateConflictError('This case has been offered already: withdraw that offer first', 'caseId');
    await this.audit.record(ctx, kase.id, AuditAction.CASE_TRANSFER_OFFERED, {
      to: { id: agency.id, name: agency.name },
      keptAccess: kept,
      reason,
    });
    return this.toTransfer(ctx, row);
  }

  /**
   * The receiving agency takes the case on. It may not see the case yet, so the change runs with row security
   * lifted inside this mutation's own transaction, after the offer (scoped to the caller's agency) is locked.
   */
  async accept(ctx: RequestContext, id: string): Promise<Case> {
    const user = ctx.user!;
    const offer = await this.lockFor(ctx, 'decide', id);
    const [from, to] = await Promise.all([
      this.agencies.byId(ctx, offer.from_agency_id),
      this.agencies.byId(ctx, offer.to_agency_id),
    ]);
    await withRowSecurityLifted(ctx.db, user.agencyId, async () => {
      const kase = await this.caseRows.lockOwner(ctx.db, offer.case_id);
      if (!kase || kase.owner_agency_id !== offer.from_agency_id)
        throw new StateConflictError('The case is no longer the offering agency’s', 'id');
      if (kase.status !== CaseStatus.OPEN)
        throw new StateConflictError('The case was closed since it was offered', 'id');
      await this.assertMovable(ctx.db, kase.id, 'id');
      await this.caseRows.transferOwner(ctx.db, kase.id, offer.from_agency_id, offer.to_agency_id);
      // The new owner holds the case as owner, not through a share; the old owner keeps only what it chose.
      const replaced = await this.shares.revokeLive(ctx.db, kase.id, offer.to_agency_id, user.id);
      await this.shares.revokeLive(ctx.db, kase.id, offer.from_agency_id, user.id);
      if (offer.kept_access) {
        const words = `Kept by the previous owner when the case was transferred to ${to.name}: ${offer.reason}`.slice(
          0,
          2000,
        );
        await this.shares.insert(ctx.db, {
          caseId: kase.id,
          agencyId: offer.from_agency_id,
          access: offer.kept_access,
          reason: words,
          basis: recordedBasis(words, null),
          // The offering agency chose what it keeps.
          sharedById: offer.offered_by_id,
        });
      }
      await this.knownTo.followOwner(ctx.db, kase.id, offer.to_agency_id, user.id);
      await this.repository.decide(ctx.db, offer.id, {
        status: CaseTransferStatus.ACCEPTED,
        userId: user.id,
        reason: null,
      });
      await this.audit.record(ctx, kase.id, AuditAction.CASE_TRANSFERRED, {
        from: { id: from.id, name: from.name },
        to: { id: to.id, name: to.name },
        keptAccess: offer.kept_access,
        reason: offer.reason,
        ...(replaced[0] ? { replacedAccess: replaced[0].access } : {}),
      });
      await this.alerts.raise(ctx, AlertKind.CASE_TRANSFERRED, {
        caseId: kase.id,
        detail: { fromAgencyId: from.id, toAgencyId: to.id },
      });
    });
    const kase = await this.cases.findOne(ctx, offer.case_id);
    if (!kase) throw new NotFoundError('Case', 'id');
    return kase;
  }

  async decline(ctx: RequestContext, id: string, reason: string): Promise<CaseTransfer> {
    const offer = await this.lockFor(ctx, 'decide', id);
    const words = statedReason(reason);
    if (words === null) throw new BadInputError('reason', 'Say why in 3 to 2,000 characters');
    const row = await this.repository.decide(ctx.db, offer.id, {
      status: CaseTransferStatus.DECLINED,
      userId: ctx.user!.id,
      reason: words,
    });
    const to = await this.agencies.byId(ctx, offer.to_agency_id);
    await this.audit.record(ctx, offer.case_id, AuditAction.CASE_TRANSFER_DECLINED, {
      to: { id: to.id, name: to.name },
      reason: words,
    });
    return this.toTransfer(ctx, row!);
  }

  /** The offering agency takes its offer back while it waits. */
  async withdraw(ctx: RequestContext, id: string): Promise<CaseTransfer> {
    const offer = await this.lockFor(ctx, 'read', id);
    if (!ctx.ability.can('transfer', subject('Case', { ownerAgencyId: offer.from_agency_id })))
      throw new NotFoundError('Transfer offer', 'id');
    const row = await this.repository.decide(ctx.db, offer.id, {
      status: CaseTransferStatus.WITHDRAWN,
      userId: ctx.user!.id,
      reason: null,
    });
    const to = await this.agencies.byId(ctx, offer.to_agency_id);
    await this.audit.record(ctx, offer.case_id, AuditAction.CASE_TRANSFER_WITHDRAWN, {
      to: { id: to.id, name: to.name },
    });
    return this.toTransfer(ctx, row!);
  }

  async waiting(ctx: RequestContext): Promise<CaseTransfer[]> {
    const rows = await this.repository.waitingFor(ctx.db, ctx.ability, ctx.user!.agencyId);
    return rows.map((row) => this.toTransfer(ctx, row));
  }

  /** The offer waiting on a case, for the owner agency (who may offer it); batched per request. */
  async pendingOf(ctx: RequestContext, kase: Case): Promise<CaseTransfer | null> {
    if (!ctx.ability.can('transfer', subject('Case', { ownerAgencyId: kase.ownerAgencyId }))) return null;
    const loader = loaderFor(
      ctx,
      'case.pendingTransfer',
      () =>
        new DataLoader<string, CaseTransferRow[]>(async (caseIds) =>
          groupBy(caseIds, await this.repository.pendingOfCases(ctx.db, caseIds), (row) => row.case_id),
        ),
    );
    const [row] = await loader.load(kase.id);
    return row ? this.toTransfer(ctx, row) : null;
  }

  /** An offer the caller may act on, waiting: another agency's is NOT_FOUND, one decided already CONFLICT. */
  private async lockFor(ctx: RequestContext, action: 'decide' | 'read', id: string): Promise<CaseTransferRow> {
    const row = await this.repository.lockFor(ctx.db, ctx.ability, action, parseId(id, 'id'));
    if (!row) throw new NotFoundError('Transfer offer', 'id');
    if (row.status !== CaseTransferStatus.PENDING)
      throw new StateConflictError(`This offer was ${row.status.toLowerCase()} already`, 'id');
    return row;
  }

  private async assertMovable(db: Database, caseId: string, field = 'caseId'): Promise<void> {
    const [holds, referrals] = await Promise.all([
      this.holds.holdsOn(db, [caseId]),
      this.meetings.referralsOfCases(db, [caseId]),
    ]);
    const why = whyNotMovable(holds.length > 0, referrals);
    if (why) throw new StateConflictError(why, field);
  }
}
