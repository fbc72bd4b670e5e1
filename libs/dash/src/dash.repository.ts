import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec } from '#libs/db';

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
}
