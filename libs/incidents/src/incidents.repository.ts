import { Injectable } from '@nestjs/common';
import type { CaseCategory } from '#libs/common';
import { type Database, one, rows } from '#libs/db';
import type { IncidentRow } from './incident.model.js';

/** The columns every read of the table answers, in the row type's names. */
export const INCIDENT_COLUMNS = 'id, case_id, occurred_at, category, description, location, ward, logged_at, logged_by_id, logged_by_agency_id';

/** The incidents table. Stateless; the caller picks the `db`. */
@Injectable()
export class IncidentsRepository {
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
    return rows<IncidentRow>(db, `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE case_id = ANY($1::uuid[]) ORDER BY occurred_at DESC, id`, [caseIds]);
  }

  /** Whether the incident is one of the case's own. */
  async isOfCase(db: Database, incidentId: string, caseId: string): Promise<boolean> {
    return (await one(db, `SELECT 1 FROM incidents WHERE id = $1 AND case_id = $2`, [incidentId, caseId])) !== undefined;
  }
}
