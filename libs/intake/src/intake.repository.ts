import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION } from '#libs/db';

/**
 * A declined report never becomes a case, so no case's retention reaches it: it is due once the period has passed
 * since it was declined. `$1` is the agency, `$2` the cut-off.
 */
const DECLINED_DUE = `agency_id = $1 AND status = 'DECLINED' AND decided_at < $2 AND summary <> '${REMOVED_BY_RETENTION}'`;

/** What the report was about (category, ward, channel, dates) stays for the figures; who and what was said go. */
const ANONYMISED = `summary = '${REMOVED_BY_RETENTION}', address = NULL, reporter_name = NULL, reporter_phone = NULL, subject_name = NULL,
  decline_reason = NULL`;

/** The only code that names the intake_reports table. */
@Injectable()
export class IntakeRepository {
  // anonymising, for retention

  /** The reports that became these cases. */
  @AnonymisesCases({ tables: ['intake_reports'] })
  anonymiseReportsOfCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE intake_reports SET ${ANONYMISED} WHERE case_id = ANY($1)`, [caseIds]);
  }

  /** How many of the agency's declined reports are due, declined before `declinedBefore`. */
  async countDeclinedDue(db: Database, agencyId: string, declinedBefore: Date): Promise<number> {
    const row = await one<{ declined: number }>(db, `SELECT count(*)::int AS declined FROM intake_reports WHERE ${DECLINED_DUE}`, [agencyId, declinedBefore]);
    return row!.declined;
  }

  anonymiseDeclinedDue(db: Database, agencyId: string, declinedBefore: Date): Promise<number> {
    return exec(db, `UPDATE intake_reports SET ${ANONYMISED} WHERE ${DECLINED_DUE}`, [agencyId, declinedBefore]);
  }
}
