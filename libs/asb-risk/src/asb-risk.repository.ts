import { Injectable } from '@nestjs/common';
import type { RiskLevel } from '#libs/common';
import { AnonymisesCases, type Database, exec, one, rows } from '#libs/db';
import { ASB_RISK_COLUMNS, type AsbRiskRow } from './asb-risk.model.js';

/** The only code that names the asb_risk_assessments table; other libraries call it. */
@Injectable()
export class AsbRiskRepository {
  // for service-standards
  /** Every ASB risk matrix of the case `caseRef` names, as rows of `review_due_at` and `assessed_at`. */
  static reviewDatesSql(caseRef: string): string {
    return `SELECT m.review_due_at, m.assessed_at FROM asb_risk_assessments m WHERE m.case_id = ${caseRef}`;
  }

  async insert(
    db: Database,
    assessment: {
      caseId: string;
      likelihood: number;
      impact: number;
      vulnerabilities: string[];
      score: number;
      judgedHighRisk: boolean;
      riskLevel: RiskLevel;
      concerns: string | null;
      reviewDueAt: Date;
      assessedById: string;
      assessedByAgencyId: string;
    },
  ): Promise<AsbRiskRow> {
    const a = assessment;
    const row = await one<AsbRiskRow>(
      db,
      `INSERT INTO asb_risk_assessments AS a (case_id, likelihood, impact, vulnerabilities, score, judged_high_risk, risk_level, concerns, review_due_at,
                                              assessed_by_id, assessed_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${ASB_RISK_COLUMNS}`,
      [
        a.caseId,
        a.likelihood,
        a.impact,
        a.vulnerabilities,
        a.score,
        a.judgedHighRisk,
        a.riskLevel,
        a.concerns,
        a.reviewDueAt,
        a.assessedById,
        a.assessedByAgencyId,
      ],
    );
    return row!;
  }

  /** The assessments of these cases, by case and newest first. */
  ofCases(db: Database, caseIds: readonly string[]): Promise<AsbRiskRow[]> {
    return rows<AsbRiskRow>(
      db,
      `SELECT ${ASB_RISK_COLUMNS} FROM asb_risk_assessments a WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.case_id, a.assessed_at DESC, a.id DESC`,
      [caseIds],
    );
  }

  // anonymising, for retention

  /** The scores and the risk found stay for the figures; the assessor's concerns, which name people, go. */
  @AnonymisesCases({ tables: ['asb_risk_assessments'] })
  anonymiseAssessments(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE asb_risk_assessments SET concerns = NULL WHERE case_id = ANY($1)`, [caseIds]);
  }
}
