import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderFor, type RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox, AlertScheduler } from '#libs/alerts';
import type { Case } from '#libs/cases';
import { ClockState } from '#libs/common';
import { clocksOf } from './service-standards.rules.js';
import { DEFAULT_STANDARDS, type ServiceClock, type ServiceStandards } from './service-standard.model.js';
import type { ServiceStandardsInput } from './service-standards.inputs.js';
import { ServiceStandardsRepository } from './service-standards.repository.js';

@Injectable()
export class ServiceStandardsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: AlertScheduler,
    private readonly repository: ServiceStandardsRepository,
  ) {}

  onModuleInit(): void {
    this.scheduler.addPass((now) => this.raiseBreaches(now));
  }

  async ofAgency(ctx: RequestContext, agencyId: string): Promise<ServiceStandards> {
    return (await this.repository.ofAgency(ctx.db, agencyId)) ?? DEFAULT_STANDARDS;
  }

  /** Applies to the agency's cases at once, past ones included, so the figures always read one standard. Homes omitted stay as they were. */
  update(ctx: RequestContext, input: ServiceStandardsInput): Promise<ServiceStandards> {
    return this.repository.save(ctx.db, ctx.user!.agencyId, input, ctx.user!.id);
  }

  /** Null where the caller may not read them (the case lists "serviceClocks" as redacted). */
  async clocks(ctx: RequestContext, parent: Case): Promise<ServiceClock[] | null> {
    if (parent.redactedFields.includes('serviceClocks')) return null;
    const loader = loaderFor(
      ctx,
      'case.serviceClocks',
      () =>
        new DataLoader<string, ServiceClock[]>(async (caseIds) => {
          const rows = await this.repository.factsOf(ctx.db, caseIds);
          const now = Date.now();
          const byId = new Map(rows.map((row) => [row.id, clocksOf(row, now)]));
          return caseIds.map((id) => byId.get(id) ?? []);
        }),
    );
    return loader.load(parent.id);
  }

  /**
   * One scheduler pass: every open case whose clock has run out alerts its holders once per deadline. The
   * repository narrows to cases that could be in breach; the clocks decide; a row in service_standard_alerts
   * claims each deadline, so two instances never alert twice.
   */
  async raiseBreaches(now: Date): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const candidates = await this.repository.breachCandidates(db, now);
      const breached = candidates.flatMap((facts) =>
        clocksOf(facts, now.getTime())
          .filter((clock) => clock.state === ClockState.BREACHED)
          .map((clock) => ({ caseId: facts.id, standard: clock.standard, dueAt: clock.dueAt })),
      );
      if (breached.length === 0) return;
      const claimed = await this.repository.claimBreaches(db, breached);
      for (const claim of claimed) {
        await AlertOutbox.insert(
          db,
          AlertKind.SERVICE_STANDARD_BREACHED,
          { caseId: claim.case_id, detail: { standard: claim.standard, deadline: claim.due_at } },
          null,
        );
      }
    });
  }
}
