import { Injectable } from '@nestjs/common';
import { accessibleSql, type PortalAbility } from '#libs/access';
import { UsersRepository } from '#libs/users';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows, SqlParams } from '#libs/db';

export interface SubjectAccessRow {
  id: string;
  agency_id: string;
  case_id: string;
  party_id: string;
  reference: string;
  received_on: string;
  due_on: string;
  extension_months: number;
  extension_reason: string | null;
  requester: string | null;
  notes: string | null;
  created_at: Date;
  completed_at: Date | null;
  exported_at: Date | null;
  exported_by_name: string | null;
}

const COLUMNS = `r.id, r.agency_id, r.case_id, r.party_id, r.reference,
  to_char(r.received_on, 'YYYY-MM-DD') AS received_on, to_char(r.due_on, 'YYYY-MM-DD') AS due_on,
  r.extension_months, r.extension_reason, r.requester, r.notes, r.created_at, r.completed_at, r.exported_at,
  ${UsersRepository.displayNameOf('r.exported_by')} AS exported_by_name`;

/** The one place that names `subject_access_requests`; every read is scoped by the caller's rules. */
@Injectable()
export class SubjectAccessRepository {
  /** False when the agency already has a request with this reference. */
  async insert(
    db: Database,
    row: {
      id: string;
      agencyId: string;
      caseId: string;
      partyId: string;
      reference: string;
      receivedOn: string;
      dueOn: string;
      requester: string | null;
      notes: string | null;
      createdBy: string;
    },
  ): Promise<boolean> {
    const inserted = await exec(
      db,
      `INSERT INTO subject_access_requests
         (id, agency_id, case_id, party_id, reference, received_on, due_on, requester, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8, $9, $10)
       ON CONFLICT (agency_id, reference) DO NOTHING`,
      [
        row.id,
        row.agencyId,
        row.caseId,
        row.partyId,
        row.reference,
        row.receivedOn,
        row.dueOn,
        row.requester,
        row.notes,
        row.createdBy,
      ],
    );
    return inserted === 1;
  }

  /** The caller's requests: open ones soonest due first, then the rest newest first. */
  list(db: Database, ability: PortalAbility, open: boolean | null): Promise<SubjectAccessRow[]> {
    const params = new SqlParams();
    const scope = accessibleSql(ability, 'read', 'SubjectAccessRequest', 'r', params);
    const status = open === null ? '' : open ? ' AND r.completed_at IS NULL' : ' AND r.completed_at IS NOT NULL';
    return rows<SubjectAccessRow>(
      db,
      `SELECT ${COLUMNS} FROM subject_access_requests r WHERE ${scope}${status}
        ORDER BY r.completed_at IS NOT NULL, CASE WHEN r.completed_at IS NULL THEN r.due_on END, r.created_at DESC, r.id`,
      params.values,
    );
  }

  /** One request the caller may `action`, locked for the change when `lock` says so; undefined otherwise. */
  find(
    db: Database,
    ability: PortalAbility,
    action: 'read' | 'update',
    id: string,
    lock = false,
  ): Promise<SubjectAccessRow | undefined> {
    const params = new SqlParams();
    const scope = accessibleSql(ability, action, 'SubjectAccessRequest', 'r', params);
    return one<SubjectAccessRow>(
      db,
      `SELECT ${COLUMNS} FROM subject_access_requests r WHERE r.id = ${params.add(id)}::uuid AND ${scope}${lock ? ' FOR UPDATE' : ''}`,
      params.values,
    );
  }

  async extend(db: Database, id: string, months: number, reason: string, dueOn: string): Promise<void> {
    await exec(
      db,
      `UPDATE subject_access_requests
          SET extension_months = extension_months + $2, extension_reason = $3, due_on = $4::date
        WHERE id = $1`,
      [id, months, reason, dueOn],
    );
  }

  async complete(db: Database, id: string, userId: string): Promise<void> {
    await exec(
      db,
      `UPDATE subject_access_requests SET completed_at = now(), completed_by = $2 WHERE id = $1 AND completed_at IS NULL`,
      [id, userId],
    );
  }

  async markExported(db: Database, id: string, userId: string): Promise<void> {
    await exec(db, `UPDATE subject_access_requests SET exported_at = now(), exported_by = $2 WHERE id = $1`, [
      id,
      userId,
    ]);
  }

  // anonymising, for retention

  /** The request's dates and reference stay (that it was answered, and when); what was typed about people goes. */
  @AnonymisesCases({ tables: ['subject_access_requests'] })
  anonymiseRequests(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE subject_access_requests SET requester = NULL, notes = NULL,
              extension_reason = CASE WHEN extension_reason IS NULL THEN NULL ELSE '${REMOVED_BY_RETENTION}' END
        WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }
}
