import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { groupBy, NotFoundError, parseId, StateConflictError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type CaseReview, type CaseReviewThreshold, toCaseReview } from './case-review.model.js';
import { CaseReviewsRepository, type CaseReviewRow } from './case-reviews.repository.js';
import { caseReviewDeadlines, caseReviewThreshold, checkReceivedAt, decisionReason } from './case-reviews.rules.js';

/** Only the owner agency acknowledges and decides (requireOwnReview), so it reads the answer as the owner. */
const OWNER = 'OWNER';

@Injectable()
export class CaseReviewsService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly reviews: CaseReviewsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Complaints in the last six months by the case's victims and complainants: on this case, and on other
   * cases where the caller may read both the person's name here and the same person's name there (the same
   * name, and date of birth where both have one). So a name typed into one's own case counts nothing from a
   * case one cannot read: the count is no oracle for "is this person a victim elsewhere". One incident
   * reported to several agencies (same hour, same category) counts once. Only the count leaves here.
   */
  threshold(ctx: RequestContext, caseId: string): Promise<CaseReviewThreshold> {
    const loader = loaderFor(
      ctx,
      'case.reviewThreshold',
      () =>
        new DataLoader<string, number>(async (ids) => {
          const rows = await this.reviews.complaintsOfCases(ctx.db, ctx, ids);
          const byId = new Map(rows.map((row) => [row.case_id, row.complaints]));
          return ids.map((id) => byId.get(id) ?? 0);
        }),
    );
    return loader.load(caseId).then((complaints) => caseReviewThreshold(complaints, this.config.caseReview.threshold));
  }

  async ofCase(ctx: RequestContext, parent: Case): Promise<CaseReview[]> {
    const loader = loaderFor(
      ctx,
      'case.reviews',
      () =>
        new DataLoader<string, CaseReviewRow[]>(async (ids) => {
          const rows = await this.reviews.ofCases(ctx.db, ids);
          return groupBy(ids, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map((row) => toCaseReview(ctx.ability, parent.relation, row));
  }

  /** An application received on a case the caller's agency holds: the clock starts from when it was received. */
  async request(ctx: RequestContext, caseId: string, receivedAt: Date): Promise<CaseReview> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    checkReceivedAt(receivedAt, Date.now());
    const { acknowledgeBy, decideBy, meetBy } = caseReviewDeadlines(receivedAt, this.config.caseReview);
    const row = await this.reviews.add(ctx.db, {
      caseId: kase.id,
      receivedAt,
      acknowledgeBy,
      decideBy,
      meetBy,
      requestedById: ctx.user!.id,
    });
    await this.audit.record(ctx, kase.id, AuditAction.CASE_REVIEW_REQUESTED, {
      review: row.id,
      receivedAt: receivedAt.toISOString(),
    });
    return toCaseReview(ctx.ability, kase.relation, row);
  }

  async acknowledge(ctx: RequestContext, id: string): Promise<CaseReview> {
    const review = await this.requireOwnReview(ctx, id);
    if (review.acknowledged_at) throw new StateConflictError('The application was already acknowledged', 'id');
    await this.audit.record(ctx, review.case_id, AuditAction.CASE_REVIEW_ACKNOWLEDGED, { review: review.id });
    return toCaseReview(ctx.ability, OWNER, await this.reviews.acknowledge(ctx.db, review.id));
  }

  async decide(ctx: RequestContext, id: string, thresholdMet: boolean, reason: string): Promise<CaseReview> {
    const review = await this.requireOwnReview(ctx, id);
    if (review.decided_at) throw new StateConflictError('The threshold was already decided', 'id');
    const why = decisionReason(reason);
    await this.audit.record(ctx, review.case_id, AuditAction.CASE_REVIEW_DECIDED, {
      review: review.id,
      thresholdMet,
      reason: why,
    });
    return toCaseReview(ctx.ability, OWNER, await this.reviews.decide(ctx.db, review.id, thresholdMet, why));
  }

  /**
   * A review the caller's agency may acknowledge and decide: NOT_FOUND where the case is not the caller's to
   * see, FORBIDDEN (as for closing) where it holds the case but does not own it.
   */
  private async requireOwnReview(ctx: RequestContext, id: string): Promise<CaseReviewRow> {
    const row = await this.reviews.findForChange(ctx.db, ctx, parseId(id, 'id'));
    if (!row) throw new NotFoundError('Case review', 'id');
    await this.cases.require(ctx, row.case_id, 'decideReview', 'id');
    return row;
  }
}
