import { Injectable } from '@nestjs/common';
import { AgenciesService } from '#libs/agencies';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import {
  BadInputError,
  NotFoundError,
  parseId,
  type ShareAccess,
  StateConflictError,
  statedReason,
} from '#libs/common';
import type { RequestContext } from '#libs/context';
import { SharesService, type SharingBasisChoice } from '#libs/shares';
import { type AccessRequest, type AccessRequestRow, AccessRequestStatus, toAccessRequest } from './known-to.model.js';
import { KnownToRepository } from './known-to.repository.js';

/** What the resolver completes (the agencies, the case) from the row. */
export type AccessRequestView = Omit<AccessRequest, 'case' | 'requesterAgency' | 'ownerAgency'>;

/**
 * A searcher asks an owner agency for a locked record; the owner's managers grant a share at the access they
 * choose, or refuse, each with a reason on the case's trail. The requester learns the case only through the share.
 */
@Injectable()
export class AccessRequestsService {
  constructor(
    private readonly cases: CasesService,
    private readonly agencies: AgenciesService,
    private readonly shares: SharesService,
    private readonly audit: AuditLog,
    private readonly repository: KnownToRepository,
  ) {}

  /**
   * From the caller's own handle, while it is fresh and the record still locked and discoverable: any other
   * handle is NOT_FOUND alike, so a handle cannot be guessed, borrowed or kept.
   */
  async request(ctx: RequestContext, hitId: string, reason: string): Promise<AccessRequestView> {
    const user = ctx.user!;
    const stated = statedReason(reason);
    if (stated === null) throw new BadInputError('reason', 'Say why you need access, in 3 to 2,000 characters');
    const hit = await this.repository.lockedCaseOfHit(ctx.system, {
      id: parseId(hitId, 'hitId'),
      userId: user.id,
      agencyId: user.agencyId,
    });
    if (!hit) throw new NotFoundError('Record', 'hitId');
    const inserted = await this.repository.insertRequest(ctx.db, {
      caseId: hit.case_id,
      ownerAgencyId: hit.owner_agency_id,
      userId: user.id,
      agencyId: user.agencyId,
      reason: stated,
    });
    if (!inserted) throw new StateConflictError('Your agency has already asked for access to this record', 'hitId');
    const agency = await this.agencies.byId(ctx, user.agencyId);
    await this.audit.record(ctx, hit.case_id, AuditAction.ACCESS_REQUESTED, {
      requestedBy: { id: user.id, displayName: user.displayName },
      agency: { id: agency.id, name: agency.name },
      reason: stated,
    });
    await this.repository.notifyOwner(ctx.db, hit.owner_agency_id, inserted.id);
    return toAccessRequest((await this.repository.byId(ctx.db, inserted.id))!);
  }

  /**
   * Grant (a share through the sharing service, at the access chosen, with the decision's reason as its basis)
   * or refuse (nothing shared). Another agency's request is NOT_FOUND; one already decided is CONFLICT.
   */
  async decide(
    ctx: RequestContext,
    id: string,
    grant: boolean,
    access: ShareAccess | null | undefined,
    reason: string,
    basis?: SharingBasisChoice,
  ): Promise<AccessRequestView> {
    const user = ctx.user!;
    const stated = statedReason(reason);
    if (stated === null) throw new BadInputError('reason', 'Say why, in 3 to 2,000 characters');
    if (grant && !access) throw new BadInputError('access', 'Choose the access to grant: FULL or LIMITED');
    const row = await this.repository.forOwner(ctx.db, parseId(id, 'id'), user.agencyId, true);
    if (!row) throw new NotFoundError('AccessRequest', 'id');
    if (row.status !== AccessRequestStatus.PENDING)
      throw new StateConflictError('This request has already been decided', 'id');
    if (grant) await this.shares.share(ctx, row.case_id, row.requester_agency_id, access!, stated, basis);
    await this.repository.decide(ctx.db, row.id, {
      status: grant ? AccessRequestStatus.GRANTED : AccessRequestStatus.REFUSED,
      userId: user.id,
      reason: stated,
      access: grant ? access! : null,
    });
    const requester = await this.agencies.byId(ctx, row.requester_agency_id);
    await this.audit.record(ctx, row.case_id, grant ? AuditAction.ACCESS_GRANTED : AuditAction.ACCESS_REFUSED, {
      requestedBy: { id: row.requested_by_id, displayName: row.requested_by_name },
      agency: { id: requester.id, name: requester.name },
      ...(grant ? { access: access! } : {}),
      reason: stated,
    });
    await this.repository.notifyOwner(ctx.db, row.owner_agency_id, row.id);
    return toAccessRequest((await this.repository.forOwner(ctx.db, row.id, user.agencyId))!);
  }

  /** Requests to the caller's agency (its managers'), newest first. */
  async ofOwnAgency(ctx: RequestContext, status: AccessRequestStatus | null | undefined): Promise<AccessRequestView[]> {
    return (await this.repository.ofOwner(ctx.db, ctx.user!.agencyId, status ?? null)).map(toAccessRequest);
  }

  /** The caller's own requests and their outcomes, newest first. */
  async mine(ctx: RequestContext): Promise<AccessRequestView[]> {
    return (await this.repository.ofRequester(ctx.db, ctx.user!.id)).map(toAccessRequest);
  }

  /** One request to the caller's agency, read afresh for a live push; null once it is not theirs to see. */
  async forOwnAgency(ctx: RequestContext, id: string): Promise<AccessRequestView | null> {
    const row: AccessRequestRow | undefined = await this.repository.forOwner(ctx.db, id, ctx.user!.agencyId);
    return row ? toAccessRequest(row) : null;
  }

  /** The case, to whoever may see it now (the owner; the requester once granted): null otherwise. */
  caseOf(ctx: RequestContext, request: AccessRequestView): Promise<Case | null> {
    return this.cases.visibleById(ctx, request.caseId);
  }
}
