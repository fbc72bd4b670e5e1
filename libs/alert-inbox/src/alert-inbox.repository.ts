import { Injectable } from '@nestjs/common';
import { liveShareAgencyIdsSql, ownedOrSharedCaseIdsSql, type Relation } from '#libs/access';
import { ACTION_KINDS, type AlertKind, AlertsRepository } from '#libs/alerts';
import { CasesRepository } from '#libs/cases';
import { AnonymisesCases, type Database, exec, one, rows } from '#libs/db';
import { MeetingsRepository } from '#libs/meetings';
import { SharesRepository } from '#libs/shares';
import { UsersRepository } from '#libs/users';

/** The channel a user's read state and assignments are announced on, at commit, with the user's id. */
export const INBOX_CHANNEL = 'alert_inbox';

/** Whose inbox: `$1` is the caller's agency, `$2` the caller. */
export interface InboxOwner {
  agencyId: string;
  userId: string;
}

/** The filter as SQL values (alert-inbox.rules.ts builds it from the input). */
export interface InboxConditions {
  kinds?: AlertKind[];
  riskLevels?: string[];
  caseId?: string;
  caseReference?: string;
  unreadOnly?: boolean;
  assignedToMe?: boolean;
  /** Only this one alert. */
  alertIds?: string[];
  /** Only alerts older than this one (the page's cursor). */
  before?: string;
}

export interface InboxRow {
  id: string;
  kind: AlertKind;
  case_id: string | null;
  meeting_id: string | null;
  action_id: string | null;
  occurred_at: Date;
  read_at: Date | null;
  assignee_id: string | null;
  assigned_at: Date | null;
  /** The caller's agency's relation to the case when the alert is theirs as a holder of it; null otherwise. */
  relation: Relation | null;
}

const ACTIONS = [...ACTION_KINDS].map((kind) => `'${kind}'`).join(', ');

/**
 * The alerts the caller may see in their inbox: those the live feed would send their agency now
 * (alert-feed.rules.ts `recipientsOf`), written as SQL, on the caller's own scoped connection so the cases
 * table's row security stands under it. Only what happened since the user's account was made, and on a shared
 * case only what happened since the live share was made (a new share does not flood an inbox with history).
 * The actor's own changes are not news to them, as on the live feed, unless their agency assigned the alert to them.
 */
const VISIBLE_FROM = `
  FROM ${AlertsRepository.tableAs('a')}
  JOIN ${UsersRepository.tableAs('me')} ON me.id = $2::uuid
  LEFT JOIN ${CasesRepository.tableAs('c')} ON c.id = a.case_id
  LEFT JOIN LATERAL ${SharesRepository.liveShareOfSql('c.id', '$1::uuid')} sh ON true
  LEFT JOIN alert_reads r ON r.alert_id = a.id AND r.user_id = $2::uuid
  LEFT JOIN alert_assignments asg ON asg.alert_id = a.id AND asg.agency_id = $1::uuid
 WHERE a.occurred_at >= me.created_at
   AND (a.actor_id IS DISTINCT FROM $2::uuid OR asg.user_id = $2::uuid)
   -- Implied by the branches below, and answerable from indexes: only the agency's cases' alerts are looked at.
   AND (a.case_id IS NULL OR a.target_agency_id = $1::uuid OR a.case_id IN (${ownedOrSharedCaseIdsSql('$1')}))
   AND (
        -- a meeting's own news: its attending agencies
        (a.case_id IS NULL AND a.meeting_id IS NOT NULL AND ${MeetingsRepository.attendedBySql('a.meeting_id', '$1::uuid')})
        -- about a case: its holders (an action's news only to the agency owning the action)
     OR (a.case_id IS NOT NULL AND (a.kind NOT IN (${ACTIONS}) OR a.target_agency_id = $1::uuid)
         AND (c.owner_agency_id = $1::uuid OR sh.shared_at <= a.occurred_at))
        -- a meeting's action for an attending agency that does not hold the case: told, with no case shown
     OR (a.case_id IS NOT NULL AND a.kind IN (${ACTIONS}) AND a.target_agency_id = $1::uuid AND a.meeting_id IS NOT NULL
         AND c.owner_agency_id IS DISTINCT FROM $1::uuid AND sh.access IS NULL
         AND ${MeetingsRepository.attendedBySql('a.meeting_id', '$1::uuid')})
   )`;

