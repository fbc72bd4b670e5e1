import { Injectable } from '@nestjs/common';

/** The only code that names the satisfaction_surveys table; other libraries call it. */
@Injectable()
export class SatisfactionRepository {
  // for reports
  /** The surveys (`ss`) of the cases `casesAs` reads (a table or CTE with its alias, `alias`), for a figure's FROM. */
  static ofCasesSql(casesAs: string, alias: string): string {
    return `satisfaction_surveys ss JOIN ${casesAs} ON ${alias}.id = ss.case_id`;
  }
}
