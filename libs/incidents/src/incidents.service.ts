import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesService } from '#libs/cases';
import { BadInputError, groupBy } from '#libs/common';
import { type Incident, INCIDENT_COLUMNS, type IncidentInput, type IncidentRow, toIncident } from './incident.model.js';

/** Clocks differ between partners' systems; allow a little drift, not tomorrow's incidents. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

@Injectable()
export class IncidentsService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
  ) {}

  /** Any agency that can see the case may log an incident on it. */
  async log(ctx: RequestContext, caseId: string, input: IncidentInput): Promise<Incident> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    if (input.occurredAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
      throw new BadInputError('occurredAt', 'occurredAt cannot be in the future');
    }
    const [row]: IncidentRow[] = await ctx.db.query(
      `INSERT INTO incidents (case_id, occurred_at, category, description, location, ward, logged_by_id, logged_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${INCIDENT_COLUMNS}`,
      [
        kase.id,
        input.occurredAt,
        input.category,
        input.description.trim(),
        input.location?.trim() || null,
        input.ward?.trim() || kase.ward,
        ctx.user!.id,
        ctx.user!.agencyId,
      ],
    );
    await this.audit.record(ctx, kase.id, AuditAction.INCIDENT_LOGGED, { incidentId: row.id, category: row.category, occurredAt: row.occurred_at });
    await this.alerts.raise(ctx, AlertKind.INCIDENT_LOGGED, { caseId: kase.id, detail: { incidentId: row.id } });
    return toIncident(ctx.ability, kase, row);
  }

  async ofCase(ctx: RequestContext, parent: Case): Promise<Incident[]> {
    const loader = loaderFor(
      ctx,
      'case.incidents',
      () =>
        new DataLoader<string, IncidentRow[]>(async (caseIds) => {
          const rows: IncidentRow[] = await ctx.db.query(
            `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE case_id = ANY($1::uuid[]) ORDER BY occurred_at DESC, id`,
            [caseIds],
          );
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map((row) => toIncident(ctx.ability, parent, row));
  }
}
