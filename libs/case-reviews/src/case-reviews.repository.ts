import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, rows, SqlParams } from '#libs/db';
import { accessibleSql } from '#libs/access';
import { CasesRepository } from '#libs/cases';
import type { RequestContext } from '#libs/context';
import { IncidentsRepository } from '#libs/incidents';
import { MeetingsRepository } from '#libs/meetings';
import { CASE_REVIEW_WINDOW_MONTHS, CaseReviewStep } from './case-reviews.rules.js';

export interface CaseReviewRow {
  id: string;
  case_id: string;
  received_at: Date;
  requested_at: Date;
  acknowledge_by: Date;
  decide_by: Date;
  meet_by: Date;
  acknowledged_at: Date | null;
  decided_at: Date | null;
  met_at: Date | null;
  threshold_met: boolean | null;
  decision_reason: string | null;
  // Issue 19, item 1.
  spoc_agency_id: string | null;
  applicant_name: string | null;
  applicant_contact: string | null;
  applicant_relationship: string | null;
  third_party: boolean;
  consent_recorded_at: Date | null;
  meeting_id: string | null;
  tell_by: Date | null;
  conclusion: string | null;
  outcome_at: Date | null;
  recommendation_action_ids: string[];
  told_at: Date | null;
  told_how: string | null;
  appeal_by: Date | null;
  appealed_at: Date | null;
  appeal_grounds: string | null;
  appeal_meeting_id: string | null;
  appeal_heard_by: Date | null;
  appeal_upheld: boolean | null;
  appeal_outcome: string | null;
  appeal_decided_at: Date | null;
  /** The linked cases the `db` admits, first linked first. */
  case_ids: string[];
  /** Their owner agencies: the caller's own cases are always among them, so "owns a linked case" is exact. */
  linked_owner_agency_ids: string[];
}

/**
 * Whether the case `c` is one the application `r` concerns: its first case, or one linked since. An application
 * written before links existed (or by a fixture) has its first case only, so both are asked.
 */
const LINKED = (c: string, r: string) =>
  `(${c}.id = ${r}.case_id OR ${c}.id IN (SELECT l.case_id FROM case_review_cases l WHERE l.review_id = ${r}.id))`;

/** The review's columns, and when its meeting was held (the earliest CASE_REVIEW meeting hearing the case since it was received). */
const REVIEW_COLUMNS = `r.id, r.case_id, r.received_at, r.requested_at, r.acknowledge_by, r.decide_by, r.meet_by, r.acknowledged_at, r.decided_at,
  r.threshold_met, r.decision_reason,
  r.spoc_agency_id, r.applicant_name, r.applicant_contact, r.applicant_relationship, r.third_party, r.consent_recorded_at,
  r.meeting_id, r.tell_by, r.conclusion, r.outcome_at, r.recommendation_action_ids, r.told_at, r.told_how, r.appeal_by,
  r.appealed_at, r.appeal_grounds, r.appeal_meeting_id, r.appeal_heard_by, r.appeal_upheld, r.appeal_outcome,
  r.appeal_decided_at,
  ARRAY(SELECT lc.id FROM ${CasesRepository.tableAs('lc')} WHERE ${LINKED('lc', 'r')}
         ORDER BY coalesce((SELECT l.linked_at FROM case_review_cases l WHERE l.review_id = r.id AND l.case_id = lc.id), r.requested_at), lc.id) AS case_ids,
  ARRAY(SELECT DISTINCT lc.owner_agency_id FROM ${CasesRepository.tableAs('lc')} WHERE ${LINKED('lc', 'r')}) AS linked_owner_agency_ids,
  ${MeetingsRepository.caseReviewHeldAtSql('r')} AS met_at`;

export interface CaseReviewFiguresRow {
  received: number;
  threshold_met: number;
  threshold_not_met: number;
  reviews_held: number;
  recommendations: number;
  appeals_received: number;
  appeals_upheld: number;
}

/** Whether the application `r`'s `step` was alerted already. */
const claimed = (step: CaseReviewStep) =>
  `EXISTS (SELECT 1 FROM case_review_breaches b WHERE b.review_id = r.id AND b.step = '${step}')`;

/** The only code that names the case_reviews table. */
@Injectable()
export class CaseReviewsRepository {
  // anonymising, for retention

  /** The review and its outcome stay for the figures; the reasons given, which name people, go. */
  @AnonymisesCases({ tables: ['case_reviews'] })
  anonymiseReviews(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE case_reviews SET decision_reason = NULL, applicant_name = NULL, applicant_contact = NULL,
              applicant_relationship = NULL, conclusion = NULL, told_how = NULL, appeal_grounds = NULL, appeal_outcome = NULL
        WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }

