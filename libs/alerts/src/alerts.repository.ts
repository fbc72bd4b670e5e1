import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec } from '#libs/db';

/** The only code that names the alerts table. */
@Injectable()
export class AlertsRepository {
  // anonymising, for retention

  /** Alerts are notices to people about a case, not its record: they go whole. */
  @AnonymisesCases({ tables: ['alerts'] })
  deleteAlertsOfCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `DELETE FROM alerts WHERE case_id = ANY($1)`, [caseIds]);
  }
}
