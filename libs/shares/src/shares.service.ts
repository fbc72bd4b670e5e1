import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { type CaseAccess, readGovernedFields, redact } from '#libs/access';
import { loaderFor, type RequestContext } from '#libs/context';
import { AgenciesService } from '#libs/agencies';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { BadInputError, groupBy, type ShareAccess, statedReason } from '#libs/common';
import { type CaseShare, type CaseShareRow } from './case-share.model.js';
import { SharesRepository } from './shares.repository.js';
import { basisProblem, recordedBasis, type SharingBasisChoice } from './shares.rules.js';

/** The fields of a share some reader may be refused, from the policy table (its "sharing basis" class). */
const SHARE_GOVERNED = readGovernedFields('CaseShare');

const toShare = (ctx: RequestContext, relation: CaseAccess, row: CaseShareRow): CaseShare =>
  redact(
    ctx.ability,
    'CaseShare',
    {
      id: row.id,
      caseId: row.case_id,
      agencyId: row.agency_id,
      access: row.access,
      reason: row.reason,
      lawfulBasis: row.lawful_basis,
      lawfulBasisDetail: row.lawful_basis_detail,
      consent: { state: row.consent_state, detail: row.consent_detail },
      sharedAt: row.shared_at,
      revokedAt: row.revoked_at,
      redactedFields: [],
    },
    { access: relation },
    SHARE_GOVERNED,
  );

@Injectable()
export class SharesService {
  constructor(
    private readonly cases: CasesService,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    private readonly repository: SharesRepository,
  ) {}

  /**
   * Re-sharing at another access revokes the live share and records a new one, so the disclosure history
   * keeps what each agency could see and when, and on which basis. Without `basis` the share is recorded as
   * OTHER in the words of `reason`, with consent NOT_RECORDED (the contract's shareCase).
   */
  async share(
    ctx: RequestContext,
    caseId: string,
    agencyId: string,
    access: ShareAccess,
    reason: string,
    basis?: SharingBasisChoice | null,
  ): Promise<CaseShare> {
    const kase = await this.cases.require(ctx, caseId, 'share');
    const agency = await this.agencies.require(ctx, agencyId, 'agencyId');
    if (agency.id === kase.ownerAgencyId)
      throw new BadInputError('agencyId', 'The owner agency already holds this case');
    const words = statedReason(reason);
    if (words === null) {
      throw new BadInputError('reason', 'reason must say the information-sharing basis in 3 to 2,000 characters');
    }
    const problem = basis ? basisProblem(basis) : null;
    if (problem) throw new BadInputError(problem.field, problem.message);
    const recorded = recordedBasis(words, basis);
    const replaced = await this.repository.revokeLive(ctx.db, kase.id, agency.id, ctx.user!.id);
    const row = await this.repository.insert(ctx.db, {
      caseId: kase.id,
      agencyId: agency.id,
      access,
      reason: words,
      basis: recorded,
      sharedById: ctx.user!.id,
    });
    await this.audit.record(ctx, kase.id, AuditAction.CASE_SHARED, {
      agency: { id: agency.id, name: agency.name },
      access,
      basis: words,
      lawfulBasis: recorded.lawfulBasis,
      lawfulBasisDetail: recorded.lawfulBasisDetail,
      consent: { state: recorded.consent, detail: recorded.consentDetail },
      ...(replaced[0] ? { replacedAccess: replaced[0].access } : {}),
    });
    await this.alerts.raise(ctx, AlertKind.CASE_SHARED, { caseId: kase.id, detail: { agencyId: agency.id, access } });
    return toShare(ctx, kase.relation, row);
  }

  /** True when a live share was revoked; false when the agency held none. */
  async revoke(ctx: RequestContext, caseId: string, agencyId: string): Promise<boolean> {
    const kase = await this.cases.require(ctx, caseId, 'share');
    const agency = await this.agencies.require(ctx, agencyId, 'agencyId');
    const revoked = await this.repository.revokeLive(ctx.db, kase.id, agency.id, ctx.user!.id);
    if (revoked.length === 0) return false;
    await this.audit.record(ctx, kase.id, AuditAction.SHARE_REVOKED, {
      agency: { id: agency.id, name: agency.name },
      access: revoked[0].access,
    });
    return true;
  }

  /** Live shares of many visible cases in one query. */
  async ofCase(ctx: RequestContext, parent: Case): Promise<CaseShare[]> {
    const loader = loaderFor(
      ctx,
      'case.shares',
      () =>
        new DataLoader<string, CaseShareRow[]>(async (caseIds) => {
          const rows = await this.repository.findLiveOfCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map((row) => toShare(ctx, parent.relation, row));
  }
}
