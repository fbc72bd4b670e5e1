import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows } from '#libs/db';
import type { CaseCategory } from '#libs/common';
import type { IncidentRow } from './incident.model.js';

/** The columns every read of the table answers, in the row type's names. */
export const INCIDENT_COLUMNS =
  'id, case_id, occurred_at, category, description, location, ward, logged_at, logged_by_id, logged_by_agency_id';

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
    return exec(
      db,
      `UPDATE incidents SET description = '${REMOVED_BY_RETENTION}', location = NULL WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }

  // for meetings

  /** How many incidents the case `caseIdSql` had in the last `interval` (an SQL interval literal such as `12 months`). */
  static countSinceSql(caseIdSql: string, interval: string): string {
    return `(SELECT count(*) FROM incidents i WHERE i.case_id = ${caseIdSql} AND i.occurred_at > now() - interval '${interval}')`;
  }

  /** The case's latest incident, as a row of `at` (null when it has none). */
  static latestAtSql(caseIdSql: string): string {
    return `SELECT max(i.occurred_at) AS at FROM incidents i WHERE i.case_id = ${caseIdSql}`;
  }

  // for case-reviews

  /**
   * Complaints on the cases `caseIdsSql` (a uuid array) in the last `months` months; one incident reported to
   * several agencies (the same hour, the same category) counts once.
   */
  static distinctComplaintsSinceSql(caseIdsSql: string, months: number): string {
    return `(SELECT count(DISTINCT (date_trunc('hour', i.occurred_at), i.category)) FROM incidents i
              WHERE i.case_id = ANY(${caseIdsSql}) AND i.occurred_at > now() - interval '${months} months')`;
  }

  async insert(
    db: Database,
    incident: {
      caseId: string;
      occurredAt: Date;
      category: CaseCategory;
      description: string;
      location: string | null;
      ward: string;
      loggedById: string;
      loggedByAgencyId: string;
    },
  ): Promise<IncidentRow> {
    const row = await one<IncidentRow>(
      db,
      `INSERT INTO incidents (case_id, occurred_at, category, description, location, ward, logged_by_id, logged_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${INCIDENT_COLUMNS}`,
      [
        incident.caseId,
        incident.occurredAt,
        incident.category,
        incident.description,
        incident.location,
        incident.ward,
        incident.loggedById,
        incident.loggedByAgencyId,
      ],
    );
    return row!;
  }

  /** The incidents of these cases, latest first. */
  findOfCases(db: Database, caseIds: readonly string[]): Promise<IncidentRow[]> {
    return rows<IncidentRow>(
      db,
      `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE case_id = ANY($1::uuid[]) ORDER BY occurred_at DESC, id`,
      [caseIds],
    );
  }

  /** Whether the incident is one of the case's own. */
  async isOfCase(db: Database, incidentId: string, caseId: string): Promise<boolean> {
    return (
      (await one(db, `SELECT 1 FROM incidents WHERE id = $1 AND case_id = $2`, [incidentId, caseId])) !== undefined
    );
  }
}
