import { Injectable } from '@nestjs/common';
import { accessibleSql, type PortalAbility } from '#libs/access';
import { CasesRepository } from '#libs/cases';
import type { ActionKind, ActionStatus } from '#libs/common';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows, SqlParams } from '#libs/db';
import { SharesRepository } from '#libs/shares';
import type { CaseAction } from './case-action.model.js';

/** An overdue action claimed for its one alert, with its meeting when a meeting agreed it. */
export interface OverdueActionRow {
  id: string;
  case_id: string;
  owner_agency_id: string;
  due_at: Date;
  meeting_id: string | null;
}

export interface CaseActionRow {
  id: string;
  case_id: string;
  kind: ActionKind;
  legal: boolean;
  description: string;
  owner_agency_id: string;
  assignee_id: string | null;
  due_at: Date | null;
  status: ActionStatus;
  outcome: string | null;
  created_at: Date;
  completed_at: Date | null;
  served_at: Date | null;
  hearing_at: Date | null;
  expires_at: Date | null;
  agenda_item_id: string | null;
  case_owner_agency_id?: string;
}

/** A page of a worklist, with the counts of the whole list beside it. */
export interface WorklistRow extends CaseActionRow {
  total_count: number;
  overdue_count: number;
}

export const ACTION_COLUMNS =
  'a.id, a.case_id, a.kind, a.legal, a.description, a.owner_agency_id, a.assignee_id, a.due_at, a.status, a.outcome, a.created_at, a.completed_at, a.served_at, a.hearing_at, a.expires_at, a.agenda_item_id';

export const toAction = (row: CaseActionRow): CaseAction => ({
  id: row.id,
  caseId: row.case_id,
  kind: row.kind,
  legal: row.legal,
  description: row.description,
  dueAt: row.due_at,
  status: row.status,
  outcome: row.outcome,
  createdAt: row.created_at,
  completedAt: row.completed_at,
  servedAt: row.served_at,
  hearingAt: row.hearing_at,
  expiresAt: row.expires_at,
  ownerAgencyId: row.owner_agency_id,
  assigneeId: row.assignee_id,
  agendaItemId: row.agenda_item_id,
  caseOwnerAgencyId: row.case_owner_agency_id,
});

/** A new action's row; the description is stored as given (trimmed by the caller). */
export interface NewAction {
  caseId: string;
  kind: ActionKind;
  legal: boolean;
  description: string;
  ownerAgencyId: string;
  assigneeId: string | null;
  dueAt: Date | null;
  createdById: string;
  /** The agenda item that agreed it, for an action a meeting gave an agency. */
  agendaItemId?: string;
}

/** What progress changes; null leaves a column as it is (the status is always written). */
export interface ActionProgress {
  status: ActionStatus;
  outcome: string | null;
  dueAt: Date | null;
  finished: boolean;
  servedAt: Date | null;
  hearingAt: Date | null;
  expiresAt: Date | null;
}

/** An action `a` on its case `c` is the caller's to read when it may read the case, or the action itself (one a meeting gave its agency). */
const readableSql = (ability: PortalAbility, params: SqlParams) =>
  `(${accessibleSql(ability, 'read', 'Case', 'c', params)} OR ${accessibleSql(ability, 'read', 'CaseAction', 'a', params)})`;

/** The only code that names the case_actions table; other libraries call it. */
@Injectable()
export class ActionsRepository {
  /** Whether the agency holds the case: owns it or has a live share of it. */
  async heldBy(db: Database, caseId: string, agencyId: string): Promise<boolean> {
    const row = await one(
      db,
      `SELECT 1 FROM ${CasesRepository.tableAs('c')} WHERE c.id = $1 AND (c.owner_agency_id = $2
         OR ${SharesRepository.liveShareSql('c.id', '$2')})`,
      [caseId, agencyId],
    );
    return row !== undefined;
  }

  async insert(db: Database, action: NewAction): Promise<CaseActionRow> {
    const row = await one<CaseActionRow>(
      db,
      `INSERT INTO case_actions AS a (case_id, kind, legal, description, owner_agency_id, assignee_id, due_at, created_by_id, agenda_item_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${ACTION_COLUMNS}`,
      [
        action.caseId,
        action.kind,
        action.legal,
        action.description,
        action.ownerAgencyId,
        action.assigneeId,
        action.dueAt,
        action.createdById,
        action.agendaItemId ?? null,
      ],
    );
    return row!;
  }

