import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, REMOVED_BY_RETENTION, rows } from '#libs/db';

/** The only code that names the meetings library's tables. */
@Injectable()
export class MeetingsRepository {
  // anonymising, for retention

  /** That a case was discussed, when and with what decision stays; what was said about people goes. */
  @AnonymisesCases({ tables: ['agenda_items', 'agenda_research'] })
  async anonymiseAgendaItems(db: Database, caseIds: string[]): Promise<number> {
    const items = await exec(db, `UPDATE agenda_items SET concerns = NULL, minutes = NULL, withdrawn_reason = NULL WHERE case_id = ANY($1)`, [caseIds]);
    const research = await exec(
      db,
      `UPDATE agenda_research SET summary = '${REMOVED_BY_RETENTION}' WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE case_id = ANY($1))`,
      [caseIds],
    );
    return items + research;
  }

  // for alert-feed

  /** The agencies attending each of these meetings, in one statement. */
  attendingAgencies(db: Database, meetingIds: readonly string[]): Promise<{ meeting_id: string; agency_ids: string[] }[]> {
    return rows(
      db,
      `SELECT meeting_id, array_agg(agency_id) AS agency_ids FROM meeting_agencies WHERE meeting_id = ANY($1::uuid[]) GROUP BY meeting_id`,
      [meetingIds],
    );
  }
}
