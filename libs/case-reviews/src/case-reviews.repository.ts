import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, rows, SqlParams } from '#libs/db';
import { accessibleSql } from '#libs/access';
import { CasesRepository } from '#libs/cases';
import type { RequestContext } from '#libs/context';
import { IncidentsRepository } from '#libs/incidents';
import { MeetingsRepository } from '#libs/meetings';
import { CASE_REVIEW_WINDOW_MONTHS } from './case-reviews.rules.js';

export interface CaseReviewRow {
  id: string;
  case_id: string;
  received_at: Date;
  acknowledge_by: Date;
  decide_by: Date;
  meet_by: Date;
  acknowledged_at: Date | null;
  decided_at: Date | null;
  met_at: Date | null;
  threshold_met: boolean | null;
  decision_reason: string | null;
}

/** The review's columns, and when its meeting was held (the earliest CASE_REVIEW meeting hearing the case since it was received). */
const REVIEW_COLUMNS = `r.id, r.case_id, r.received_at, r.acknowledge_by, r.decide_by, r.meet_by, r.acknowledged_at, r.decided_at,
  r.threshold_met, r.decision_reason,
  ${MeetingsRepository.caseReviewHeldAtSql('r')} AS met_at`;

/** The only code that names the case_reviews table. */
@Injectable()
export class CaseReviewsRepository {
  // anonymising, for retention

  /** The review and its outcome stay for the figures; the reasons given, which name people, go. */
  @AnonymisesCases({ tables: ['case_reviews'] })
  anonymiseReviews(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE case_reviews SET decision_reason = NULL WHERE case_id = ANY($1)`, [caseIds]);
  }

  /** The applications on the cases, by case then newest first. */
  ofCases(db: Database, caseIds: readonly string[]): Promise<CaseReviewRow[]> {
    return rows<CaseReviewRow>(
      db,
      `SELECT ${REVIEW_COLUMNS} FROM case_reviews r WHERE r.case_id = ANY($1::uuid[]) ORDER BY r.case_id, r.received_at DESC`,
      [caseIds],
    );
  }

  async add(
    db: Database,
    review: {
      caseId: string;
      receivedAt: Date;
      acknowledgeBy: Date;
      decideBy: Date;
      meetBy: Date;
      requestedById: string;
    },
  ): Promise<CaseReviewRow> {
    return (await one<CaseReviewRow>(
      db,
      `WITH r AS (INSERT INTO case_reviews (case_id, received_at, acknowledge_by, decide_by, meet_by, requested_by_id)
                  VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
       SELECT ${REVIEW_COLUMNS} FROM r`,
      [review.caseId, review.receivedAt, review.acknowledgeBy, review.decideBy, review.meetBy, review.requestedById],
    ))!;
  }

  /**
   * An application on a case the caller may `contribute` to, locked for the change that follows; undefined
   * where the case is not the caller's to see.
   */
  findForChange(db: Database, ctx: Pick<RequestContext, 'ability'>, id: string): Promise<CaseReviewRow | undefined> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const scope = accessibleSql(ctx.ability, 'contribute', 'Case', 'c', params);
    return one<CaseReviewRow>(
      db,
      `SELECT ${REVIEW_COLUMNS} FROM case_reviews r WHERE r.id = ${idParam}::uuid AND r.case_id IN (${CasesRepository.idsWhereSql('c', scope)}) FOR UPDATE OF r`,
      params.values,
    );
  }

  async acknowledge(db: Database, id: string): Promise<CaseReviewRow> {
    return (await one<CaseReviewRow>(
      db,
      `WITH r AS (UPDATE case_reviews SET acknowledged_at = now() WHERE id = $1 RETURNING *) SELECT ${REVIEW_COLUMNS} FROM r`,
      [id],
    ))!;
  }

  /** The threshold decided, and acknowledged with it if it was not yet. */
  async decide(db: Database, id: string, thresholdMet: boolean, reason: string): Promise<CaseReviewRow> {
    return (await one<CaseReviewRow>(
      db,
      `WITH r AS (UPDATE case_reviews SET decided_at = now(), acknowledged_at = coalesce(acknowledged_at, now()), threshold_met = $2, decision_reason = $3 WHERE id = $1 RETURNING *) SELECT ${REVIEW_COLUMNS} FROM r`,
      [id, thresholdMet, reason],
    ))!;
  }

  /**
   * For each case, the most complaints any one of its victims and complainants made in the window, over that
   * case and the cases where the caller may read the same person's name (CasesRepository.samePersonCasesSql).
   * A case with no named victim or complainant is left out.
   */
  complaintsOfCases(
    db: Database,
    ctx: RequestContext,
    caseIds: readonly string[],
  ): Promise<{ case_id: string; complaints: number }[]> {
    const params = new SqlParams();
    const idsParam = params.add(caseIds);
    return rows(
      db,
      `SELECT pe.case_id, max(${IncidentsRepository.distinctComplaintsSinceSql('pe.case_ids', CASE_REVIEW_WINDOW_MONTHS)})::int AS complaints
         FROM (${CasesRepository.samePersonCasesSql(ctx, idsParam, params)}) pe
        GROUP BY pe.case_id`,
      params.values,
    );
  }
}
