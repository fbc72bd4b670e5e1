import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesRepository, CasesService, toCase } from '#libs/cases';
import { StateConflictError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { IntakeRepository } from '#libs/intake';
import { AnonymiserRegistry } from './anonymiser-registry.js';
import { type LegalHold, type LegalHoldRow, type RetentionReview, toLegalHold } from './retention.model.js';
import { RetentionRepository } from './retention.repository.js';
import { assertSameAsReviewed, dueUnderHolds, holdReason, retentionCutoff } from './retention.rules.js';

/**
 * Retention decides what is due (closed past the period, under no legal hold) and asks every library that keeps
 * personal data about a case to anonymise its own rows (the AnonymiserRegistry); it names no other library's table.
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly intake: IntakeRepository,
    private readonly holds: RetentionRepository,
    private readonly anonymisers: AnonymiserRegistry,
    private readonly audit: AuditLog,
  ) {}

  private closedBefore(): Date {
    return retentionCutoff(new Date(), this.config.retentionYears);
  }

  /** The dry run, for managers of the owner agency: nothing changes. */
  async review(ctx: RequestContext): Promise<RetentionReview> {
    const closedBefore = this.closedBefore();
    const { due, held, holds } = await this.pastPeriod(ctx, closedBefore, false);
    const declined = await this.intake.countDeclinedDue(ctx.db, ctx.user!.agencyId, closedBefore);
    const candidate = (row: (typeof due)[number]) => {
      const hold = holds.get(row.id);
      return { case: toCase(ctx.ability, row), closedAt: row.closed_at!, legalHold: hold ? toLegalHold(hold) : null };
    };
    return {
      retentionYears: this.config.retentionYears,
      closedBefore,
      due: due.map(candidate),
      held: held.map(candidate),
      declinedReportsDue: declined,
    };
  }

  /**
   * Anonymises exactly the cases the dry run listed as due: `expectedCount` is the number the manager
   * reviewed, and `caseIds`, when given, the cases themselves; anything different now (a case crossed the
   * cut-off, a hold was placed) refuses with CONFLICT and changes nothing. Every registered anonymiser runs in
   * this mutation's one transaction, so a failure anywhere leaves every case whole.
   */
  async apply(ctx: RequestContext, expectedCount: number, caseIds?: string[] | null): Promise<number> {
    const closedBefore = this.closedBefore();
    const { due } = await this.pastPeriod(ctx, closedBefore, true);
    const ids = due.map((row) => row.id);
    assertSameAsReviewed(ids, expectedCount, caseIds);
    await this.intake.anonymiseDeclinedDue(ctx.db, ctx.user!.agencyId, closedBefore);
    if (ids.length === 0) return 0;
    await this.anonymisers.anonymise(ctx.db, ids);
    await this.audit.recordMany(ctx, ids, AuditAction.RETENTION_APPLIED, {
      retentionYears: this.config.retentionYears,
    });
    return ids.length;
  }

  /** The agency's closed cases past the period (locked for a real run), split by the holds on them. */
  private async pastPeriod(ctx: RequestContext, closedBefore: Date, lock: boolean) {
    const rows = await this.caseRows.closedNotAnonymisedBefore(ctx.db, ctx.user!.agencyId, closedBefore, lock);
    const holds = new Map<string, LegalHoldRow>();
    if (rows.length > 0)
      for (const hold of await this.holds.holdsOn(
        ctx.db,
        rows.map((row) => row.id),
      ))
        holds.set(hold.case_id, hold);
    return { ...dueUnderHolds(rows, holds), holds };
  }

  async placeHold(ctx: RequestContext, caseId: string, reason: string): Promise<Case> {
    const kase = await this.cases.require(ctx, caseId, 'hold');
    const why = holdReason(reason);
    if (!(await this.holds.placeHold(ctx.db, { caseId: kase.id, reason: why, placedById: ctx.user!.id }))) {
      throw new StateConflictError('This case already has a legal hold', 'caseId');
    }
    await this.audit.record(ctx, kase.id, AuditAction.LEGAL_HOLD_PLACED, { reason: why });
    return kase;
  }

  async releaseHold(ctx: RequestContext, caseId: string, reason: string): Promise<Case> {
    const kase = await this.cases.require(ctx, caseId, 'hold');
    const why = holdReason(reason);
    if (!(await this.holds.releaseHold(ctx.db, kase.id)))
      throw new StateConflictError('This case has no legal hold', 'caseId');
    await this.audit.record(ctx, kase.id, AuditAction.LEGAL_HOLD_RELEASED, { reason: why });
    return kase;
  }

  /** Null where the caller may not read it (owner only) or there is none. */
  async holdOf(ctx: RequestContext, parent: Case): Promise<LegalHold | null> {
    if (parent.redactedFields.includes('legalHold')) return null;
    const loader = loaderFor(
      ctx,
      'case.legalHold',
      () =>
        new DataLoader<string, LegalHoldRow | null>(async (caseIds) => {
          const rows = await this.holds.holdsOn(ctx.db, caseIds);
          const byCase = new Map(rows.map((row) => [row.case_id, row]));
          return caseIds.map((id) => byCase.get(id) ?? null);
        }),
    );
    const row = await loader.load(parent.id);
    return row ? toLegalHold(row) : null;
  }
}
