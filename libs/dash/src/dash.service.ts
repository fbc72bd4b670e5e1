import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { SqlParams } from '#libs/db';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService, readablePersonSql, samePersonSql } from '#libs/cases';
import { BadInputError, groupBy, type ReferralReason, DAY_MS } from '#libs/common';
import { DASH_COLUMNS, type DashAssessment, type DashAssessmentInput, type DashRow, toDash } from './dash.model.js';
import { dashAnswers, dashReviewDueAt, dashScore, referralReasons, riskOf } from './dash.rules.js';

@Injectable()
export class DashService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Scores the checklist, keeps it, and lets it set the case's risk level. Professional judgement raises the
   * risk to high; nothing lowers a scored high risk.
   */
  async record(ctx: RequestContext, caseId: string, input: DashAssessmentInput): Promise<DashAssessment> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['dashAssessments']);
    const answers = dashAnswers(input.answers);
    const judgedHighRisk = input.judgedHighRisk === true;
    const { score, highRisk } = dashScore(answers, judgedHighRisk);
    const reviewDueAt = input.reviewDueAt ?? dashReviewDueAt(highRisk, Date.now());
    if (input.reviewDueAt && input.reviewDueAt.getTime() < Date.now() - DAY_MS) {
      throw new BadInputError('reviewDueAt', 'reviewDueAt cannot be in the past');
    }
    const [row]: DashRow[] = await ctx.db.query(
      `INSERT INTO dash_assessments AS d (case_id, answers, score, judged_high_risk, high_risk, concerns, review_due_at, assessed_by_id, assessed_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${DASH_COLUMNS}`,
      [kase.id, JSON.stringify(answers), score, judgedHighRisk, highRisk, input.concerns?.trim() || null, reviewDueAt, ctx.user!.id, ctx.user!.agencyId],
    );
    const assessment = toDash(row);
    await this.audit.record(ctx, kase.id, AuditAction.DASH_ASSESSED, {
      changes: [{ field: 'dashAssessments', from: null, to: `score ${score}${highRisk ? ', high risk' : ''}` }],
    });
    await this.cases.setRiskFromAssessment(ctx, kase.id, riskOf(assessment), 'DASH risk assessment');
    return assessment;
  }

  /** Newest first; null where the caller may not read them (the case lists "dashAssessments" as redacted). */
  async ofCase(ctx: RequestContext, parent: Case): Promise<DashAssessment[] | null> {
    if (parent.redactedFields.includes('dashAssessments')) return null;
    const assessments = (await this.loader(ctx).load(parent.id)).map(toDash);
    if (assessments.length > 0) noteView(ctx, parent.id, 'dashAssessments');
    return assessments;
  }

  /** The latest assessment of a case, whoever may read it: for the referral, which carries it. */
  async latest(ctx: RequestContext, caseId: string): Promise<DashAssessment | null> {
    const [row]: DashRow[] = await ctx.db.query(
      `SELECT ${DASH_COLUMNS} FROM dash_assessments d WHERE d.case_id = $1 ORDER BY d.assessed_at DESC, d.id DESC LIMIT 1`,
      [caseId],
    );
    return row ? toDash(row) : null;
  }

  async byId(ctx: RequestContext, id: string): Promise<DashAssessment | null> {
    const [row]: DashRow[] = await ctx.db.query(`SELECT ${DASH_COLUMNS} FROM dash_assessments d WHERE d.id = $1`, [id]);
    return row ? toDash(row) : null;
  }

  private loader(ctx: RequestContext) {
    return loaderFor(
      ctx,
      'case.dashAssessments',
      () =>
        new DataLoader<string, DashRow[]>(async (caseIds) => {
          const rows: DashRow[] = await ctx.db.query(
            `SELECT ${DASH_COLUMNS} FROM dash_assessments d WHERE d.case_id = ANY($1::uuid[]) ORDER BY d.case_id, d.assessed_at DESC, d.id DESC`,
            [caseIds],
          );
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
  }

  /**
   * The referral reasons that apply to cases now. REPEAT_REFERRAL: the same victim and subject (by name, and
   * date of birth where both have one) referred to a MARAC, on this case or on another case whose victim's
   * and subject's names the caller may read, as it may read them here; and only a referral the caller's
   * agency may know of (a MARAC it attends, or a case it owns). So a name typed into one's own case learns
   * nothing about a case or a meeting one could not have looked at.
   */
  async referralCriteria(ctx: RequestContext, caseId: string): Promise<ReferralReason[]> {
    const loader = loaderFor(
      ctx,
      'case.referralCriteria',
      () =>
        new DataLoader<string, ReferralReason[]>(async (caseIds) => {
          const params = new SqlParams();
          const ids = params.add(caseIds);
          const agency = params.add(ctx.user?.agencyId ?? null);
          const rows: { id: string; dash: boolean; escalation: boolean; repeat: boolean }[] = await ctx.db.query(
            `SELECT c.id,
                    coalesce((SELECT d.high_risk FROM dash_assessments d WHERE d.case_id = c.id ORDER BY d.assessed_at DESC, d.id DESC LIMIT 1), false) AS dash,
                    (SELECT count(*) FROM incidents i WHERE i.case_id = c.id AND i.occurred_at > now() - interval '12 months') >= 3 AS escalation,
                    latest.at IS NOT NULL AND EXISTS (
                      SELECT 1
                        FROM parties v
                        JOIN parties s ON s.case_id = v.case_id AND s.role = 'SUBJECT' AND s.full_name IS NOT NULL
                        CROSS JOIN LATERAL (
                          SELECT v.case_id
                          UNION
                          SELECT v2.case_id
                            FROM parties v2
                            JOIN cases c2 ON c2.id = v2.case_id
                            JOIN parties s2 ON s2.case_id = v2.case_id AND s2.role = 'SUBJECT' AND s2.full_name IS NOT NULL
                                 AND ${samePersonSql('s2', 's')}
                           WHERE v2.role = 'VICTIM' AND v2.full_name IS NOT NULL AND ${samePersonSql('v2', 'v')}
                             AND ${readablePersonSql(ctx, 'v', 'c', params)} AND ${readablePersonSql(ctx, 's', 'c', params)}
                             AND ${readablePersonSql(ctx, 'v2', 'c2', params)} AND ${readablePersonSql(ctx, 's2', 'c2', params)}
                        ) same
                        JOIN agenda_items ai ON ai.case_id = same.case_id AND ai.withdrawn_at IS NULL
                        JOIN meetings m ON m.id = ai.meeting_id AND m.kind = 'MARAC'
                        JOIN cases rc ON rc.id = ai.case_id
                       WHERE v.case_id = c.id AND v.role = 'VICTIM' AND v.full_name IS NOT NULL
                         AND ai.referred_at <= latest.at AND ai.referred_at > latest.at - interval '12 months'
                         AND (rc.owner_agency_id = ${agency}::uuid
                              OR EXISTS (SELECT 1 FROM meeting_agencies ma WHERE ma.meeting_id = m.id AND ma.agency_id = ${agency}::uuid))
                    ) AS repeat
               FROM cases c
               LEFT JOIN LATERAL (SELECT max(i.occurred_at) AS at FROM incidents i WHERE i.case_id = c.id) latest ON true
              WHERE c.id = ANY(${ids}::uuid[])`,
            params.values,
          );
          const byId = new Map(rows.map((row) => [row.id, referralReasons({ dashHighRisk: row.dash, escalation: row.escalation, repeat: row.repeat })]));
          return caseIds.map((id) => byId.get(id) ?? []);
        }),
    );
    return loader.load(caseId);
  }
}
