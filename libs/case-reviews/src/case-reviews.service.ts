import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { accessibleSql } from '#libs/access';
import { SqlParams } from '#libs/db';
import { loaderFor, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService, readablePersonSql, samePersonSql } from '#libs/cases';
import { BadInputError, groupBy, NotFoundError, parseId, StateConflictError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type CaseReview, type CaseReviewRow, type CaseReviewThreshold, REVIEW_COLUMNS, toCaseReview } from './case-review.model.js';
import { CASE_REVIEW_WINDOW_MONTHS, caseReviewDeadlines, caseReviewThreshold } from './case-reviews.rules.js';

@Injectable()
export class CaseReviewsService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
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
          const params = new SqlParams();
          const idsParam = params.add(ids);
          const rows: { case_id: string; complaints: number }[] = await ctx.db.query(
            `SELECT pe.case_id, max(pe.n)::int AS complaints FROM (
               SELECT p.case_id, p.id, count(DISTINCT (date_trunc('hour', i.occurred_at), i.category)) AS n
                 FROM parties p
                 JOIN cases c ON c.id = p.case_id
                 CROSS JOIN LATERAL (
                   SELECT p.case_id
                   UNION
                   SELECT p2.case_id FROM parties p2 JOIN cases c2 ON c2.id = p2.case_id
                    WHERE p2.role IN ('VICTIM','COMPLAINANT') AND p2.full_name IS NOT NULL AND ${samePersonSql('p2', 'p')}
                      AND ${readablePersonSql(ctx, 'p', 'c', params)} AND ${readablePersonSql(ctx, 'p2', 'c2', params)}
                 ) m
                 JOIN incidents i ON i.case_id = m.case_id AND i.occurred_at > now() - interval '${CASE_REVIEW_WINDOW_MONTHS} months'
                WHERE p.case_id = ANY(${idsParam}::uuid[]) AND p.role IN ('VICTIM','COMPLAINANT') AND p.full_name IS NOT NULL
                GROUP BY p.case_id, p.id) pe
             GROUP BY pe.case_id`,
            params.values,
          );
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
          const rows: CaseReviewRow[] = await ctx.db.query(
            `SELECT ${REVIEW_COLUMNS} FROM case_reviews r WHERE r.case_id = ANY($1::uuid[]) ORDER BY r.case_id, r.received_at DESC`,
            [ids],
          );
          return groupBy(ids, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map((row) => toCaseReview(ctx.ability, parent.relation, row));
  }

  /** An application received on a case the caller's agency holds: the clock starts from when it was received. */
  async request(ctx: RequestContext, caseId: string, receivedAt: Date): Promise<CaseReview> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    if (receivedAt.getTime() > Date.now() + 5 * 60_000) throw new BadInputError('receivedAt', 'receivedAt cannot be in the future');
    const { acknowledgeBy, decideBy, meetBy } = caseReviewDeadlines(receivedAt, this.config.caseReview);
    const [row]: CaseReviewRow[] = await ctx.db.query(
      `WITH r AS (INSERT INTO case_reviews (case_id, received_at, acknowledge_by, decide_by, meet_by, requested_by_id)
                  VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
       SELECT ${REVIEW_COLUMNS} FROM r`,
      [
        kase.id,
        receivedAt,
        acknowledgeBy,
        decideBy,
        meetBy,
        ctx.user!.id,
      ],
    );
    await this.audit.record(ctx, kase.id, AuditAction.CASE_REVIEW_REQUESTED, { review: row.id, receivedAt: receivedAt.toISOString() });
    return toCaseReview(ctx.ability, kase.relation, row);
  }

  async acknowledge(ctx: RequestContext, id: string): Promise<CaseReview> {
    const review = await this.requireOwnReview(ctx, id);
    if (review.acknowledged_at) throw new StateConflictError('The application was already acknowledged', 'id');
    await this.audit.record(ctx, review.case_id, AuditAction.CASE_REVIEW_ACKNOWLEDGED, { review: review.id });
    return this.update(ctx, review, `acknowledged_at = now()`, []);
  }

  async decide(ctx: RequestContext, id: string, thresholdMet: boolean, reason: string): Promise<CaseReview> {
    const review = await this.requireOwnReview(ctx, id);
    if (review.decided_at) throw new StateConflictError('The threshold was already decided', 'id');
    if (reason.trim().length < 3) throw new BadInputError('reason', 'Give the reason for the decision');
    await this.audit.record(ctx, review.case_id, AuditAction.CASE_REVIEW_DECIDED, { review: review.id, thresholdMet, reason: reason.trim() });
    return this.update(ctx, review, `decided_at = now(), acknowledged_at = coalesce(acknowledged_at, now()), threshold_met = $2, decision_reason = $3`, [
      thresholdMet,
      reason.trim(),
    ]);
  }

  private async update(ctx: RequestContext, review: CaseReviewRow, set: string, values: unknown[]): Promise<CaseReview> {
    const [row]: CaseReviewRow[] = await ctx.db.query(
      `WITH r AS (UPDATE case_reviews SET ${set} WHERE id = $1 RETURNING *) SELECT ${REVIEW_COLUMNS} FROM r`,
      [review.id, ...values],
    );
    // Only the owner agency acknowledges and decides (requireOwnReview).
    return toCaseReview(ctx.ability, 'OWNER', row);
  }

  /**
   * A review the caller's agency may acknowledge and decide: NOT_FOUND where the case is not the caller's to
   * see, FORBIDDEN (as for closing) where it holds the case but does not own it.
   */
  private async requireOwnReview(ctx: RequestContext, id: string): Promise<CaseReviewRow> {
    const params = new SqlParams();
    const idParam = params.add(parseId(id, 'id'));
    const scope = accessibleSql(ctx.ability, 'contribute', 'Case', 'c', params);
    const [row]: CaseReviewRow[] = await ctx.db.query(
      `SELECT ${REVIEW_COLUMNS} FROM case_reviews r JOIN cases c ON c.id = r.case_id WHERE r.id = ${idParam}::uuid AND ${scope} FOR UPDATE OF r`,
      params.values,
    );
    if (!row) throw new NotFoundError('Case review', 'id');
    await this.cases.require(ctx, row.case_id, 'decideReview', 'id');
    return row;
  }
}