  /** The applications on the cases, by case then newest first. */
  ofCases(db: Database, caseIds: readonly string[]): Promise<(CaseReviewRow & { of_case_id: string })[]> {
    return rows<CaseReviewRow & { of_case_id: string }>(
      db,
      `SELECT x.of_case_id, ${REVIEW_COLUMNS}
         FROM (SELECT r.id, r.case_id AS of_case_id FROM case_reviews r WHERE r.case_id = ANY($1::uuid[])
               UNION
               SELECT l.review_id, l.case_id FROM case_review_cases l WHERE l.case_id = ANY($1::uuid[])) x
         JOIN case_reviews r ON r.id = x.id
        ORDER BY x.of_case_id, r.received_at DESC`,
      [caseIds],
    );
  }

  /** A new application, its first case `caseId`; link its cases with `link`. */
  async add(
    db: Database,
    review: {
      caseId: string;
      receivedAt: Date;
      acknowledgeBy: Date;
      decideBy: Date;
      meetBy: Date;
      tellBy: Date;
      requestedById: string;
      spocAgencyId?: string | null;
      applicant?: { name: string; contact: string; relationship: string | null; thirdParty: boolean; consent: boolean };
    },
  ): Promise<string> {
    const a = review.applicant;
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO case_reviews (case_id, received_at, acknowledge_by, decide_by, meet_by, tell_by, requested_by_id,
                                 spoc_agency_id, applicant_name, applicant_contact, applicant_relationship, third_party,
                                 consent_recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $13::boolean THEN now() END) RETURNING id`,
      [
        review.caseId,
        review.receivedAt,
        review.acknowledgeBy,
        review.decideBy,
        review.meetBy,
        review.tellBy,
        review.requestedById,
        review.spocAgencyId ?? null,
        a?.name ?? null,
        a?.contact ?? null,
        a?.relationship ?? null,
        a?.thirdParty ?? false,
        a?.consent ?? false,
      ],
    );
    return row!.id;
  }

  /** Links cases to an application (a case already linked stays as it was). */
  link(db: Database, reviewId: string, caseIds: readonly string[], userId: string): Promise<number> {
    return exec(
      db,
      `INSERT INTO case_review_cases (review_id, case_id, linked_by_id, spoc_agency_id)
       SELECT r.id, c.id, $3, r.spoc_agency_id FROM case_reviews r, unnest($2::uuid[]) AS c(id) WHERE r.id = $1
       ON CONFLICT DO NOTHING`,
      [reviewId, caseIds, userId],
    );
  }

  /** One application as the `db` admits it. */
  find(db: Database, id: string, lock = false): Promise<CaseReviewRow | undefined> {
    return one<CaseReviewRow>(
      db,
      `SELECT ${REVIEW_COLUMNS} FROM case_reviews r WHERE r.id = $1::uuid${lock ? ' FOR UPDATE OF r' : ''}`,
      [id],
    );
  }

  /**
   * The applications the agency answers for: those it logged as single point of contact, and those on cases it
   * owns; the open ones (not yet told, or with an appeal unheard) first, then newest.
   */
  ofAgency(db: Database, agencyId: string): Promise<CaseReviewRow[]> {
    return rows<CaseReviewRow>(
      db,
      `SELECT ${REVIEW_COLUMNS} FROM case_reviews r
        WHERE r.spoc_agency_id = $1
           OR EXISTS (SELECT 1 FROM ${CasesRepository.tableAs('oc')} WHERE ${LINKED('oc', 'r')} AND oc.owner_agency_id = $1)
        ORDER BY (r.told_at IS NULL OR (r.appealed_at IS NOT NULL AND r.appeal_decided_at IS NULL)) DESC, r.received_at DESC
        LIMIT 500`,
      [agencyId],
    );
  }

  setMeeting(db: Database, id: string, meetingId: string): Promise<number> {
    return exec(db, `UPDATE case_reviews SET meeting_id = $2 WHERE id = $1`, [id, meetingId]);
  }

  recordOutcome(db: Database, id: string, conclusion: string, actionIds: readonly string[]): Promise<number> {
    return exec(
      db,
      `UPDATE case_reviews SET conclusion = $2, outcome_at = now(), recommendation_action_ids = $3::uuid[] WHERE id = $1`,
      [id, conclusion, actionIds],
    );
  }

  recordTold(db: Database, id: string, toldAt: Date, how: string, appealBy: Date): Promise<number> {
    return exec(db, `UPDATE case_reviews SET told_at = $2, told_how = $3, appeal_by = $4 WHERE id = $1`, [
      id,
      toldAt,
      how,
      appealBy,
    ]);
  }

  recordAppeal(db: Database, id: string, appealedAt: Date, grounds: string, heardBy: Date): Promise<number> {
    return exec(
      db,
      `UPDATE case_reviews SET appealed_at = $2, appeal_grounds = $3, appeal_heard_by = $4 WHERE id = $1`,
      [id, appealedAt, grounds, heardBy],
    );
  }

  recordAppealOutcome(db: Database, id: string, meetingId: string, upheld: boolean, outcome: string): Promise<number> {
    return exec(
      db,
      `UPDATE case_reviews SET appeal_meeting_id = $2, appeal_upheld = $3, appeal_outcome = $4, appeal_decided_at = now()
        WHERE id = $1`,
      [id, meetingId, upheld, outcome],
    );
  }

  /**
   * The figures a council publishes for a period, over the applications `agencyId` answers for (as `ofAgency`):
   * received in the period, and of those the thresholds met and not met, reviews held, recommendations made,
   * appeals received and upheld.
   */
  async figures(db: Database, agencyId: string, from: Date, to: Date): Promise<CaseReviewFiguresRow> {
    return (await one<CaseReviewFiguresRow>(
      db,
      `SELECT count(*)::int AS received,
              count(*) FILTER (WHERE r.threshold_met)::int AS threshold_met,
              count(*) FILTER (WHERE r.threshold_met = false)::int AS threshold_not_met,
              count(*) FILTER (WHERE r.met_at IS NOT NULL)::int AS reviews_held,
              coalesce(sum(cardinality(r.recommendation_action_ids)), 0)::int AS recommendations,
              count(*) FILTER (WHERE r.appealed_at IS NOT NULL)::int AS appeals_received,
              count(*) FILTER (WHERE r.appeal_upheld)::int AS appeals_upheld
         FROM (SELECT r.*, ${MeetingsRepository.caseReviewHeldAtSql('r')} AS met_at FROM case_reviews r
                WHERE r.received_at >= $2 AND r.received_at < $3
                  AND (r.spoc_agency_id = $1
                       OR (r.spoc_agency_id IS NULL AND EXISTS (
                             SELECT 1 FROM ${CasesRepository.tableAs('oc')} WHERE ${LINKED('oc', 'r')} AND oc.owner_agency_id = $1)))) r`,
      [agencyId, from, to],
    ))!;
  }

  // for the scheduler, unscoped (system)

  /**
   * Applications with a step that may have run out at `now` and is not yet alerted (the rules decide which): an
   * application alerted for every late step drops out, so old ones never crowd new ones past the limit.
   */
  overdueCandidates(db: Database, now: Date): Promise<CaseReviewRow[]> {
    return rows<CaseReviewRow>(
      db,
      `SELECT ${REVIEW_COLUMNS} FROM case_reviews r
        WHERE (r.acknowledged_at IS NULL AND r.acknowledge_by < $1 AND r.acknowledge_by > r.requested_at AND NOT ${claimed(CaseReviewStep.ACKNOWLEDGE)})
           OR (r.decided_at IS NULL AND r.decide_by < $1 AND r.decide_by > r.requested_at AND NOT ${claimed(CaseReviewStep.DECIDE)})
           OR (r.threshold_met IS DISTINCT FROM false AND r.meet_by < $1 AND r.meet_by > r.requested_at AND NOT ${claimed(CaseReviewStep.MEET)})
           OR (r.told_at IS NULL AND r.tell_by < $1 AND r.tell_by > r.requested_at AND NOT ${claimed(CaseReviewStep.TELL)})
           OR (r.appealed_at IS NOT NULL AND r.appeal_decided_at IS NULL AND r.appeal_heard_by < $1
               AND NOT ${claimed(CaseReviewStep.APPEAL_HEARING)})
        ORDER BY r.received_at LIMIT 500`,
      [now],
    );
  }

  /** Claims each (application, step) for its one alert; answers those no other pass claimed first. */
  claimBreaches(
    db: Database,
    breaches: { reviewId: string; step: string }[],
  ): Promise<{ review_id: string; step: string }[]> {
    return rows(
      db,
      `INSERT INTO case_review_breaches (review_id, step)
       SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING RETURNING review_id, step`,
      [breaches.map((b) => b.reviewId), breaches.map((b) => b.step)],
    );
  }

  /**
   * An application the caller sees, locked for the change that follows: its own agency's as single point of
   * contact (where `ownAgency` is set: the caller may read those), or one linked to a case the caller may read;
   * undefined otherwise, exactly as if it did not exist.
   */
  findVisible(
    db: Database,
    ctx: Pick<RequestContext, 'ability'>,
    id: string,
    ownAgency: string | null,
    lock = true,
  ): Promise<CaseReviewRow | undefined> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const agencyParam = params.add(ownAgency);
    const scope = accessibleSql(ctx.ability, 'read', 'Case', 'c', params);
    return one<CaseReviewRow>(
      db,
      `SELECT ${REVIEW_COLUMNS} FROM case_reviews r
        WHERE r.id = ${idParam}::uuid
          AND (r.spoc_agency_id = ${agencyParam}::uuid
               OR r.case_id IN (${CasesRepository.idsWhereSql('c', scope)})
               OR EXISTS (SELECT 1 FROM case_review_cases l WHERE l.review_id = r.id
                            AND l.case_id IN (${CasesRepository.idsWhereSql('c', scope)})))${lock ? ' FOR UPDATE OF r' : ''}`,
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
