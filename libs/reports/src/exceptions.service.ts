import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { ActionsRepository, toAction } from '#libs/actions';
import { CasesRepository, toCase } from '#libs/cases';
import { BadInputError, ClockState, DAY_MS } from '#libs/common';
import { clocksOf, ServiceStandardsRepository } from '#libs/service-standards';
import type { CaseException, Exceptions } from './exceptions.model.js';

const LIMIT = 200;

@Injectable()
export class ExceptionsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly standards: ServiceStandardsRepository,
    private readonly actions: ActionsRepository,
  ) {}

  /**
   * The manager's exception lists: their agency's own open cases (its team's work) not touched for a while or
   * in breach of a standard, its overdue actions on cases it may see, and closures without the reporter told.
   */
  async exceptions(ctx: RequestContext, notUpdatedDays: number): Promise<Exceptions> {
    if (!Number.isInteger(notUpdatedDays) || notUpdatedDays < 1 || notUpdatedDays > 365)
      throw new BadInputError('notUpdatedDays', 'notUpdatedDays must be 1–365');
    const agency = ctx.user!.agencyId;
    const rows = await this.cases.openOwnedWithLastActivity(ctx.db, agency);
    const facts = await this.standards.factsOfOpenCasesOwnedBy(ctx.db, agency);
    const now = Date.now();
    const breachesOf = new Map(
      facts.map((f) => [f.id, clocksOf(f, now).filter((clock) => clock.state === ClockState.BREACHED)]),
    );
    const all: CaseException[] = rows.map((row) => ({
      case: toCase(ctx.ability, row),
      lastActivityAt: row.last_activity_at,
      breaches: breachesOf.get(row.id) ?? [],
    }));
    const stale = now - notUpdatedDays * DAY_MS;
    const overdue = await this.actions.overdueOwnedBy(ctx.db, ctx.ability, agency, LIMIT);
    const untold = await this.cases.closedWithoutTellingReporter(ctx.db, agency, LIMIT);
    return {
      notUpdated: all
        .filter((e) => e.lastActivityAt.getTime() < stale)
        .sort((a, b) => a.lastActivityAt.getTime() - b.lastActivityAt.getTime())
        .slice(0, LIMIT),
      standardsBreached: all
        .filter((e) => e.breaches.length > 0)
        .sort(
          (a, b) =>
            Math.min(...a.breaches.map((x) => x.dueAt.getTime())) -
            Math.min(...b.breaches.map((x) => x.dueAt.getTime())),
        )
        .slice(0, LIMIT),
      overdueActions: overdue.map(toAction),
      closedWithoutTellingReporter: untold.map((row) => toCase(ctx.ability, row)),
    };
  }
}
