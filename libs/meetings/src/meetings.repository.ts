import { Injectable } from '@nestjs/common';
import { type Database, rows } from '#libs/db';

/** The one place that names the meetings library's tables in SQL. */
@Injectable()
export class MeetingsRepository {
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
