import { Injectable } from '@nestjs/common';

/** The only code that names the dash_assessments table; other libraries call it. */
@Injectable()
export class DashRepository {
  // for service-standards
  /** Every DASH assessment of the case `caseRef` names, as rows of `review_due_at` and `assessed_at`. */
  static reviewDatesSql(caseRef: string): string {
    return `SELECT d.review_due_at, d.assessed_at FROM dash_assessments d WHERE d.case_id = ${caseRef}`;
  }
}
