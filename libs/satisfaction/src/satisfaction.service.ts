import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { BadInputError, CaseStatus, groupBy, NotFoundError } from '#libs/common';
import { type SatisfactionInput, type SatisfactionSurvey, type SurveyLink, SURVEY_COLUMNS, type SurveyRow, toSurvey } from './satisfaction.model.js';

const LINK_DAYS = 28;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Satisfaction belongs to the reporter's relationship with the owner agency, which records and reads it. */
@Injectable()
export class SatisfactionService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
  ) {}

  async record(ctx: RequestContext, caseId: string, input: SatisfactionInput): Promise<SatisfactionSurvey> {
    const kase = await this.closedCase(ctx, caseId);
    const [row]: SurveyRow[] = await ctx.db.query(
      `INSERT INTO satisfaction_surveys (case_id, created_by_id, answered_at, service_score, outcome_score, comment)
       VALUES ($1, $2, now(), $3, $4, $5) RETURNING ${SURVEY_COLUMNS}`,
      [kase.id, ctx.user!.id, input.serviceScore, input.outcomeScore, input.comment?.trim() || null],
    );
    await this.audit.record(ctx, kase.id, AuditAction.CASE_UPDATED, { changes: [{ field: 'satisfaction', from: null, to: `${input.serviceScore}/${input.outcomeScore}` }] });
    return toSurvey(row);
  }

  /** A one-time link for the reporter, valid for four weeks; the token itself is returned once and never stored. */
  async link(ctx: RequestContext, caseId: string): Promise<SurveyLink> {
    const kase = await this.closedCase(ctx, caseId);
    const token = randomBytes(32).toString('base64url');
    const [row]: { expires_at: Date }[] = await ctx.db.query(
      `INSERT INTO satisfaction_surveys (case_id, token_hash, expires_at, created_by_id) VALUES ($1, $2, now() + make_interval(days => $3), $4)
       RETURNING expires_at`,
      [kase.id, hash(token), LINK_DAYS, ctx.user!.id],
    );
    return { path: `/survey/${token}`, expiresAt: row.expires_at };
  }

  /** Whether a link can still be answered, so the reporter learns before filling the form in; nothing else is said. */
  async linkOpen(ctx: RequestContext, token: string): Promise<boolean> {
    // The reporter has no account, so no agency for row security: the token is the rule, and only a yes or no leaves.
    const rows: unknown[] = await ctx.system.query(`SELECT 1 FROM satisfaction_surveys WHERE token_hash = $1 AND answered_at IS NULL AND expires_at > now()`, [hash(token)]);
    return rows.length > 0;
  }

  /**
   * The reporter's answer through their link, without an account: once only, before it lapses. A wrong,
   * used or lapsed token is NOT_FOUND alike, and nothing of the case is ever returned.
   */
  async answer(ctx: RequestContext, token: string, input: SatisfactionInput): Promise<boolean> {
    // As linkOpen: the token is the rule. One statement, run outside a transaction (@OutsideTransaction).
    const [rows]: [{ id: string }[], number] = await ctx.system.query(
      `UPDATE satisfaction_surveys SET answered_at = now(), service_score = $2, outcome_score = $3, comment = $4, token_hash = NULL
        WHERE token_hash = $1 AND answered_at IS NULL AND expires_at > now() RETURNING id`,
      [hash(token), input.serviceScore, input.outcomeScore, input.comment?.trim() || null],
    );
    if (rows.length === 0) throw new NotFoundError('Survey', 'token');
    return true;
  }

  /** Newest first; the owner agency's only (an empty list for partners). */
  async ofCase(ctx: RequestContext, parent: Case): Promise<SatisfactionSurvey[]> {
    if (!parent.owned) return [];
    const loader = loaderFor(
      ctx,
      'case.satisfaction',
      () =>
        new DataLoader<string, SurveyRow[]>(async (ids) => {
          const rows: SurveyRow[] = await ctx.db.query(
            `SELECT ${SURVEY_COLUMNS} FROM satisfaction_surveys WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, created_at DESC`,
            [ids],
          );
          return groupBy(ids, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map(toSurvey);
  }

  private async closedCase(ctx: RequestContext, caseId: string): Promise<Case> {
    const kase = await this.cases.require(ctx, caseId, 'close');
    if (kase.status === CaseStatus.OPEN) throw new BadInputError('caseId', 'Ask about satisfaction once the case is closed');
    return kase;
  }
}
