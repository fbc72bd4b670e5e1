import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { type Case, CasesRepository, CasesService } from '#libs/cases';
import { BadInputError, CaseStatus, NotFoundError, parseId, type RiskLevel, StateConflictError } from '#libs/common';
import { IncidentsService } from '#libs/incidents';
import { IntakeFlag, type IntakeReport, type IntakeRow, IntakeStatus, toIntake } from './intake.model.js';
import type { IntakeReportInput } from './intake.inputs.js';
import { IntakeRepository } from './intake.repository.js';
import {
  addressLocatesVictim,
  isAnonymousReport,
  namesOfReport,
  partiesOfReport,
  receivedAtProblem,
} from './intake.rules.js';

/**
 * Triage: a report waits in its agency's queue until someone accepts it as a new case, attaches it to an open
 * case about the same problem (it becomes an incident there, so one problem is one case), or declines it
 * with a reason. Reports are the receiving agency's alone (the policy's 'IntakeReport' rule, in SQL).
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly cases: CasesService,
    private readonly incidents: IncidentsService,
    private readonly repository: IntakeRepository,
    private readonly caseRows: CasesRepository,
  ) {}

  async submit(ctx: RequestContext, input: IntakeReportInput): Promise<IntakeReport> {
    const problem = input.receivedAt ? receivedAtProblem(input.receivedAt) : null;
    if (problem) throw new BadInputError('receivedAt', problem);
    const anonymous = isAnonymousReport(input.anonymous, input.reporterName);
    const row = await this.repository.insert(ctx.db, {
      agencyId: ctx.user!.agencyId,
      receivedAt: input.receivedAt ?? null,
      channel: input.channel,
      category: input.category,
      summary: input.summary.trim(),
      ward: input.ward.trim(),
      address: input.address?.trim() || null,
      reporterName: input.reporterName?.trim() || null,
      reporterPhone: input.reporterPhone?.trim() || null,
      anonymous,
      subjectName: input.subjectName?.trim() || null,
      loggedById: ctx.user!.id,
    });
    return toIntake(row);
  }

  /** The agency's reports waiting for a decision, oldest first. */
  async queue(ctx: RequestContext): Promise<IntakeReport[]> {
    return (await this.repository.findWaiting(ctx.db, ctx)).map(toIntake);
  }

  /** A new case from the report: the reporter as complainant (anonymous if they asked), the subject if named, and the report as its first incident. */
  async accept(ctx: RequestContext, id: string, riskLevel: RiskLevel): Promise<Case> {
    const report = await this.waiting(ctx, id);
    const kase = await this.cases.create(ctx, {
      category: report.category,
      summary: report.summary,
      ward: report.ward,
      riskLevel,
      address: report.address,
      parties: partiesOfReport(report),
    });
    await this.asIncident(ctx, report, kase);
    await this.decide(ctx, report.id, IntakeStatus.ACCEPTED, kase.id, null);
    return kase;
  }

  /** The report becomes an incident on an open case the agency holds: one problem, one case. */
  async attach(ctx: RequestContext, id: string, caseId: string): Promise<IntakeReport> {
    const report = await this.waiting(ctx, id);
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    if (kase.status !== CaseStatus.OPEN) throw new BadInputError('caseId', 'Attach reports to an open case');
    await this.asIncident(ctx, report, kase);
    return this.decide(ctx, report.id, IntakeStatus.ATTACHED, kase.id, null);
  }

  async decline(ctx: RequestContext, id: string, reason: string): Promise<IntakeReport> {
    const report = await this.waiting(ctx, id);
    if (reason.trim().length < 3) throw new BadInputError('reason', 'Say why the report is declined');
    return this.decide(ctx, report.id, IntakeStatus.DECLINED, null, reason.trim());
  }

  /**
   * Repeat callers, victims and places, from this agency's reports and the cases it may see over the last 12
   * months: for the person triaging, so a pattern is not missed. A case's name, phone or address is compared
   * only where the caller may read it (a LIMITED share, a DA victim's location, an anonymous party: not),
   * so typing a name or an address into a report is no way to learn what a case withholds.
   */
  async flags(ctx: RequestContext, report: IntakeReport): Promise<IntakeFlag[]> {
    const row = await this.repository.repeats(ctx.db, ctx, report.id);
    return [
      ...(row?.caller ? [IntakeFlag.REPEAT_CALLER] : []),
      ...(row?.victim ? [IntakeFlag.REPEAT_VICTIM] : []),
      ...(row?.place ? [IntakeFlag.REPEAT_LOCATION] : []),
    ];
  }

  /** Open cases of the agency's own about the same place or people: where the report might belong. */
  async matchingCases(ctx: RequestContext, report: IntakeReport): Promise<Case[]> {
    const names = namesOfReport([report.reporterName, report.subjectName]);
    const ids = await this.caseRows.findOpenOwnedMatching(ctx.db, ctx.user!.agencyId, report.address, names);
    const found = await Promise.all(ids.map((caseId) => this.cases.visibleById(ctx, caseId)));
    return found.filter((c): c is Case => c !== null);
  }

  private async waiting(ctx: RequestContext, id: string): Promise<IntakeRow> {
    const row = await this.repository.findDecidableForUpdate(ctx.db, ctx, parseId(id, 'id'));
    if (!row) throw new NotFoundError('Report', 'id');
    if (row.status !== IntakeStatus.NEW)
      throw new StateConflictError(`The report was already ${row.status.toLowerCase()}`, 'id');
    return row;
  }

  /** The report as an incident; an address that could locate a victim stays off it (addressLocatesVictim). */
  private asIncident(ctx: RequestContext, report: IntakeRow, kase: Pick<Case, 'id' | 'category'>) {
    const placesVictim = addressLocatesVictim(report.category, kase.category);
    return this.incidents.log(ctx, kase.id, {
      occurredAt: report.received_at,
      category: report.category,
      description: `Reported by ${report.channel.toLowerCase().replace('_', ' ')}: ${report.summary}`,
      location: placesVictim ? undefined : (report.address ?? undefined),
      ward: report.ward,
    });
  }

  private async decide(
    ctx: RequestContext,
    id: string,
    status: IntakeStatus,
    caseId: string | null,
    reason: string | null,
  ): Promise<IntakeReport> {
    return toIntake(await this.repository.decide(ctx.db, id, { status, caseId, reason, decidedById: ctx.user!.id }));
  }
}
