import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, rows } from '#libs/db';
import { UsersRepository } from '#libs/users';
import type { AuditAction } from './audit-action.js';

/** Who did it: the user and the agency they acted for. */
export interface AuditActor {
  id: string;
  agencyId: string;
}

/** One CASE_VIEWED event to write: the reader, the case, and the event's detail as JSON. */
export interface ViewRow {
  caseId: string;
  userId: string;
  agencyId: string;
  detail: string;
}

/** An event of a case's trail, with the display name of whoever acted. */
export interface TrailRow<Detail> {
  id: string;
  at: Date;
  action: AuditAction;
  detail: Detail;
  actor_id: string;
  actor_name: string;
  actor_agency_id: string;
}

/** The only code that names the audit_events table; other libraries call it. */
@Injectable()
export class AuditRepository {
  // for reports
  /** When the case `caseRef` names last had a change recorded (views and exports are not changes); null if never. */
  static lastChangeAtSql(caseRef: string): string {
    return `(SELECT max(e.at) FROM audit_events e WHERE e.case_id = ${caseRef} AND e.action NOT IN ('CASE_VIEWED', 'CASE_EXPORTED'))`;
  }

  // anonymising, for retention

  /**
   * The trail keeps who did what and when; the values it kept (names, addresses, notes) go. The portal's role
   * cannot change the trail: the owner's function makes this one change, and only for cases already anonymised,
   * so it runs after the cases' anonymiser.
   */
  @AnonymisesCases({ tables: ['audit_events'], after: ['cases'] })
  scrubTrailOfCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `SELECT portal_retention_scrub($1::uuid[])`, [caseIds]);
  }

  async insert(db: Database, caseId: string, actor: AuditActor, action: AuditAction, detail: string): Promise<void> {
    await exec(
      db,
      `INSERT INTO audit_events (case_id, actor_id, actor_agency_id, action, detail) VALUES ($1, $2, $3, $4, $5)`,
      [caseId, actor.id, actor.agencyId, action, detail],
    );
  }

  /** The same event on many cases, in one statement. */
  async insertForCases(
    db: Database,
    caseIds: readonly string[],
    actor: AuditActor,
    action: AuditAction,
    detail: string,
  ): Promise<void> {
    await exec(
      db,
      `INSERT INTO audit_events (case_id, actor_id, actor_agency_id, action, detail) SELECT unnest($1::uuid[]), $2, $3, $4, $5`,
      [caseIds, actor.id, actor.agencyId, action, detail],
    );
  }

  /** Views by many readers, in one statement. */
  async insertViews(db: Database, views: readonly ViewRow[]): Promise<void> {
    await exec(
      db,
      `INSERT INTO audit_events (case_id, actor_id, actor_agency_id, action, detail)
       SELECT v.case_id, v.actor_id, v.agency_id, 'CASE_VIEWED', v.detail::jsonb
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS v(case_id, actor_id, agency_id, detail)`,
      [
        views.map((v) => v.caseId),
        views.map((v) => v.userId),
        views.map((v) => v.agencyId),
        views.map((v) => v.detail),
      ],
    );
  }

  /** A case's events newest first, `limit` of them, older than `beforeId` when given. */
  trailOfCase<Detail>(
    db: Database,
    caseId: string,
    beforeId: string | null,
    limit: number,
  ): Promise<TrailRow<Detail>[]> {
    const params: unknown[] = [caseId];
    let keyset = '';
    if (beforeId !== null) {
      params.push(beforeId);
      keyset = `AND e.id < $2::bigint`;
    }
    return rows<TrailRow<Detail>>(
      db,
      `SELECT e.id::text AS id, e.at, e.action, e.detail, e.actor_id, u.display_name AS actor_name, e.actor_agency_id
         FROM audit_events e JOIN ${UsersRepository.tableAs('u')} ON u.id = e.actor_id
        WHERE e.case_id = $1 ${keyset} ORDER BY e.id DESC LIMIT ${limit}`,
      params,
    );
  }

  async countForCase(db: Database, caseId: string): Promise<number> {
    const row = await one<{ total: number }>(db, `SELECT count(*)::int AS total FROM audit_events WHERE case_id = $1`, [
      caseId,
    ]);
    return row!.total;
  }
}