  /**
   * One action the caller may read, with its case's owner. LEFT JOIN: an action a meeting gave the agency stays
   * its own on a case it no longer reads (row security then hides the case row, and with it the case owner's
   * claim, which is not the caller's).
   */
  findReadable(db: Database, ability: PortalAbility, actionId: string): Promise<CaseActionRow | undefined> {
    const params = new SqlParams();
    const idParam = params.add(actionId);
    const scope = readableSql(ability, params);
    return one(
      db,
      `SELECT ${ACTION_COLUMNS}, c.owner_agency_id AS case_owner_agency_id
         FROM case_actions a LEFT JOIN ${CasesRepository.tableAs('c')} ON c.id = a.case_id
        WHERE a.id = ${idParam}::uuid AND ${scope}`,
      params.values,
    );
  }

  async recordProgress(db: Database, actionId: string, progress: ActionProgress): Promise<CaseActionRow> {
    const row = await one<CaseActionRow>(
      db,
      `UPDATE case_actions a SET status = $2, outcome = coalesce($3, a.outcome), due_at = coalesce($4, a.due_at),
              completed_at = CASE WHEN $5 THEN coalesce(a.completed_at, now()) ELSE NULL END,
              served_at = coalesce($6, a.served_at), hearing_at = coalesce($7, a.hearing_at), expires_at = coalesce($8, a.expires_at)
        WHERE a.id = $1 RETURNING ${ACTION_COLUMNS}`,
      [
        actionId,
        progress.status,
        progress.outcome,
        progress.dueAt,
        progress.finished,
        progress.servedAt,
        progress.hearingAt,
        progress.expiresAt,
      ],
    );
    return row!;
  }

  /** The agency's live actions of the given kinds on cases the caller may read, those lapsing soonest first, at most 500. */
  liveOfKindsOwnedBy(
    db: Database,
    ability: PortalAbility,
    agencyId: string,
    kinds: ActionKind[],
  ): Promise<CaseActionRow[]> {
    const params = new SqlParams();
    const scope = readableSql(ability, params);
    const agency = params.add(agencyId);
    const kindsParam = params.add(kinds);
    return rows(
      db,
      `SELECT ${ACTION_COLUMNS} FROM case_actions a JOIN ${CasesRepository.tableAs('c')} ON c.id = a.case_id
        WHERE a.owner_agency_id = ${agency}::uuid AND a.kind = ANY(${kindsParam}::text[]) AND a.status IN ('OPEN','IN_PROGRESS')
          AND (a.expires_at IS NULL OR a.expires_at > now()) AND ${scope}
        ORDER BY a.expires_at NULLS LAST, a.created_at, a.id LIMIT 500`,
      params.values,
    );
  }

  /**
   * Issue 17, My work: the open and in-progress actions the agency owns, or (`assigneeId`) the person is given, that
   * the caller may read, on any case: those on cases it holds, and those a meeting gave it on cases it does not.
   * Soonest due first, undated last; with the whole list's count and how many of it are overdue. LEFT JOIN as in
   * findReadable: row security hides a case the agency does not hold, and the action's own rule admits it.
   */
  worklist(
    db: Database,
    ability: PortalAbility,
    owner: { agencyId: string | null; assigneeId: string | null },
    limit: number,
  ): Promise<WorklistRow[]> {
    const params = new SqlParams();
    const scope = readableSql(ability, params);
    const agency = params.add(owner.agencyId);
    const assignee = params.add(owner.assigneeId);
    return rows(
      db,
      `SELECT ${ACTION_COLUMNS}, c.owner_agency_id AS case_owner_agency_id,
              count(*) OVER ()::int AS total_count,
              (count(*) FILTER (WHERE a.due_at < now()) OVER ())::int AS overdue_count
         FROM case_actions a LEFT JOIN ${CasesRepository.tableAs('c')} ON c.id = a.case_id
        WHERE (a.owner_agency_id = ${agency}::uuid OR a.assignee_id = ${assignee}::uuid)
          AND a.status IN ('OPEN', 'IN_PROGRESS') AND ${scope}
        ORDER BY a.due_at NULLS LAST, a.created_at, a.id LIMIT ${limit}`,
      params.values,
    );
  }

