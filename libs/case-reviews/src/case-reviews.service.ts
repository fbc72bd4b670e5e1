import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { subject } from '@casl/ability';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderFor, type RequestContext } from '#libs/context';
import { ActionsService } from '#libs/actions';
import { AlertKind, AlertOutbox, AlertScheduler } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import {
  ActionKind,
  addWorkingDays,
  BadInputError,
  ForbiddenError,
  MeetingKind,
  NotFoundError,
  parseId,
  StateConflictError,
} from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { MeetingsRepository } from '#libs/meetings';
import {
  type CaseReview,
  type CaseReviewFigures,
  type CaseReviewThreshold,
  relationToReview,
  reviewSubject,
  toCaseReview,
} from './case-review.model.js';
import type { CaseReviewOutcomeInput, LogCaseReviewInput } from './case-reviews.inputs.js';
import { CaseReviewsRepository, type CaseReviewRow } from './case-reviews.repository.js';
import {
  appealDeadline,
  applicantOf,
  caseReviewDeadlines,
  caseReviewThreshold,
  checkAppealInTime,
  checkDifferentChair,
  checkReceivedAt,
  decisionReason,
  overdueSteps,
  statedText,
  tellDeadline,
} from './case-reviews.rules.js';

@Injectable()
export class CaseReviewsService implements OnModuleInit {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly reviews: CaseReviewsRepository,
    private readonly actions: ActionsService,
    private readonly meetings: MeetingsRepository,
    private readonly scheduler: AlertScheduler,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.addPass((now) => this.raiseOverdue(now));
  }

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
          const byCase = new Map<string, CaseReviewRow[]>();
          for (const row of rows) byCase.set(row.of_case_id, [...(byCase.get(row.of_case_id) ?? []), row]);
          return ids.map((id) => byCase.get(id) ?? []);
        }),
    );
    return (await loader.load(parent.id)).map((row) =>
      toCaseReview(ctx.ability, relationToReview(ctx.user?.agencyId, parent.relation, row), row),
    );
  }

  /** An application received on a case the caller's agency holds: the clock starts from when it was received. */
  async request(ctx: RequestContext, caseId: string, receivedAt: Date): Promise<CaseReview> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    checkReceivedAt(receivedAt, Date.now());
    const id = await this.reviews.add(ctx.db, {
      caseId: kase.id,
      receivedAt,
      ...this.deadlines(receivedAt),
      requestedById: ctx.user!.id,
    });
    await this.reviews.link(ctx.db, id, [kase.id], ctx.user!.id);
    await this.audit.record(ctx, kase.id, AuditAction.CASE_REVIEW_REQUESTED, {
      review: id,
      receivedAt: receivedAt.toISOString(),
    });
    return this.view(ctx, (await this.reviews.find(ctx.db, id))!, kase.relation);
  }

  /**
   * An application the single point of contact logs, on the victim's behalf or a third party's with consent,
   * linked to cases the SPOC's agency can see (any other is NOT_FOUND, as if it did not exist: a case held
   * elsewhere is linked once its owner shares it, or by its owner with `linkCaseToCaseReview`).
   */
  async log(ctx: RequestContext, input: LogCaseReviewInput): Promise<CaseReview> {
    if (!ctx.ability.can('create', 'CaseReview'))
      throw new ForbiddenError('Only a Case Review single point of contact logs applications');
    const applicant = applicantOf(input.applicant);
    checkReceivedAt(input.receivedAt, Date.now());
    const caseIds: string[] = [];
    for (const caseId of new Set(input.caseIds)) {
      caseIds.push((await this.cases.require(ctx, parseId(caseId, 'caseIds'), 'contribute', 'caseIds')).id);
    }
    const id = await this.reviews.add(ctx.db, {
      caseId: caseIds[0],
      receivedAt: input.receivedAt,
      ...this.deadlines(input.receivedAt),
      requestedById: ctx.user!.id,
      spocAgencyId: ctx.user!.agencyId,
      applicant,
    });
    await this.reviews.link(ctx.db, id, caseIds, ctx.user!.id);
    for (const caseId of caseIds)
      await this.audit.record(ctx, caseId, AuditAction.CASE_REVIEW_REQUESTED, {
        review: id,
        receivedAt: input.receivedAt.toISOString(),
        thirdParty: applicant.thirdParty,
      });
    return this.view(ctx, (await this.reviews.find(ctx.db, id))!);
  }

  /** Another case the application concerns: one the caller's agency can see, by whoever takes its steps. */
  async linkCase(ctx: RequestContext, id: string, caseId: string): Promise<CaseReview> {
    const review = await this.requireProcessable(ctx, id);
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    if (review.case_ids.includes(kase.id)) throw new StateConflictError('The case is already linked', 'caseId');
    await this.reviews.link(ctx.db, review.id, [kase.id], ctx.user!.id);
    await this.audit.record(ctx, kase.id, AuditAction.CASE_REVIEW_LINKED, { review: review.id });
    return this.reread(ctx, review.id);
  }

  /** The applications the caller's agency answers for: its own as single point of contact, and its cases'. */
  async list(ctx: RequestContext): Promise<CaseReview[]> {
    const rows = await this.reviews.ofAgency(ctx.db, ctx.user!.agencyId);
    return rows.filter((row) => ctx.ability.can('read', reviewSubject(row))).map((row) => this.view(ctx, row));
  }

  async findOne(ctx: RequestContext, id: string): Promise<CaseReview | null> {
    const row = await this.reviews.findVisible(ctx.db, ctx, parseId(id, 'id'), this.ownAgency(ctx), false);
    return row ? this.view(ctx, row) : null;
  }

  async acknowledge(ctx: RequestContext, id: string): Promise<CaseReview> {
    const review = await this.requireProcessable(ctx, id);
    if (review.acknowledged_at) throw new StateConflictError('The application was already acknowledged', 'id');
    await this.recordOnCases(ctx, review, AuditAction.CASE_REVIEW_ACKNOWLEDGED, {});
    await this.reviews.acknowledge(ctx.db, review.id);
    return this.reread(ctx, review.id);
  }

  async decide(ctx: RequestContext, id: string, thresholdMet: boolean, reason: string): Promise<CaseReview> {
    const review = await this.requireProcessable(ctx, id);
    if (review.decided_at) throw new StateConflictError('The threshold was already decided', 'id');
    const why = decisionReason(reason);
    await this.recordOnCases(ctx, review, AuditAction.CASE_REVIEW_DECIDED, { thresholdMet, reason: why });
    await this.reviews.decide(ctx.db, review.id, thresholdMet, why);
    return this.reread(ctx, review.id);
  }

  /** The CASE_REVIEW meeting (one the caller's agency attends) where the application is heard. */
  async setMeeting(ctx: RequestContext, id: string, meetingId: string): Promise<CaseReview> {
    const review = await this.requireProcessable(ctx, id);
    if (review.threshold_met === false)
      throw new BadInputError('id', 'The threshold was not met: there is no review to hold');
    if (review.outcome_at) throw new StateConflictError('The review’s outcome is already recorded', 'meetingId');
    const meeting = await this.requireReviewMeeting(ctx, meetingId);
    await this.recordOnCases(ctx, review, AuditAction.CASE_REVIEW_MEETING_SET, { meeting: meeting.id });
    await this.reviews.setMeeting(ctx.db, review.id, meeting.id);
    return this.reread(ctx, review.id);
  }

  /**
   * The review's conclusion and its recommendations, once, in one transaction: each recommendation is a case
   * action on a linked case, given to an agency holding it (ACTION_ASSIGNED as for any action).
   */
  async recordOutcome(ctx: RequestContext, id: string, input: CaseReviewOutcomeInput): Promise<CaseReview> {
    const review = await this.requireProcessable(ctx, id);
    if (review.outcome_at) throw new StateConflictError('The review’s outcome is already recorded', 'id');
    if (review.threshold_met !== true)
      throw new BadInputError('id', 'Decide that the threshold is met before recording a review’s outcome');
    if (!review.met_at) throw new BadInputError('id', 'The review meeting has not been held yet');
    const conclusion = statedText(input.conclusion, 'input.conclusion', 'the review’s conclusion');
    input.recommendations.forEach((rec, i) => {
      if (!review.case_ids.includes(rec.caseId))
        throw new BadInputError(
          `input.recommendations.${i}.caseId`,
          'A recommendation is on a case the application concerns',
        );
    });
    const actionIds: string[] = [];
    for (const [i, rec] of input.recommendations.entries()) {
      try {
        const action = await this.actions.add(ctx, rec.caseId, {
          kind: ActionKind.OTHER_ACTION,
          description: rec.description,
          ownerAgencyId: rec.ownerAgencyId,
          dueAt: rec.dueAt,
        });
        actionIds.push(action.id);
      } catch (error) {
        if (error instanceof BadInputError || error instanceof NotFoundError)
          throw new BadInputError(`input.recommendations.${i}.${error.field ?? 'caseId'}`, error.message);
        throw error;
      }
    }
    await this.recordOnCases(ctx, review, AuditAction.CASE_REVIEW_OUTCOME_RECORDED, {
      recommendations: actionIds.length,
    });
    await this.reviews.recordOutcome(ctx.db, review.id, conclusion, actionIds);
    return this.reread(ctx, review.id);
  }

  /** The applicant was told the outcome (or that the threshold was not met): the appeal window opens. */
  async recordTold(ctx: RequestContext, id: string, toldAt: Date, how: string): Promise<CaseReview> {
    const review = await this.requireProcessable(ctx, id);
    if (review.told_at) throw new StateConflictError('The applicant was already told', 'id');
    if (review.threshold_met === null)
      throw new BadInputError('id', 'Decide the threshold before telling the applicant');
    if (review.threshold_met && !review.outcome_at)
      throw new BadInputError('id', 'Record the review’s outcome before telling the applicant');
    checkReceivedAt(toldAt, Date.now());
    const byWhat = statedText(how, 'how', 'how the applicant was told');
    await this.recordOnCases(ctx, review, AuditAction.CASE_REVIEW_APPLICANT_TOLD, { toldAt: toldAt.toISOString() });
    await this.reviews.recordTold(
      ctx.db,
      review.id,
      toldAt,
      byWhat,
      appealDeadline(toldAt, this.config.caseReview.appealDays),
    );
    return this.reread(ctx, review.id);
  }

  /** The applicant appeals: within the window after being told, never after. */
  async recordAppeal(ctx: RequestContext, id: string, receivedAt: Date, grounds: string): Promise<CaseReview> {
    const review = await this.requireProcessable(ctx, id);
    if (review.appealed_at) throw new StateConflictError('An appeal was already received', 'id');
    checkReceivedAt(receivedAt, Date.now());
    checkAppealInTime(review, receivedAt);
    const why = statedText(grounds, 'grounds', 'the grounds of the appeal');
    await this.recordOnCases(ctx, review, AuditAction.CASE_REVIEW_APPEALED, { receivedAt: receivedAt.toISOString() });
    const heardBy = addWorkingDays(receivedAt, this.config.caseReview.appealHearDays);
    await this.reviews.recordAppeal(ctx.db, review.id, receivedAt, why, heardBy);
    return this.reread(ctx, review.id);
  }

  /** The appeal's outcome, heard at a CASE_REVIEW meeting chaired by someone other than the review's chair. */
  async recordAppealOutcome(
    ctx: RequestContext,
    id: string,
    meetingId: string,
    upheld: boolean,
    outcome: string,
  ): Promise<CaseReview> {
    const review = await this.requireProcessable(ctx, id);
    if (!review.appealed_at) throw new BadInputError('id', 'No appeal was received');
    if (review.appeal_decided_at) throw new StateConflictError('The appeal was already decided', 'id');
    const meeting = await this.requireReviewMeeting(ctx, meetingId);
    if (review.meeting_id === meeting.id)
      throw new BadInputError('meetingId', 'An appeal is heard at a different meeting from the review');
    const original = review.meeting_id ? await this.meetings.lock(ctx.db, review.meeting_id) : null;
    checkDifferentChair(original?.chair_id ?? null, meeting.chair_id);
    const said = statedText(outcome, 'outcome', 'the appeal’s outcome');
    await this.recordOnCases(ctx, review, AuditAction.CASE_REVIEW_APPEAL_DECIDED, { meeting: meeting.id, upheld });
    await this.reviews.recordAppealOutcome(ctx.db, review.id, meeting.id, upheld, said);
    return this.reread(ctx, review.id);
  }

  /** The year's figures over the applications the caller's agency answers for; exact (the agency's own). */
  async figures(ctx: RequestContext, year: number): Promise<CaseReviewFigures> {
    if (!Number.isInteger(year) || year < 2014 || year > 2100)
      throw new BadInputError('year', 'year is a calendar year from 2014 (when the Case Review began)');
    const row = await this.reviews.figures(
      ctx.db,
      ctx.user!.agencyId,
      new Date(Date.UTC(year, 0, 1)),
      new Date(Date.UTC(year + 1, 0, 1)),
    );
    return {
      year,
      applications: row.received,
      thresholdsMet: row.threshold_met,
      thresholdsNotMet: row.threshold_not_met,
      reviewsHeld: row.reviews_held,
      recommendations: row.recommendations,
      appealsReceived: row.appeals_received,
      appealsUpheld: row.appeals_upheld,
    };
  }

  /**
   * One scheduler pass: each step of an application that ran out alerts once (claimed in case_review_breaches),
   * on each linked case to its owner, and on the first to the single point of contact's agency as well.
   */
  async raiseOverdue(now: Date): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const candidates = await this.reviews.overdueCandidates(db, now);
      const due = candidates.flatMap((row) =>
        overdueSteps(row, now.getTime()).map((step) => ({ reviewId: row.id, step, row })),
      );
      if (due.length === 0) return;
      const claimed = await this.reviews.claimBreaches(db, due);
      for (const claim of claimed) {
        const row = candidates.find((r) => r.id === claim.review_id)!;
        for (const [i, caseId] of row.case_ids.entries()) {
          await AlertOutbox.insert(
            db,
            AlertKind.CASE_REVIEW_OVERDUE,
            {
              caseId,
              targetAgencyId: i === 0 ? (row.spoc_agency_id ?? undefined) : undefined,
              detail: { review: row.id, step: claim.step },
            },
            null,
          );
        }
      }
    });
  }

  private deadlines(receivedAt: Date) {
    return {
      ...caseReviewDeadlines(receivedAt, this.config.caseReview),
      tellBy: tellDeadline(receivedAt, this.config.caseReview.tellDays),
    };
  }

  /** The caller's agency, where it may read its own applications as single point of contact. */
  private ownAgency(ctx: RequestContext): string | null {
    const agencyId = ctx.user?.agencyId;
    if (!agencyId) return null;
    return ctx.ability.can('read', subject('CaseReview', { spocAgencyId: agencyId, linkedOwnerAgencyIds: [] }))
      ? agencyId
      : null;
  }

  private view(ctx: RequestContext, row: CaseReviewRow, relation: Case['relation'] = 'LIMITED'): CaseReview {
    return toCaseReview(ctx.ability, relationToReview(ctx.user?.agencyId, relation, row), row);
  }

  private async reread(ctx: RequestContext, id: string): Promise<CaseReview> {
    const row = (await this.reviews.find(ctx.db, id))!;
    const relation = await this.bestRelation(ctx, row);
    return this.view(ctx, row, relation);
  }

  /** The reader's best relation to the application's cases, for its field rules (LIMITED when none is held). */
  private async bestRelation(ctx: RequestContext, row: CaseReviewRow): Promise<Case['relation']> {
    let best: Case['relation'] = 'LIMITED';
    for (const caseId of row.case_ids) {
      const kase = await this.cases.visibleById(ctx, caseId);
      if (kase?.relation === 'OWNER') return 'OWNER';
      if (kase?.relation === 'FULL') best = 'FULL';
    }
    return best;
  }

  /**
   * An application the caller may take steps on: NOT_FOUND where it is not the caller's to see, FORBIDDEN where
   * it sees it (through a share of a linked case) but is neither its single point of contact's agency nor an
   * owner of a linked case.
   */
  private async requireProcessable(ctx: RequestContext, id: string): Promise<CaseReviewRow> {
    const row = await this.reviews.findVisible(ctx.db, ctx, parseId(id, 'id'), this.ownAgency(ctx));
    if (!row) throw new NotFoundError('Case review', 'id');
    if (!ctx.ability.can('decideReview', reviewSubject(row)))
      throw new ForbiddenError(
        'Only the owner agency, or the Case Review single point of contact, may acknowledge or decide a Case Review',
      );
    return row;
  }

  /** A CASE_REVIEW meeting the caller's agency attends; any other is NOT_FOUND, or BAD_USER_INPUT for another kind. */
  private async requireReviewMeeting(ctx: RequestContext, meetingId: string) {
    const meeting = await this.meetings.findVisible(ctx.db, ctx, parseId(meetingId, 'meetingId'));
    if (!meeting) throw new NotFoundError('Meeting', 'meetingId');
    if (meeting.kind !== MeetingKind.CASE_REVIEW)
      throw new BadInputError('meetingId', 'A Case Review is heard at a CASE_REVIEW meeting');
    return meeting;
  }

  /** A step on the trail of each linked case the caller sees. */
  private async recordOnCases(
    ctx: RequestContext,
    review: CaseReviewRow,
    action: AuditAction,
    detail: Record<string, unknown>,
  ): Promise<void> {
    for (const caseId of review.case_ids)
      await this.audit.record(ctx, caseId, action, { review: review.id, ...detail });
  }
}
