import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CASE_COLUMNS, type CaseRow, CasesService, toCase } from '#libs/cases';
import { BadInputError, StateConflictError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { EvidenceService } from '#libs/evidence';
import { type LegalHold, type LegalHoldRow, type RetentionReview, toLegalHold } from './retention.model.js';
import { retentionCutoff } from './retention.rules.js';

const REMOVED = '[removed at the end of the retention period]';

/**
 * What anonymising a case changes: every free text and identifier about people, in every table that holds
 * them; what the figures count (category, ward, dates, outcome, risk, kinds of incident and action, who did
 * what and when) stays, so past reports still add up. `$1` is the cases' ids.
 */
const ANONYMISE = [
  `UPDATE cases SET address = NULL, summary = '${REMOVED}', police_intelligence = NULL, support_needs = NULL, close_reason = NULL,
          anonymised_at = now(), version = version + 1, updated_at = now() WHERE id = ANY($1)`,
  `UPDATE parties SET full_name = NULL, address = NULL, phone = NULL, date_of_birth = NULL, tenancy_type = NULL, rent_arrears = NULL,
          tenancy_breaches = NULL WHERE case_id = ANY($1)`,
  `UPDATE incidents SET description = '${REMOVED}', location = NULL WHERE case_id = ANY($1)`,
  `UPDATE contacts SET note = '${REMOVED}' WHERE case_id = ANY($1)`,
  `UPDATE case_actions SET description = '${REMOVED}', outcome = NULL WHERE case_id = ANY($1)`,
  `UPDATE dash_assessments SET answers = (SELECT coalesce(jsonb_agg(a - 'note'), '[]') FROM jsonb_array_elements(answers) a), concerns = NULL WHERE case_id = ANY($1)`,
  `UPDATE asb_risk_assessments SET concerns = NULL WHERE case_id = ANY($1)`,
  `UPDATE action_plans SET agreed_with = '${REMOVED}', our_commitments = '{}', reporter_commitments = '{}' WHERE case_id = ANY($1)`,
  `UPDATE agenda_items SET concerns = NULL, minutes = NULL, withdrawn_reason = NULL WHERE case_id = ANY($1)`,
  `UPDATE agenda_research SET summary = '${REMOVED}' WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE case_id = ANY($1))`,
  `UPDATE case_reviews SET decision_reason = NULL WHERE case_id = ANY($1)`,
  `UPDATE satisfaction_surveys SET comment = NULL WHERE case_id = ANY($1)`,
  `UPDATE intake_reports SET summary = '${REMOVED}', address = NULL, reporter_name = NULL, reporter_phone = NULL, subject_name = NULL,
          decline_reason = NULL WHERE case_id = ANY($1)`,
  `DELETE FROM alerts WHERE case_id = ANY($1)`,
  // The trail keeps who did what and when; the values it kept (names, addresses, notes) go. The portal's
  // role cannot change the trail: the owner's function makes this one change, for cases anonymised above.
  `SELECT portal_retention_scrub($1::uuid[])`,
];

/**
 * A declined report never becomes a case, so no case's retention reaches it: it is anonymised once the period
 * has passed since it was declined. What it was about (category, ward, channel, dates) stays for the figures.
 * `$1` is the agency, `$2` the cut-off.
 */
const DECLINED_DUE = `agency_id = $1 AND status = 'DECLINED' AND decided_at < $2 AND summary <> '${REMOVED}'`;
const ANONYMISE_DECLINED = `UPDATE intake_reports SET summary = '${REMOVED}', address = NULL, reporter_name = NULL, reporter_phone = NULL,
  subject_name = NULL, decline_reason = NULL WHERE ${DECLINED_DUE}`;

@Injectable()
export class RetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly evidence: EvidenceService,
  ) {}

  private closedBefore(): Date {
    return retentionCutoff(new Date(), this.config.retentionYears);
  }

  /** The dry run, for managers of the owner agency: nothing changes. */
  async review(ctx: RequestContext): Promise<RetentionReview> {
    const closedBefore = this.closedBefore();
    const rows = await this.candidates(ctx, closedBefore, false);
    const [{ declined }] = await ctx.db.query(`SELECT count(*)::int AS declined FROM intake_reports WHERE ${DECLINED_DUE}`, [ctx.user!.agencyId, closedBefore]);
    const candidates = rows.map((row) => ({
      case: toCase(ctx.ability, row),
      closedAt: row.closed_at!,
      legalHold: row.hold_reason ? toLegalHold({ case_id: row.id, reason: row.hold_reason, placed_at: row.hold_placed_at!, placed_by: row.hold_placed_by! }) : null,
    }));
    return {
      retentionYears: this.config.retentionYears,
      closedBefore,
      due: candidates.filter((c) => !c.legalHold),
      held: candidates.filter((c) => c.legalHold),
      declinedReportsDue: declined as number,
    };
  }

  /**
   * Anonymises exactly the cases the dry run listed as due: `expectedCount` is the number the manager
   * reviewed, and `caseIds`, when given, the cases themselves; anything different now (a case crossed the
   * cut-off, a hold was placed) refuses with CONFLICT and changes nothing.
   */
  async apply(ctx: RequestContext, expectedCount: number, caseIds?: string[] | null): Promise<number> {
    const closedBefore = this.closedBefore();
    const due = (await this.candidates(ctx, closedBefore, true)).filter((row) => !row.hold_reason);
    if (due.length !== expectedCount) {
      throw new StateConflictError(`${due.length} cases are due now, not ${expectedCount}: review them again`, 'expectedCount');
    }
    if (caseIds) {
      const reviewed = new Set(caseIds);
      if (reviewed.size !== due.length || due.some((row) => !reviewed.has(row.id))) {
        throw new StateConflictError('The cases due now are not the ones reviewed: review them again', 'caseIds');
      }
    }
    await ctx.db.query(ANONYMISE_DECLINED, [ctx.user!.agencyId, closedBefore]);
    if (due.length === 0) return 0;
    const ids = due.map((row) => row.id);
    for (const statement of ANONYMISE) await ctx.db.query(statement, [ids]);
    await this.evidence.removeAllOf(ctx, ids);
    await this.audit.recordMany(ctx, ids, AuditAction.RETENTION_APPLIED, { retentionYears: this.config.retentionYears });
    return due.length;
  }

  private candidates(ctx: RequestContext, closedBefore: Date, lock: boolean): Promise<(CaseRow & { hold_reason: string | null; hold_placed_at: Date | null; hold_placed_by: string | null })[]> {
    return ctx.db.query(
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation, h.reason AS hold_reason, h.placed_at AS hold_placed_at, u.display_name AS hold_placed_by
         FROM cases c
         LEFT JOIN legal_holds h ON h.case_id = c.id
         LEFT JOIN users u ON u.id = h.placed_by_id
        WHERE c.owner_agency_id = $1 AND c.status <> 'OPEN' AND c.anonymised_at IS NULL AND c.closed_at < $2
        ORDER BY c.closed_at, c.id
        ${lock ? 'FOR UPDATE OF c' : ''}`,
      [ctx.user!.agencyId, closedBefore],
    );
  }

  async placeHold(ctx: RequestContext, caseId: string, reason: string): Promise<Case> {
    const kase = await this.cases.require(ctx, caseId, 'hold');
    const why = reason.trim();
    if (why.length < 3 || why.length > 2000) throw new BadInputError('reason', 'Give a reason of 3–2,000 characters');
    const [placed]: { case_id: string }[] = await ctx.db.query(
      `INSERT INTO legal_holds (case_id, reason, placed_by_id) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [kase.id, why, ctx.user!.id],
    );
    if (!placed) throw new StateConflictError('This case already has a legal hold', 'caseId');
    await this.audit.record(ctx, kase.id, AuditAction.LEGAL_HOLD_PLACED, { reason: why });
    return kase;
  }

  async releaseHold(ctx: RequestContext, caseId: string, reason: string): Promise<Case> {
    const kase = await this.cases.require(ctx, caseId, 'hold');
    const why = reason.trim();
    if (why.length < 3 || why.length > 2000) throw new BadInputError('reason', 'Give a reason of 3–2,000 characters');
    const [released]: [{ case_id: string }[], number] = await ctx.db.query(`DELETE FROM legal_holds WHERE case_id = $1 RETURNING case_id`, [kase.id]);
    if (released.length === 0) throw new StateConflictError('This case has no legal hold', 'caseId');
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
          const rows: LegalHoldRow[] = await ctx.db.query(
            `SELECT h.case_id, h.reason, h.placed_at, u.display_name AS placed_by FROM legal_holds h JOIN users u ON u.id = h.placed_by_id WHERE h.case_id = ANY($1::uuid[])`,
            [caseIds],
          );
          const byCase = new Map(rows.map((row) => [row.case_id, row]));
          return caseIds.map((id) => byCase.get(id) ?? null);
        }),
    );
    const row = await loader.load(parent.id);
    return row ? toLegalHold(row) : null;
  }
}
