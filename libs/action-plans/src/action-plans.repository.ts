import { Injectable } from '@nestjs/common';

/** The only code that names the action_plans table; other libraries call it. */
@Injectable()
export class ActionPlansRepository {
  // for service-standards
  /** When the first action plan of the case `caseRef` names was agreed; null if none. */
  static firstAgreedAtSql(caseRef: string): string {
    return `(SELECT min(p.agreed_at) FROM action_plans p WHERE p.case_id = ${caseRef})`;
  }

  /** The current action plan of the case `caseRef` names (`agreed_at`, `update_every_days`), as at most one row for a lateral join. */
  static currentPlanSql(caseRef: string): string {
    return `(SELECT p.agreed_at, p.update_every_days FROM action_plans p WHERE p.case_id = ${caseRef}
                                ORDER BY p.agreed_at DESC, p.id DESC LIMIT 1)`;
  }

  /** Whether an action plan of the case `caseRef` names was agreed at or before `by` (an SQL timestamp). */
  static agreedBySql(caseRef: string, by: string): string {
    return `EXISTS (SELECT 1 FROM action_plans p WHERE p.case_id = ${caseRef}
                              AND p.agreed_at <= ${by})`;
  }
}