const RELATION = `CASE WHEN a.case_id IS NULL THEN NULL WHEN c.owner_agency_id = $1::uuid THEN 'OWNER'
                       WHEN sh.shared_at <= a.occurred_at THEN sh.access END`;

/** The filter's conditions, with their values after `$1` and `$2`. */
function conditions(where: InboxConditions): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const param = (value: unknown) => `$${params.push(value) + 2}`;
  if (where.kinds?.length) parts.push(`a.kind = ANY(${param(where.kinds)}::text[])`);
  // A meeting's own news has no case and no risk; a case the agency does not hold shows no risk to filter on.
  if (where.riskLevels) parts.push(`(a.case_id IS NULL OR c.risk_level = ANY(${param(where.riskLevels)}::text[]))`);
  if (where.caseId) parts.push(`a.case_id = ${param(where.caseId)}::uuid`);
  if (where.caseReference) {
    parts.push(
      `c.reference = ${param(where.caseReference)} AND (c.owner_agency_id = $1::uuid OR sh.access IS NOT NULL)`,
    );
  }
  if (where.unreadOnly) parts.push(`r.alert_id IS NULL`);
  if (where.assignedToMe) parts.push(`asg.user_id = $2::uuid`);
  if (where.alertIds) parts.push(`a.id = ANY(${param(where.alertIds)}::bigint[])`);
  if (where.before) parts.push(`a.id < ${param(where.before)}::bigint`);
  return { sql: parts.map((part) => ` AND ${part}`).join(''), params };
}

/** The only code that names the inbox's tables (alert_reads, alert_assignments). */
@Injectable()
export class AlertInboxRepository {
  // anonymising, for retention

  /**
   * What people did with the alerts of those cases goes with the alerts (alerts.repository.ts deletes them whole;
   * ON DELETE CASCADE would take these rows too, but retention names every table it clears).
   */
  @AnonymisesCases({ tables: ['alert_reads', 'alert_assignments'] })
  async forgetAlertsOfCases(db: Database, caseIds: string[]): Promise<number> {
    const ofCases = `SELECT a.id FROM ${AlertsRepository.tableAs('a')} WHERE a.case_id = ANY($1)`;
    const reads = await exec(db, `DELETE FROM alert_reads WHERE alert_id IN (${ofCases})`, [caseIds]);
    const assignments = await exec(db, `DELETE FROM alert_assignments WHERE alert_id IN (${ofCases})`, [caseIds]);
    return reads + assignments;
  }

  /** Newest first, at most `limit`. */
  page(db: Database, owner: InboxOwner, where: InboxConditions, limit: number): Promise<InboxRow[]> {
    const { sql, params } = conditions(where);
    return rows<InboxRow>(
      db,
      `SELECT a.id::text AS id, a.kind, a.case_id, a.meeting_id, a.action_id, a.occurred_at, r.read_at,
              asg.user_id AS assignee_id, asg.assigned_at, ${RELATION} AS relation
       ${VISIBLE_FROM}${sql}
       ORDER BY a.id DESC LIMIT ${Number(limit)}`,
      [owner.agencyId, owner.userId, ...params],
    );
  }