  /** Every action of the cases asked for (those `db` may read), oldest first. */
  ofCases(db: Database, caseIds: readonly string[]): Promise<CaseActionRow[]> {
    return rows(
      db,
      `SELECT ${ACTION_COLUMNS} FROM case_actions a WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [caseIds],
    );
  }

  // for reports
  /** The agency's unfinished actions past their due date on cases the caller may read, most overdue first. */
  overdueOwnedBy(db: Database, ability: PortalAbility, agencyId: string, limit: number): Promise<CaseActionRow[]> {
    const params = new SqlParams();
    const scope = readableSql(ability, params);
    return rows(
      db,
      `SELECT ${ACTION_COLUMNS} FROM case_actions a JOIN ${CasesRepository.tableAs('c')} ON c.id = a.case_id
        WHERE a.owner_agency_id = ${params.add(agencyId)}::uuid AND a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_at < now() AND ${scope}
        ORDER BY a.due_at, a.id LIMIT ${limit}`,
      params.values,
    );
  }

  /** The actions (`a`) of the cases `casesAs` reads (a table or CTE with its alias, `alias`), for a figure's FROM. */
  static ofCasesSql(casesAs: string, alias: string): string {
    return `case_actions a JOIN ${casesAs} ON ${alias}.id = a.case_id`;
  }

  // anonymising, for retention

  /** The kind of action, who took it and when stay; what it said and came to go. */
  @AnonymisesCases({ tables: ['case_actions'] })
  anonymiseActions(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE case_actions SET description = '${REMOVED_BY_RETENTION}', outcome = NULL WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }

  // for meetings

  /**
   * The actions agreed on the agenda items `itemIdsSql` (a list or a subquery over `params`) lists, by due date;
   * with `statuses`, only those in them.
   */
  onAgendaItems(
    db: Database,
    itemIdsSql: string,
    params: readonly unknown[],
    statuses: readonly ActionStatus[] | null,
  ): Promise<CaseActionRow[]> {
    const status = statuses ? ` AND a.status IN (${statuses.map((s) => `'${s}'`).join(',')})` : '';
    return rows<CaseActionRow>(
      db,
      `SELECT ${ACTION_COLUMNS} FROM case_actions a WHERE a.agenda_item_id IN (${itemIdsSql})${status} ORDER BY a.due_at, a.created_at`,
      params,
    );
  }

  /** The agencies that own (or owned) an action on the case `caseRef`, as a subquery of `agency_id` (MARAC figures). */
  static actionOwnersSql(caseRef: string): string {
    return `SELECT a.owner_agency_id AS agency_id FROM case_actions a WHERE a.case_id = ${caseRef}`;
  }

  /** How many actions agreed on the agenda items of `items` (a table or CTE with `id`) are due by now. */
  static dueOnItemsCountSql(items: string): string {
    return `(SELECT count(*) FROM case_actions a JOIN ${items} i ON i.id = a.agenda_item_id WHERE a.due_at <= now() AND a.status <> 'CANCELLED')`;
  }

  /** How many of them were done by their due date. */
  static doneOnTimeOnItemsCountSql(items: string): string {
    return `(SELECT count(*) FROM case_actions a JOIN ${items} i ON i.id = a.agenda_item_id
                WHERE a.due_at <= now() AND a.status = 'DONE' AND a.completed_at <= a.due_at)`;
  }

  // for the scheduler (OverdueActions)

  /**
   * Marks up to 500 open actions due before `now` as alerted, and answers them with their meeting (`meetingSql`,
   * the meeting of the agenda item `a.agenda_item_id`, lent by meetings).
   */
  claimOverdue(db: Database, now: Date, meetingSql: string): Promise<OverdueActionRow[]> {
    return rows<OverdueActionRow>(
      db,
      `UPDATE case_actions a SET overdue_alerted_at = now()
        WHERE a.id IN (SELECT id FROM case_actions
                      WHERE due_at < $1 AND overdue_alerted_at IS NULL AND status IN ('OPEN', 'IN_PROGRESS')
                      ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED)
        RETURNING a.id, a.case_id, a.owner_agency_id, a.due_at, ${meetingSql} AS meeting_id`,
      [now],
    );
  }
}
