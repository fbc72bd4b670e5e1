import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, REMOVED_BY_RETENTION } from '#libs/db';

/** The only code that names the incidents table; other libraries call it. */
@Injectable()
export class IncidentsRepository {
  // for reports
  /** The incidents (`i`) of the cases `casesAs` reads (a table or CTE with its alias, `alias`), for a figure's FROM. */
  static ofCasesSql(casesAs: string, alias: string): string {
    return `incidents i JOIN ${casesAs} ON ${alias}.id = i.case_id`;
  }

  // anonymising, for retention

  /** The kind and time of an incident stay for the figures; what happened and where go. */
  @AnonymisesCases({ tables: ['incidents'] })
  anonymiseIncidents(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE incidents SET description = '${REMOVED_BY_RETENTION}', location = NULL WHERE case_id = ANY($1)`, [caseIds]);
  }
}
