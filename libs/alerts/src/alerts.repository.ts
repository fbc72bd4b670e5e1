import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, rows } from '#libs/db';
import type { AlertKind } from './alert-kind.js';

/** Alert ids must be handed out in commit order, or a listener that has read id 11 would never see id 10. */
const OUTBOX_LOCK = "hashtext('portal-alert-outbox')";

/** An alert as the hub reads it from the outbox. */
export interface AlertRow {
  id: string;
  kind: AlertKind;
  case_id: string | null;
  meeting_id: string | null;
  action_id: string | null;
  target_agency_id: string | null;
  actor_id: string | null;
  occurred_at: Date;
}

export interface NewAlert {
  kind: AlertKind;
  caseId: string | null;
  meetingId: string | null;
  actionId: string | null;
  targetAgencyId: string | null;
  actorId: string | null;
  detail: string;
}

/** The only code that names the alerts table. */
@Injectable()
export class AlertsRepository {
  /**
   * The alerts table under `alias`, for another library's statement that reads alerts beside its own rows (the inbox,
   * email notifications): the statement stays one, and the table's name stays here.
   */
  static tableAs(alias: string): string {
    return `alerts ${alias}`;
  }

  // anonymising, for retention

  /** Alerts are notices to people about a case, not its record: they go whole. */
  @AnonymisesCases({ tables: ['alerts'] })
  deleteAlertsOfCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `DELETE FROM alerts WHERE case_id = ANY($1)`, [caseIds]);
  }

  /**
   * The transaction-scoped lock is held until commit, so ids are assigned in the order transactions commit
   * (outbox writers queue only for the short tail of their transaction).
   */
  async insert(db: Database, alert: NewAlert): Promise<void> {
    await exec(db, `SELECT pg_advisory_xact_lock(${OUTBOX_LOCK})`);
    await exec(
      db,
      `INSERT INTO alerts (kind, case_id, meeting_id, action_id, target_agency_id, actor_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [alert.kind, alert.caseId, alert.meetingId, alert.actionId, alert.targetAgencyId, alert.actorId, alert.detail],
    );
  }

  async deleteOlderThan(db: Database, days: number): Promise<void> {
    await exec(db, `DELETE FROM alerts WHERE occurred_at < now() - make_interval(days => $1)`, [days]);
  }

  /** The id of the latest alert, 0 when there is none. */
  async latestId(db: Database): Promise<number> {
    const row = await one<{ max: string }>(db, `SELECT coalesce(max(id), 0)::text AS max FROM alerts`);
    return Number(row!.max);
  }

  /** In id order, at most `limit`, after `after` and up to `upTo` when given. */
  after(db: Database, after: number, upTo: number | null, limit: number): Promise<AlertRow[]> {
    return rows<AlertRow>(
      db,
      // Ordered by the column, not by the text it is sent as: '100' sorts before '99'.
      `SELECT a.id::text AS id, a.kind, a.case_id, a.meeting_id, a.action_id, a.target_agency_id, a.actor_id, a.occurred_at FROM alerts a
        WHERE a.id > $1 ${upTo === null ? '' : 'AND a.id <= $2'} ORDER BY a.id LIMIT ${limit}`,
      upTo === null ? [after] : [after, upTo],
    );
  }

  // consumers (AlertFollowers)

  /** A new consumer starts after the latest alert: it acts on what happens from now on, not on the history. */
  async startConsumer(db: Database, name: string): Promise<void> {
    await exec(
      db,
      `INSERT INTO alert_consumers (name, last_id) SELECT $1, coalesce(max(id), 0) FROM alerts ON CONFLICT (name) DO NOTHING`,
      [name],
    );
  }

  /** The consumer's position, locked until the caller's transaction ends; null while another instance holds it. */
  async takeConsumer(db: Database, name: string): Promise<number | null> {
    const row = await one<{ last_id: string }>(
      db,
      `SELECT last_id::text AS last_id FROM alert_consumers WHERE name = $1 FOR UPDATE SKIP LOCKED`,
      [name],
    );
    return row ? Number(row.last_id) : null;
  }

  async moveConsumer(db: Database, name: string, lastId: number): Promise<void> {
    await exec(db, `UPDATE alert_consumers SET last_id = $2, updated_at = now() WHERE name = $1`, [name, lastId]);
  }

  /** How far behind the newest alert each consumer is, for the benchmark and health. */
  consumerLag(db: Database): Promise<{ name: string; behind: string; updated_at: Date }[]> {
    return rows(
      db,
      `SELECT c.name, ((SELECT coalesce(max(id), 0) FROM alerts) - c.last_id)::text AS behind, c.updated_at
         FROM alert_consumers c ORDER BY c.name`,
    );
  }
}
