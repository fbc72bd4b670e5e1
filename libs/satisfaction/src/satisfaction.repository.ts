import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, rows } from '#libs/db';
import { SURVEY_COLUMNS, type SurveyRow } from './satisfaction.model.js';

/** The only code that names the satisfaction_surveys table; other libraries call it. */
@Injectable()
export class SatisfactionRepository {
  // for reports
  /** The surveys (`ss`) of the cases `casesAs` reads (a table or CTE with its alias, `alias`), for a figure's FROM. */
  static ofCasesSql(casesAs: string, alias: string): string {
    return `satisfaction_surveys ss JOIN ${casesAs} ON ${alias}.id = ss.case_id`;
  }

  /** A survey the owner records from what the reporter said, answered now. */
  async insertAnswered(
    db: Database,
    survey: { caseId: string; createdById: string; serviceScore: number; outcomeScore: number; comment: string | null },
  ): Promise<SurveyRow> {
    const row = await one<SurveyRow>(
      db,
      `INSERT INTO satisfaction_surveys (case_id, created_by_id, answered_at, service_score, outcome_score, comment)
       VALUES ($1, $2, now(), $3, $4, $5) RETURNING ${SURVEY_COLUMNS}`,
      [survey.caseId, survey.createdById, survey.serviceScore, survey.outcomeScore, survey.comment],
    );
    return row!;
  }

  /** A survey waiting on the reporter's answer through a link; only the token's hash is kept. */
  async insertLink(
    db: Database,
    link: { caseId: string; tokenHash: string; days: number; createdById: string },
  ): Promise<{ expires_at: Date }> {
    const row = await one<{ expires_at: Date }>(
      db,
      `INSERT INTO satisfaction_surveys (case_id, token_hash, expires_at, created_by_id) VALUES ($1, $2, now() + make_interval(days => $3), $4)
       RETURNING expires_at`,
      [link.caseId, link.tokenHash, link.days, link.createdById],
    );
    return row!;
  }

  /** Whether a link with this hash is neither answered nor lapsed. */
  async linkOpen(db: Database, tokenHash: string): Promise<boolean> {
    const found = await rows(
      db,
      `SELECT 1 FROM satisfaction_surveys WHERE token_hash = $1 AND answered_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return found.length > 0;
  }

  /** Records the answer on the open link with this hash, and forgets the hash; false when there is no such link. */
  async answerLink(
    db: Database,
    tokenHash: string,
    answer: { serviceScore: number; outcomeScore: number; comment: string | null },
  ): Promise<boolean> {
    const answered = await exec(
      db,
      `UPDATE satisfaction_surveys SET answered_at = now(), service_score = $2, outcome_score = $3, comment = $4, token_hash = NULL
        WHERE token_hash = $1 AND answered_at IS NULL AND expires_at > now() RETURNING id`,
      [tokenHash, answer.serviceScore, answer.outcomeScore, answer.comment],
    );
    return answered > 0;
  }

  /** The surveys of these cases, by case and newest first. */
  ofCases(db: Database, caseIds: readonly string[]): Promise<SurveyRow[]> {
    return rows<SurveyRow>(
      db,
      `SELECT ${SURVEY_COLUMNS} FROM satisfaction_surveys WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, created_at DESC`,
      [caseIds],
    );
  }

  // anonymising, for retention

  /** The scores stay for the figures; what the reporter wrote goes. */
  @AnonymisesCases({ tables: ['satisfaction_surveys'] })
  anonymiseSurveys(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE satisfaction_surveys SET comment = NULL WHERE case_id = ANY($1)`, [caseIds]);
  }
}
