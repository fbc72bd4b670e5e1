import { Injectable } from '@nestjs/common';

/** The only code that names the incidents table; other libraries call it. */
@Injectable()
export class IncidentsRepository {
  // for reports
  /** The incidents (`i`) of the cases `casesAs` reads (a table or CTE with its alias, `alias`), for a figure's FROM. */
  static ofCasesSql(casesAs: string, alias: string): string {
    return `incidents i JOIN ${casesAs} ON ${alias}.id = i.case_id`;
  }
}
