import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderFor, type RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox, AlertScheduler } from '#libs/alerts';
import type { Case } from '#libs/cases';
import { ClockState } from '#libs/common';
import { caseFactsSql } from './clocks.js';
import { type CaseFacts, clocksOf } from './service-standards.rules.js';
import { DEFAULT_STANDARDS, type ServiceClock, ServiceStandard, type ServiceStandards, type ServiceStandardsInput } from './service-standard.model.js';

const STANDARD_COLUMNS = `contact_working_days AS "contactWorkingDays", action_plan_working_days AS "actionPlanWorkingDays", homes`;

@Injectable()
export class ServiceStandardsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: AlertScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.addPass((now) => this.raiseBreaches(now));
  }

  async ofAgency(ctx: RequestContext, agencyId: string): Promise<ServiceStandards> {
    const [row]: ServiceStandards[] = await ctx.db.query(
      `SELECT ${STANDARD_COLUMNS} FROM service_standards WHERE agency_id = $1`,
      [agencyId],
    );
    return row ?? DEFAULT_STANDARDS;
  }

  /** Applies to the agency's cases at once, past ones included, so the figures always read one standard. Homes omitted stay as they were. */
  async update(ctx: RequestContext, input: ServiceStandardsInput): Promise<ServiceStandards> {
    const [row]: ServiceStandards[] = await ctx.db.query(
      `INSERT INTO service_standards (agency_id, contact_working_days, action_plan_working_days, homes, updated_by_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (agency_id) DO UPDATE SET contact_working_days = EXCLUDED.contact_working_days,
         action_plan_working_days = EXCLUDED.action_plan_working_days,
         homes = CASE WHEN $6 THEN EXCLUDED.homes ELSE service_standards.homes END, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
       RETURNING ${STANDARD_COLUMNS}`,
      [ctx.user!.agencyId, input.contactWorkingDays, input.actionPlanWorkingDays, input.homes ?? null, ctx.user!.id, input.homes !== undefined],
    );
    return row;
  }

  /** Null where the caller may not read them (the case lists "serviceClocks" as redacted). */
  async clocks(ctx: RequestContext, parent: Case): Promise<ServiceClock[] | null> {
    if (parent.redactedFields.includes('serviceClocks')) return null;
    const loader = loaderFor(
      ctx,
      'case.serviceClocks',
      () =>
        new DataLoader<string, ServiceClock[]>(async (caseIds) => {
          const rows: CaseFacts[] = await ctx.db.query(caseFactsSql('c.id = ANY($1::uuid[])'), [caseIds]);
          const now = Date.now();
          const byId = new Map(rows.map((row) => [row.id, clocksOf(row, now)]));
          return caseIds.map((id) => byId.get(id) ?? []);
        }),
    );
    return loader.load(parent.id);
  }

  /**
   * One scheduler pass: every open case whose clock has run out alerts its holders once per deadline. The
   * SQL narrows to cases that could be in breach (a working-day deadline is never sooner than the same number
   * of calendar days); the clocks decide; a row in service_standard_alerts claims each deadline, so two
   * instances never alert twice.
   */
  async raiseBreaches(now: Date): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const candidates: CaseFacts[] = await db.query(
        caseFactsSql(`c.status = 'OPEN' AND (
            (NOT EXISTS (SELECT 1 FROM service_standard_alerts x WHERE x.case_id = c.id AND x.standard = 'CONTACT_REPORTER')
             AND c.opened_at < $1::timestamptz - make_interval(days => coalesce(s.contact_working_days, 1))
             AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.case_id = c.id
                              AND k.contacted_at <= c.opened_at + make_interval(days => coalesce(s.contact_working_days, 1))))
         OR (NOT EXISTS (SELECT 1 FROM service_standard_alerts x WHERE x.case_id = c.id AND x.standard = 'ACTION_PLAN_AGREED')
             AND c.opened_at < $1::timestamptz - make_interval(days => coalesce(s.action_plan_working_days, 10))
             AND NOT EXISTS (SELECT 1 FROM action_plans p WHERE p.case_id = c.id
                              AND p.agreed_at <= c.opened_at + make_interval(days => coalesce(s.action_plan_working_days, 10))))
         OR (lp.agreed_at IS NOT NULL
             AND greatest(lp.agreed_at, lk.at) + make_interval(days => lp.update_every_days) < $1
             AND NOT EXISTS (SELECT 1 FROM service_standard_alerts x WHERE x.case_id = c.id AND x.standard = 'REPORTER_UPDATED'
                              AND x.due_at = greatest(lp.agreed_at, lk.at) + make_interval(days => lp.update_every_days)))
         OR (la.review_due_at < $1
             AND NOT EXISTS (SELECT 1 FROM service_standard_alerts x WHERE x.case_id = c.id AND x.standard = 'RISK_REVIEWED' AND x.due_at = la.review_due_at)))
         ORDER BY c.opened_at LIMIT 1000`),
        [now],
      );
      const breached = candidates.flatMap((facts) =>
        clocksOf(facts, now.getTime())
          .filter((clock) => clock.state === ClockState.BREACHED)
          .map((clock) => ({ caseId: facts.id, standard: clock.standard, dueAt: clock.dueAt })),
      );
      if (breached.length === 0) return;
      const claimed: { case_id: string; standard: ServiceStandard; due_at: Date }[] = await db.query(
        `INSERT INTO service_standard_alerts (case_id, standard, due_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
         ON CONFLICT DO NOTHING RETURNING case_id, standard, due_at`,
        [breached.map((b) => b.caseId), breached.map((b) => b.standard), breached.map((b) => b.dueAt)],
      );
      for (const claim of claimed) {
        await AlertOutbox.insert(db, AlertKind.SERVICE_STANDARD_BREACHED, { caseId: claim.case_id, detail: { standard: claim.standard, deadline: claim.due_at } }, null);
      }
    });
  }
}
