import { Injectable } from '@nestjs/common';

/** The only code that names the asb_risk_assessments table; other libraries call it. */
@Injectable()
export class AsbRiskRepository {
  // for service-standards
  /** Every ASB risk matrix of the case `caseRef` names, as rows of `review_due_at` and `assessed_at`. */
  static reviewDatesSql(caseRef: string): string {
    return `SELECT m.review_due_at, m.assessed_at FROM asb_risk_assessments m WHERE m.case_id = ${caseRef}`;
  }
}
