import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, rows } from '#libs/db';
import type { DashAnswer } from '#libs/common';

export interface DashRow {
  id: string;
  case_id: string;
  answers: { question: number; answer: DashAnswer; note: string | null }[];
  score: number;
  judged_high_risk: boolean;
  high_risk: boolean;
  concerns: string | null;
  review_due_at: Date;
  assessed_by_id: string;
  assessed_by_agency_id: string;
  assessed_at: Date;
}

export const DASH_COLUMNS = `d.id, d.case_id, d.answers, d.score, d.judged_high_risk, d.high_risk, d.concerns, d.review_due_at,
  d.assessed_by_id, d.assessed_by_agency_id, d.assessed_at`;
/** A new assessment, as it is kept. */
export interface NewDashAssessment {
  caseId: string;
  answers: readonly { question: number; answer: DashAnswer; note: string | null }[];
  score: number;
  judgedHighRisk: boolean;
  highRisk: boolean;
  concerns: string | null;
  reviewDueAt: Date;
  assessedById: string;
  assessedByAgencyId: string;
}

/** The only code that names the dash_assessments table; other libraries call it. */
@Injectable()
export class DashRepository {
  // for service-standards
  /** Every DASH assessment of the case `caseRef` names, as rows of `review_due_at` and `assessed_at`. */
  static reviewDatesSql(caseRef: string): string {
    return `SELECT d.review_due_at, d.assessed_at FROM dash_assessments d WHERE d.case_id = ${caseRef}`;
  }

  // anonymising, for retention

  /** The answers and the score stay (MARAC's figures count them); each answer's note and the concerns go. */
  @AnonymisesCases({ tables: ['dash_assessments'] })
  anonymiseAssessments(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE dash_assessments SET answers = (SELECT coalesce(jsonb_agg(a - 'note'), '[]') FROM jsonb_array_elements(answers) a), concerns = NULL WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }

  async add(db: Database, assessment: NewDashAssessment): Promise<DashRow> {
    const a = assessment;
    return (await one<DashRow>(
      db,
      `INSERT INTO dash_assessments AS d (case_id, answers, score, judged_high_risk, high_risk, concerns, review_due_at, assessed_by_id, assessed_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${DASH_COLUMNS}`,
      [
        a.caseId,
        JSON.stringify(a.answers),
        a.score,
        a.judgedHighRisk,
        a.highRisk,
        a.concerns,
        a.reviewDueAt,
        a.assessedById,
        a.assessedByAgencyId,
      ],
    ))!;
  }

  latestOfCase(db: Database, caseId: string): Promise<DashRow | undefined> {
    return one<DashRow>(
      db,
      `SELECT ${DASH_COLUMNS} FROM dash_assessments d WHERE d.case_id = $1 ORDER BY d.assessed_at DESC, d.id DESC LIMIT 1`,
      [caseId],
    );
  }

  findById(db: Database, id: string): Promise<DashRow | undefined> {
    return one<DashRow>(db, `SELECT ${DASH_COLUMNS} FROM dash_assessments d WHERE d.id = $1`, [id]);
  }

  /** Every assessment of the cases, by case then newest first. */
  ofCases(db: Database, caseIds: readonly string[]): Promise<DashRow[]> {
    return rows<DashRow>(
      db,
      `SELECT ${DASH_COLUMNS} FROM dash_assessments d WHERE d.case_id = ANY($1::uuid[]) ORDER BY d.case_id, d.assessed_at DESC, d.id DESC`,
      [caseIds],
    );
  }

  // for meetings

  /** Whether the latest assessment of the case `caseIdSql` is high risk (false when it has none). */
  static latestHighRiskSql(caseIdSql: string): string {
    return `coalesce((SELECT d.high_risk FROM dash_assessments d WHERE d.case_id = ${caseIdSql} ORDER BY d.assessed_at DESC, d.id DESC LIMIT 1), false)`;
  }
}
