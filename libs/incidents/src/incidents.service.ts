import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService, isInFuture } from '#libs/cases';
import { BadInputError, groupBy } from '#libs/common';
import { type Incident, type IncidentRow, toIncident } from './incident.model.js';
import type { IncidentInput } from './incident.inputs.js';
import { IncidentsRepository } from './incidents.repository.js';

@Injectable()
export class IncidentsService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    private readonly repository: IncidentsRepository,
  ) {}

  /** Any agency that can see the case may log an incident on it. */
  async log(ctx: RequestContext, caseId: string, input: IncidentInput): Promise<Incident> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    if (isInFuture(input.occurredAt)) {
      throw new BadInputError('occurredAt', 'occurredAt cannot be in the future');
    }
    const row = await this.repository.insert(ctx.db, {
      caseId: kase.id,
      occurredAt: input.occurredAt,
      category: input.category,
      description: input.description.trim(),
      location: input.location?.trim() || null,
      ward: input.ward?.trim() || kase.ward,
      loggedById: ctx.user!.id,
      loggedByAgencyId: ctx.user!.agencyId,
    });
    await this.audit.record(ctx, kase.id, AuditAction.INCIDENT_LOGGED, {
      incidentId: row.id,
      category: row.category,
      occurredAt: row.occurred_at,
    });
    await this.alerts.raise(ctx, AlertKind.INCIDENT_LOGGED, { caseId: kase.id, detail: { incidentId: row.id } });
    return toIncident(ctx.ability, kase, row);
  }

  async ofCase(ctx: RequestContext, parent: Case): Promise<Incident[]> {
    const loader = loaderFor(
      ctx,
      'case.incidents',
      () =>
        new DataLoader<string, IncidentRow[]>(async (caseIds) => {
          const rows = await this.repository.findOfCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map((row) => toIncident(ctx.ability, parent, row));
  }
}
