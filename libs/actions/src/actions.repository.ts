import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, REMOVED_BY_RETENTION } from '#libs/db';

/** The only code that names the case_actions table. */
@Injectable()
export class ActionsRepository {
  // anonymising, for retention

  /** The kind of action, who took it and when stay; what it said and came to go. */
  @AnonymisesCases({ tables: ['case_actions'] })
  anonymiseActions(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE case_actions SET description = '${REMOVED_BY_RETENTION}', outcome = NULL WHERE case_id = ANY($1)`, [caseIds]);
  }
}
