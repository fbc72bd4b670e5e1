import { Injectable } from '@nestjs/common';
import type { ContactChannel } from '#libs/common';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows } from '#libs/db';
import { ACTION_PLAN_COLUMNS, type ActionPlanRow } from './action-plans.model.js';

/** The only code that names the action_plans table; other libraries call it. */
@Injectable()
export class ActionPlansRepository {
  // for service-standards
  /** When the first action plan of the case `caseRef` names was agreed; null if none. */
  static firstAgreedAtSql(caseRef: string): string {
    return `(SELECT min(p.agreed_at) FROM action_plans p WHERE p.case_id = ${caseRef})`;
  }

  /** The current action plan of the case `caseRef` names (`agreed_at`, `update_every_days`), as at most one row for a lateral join. */
  static currentPlanSql(caseRef: string): string {
    return `(SELECT p.agreed_at, p.update_every_days FROM action_plans p WHERE p.case_id = ${caseRef}
                                ORDER BY p.agreed_at DESC, p.id DESC LIMIT 1)`;
  }

  /** Whether an action plan of the case `caseRef` names was agreed at or before `by` (an SQL timestamp). */
  static agreedBySql(caseRef: string, by: string): string {
    return `EXISTS (SELECT 1 FROM action_plans p WHERE p.case_id = ${caseRef}
                              AND p.agreed_at <= ${by})`;
  }

  async insert(
    db: Database,
    plan: {
      caseId: string;
      agreedAt: Date;
      agreedWith: string;
      ourCommitments: string[];
      reporterCommitments: string[];
      updateEveryDays: number;
      updateChannel: ContactChannel;
      recordedById: string;
    },
  ): Promise<ActionPlanRow> {
    const row = await one<ActionPlanRow>(
      db,
      `INSERT INTO action_plans AS p (case_id, agreed_at, agreed_with, our_commitments, reporter_commitments, update_every_days, update_channel, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ACTION_PLAN_COLUMNS}`,
      [
        plan.caseId,
        plan.agreedAt,
        plan.agreedWith,
        plan.ourCommitments,
        plan.reporterCommitments,
        plan.updateEveryDays,
        plan.updateChannel,
        plan.recordedById,
      ],
    );
    return row!;
  }

  /** The plans of these cases, by case and newest first. */
  ofCases(db: Database, caseIds: readonly string[]): Promise<ActionPlanRow[]> {
    return rows<ActionPlanRow>(
      db,
      `SELECT ${ACTION_PLAN_COLUMNS} FROM action_plans p WHERE p.case_id = ANY($1::uuid[]) ORDER BY p.case_id, p.agreed_at DESC, p.id DESC`,
      [caseIds],
    );
  }

  // anonymising, for retention

  /** When plans were agreed and how often updates were due stay (the service standards count them); the words go. */
  @AnonymisesCases({ tables: ['action_plans'] })
  anonymisePlans(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE action_plans SET agreed_with = '${REMOVED_BY_RETENTION}', our_commitments = '{}', reporter_commitments = '{}' WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }
}
