import { Injectable } from '@nestjs/common';
import { accessibleSql, readableFieldSql } from '#libs/access';
import { SqlParams } from '#libs/db';
import type { RequestContext } from '#libs/context';
import { type Case, CasesService, matchKey } from '#libs/cases';
import { BadInputError, CaseCategory, CaseStatus, DAY_MS, NotFoundError, parseId, PartyRole, type RiskLevel, StateConflictError } from '#libs/common';
import { IncidentsService } from '#libs/incidents';
import { INTAKE_COLUMNS, IntakeFlag, type IntakeReport, type IntakeReportInput, type IntakeRow, IntakeStatus, toIntake } from './intake.model.js';

/** Names and addresses compared as people type them: case and spacing aside. Phones by their digits. */
const digits = (column: string) => `regexp_replace(${column}, '\\D', '', 'g')`;

/**
 * How far back a report may be dated: a letter or voicemail found late, not a way to move the triage window
 * (12 months before the report) back over years.
 */
const BACKDATE_DAYS = 30;

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
  ) {}

  async submit(ctx: RequestContext, input: IntakeReportInput): Promise<IntakeReport> {
    if (input.receivedAt && input.receivedAt.getTime() > Date.now() + 5 * 60_000) throw new BadInputError('receivedAt', 'receivedAt cannot be in the future');
    if (input.receivedAt && input.receivedAt.getTime() < Date.now() - BACKDATE_DAYS * DAY_MS) {
      throw new BadInputError('receivedAt', `receivedAt can be at most ${BACKDATE_DAYS} days ago`);
    }
    const anonymous = input.anonymous ?? !input.reporterName?.trim();
    const [row]: IntakeRow[] = await ctx.db.query(
      `INSERT INTO intake_reports AS r (agency_id, received_at, channel, category, summary, ward, address, reporter_name, reporter_phone, anonymous, subject_name, logged_by_id)
       VALUES ($1, coalesce($2, now()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${INTAKE_COLUMNS}`,
      [
        ctx.user!.agencyId,
        input.receivedAt ?? null,
        input.channel,
        input.category,
        input.summary.trim(),
        input.ward.trim(),
        input.address?.trim() || null,
        input.reporterName?.trim() || null,
        input.reporterPhone?.trim() || null,
        anonymous,
        input.subjectName?.trim() || null,
        ctx.user!.id,
      ],
    );
    return toIntake(row);
  }

  /** The agency's reports waiting for a decision, oldest first. */
  async queue(ctx: RequestContext): Promise<IntakeReport[]> {
    const params = new SqlParams();
    const scope = accessibleSql(ctx.ability, 'read', 'IntakeReport', 'r', params);
    const rows: IntakeRow[] = await ctx.db.query(
      `SELECT ${INTAKE_COLUMNS} FROM intake_reports r WHERE r.status = 'NEW' AND ${scope} ORDER BY r.received_at, r.id LIMIT 500`,
      params.values,
    );
    return rows.map(toIntake);
  }

  /** A new case from the report: the reporter as complainant (anonymous if they asked), the subject if named, and the report as its first incident. */
  async accept(ctx: RequestContext, id: string, riskLevel: RiskLevel): Promise<Case> {
    const report = await this.waiting(ctx, id);
    const parties = [
      ...(report.reporter_name || report.reporter_phone
        ? [{ role: PartyRole.COMPLAINANT, fullName: report.reporter_name, phone: report.reporter_phone, anonymous: report.anonymous }]
        : []),
      ...(report.subject_name ? [{ role: PartyRole.SUBJECT, fullName: report.subject_name }] : []),
    ];
    const kase = await this.cases.create(ctx, {
      category: report.category,
      summary: report.summary,
      ward: report.ward,
      riskLevel,
      address: report.address,
      parties,
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
    const params = new SqlParams();
    const scope = accessibleSql(ctx.ability, 'read', 'Case', 'c', params);
    const agencyId = ctx.user?.agencyId ?? null;
    const party = { alias: 'p', caseAlias: 'c', agencyId };
    const name = readableFieldSql(ctx.ability, 'Party', 'fullName', party, params);
    const phone = readableFieldSql(ctx.ability, 'Party', 'phone', party, params);
    const address = readableFieldSql(ctx.ability, 'Case', 'address', { alias: 'c', caseAlias: 'c', agencyId }, params);
    const id = params.add(report.id);
    const [row]: { caller: boolean; victim: boolean; place: boolean }[] = await ctx.db.query(
      `SELECT
         EXISTS (SELECT 1 FROM intake_reports o WHERE o.agency_id = r.agency_id AND o.id <> r.id
                  AND o.received_at > r.received_at - interval '12 months' AND o.received_at <= r.received_at
                  AND ((r.reporter_name IS NOT NULL AND ${matchKey('o.reporter_name')} = ${matchKey('r.reporter_name')})
                    OR (${digits('r.reporter_phone')} <> '' AND ${digits('o.reporter_phone')} = ${digits('r.reporter_phone')}))) AS caller,
         EXISTS (SELECT 1 FROM parties p JOIN cases c ON c.id = p.case_id
                  WHERE p.role IN ('VICTIM','COMPLAINANT') AND ${scope}
                    AND ((r.reporter_name IS NOT NULL AND ${matchKey('p.full_name')} = ${matchKey('r.reporter_name')} AND ${name})
                      OR (${digits('r.reporter_phone')} <> '' AND ${digits('p.phone')} = ${digits('r.reporter_phone')} AND ${phone}))) AS victim,
         r.address IS NOT NULL AND (
           EXISTS (SELECT 1 FROM intake_reports o WHERE o.agency_id = r.agency_id AND o.id <> r.id
                    AND o.received_at > r.received_at - interval '12 months' AND ${matchKey('o.address')} = ${matchKey('r.address')})
           OR EXISTS (SELECT 1 FROM cases c WHERE ${scope} AND c.opened_at > r.received_at - interval '12 months'
                       AND ${matchKey('c.address')} = ${matchKey('r.address')} AND ${address})) AS place
       FROM intake_reports r WHERE r.id = ${id}::uuid`,
      params.values,
    );
    return [
      ...(row?.caller ? [IntakeFlag.REPEAT_CALLER] : []),
      ...(row?.victim ? [IntakeFlag.REPEAT_VICTIM] : []),
      ...(row?.place ? [IntakeFlag.REPEAT_LOCATION] : []),
    ];
  }

  /** Open cases of the agency's own about the same place or people: where the report might belong. */
  async matchingCases(ctx: RequestContext, report: IntakeReport): Promise<Case[]> {
    const names = [report.reporterName, report.subjectName].filter((n): n is string => !!n).map((n) => n.trim().toLowerCase());
    const rows: { id: string }[] = await ctx.db.query(
      `SELECT c.id FROM cases c
        WHERE c.owner_agency_id = $1 AND c.status = 'OPEN'
          AND ((${matchKey('c.address')} = ${matchKey('$2::text')})
            OR EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND ${matchKey('p.full_name')} = ANY($3::text[])))
        ORDER BY c.opened_at DESC LIMIT 10`,
      [ctx.user!.agencyId, report.address, names],
    );
    const found = await Promise.all(rows.map((row) => this.cases.visibleById(ctx, row.id)));
    return found.filter((c): c is Case => c !== null);
  }

  private async waiting(ctx: RequestContext, id: string): Promise<IntakeRow> {
    const params = new SqlParams();
    const idParam = params.add(parseId(id, 'id'));
    const scope = accessibleSql(ctx.ability, 'update', 'IntakeReport', 'r', params);
    const [row]: IntakeRow[] = await ctx.db.query(`SELECT ${INTAKE_COLUMNS} FROM intake_reports r WHERE r.id = ${idParam}::uuid AND ${scope} FOR UPDATE`, params.values);
    if (!row) throw new NotFoundError('Report', 'id');
    if (row.status !== IntakeStatus.NEW) throw new StateConflictError(`The report was already ${row.status.toLowerCase()}`, 'id');
    return row;
  }

  /**
   * The report as an incident. A domestic-abuse report's address is where the victim is: it goes to the case's
   * address (accept), which the DA location rule guards, and never into an incident's place, which every holder
   * of the case would otherwise be sent.
   */
  private asIncident(ctx: RequestContext, report: IntakeRow, kase: Pick<Case, 'id' | 'category'>) {
    const placesVictim = report.category === CaseCategory.DOMESTIC_ABUSE || kase.category === CaseCategory.DOMESTIC_ABUSE;
    return this.incidents.log(ctx, kase.id, {
      occurredAt: report.received_at,
      category: report.category,
      description: `Reported by ${report.channel.toLowerCase().replace('_', ' ')}: ${report.summary}`,
      location: placesVictim ? undefined : (report.address ?? undefined),
      ward: report.ward,
    });
  }

  private async decide(ctx: RequestContext, id: string, status: IntakeStatus, caseId: string | null, reason: string | null): Promise<IntakeReport> {
    const [rows]: [IntakeRow[], number] = await ctx.db.query(
      `UPDATE intake_reports r SET status = $2, case_id = $3, decline_reason = $4, decided_at = now(), decided_by_id = $5 WHERE r.id = $1
       RETURNING ${INTAKE_COLUMNS}`,
      [id, status, caseId, reason, ctx.user!.id],
    );
    return toIntake(rows[0]);
  }
}
