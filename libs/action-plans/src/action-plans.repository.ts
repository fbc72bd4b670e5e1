import { Injectable } from '@nestjs/common';
import type { ContactChannel } from '#libs/common';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows } from '#libs/db';
import { ACTION_PLAN_COLUMNS, type ActionPlanRow } from './action-plans.model.js';

/** The only code that names the action_plans table. */
@Injectable()
export class ActionPlansRepository {
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
      [plan.caseId, plan.agreedAt, plan.agreedWith, plan.ourCommitments, plan.reporterCommitments, plan.updateEveryDays, plan.updateChannel, plan.recordedById],
    );
    return row!;
  }

  /** The plans of these cases, by case and newest first. */
  ofCases(db: Database, caseIds: readonly string[]): Promise<ActionPlanRow[]> {
    return rows<ActionPlanRow>(db, `SELECT ${ACTION_PLAN_COLUMNS} FROM action_plans p WHERE p.case_id = ANY($1::uuid[]) ORDER BY p.case_id, p.agreed_at DESC, p.id DESC`, [
      caseIds,
    ]);
  }

  // anonymising, for retention

  /** When plans were agreed and how often updates were due stay (the service standards count them); the words go. */
  @AnonymisesCases({ tables: ['action_plans'] })
  anonymisePlans(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE action_plans SET agreed_with = '${REMOVED_BY_RETENTION}', our_commitments = '{}', reporter_commitments = '{}' WHERE case_id = ANY($1)`, [
      caseIds,
    ]);
  }
}