  /** How many match, and how many of those are unread: one statement, so the two always agree. */
  async counts(db: Database, owner: InboxOwner, where: InboxConditions): Promise<{ total: number; unread: number }> {
    const { sql, params } = conditions(where);
    const row = await one<{ total: number; unread: number }>(
      db,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE r.alert_id IS NULL)::int AS unread ${VISIBLE_FROM}${sql}`,
      [owner.agencyId, owner.userId, ...params],
    );
    return row!;
  }

  /** Marks read what matches and is unread; the number newly read. */
  markRead(db: Database, owner: InboxOwner, where: InboxConditions): Promise<number> {
    const { sql, params } = conditions({ ...where, unreadOnly: true });
    return exec(
      db,
      `INSERT INTO alert_reads (user_id, alert_id) SELECT $2::uuid, a.id ${VISIBLE_FROM}${sql} ON CONFLICT DO NOTHING`,
      [owner.agencyId, owner.userId, ...params],
    );
  }

  markUnread(db: Database, userId: string, alertId: string): Promise<number> {
    return exec(db, `DELETE FROM alert_reads WHERE user_id = $1 AND alert_id = $2::bigint`, [userId, alertId]);
  }

  /** Whether `userId` is an active person of the agency who does casework (who could read the alert). */
  async isColleague(
    db: Database,
    agencyId: string,
    userId: string,
    caseworkRoles: readonly string[],
  ): Promise<boolean> {
    const row = await one(
      db,
      `SELECT 1 FROM ${UsersRepository.tableAs('u')}
        WHERE u.id = $1 AND u.agency_id = $2 AND u.active AND NOT u.system AND u.roles && $3::text[]`,
      [userId, agencyId, caseworkRoles],
    );
    return row !== undefined;
  }

  /** The active caseworkers of the agency, by name: whom an alert may be assigned to. */
  async colleagueIds(db: Database, agencyId: string, caseworkRoles: readonly string[]): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT u.id FROM ${UsersRepository.tableAs('u')}
        WHERE u.agency_id = $1 AND u.active AND NOT u.system AND u.roles && $2::text[]
        ORDER BY u.display_name, u.id LIMIT 500`,
      [agencyId, caseworkRoles],
    );
    return found.map((row) => row.id);
  }

  /** Sets or clears the agency's assignee; the previous one, if any. */
  async assign(
    db: Database,
    agencyId: string,
    alertId: string,
    assigneeId: string | null,
    byId: string,
  ): Promise<string | null> {
    const previous = await one<{ user_id: string }>(
      db,
      `SELECT user_id FROM alert_assignments WHERE alert_id = $1::bigint AND agency_id = $2 FOR UPDATE`,
      [alertId, agencyId],
    );
    if (assigneeId === null) {
      await exec(db, `DELETE FROM alert_assignments WHERE alert_id = $1::bigint AND agency_id = $2`, [
        alertId,
        agencyId,
      ]);
    } else {
      await exec(
        db,
        `INSERT INTO alert_assignments (alert_id, agency_id, user_id, assigned_by) VALUES ($1::bigint, $2, $3, $4)
         ON CONFLICT (alert_id, agency_id) DO UPDATE SET user_id = EXCLUDED.user_id, assigned_by = EXCLUDED.assigned_by, assigned_at = now()`,
        [alertId, agencyId, assigneeId, byId],
      );
    }
    return previous?.user_id ?? null;
  }

  /** Tells these users' open badges, when the transaction commits, that their inbox changed. */
  async announce(db: Database, userIds: readonly string[]): Promise<void> {
    await exec(db, `SELECT pg_notify('${INBOX_CHANNEL}', u) FROM unnest($1::text[]) u`, [[...new Set(userIds)]]);
  }

  /**
   * The agencies that alerts in (after, upTo] may concern: owner, live shares, an action's agency, attending
   * agencies. More than the exact recipients is harmless (their badges recount); it is one statement per burst.
   */
  async agenciesConcerned(db: Database, after: number, upTo: number): Promise<string[]> {
    const found = await rows<{ agency_id: string }>(
      db,
      `SELECT DISTINCT x.agency_id::text AS agency_id
         FROM ${AlertsRepository.tableAs('a')}
         LEFT JOIN ${CasesRepository.tableAs('c')} ON c.id = a.case_id
         CROSS JOIN LATERAL unnest(ARRAY[c.owner_agency_id, a.target_agency_id]
              || CASE WHEN c.id IS NULL THEN '{}'::uuid[] ELSE ${liveShareAgencyIdsSql('c')} END
              || ${MeetingsRepository.attendingAgencyIdsSql('a.meeting_id')}) x(agency_id)
        WHERE a.id > $1 AND a.id <= $2 AND x.agency_id IS NOT NULL`,
      [after, upTo],
    );
    return found.map((row) => row.agency_id);
  }
}
