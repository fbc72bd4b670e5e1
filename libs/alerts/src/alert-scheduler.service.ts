import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { AlertKind } from './alert-kind.js';
import { AlertOutbox } from './alert-outbox.service.js';
import { addWorkingDays } from './working-days.js';

/**
 * Time-driven alerts. Each is claimed by an UPDATE that marks the row as alerted in the same transaction
 * that raises the alert: with several instances running, the second to reach a row finds it claimed, so
 * every overdue action and every missed contact standard alerts exactly once.
 */
@Injectable()
export class AlertScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.alertSchedulerSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; never two at once in this process. */
  tick(): Promise<void> {
    this.running ??= this.runOnce()
      .catch((error: unknown) => this.logger.error(`scheduler pass failed: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async runOnce(now = new Date()): Promise<void> {
    await this.overdueActions(now);
    await this.missedContactStandard(now);
    await this.dataSource.query(`DELETE FROM alerts WHERE occurred_at < now() - make_interval(days => $1)`, [this.config.alertRetentionDays]);
  }

  private async overdueActions(now: Date): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      // A meeting's action names its meeting, so an attending owner without a share of the case is told too.
      const claimed: { id: string; case_id: string; owner_agency_id: string; due_at: Date; meeting_id: string | null }[] = await db
        .query(
          `UPDATE case_actions a SET overdue_alerted_at = now()
            WHERE a.id IN (SELECT id FROM case_actions
                          WHERE due_at < $1 AND overdue_alerted_at IS NULL AND status IN ('OPEN', 'IN_PROGRESS')
                          ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED)
            RETURNING a.id, a.case_id, a.owner_agency_id, a.due_at,
                      (SELECT i.meeting_id FROM agenda_items i WHERE i.id = a.agenda_item_id) AS meeting_id`,
          [now],
        )
        .then(([rows]) => rows);
      for (const action of claimed) {
        await AlertOutbox.insert(
          db,
          AlertKind.ACTION_OVERDUE,
          {
            caseId: action.case_id,
            actionId: action.id,
            targetAgencyId: action.owner_agency_id,
            meetingId: action.meeting_id ?? undefined,
            detail: { dueAt: action.due_at },
          },
          null,
        );
      }
    });
  }

  /** Service standard: contact the reporter within 1 working day of the report (England and Wales bank holidays). */
  private async missedContactStandard(now: Date): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      // Any case missing its deadline was opened more than a day ago; the working-day rule decides which did.
      const candidates: { id: string; opened_at: Date }[] = await db.query(
        `SELECT c.id, c.opened_at FROM cases c
          WHERE c.status = 'OPEN' AND c.contact_breach_alerted_at IS NULL AND c.opened_at < $1::timestamptz - interval '1 day'
            AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.case_id = c.id AND k.contacted_at <= c.opened_at + interval '7 days')
          ORDER BY c.opened_at LIMIT 1000`,
        [now],
      );
      const breached = [];
      for (const kase of candidates) {
        const deadline = addWorkingDays(kase.opened_at, 1);
        if (deadline < now) breached.push({ id: kase.id, deadline });
      }
      if (breached.length === 0) return;
      const [claimed]: [{ id: string; deadline: Date }[], number] = await db.query(
        `UPDATE cases c SET contact_breach_alerted_at = now()
           FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, deadline)
          WHERE c.id = d.id AND c.contact_breach_alerted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.case_id = c.id AND k.contacted_at <= d.deadline)
          RETURNING c.id, d.deadline`,
        [breached.map((b) => b.id), breached.map((b) => b.deadline)],
      );
      for (const { id, deadline } of claimed) {
        await AlertOutbox.insert(db, AlertKind.SERVICE_STANDARD_BREACHED, { caseId: id, detail: { standard: 'CONTACT_WITHIN_1_WORKING_DAY', deadline } }, null);
      }
    });
  }
}
