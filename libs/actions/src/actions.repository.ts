import { Injectable } from '@nestjs/common';
import type { ActionKind, ActionStatus } from '#libs/common';
import { type Database, one, rows } from '#libs/db';
import { ACTION_COLUMNS, type CaseActionRow } from './case-action.model.js';

/**
 * The case_actions table: the only code that names it. Stateless; the caller picks the `db`. A static `…Sql`
 * method is a piece of another library's statement (a read across libraries stays one statement).
 */
@Injectable()
export class ActionsRepository {
  // for meetings

  /** An action agreed on an agenda item. */
  async addFromMeeting(
    db: Database,
    action: { caseId: string; kind: ActionKind; legal: boolean; description: string; ownerAgencyId: string; dueAt: Date; createdById: string; agendaItemId: string },
  ): Promise<CaseActionRow> {
    return (await one<CaseActionRow>(
      db,
      `INSERT INTO case_actions AS a (case_id, kind, legal, description, owner_agency_id, due_at, created_by_id, agenda_item_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ACTION_COLUMNS}`,
      [action.caseId, action.kind, action.legal, action.description, action.ownerAgencyId, action.dueAt, action.createdById, action.agendaItemId],
    ))!;
  }

  /**
   * The actions agreed on the agenda items `itemIdsSql` (a list or a subquery over `params`) lists, by due date;
   * with `statuses`, only those in them.
   */
  onAgendaItems(db: Database, itemIdsSql: string, params: readonly unknown[], statuses: readonly ActionStatus[] | null): Promise<CaseActionRow[]> {
    const status = statuses ? ` AND a.status IN (${statuses.map((s) => `'${s}'`).join(',')})` : '';
    return rows<CaseActionRow>(db, `SELECT ${ACTION_COLUMNS} FROM case_actions a WHERE a.agenda_item_id IN (${itemIdsSql})${status} ORDER BY a.due_at, a.created_at`, params);
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
}
