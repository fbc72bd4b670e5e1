import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { BadInputError, CaseStatus, groupBy, NotFoundError } from '#libs/common';
import type { SatisfactionInput } from './satisfaction.inputs.js';
import { type SatisfactionSurvey, type SurveyLink, type SurveyRow, toSurvey } from './satisfaction.model.js';
import { SatisfactionRepository } from './satisfaction.repository.js';
import { SURVEY_LINK_DAYS, surveyComment, surveyTokenHash } from './satisfaction.rules.js';

/** Satisfaction belongs to the reporter's relationship with the owner agency, which records and reads it. */
@Injectable()
export class SatisfactionService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly surveys: SatisfactionRepository,
  ) {}

  async record(ctx: RequestContext, caseId: string, input: SatisfactionInput): Promise<SatisfactionSurvey> {
    const kase = await this.closedCase(ctx, caseId);
    const row = await this.surveys.insertAnswered(ctx.db, {
      caseId: kase.id,
      createdById: ctx.user!.id,
      serviceScore: input.serviceScore,
      outcomeScore: input.outcomeScore,
      comment: surveyComment(input.comment),
    });
    await this.audit.record(ctx, kase.id, AuditAction.CASE_UPDATED, {
      changes: [{ field: 'satisfaction', from: null, to: `${input.serviceScore}/${input.outcomeScore}` }],
    });
    return toSurvey(row);
  }

  /** A one-time link for the reporter, valid for four weeks; the token itself is returned once and never stored. */
  async link(ctx: RequestContext, caseId: string): Promise<SurveyLink> {
    const kase = await this.closedCase(ctx, caseId);
    const token = randomBytes(32).toString('base64url');
    const row = await this.surveys.insertLink(ctx.db, {
      caseId: kase.id,
      tokenHash: surveyTokenHash(token),
      days: SURVEY_LINK_DAYS,
      createdById: ctx.user!.id,
    });
    return { path: `/survey/${token}`, expiresAt: row.expires_at };
  }

  /** Whether a link can still be answered, so the reporter learns before filling the form in; nothing else is said. */
  async linkOpen(ctx: RequestContext, token: string): Promise<boolean> {
    // The reporter has no account, so no agency for row security: the token is the rule, and only a yes or no leaves.
    return this.surveys.linkOpen(ctx.system, surveyTokenHash(token));
  }

  /**
   * The reporter's answer through their link, without an account: once only, before it lapses. A wrong,
   * used or lapsed token is NOT_FOUND alike, and nothing of the case is ever returned.
   */
  async answer(ctx: RequestContext, token: string, input: SatisfactionInput): Promise<boolean> {
    // As linkOpen: the token is the rule. One statement, run outside a transaction (@OutsideTransaction).
    const answered = await this.surveys.answerLink(ctx.system, surveyTokenHash(token), {
      serviceScore: input.serviceScore,
      outcomeScore: input.outcomeScore,
      comment: surveyComment(input.comment),
    });
    if (!answered) throw new NotFoundError('Survey', 'token');
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
          const rows = await this.surveys.ofCases(ctx.db, ids);
          return groupBy(ids, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map(toSurvey);
  }

  private async closedCase(ctx: RequestContext, caseId: string): Promise<Case> {
    const kase = await this.cases.require(ctx, caseId, 'close');
    if (kase.status === CaseStatus.OPEN)
      throw new BadInputError('caseId', 'Ask about satisfaction once the case is closed');
    return kase;
  }
}
