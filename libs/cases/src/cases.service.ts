import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { accessibleSql, assertWritable, readableFieldSql } from '#libs/access';
import { SqlParams } from '#libs/db';
import { loaderFor, type RequestContext } from '#libs/context';
import {
  BadInputError,
  CaseCategory,
  CaseOutcome,
  CaseStatus,
  ForbiddenError,
  groupBy,
  NotFoundError,
  type Page,
  pageSize,
  parseId,
  RISK_ORDER,
  type RiskLevel,
  VersionConflictError,
  withLazyTotal,
} from '#libs/common';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { UsersService } from '#libs/users';
import type { Case, Party } from './case.model.js';
import { assertPartyWritable, fieldsOfNewParty, insertParties, newPartyChanges } from './party-writes.js';
import type { CaseFilter, CloseCaseInput, CreateCaseInput, UpdateCaseInput } from './case.inputs.js';
import { afterSql, CaseOrder, cursorOf, orderBySql } from './case-order.js';
import { CASE_COLUMNS, caseAttributes, type CaseRow, PARTY_COLUMNS, type PartyRow, relationSql, toCase, toParty } from './case-record.js';

/** UpdateCaseInput's fields and the columns they write. */
const UPDATABLE: Record<keyof UpdateCaseInput, string> = {
  category: 'category',
  summary: 'summary',
  ward: 'ward',
  riskLevel: 'risk_level',
  address: 'address',
  leadOfficerId: 'lead_officer_id',
  policeIntelligence: 'police_intelligence',
  supportNeeds: 'support_needs',
};


/** Fields that may be cleared by passing null; the rest keep their value when null or omitted. */
const CLEARABLE = new Set(['address', 'leadOfficerId', 'policeIntelligence', 'supportNeeds']);

@Injectable()
export class CasesService {
  constructor(
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    private readonly users: UsersService,
  ) {}

  /** A visible case by id, or null exactly as if it did not exist. */
  findOne(ctx: RequestContext, id: string): Promise<Case | null> {
    return this.visibleById(ctx, parseId(id, 'id'));
  }

  /**
   * A visible case for a nested path (an incident's case, an action's case): batched per request, scoped in
   * SQL exactly as `case(id)`, and null when the case is not the caller's to see.
   */
  visibleById(ctx: RequestContext, id: string): Promise<Case | null> {
    const loader = loaderFor(
      ctx,
      'case.byId',
      () =>
        new DataLoader<string, Case | null>(async (ids) => {
          const params = new SqlParams();
          const idsParam = params.add(ids);
          const scope = accessibleSql(ctx.ability, 'read', 'Case', 'c', params);
          const agency = params.add(ctx.user?.agencyId ?? null);
          const rows: CaseRow[] = await ctx.db.query(
            `SELECT ${CASE_COLUMNS}, ${relationSql('c', agency)} AS relation FROM cases c WHERE c.id = ANY(${idsParam}::uuid[]) AND ${scope}`,
            params.values,
          );
          const byId = new Map(rows.filter((row) => row.relation).map((row) => [row.id, toCase(ctx.ability, row)]));
          return ids.map((caseId) => byId.get(caseId) ?? null);
        }),
    );
    return loader.load(id);
  }

  /**
   * A case the caller may act on, for other features' mutations: NOT_FOUND on `field` when it is missing or
   * invisible, FORBIDDEN when visible but the action is not the caller's to take.
   */
  async require(
    ctx: RequestContext,
    id: string,
    action: 'contribute' | 'share' | 'close' | 'update' | 'readAudit' | 'hold' | 'decideReview',
    field = 'caseId',
  ): Promise<Case> {
    const row = await this.visibleRow(ctx, parseId(id, field));
    if (!row) throw new NotFoundError('Case', field);
    const target = subject('Case', { ownerAgencyId: row.owner_agency_id, sharedWithAgencyIds: row.shared_with_agency_ids ?? [] });
    if (!ctx.ability.can(action, target)) throw new ForbiddenError(`Only the owner agency may ${action === 'decideReview' ? 'acknowledge or decide a Case Review on' : action} this case`);
    return toCase(ctx.ability, row);
  }

  /** One visible case with the agencies it is shared with, for deciding what the caller may do to it. */
  private async visibleRow(ctx: RequestContext, id: string): Promise<CaseRow | null> {
    const params = new SqlParams();
    const agency = params.add(ctx.user?.agencyId ?? null);
    const idParam = params.add(id);
    const scope = accessibleSql(ctx.ability, 'read', 'Case', 'c', params);
    const [row]: CaseRow[] = await ctx.db.query(
      `SELECT ${CASE_COLUMNS}, ${relationSql('c', agency)} AS relation,
              ARRAY(SELECT s.agency_id FROM case_shares s WHERE s.case_id = c.id AND s.revoked_at IS NULL) AS shared_with_agency_ids
         FROM cases c WHERE c.id = ${idParam}::uuid AND ${scope}`,
      params.values,
    );
    return row && row.relation ? row : null;
  }

  async list(
    ctx: RequestContext,
    filter: CaseFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    order: CaseOrder = CaseOrder.NEWEST,
    countNow = false,
  ): Promise<Page<Case>> {
    const limit = pageSize(first);
    const params = new SqlParams();
    const where = [accessibleSql(ctx.ability, 'read', 'Case', 'c', params), ...this.filterSql(ctx, filter, params)];
    // A bad cursor is refused before anything is counted.
    if (after) where.push(afterSql(order, after, params));
    // A client that asks for totalCount gets it counted beside the page rather than after it: the count is the
    // list's slowest statement, and waiting for the page first put both on the request's critical path.
    const counted = countNow ? this.count(ctx, filter) : undefined;
    // Not awaited if the page fails; its own failure is then the request's, not an unhandled rejection.
    counted?.catch(() => undefined);
    const count = () => counted ?? this.count(ctx, filter);
    const agency = params.add(ctx.user?.agencyId ?? null);
    const rows: CaseRow[] = await ctx.db.query(
      `SELECT ${CASE_COLUMNS}, ${relationSql('c', agency)} AS relation
         FROM cases c WHERE ${where.join(' AND ')}
        ORDER BY ${orderBySql(order)} LIMIT ${limit + 1}`,
      params.values,
    );
    const edges = rows.slice(0, limit).map((row) => ({
      cursor: cursorOf(order, row),
      node: toCase(ctx.ability, row),
    }));
    return withLazyTotal({ edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } }, count);
  }

  /** How many visible cases match, with the scope in its set form (see accessibleSql). */
  private async count(ctx: RequestContext, filter: CaseFilter | null | undefined): Promise<number> {
    const params = new SqlParams();
    const where = [accessibleSql(ctx.ability, 'read', 'Case', 'c', params, 'set'), ...this.filterSql(ctx, filter, params)];
    const [{ total }]: { total: number }[] = await ctx.db.query(`SELECT count(*)::int AS total FROM cases c WHERE ${where.join(' AND ')}`, params.values);
    return total;
  }

  /** Filters read only case basics, which everyone who sees a case may read. */
  private filterSql(ctx: RequestContext, filter: CaseFilter | null | undefined, params: SqlParams): string[] {
    const where: string[] = [];
    const agency = () => params.add(ctx.user?.agencyId ?? null);
    if (filter?.status?.length) where.push(`c.status = ANY(${params.add(filter.status)}::text[])`);
    if (filter?.category?.length) where.push(`c.category = ANY(${params.add(filter.category)}::text[])`);
    if (filter?.riskLevel?.length) where.push(`c.risk_level = ANY(${params.add(filter.riskLevel)}::text[])`);
    if (filter?.ward?.length) where.push(`lower(c.ward) = ANY(${params.add(filter.ward.map((w) => w.toLowerCase()))}::text[])`);
    if (filter?.owned === true) where.push(`c.owner_agency_id = ${agency()}::uuid`);
    if (filter?.owned === false) where.push(`c.owner_agency_id <> ${agency()}::uuid`);
    if (filter?.search?.trim()) {
      // Words are looked for only in what this caller may read: names and the address where the rules allow.
      const agencyId = ctx.user?.agencyId ?? null;
      for (const word of filter.search.trim().split(/\s+/).slice(0, 8)) {
        const pattern = params.add(`%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
        const address = readableFieldSql(ctx.ability, 'Case', 'address', { alias: 'c', caseAlias: 'c', agencyId }, params);
        const name = readableFieldSql(ctx.ability, 'Party', 'fullName', { alias: 'sp', caseAlias: 'c', agencyId }, params);
        where.push(`(c.reference ILIKE ${pattern} OR c.summary ILIKE ${pattern} OR c.ward ILIKE ${pattern}
          OR (c.address ILIKE ${pattern} AND ${address})
          OR EXISTS (SELECT 1 FROM parties sp WHERE sp.case_id = c.id AND sp.full_name ILIKE ${pattern} AND ${name}))`);
      }
    }
    return where;
  }

  async create(ctx: RequestContext, input: CreateCaseInput): Promise<Case> {
    const user = ctx.user!;
    const parties = input.parties ?? [];
    // The creator's agency owns the case, but some classes (tenancy) are not every owner's to write.
    parties.forEach((party, index) =>
      assertPartyWritable(ctx, { relation: 'OWNER', category: input.category }, { role: party.role, anonymous: party.anonymous ?? false }, fieldsOfNewParty(party), `parties.${index}.`),
    );
    const prefix = input.category === CaseCategory.DOMESTIC_ABUSE ? 'DA' : 'ASB';
    const [row]: CaseRow[] = await ctx.db.query(
      `INSERT INTO cases (reference, category, risk_level, ward, address, summary, owner_agency_id, lead_officer_id, created_by_id)
       VALUES ($1 || '-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
               $2, $3, $4, $5, $6, $7, $8, $8)
       RETURNING ${CASE_COLUMNS.replace(/c\./g, '')}, 'OWNER' AS relation`,
      [prefix, input.category, input.riskLevel, input.ward.trim(), input.address?.trim() || null, input.summary.trim(), user.agencyId, user.id],
    );
    const inserted = await insertParties(ctx, row.id, parties);
    await this.audit.record(ctx, row.id, AuditAction.CASE_CREATED, {
      changes: (['category', 'summary', 'ward', 'riskLevel', 'address'] as const).map((field) => ({
        field,
        from: null,
        to: field === 'riskLevel' ? row.risk_level : row[field],
      })),
    });
    for (const [index, party] of inserted.entries()) {
      await this.audit.record(ctx, row.id, AuditAction.PARTY_ADDED, {
        party: { id: party.id, role: party.role, anonymous: party.anonymous },
        changes: newPartyChanges(parties[index]),
      });
    }
    return toCase(ctx.ability, row);
  }

  /**
   * Optimistic locking in the UPDATE's own WHERE: zero rows updated means someone changed the case since the
   * caller read it. Each field is checked against the caller's write rules first, so a forbidden field
   * changes nothing.
   */
  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateCaseInput): Promise<Case> {
    const current = await this.require(ctx, id, 'update', 'id');
    const changes = (Object.keys(UPDATABLE) as (keyof UpdateCaseInput)[]).filter(
      (field) => input[field] !== undefined && (input[field] !== null || CLEARABLE.has(field)),
    );
    if (changes.length === 0) throw new BadInputError('input', 'Nothing to change');
    assertWritable(ctx.ability, 'Case', caseAttributes(current), changes);
    if (input.leadOfficerId) await this.users.requireMember(ctx, input.leadOfficerId, current.ownerAgencyId, 'leadOfficerId');
    // Whole values for the audit trail, which withholds them from its readers per their own field rules.
    const [before] = await ctx.db.query(`SELECT ${changes.map((f) => UPDATABLE[f]).join(', ')} FROM cases WHERE id = $1`, [current.id]);
    const params = new SqlParams();
    const values = changes.map((field) => {
      const value = input[field];
      return typeof value === 'string' ? value.trim() || null : value;
    });
    const sets = changes.map((field, i) => `${UPDATABLE[field]} = ${params.add(values[i])}`);
    const [rows]: [CaseRow[], number] = await ctx.db.query(
      `UPDATE cases c SET ${sets.join(', ')}, version = c.version + 1, updated_at = now()
        WHERE c.id = ${params.add(current.id)} AND c.version = ${params.add(expectedVersion)}
        RETURNING ${CASE_COLUMNS}, ${params.add(current.relation)}::text AS relation`,
      params.values,
    );
    if (!rows[0]) throw new VersionConflictError('This case', current.version);
    const changed = changes
      .map((field, i) => ({ field, from: before[UPDATABLE[field]] ?? null, to: values[i] ?? null }))
      .filter((change) => change.from !== change.to);
    await this.audit.record(ctx, current.id, AuditAction.CASE_UPDATED, { changes: changed });
    await this.alerts.raise(ctx, AlertKind.CASE_UPDATED, { caseId: current.id, detail: { fields: changed.map((c) => c.field) } });
    if (RISK_ORDER[rows[0].risk_level] > RISK_ORDER[current.riskLevel]) {
      await this.alerts.raise(ctx, AlertKind.RISK_ESCALATED, { caseId: current.id, detail: { from: current.riskLevel, to: rows[0].risk_level } });
    }
    return toCase(ctx.ability, rows[0]);
  }

  async close(ctx: RequestContext, id: string, expectedVersion: number, input: CloseCaseInput): Promise<Case> {
    const current = await this.require(ctx, id, 'close', 'id');
    if (current.status !== CaseStatus.OPEN) throw new BadInputError('id', 'This case is already closed');
    const status = input.outcome === CaseOutcome.RESOLVED ? CaseStatus.CLOSED_RESOLVED : CaseStatus.CLOSED_UNRESOLVED;
    const told = input.reporterTold ?? null;
    if (told && told.at.getTime() > Date.now() + 5 * 60 * 1000) throw new BadInputError('reporterTold.at', 'The reporter cannot have been told in the future');
    if (told && told.at.getTime() < current.openedAt.getTime() - 60_000) {
      throw new BadInputError('reporterTold.at', 'The reporter cannot have been told before the case was opened');
    }
    const [rows]: [CaseRow[], number] = await ctx.db.query(
      `UPDATE cases c SET status = $1, closed_at = now(), close_reason = $2, reporter_told_at = $5, version = c.version + 1, updated_at = now()
        WHERE c.id = $3 AND c.version = $4 AND c.status = 'OPEN'
        RETURNING ${CASE_COLUMNS}, 'OWNER' AS relation`,
      [status, input.reason.trim(), current.id, expectedVersion, told?.at ?? null],
    );
    if (!rows[0]) throw new VersionConflictError('This case', current.version);
    if (told) {
      // Telling the reporter is a contact like any other, so it counts towards "updates at the agreed frequency".
      const note = told.note?.trim() || `Told the case is closing (${input.outcome.toLowerCase()})`;
      await ctx.db.query(`INSERT INTO contacts (case_id, contacted_at, channel, note, recorded_by_id) VALUES ($1, $2, $3, $4, $5)`, [
        current.id,
        told.at,
        told.channel,
        note,
        ctx.user!.id,
      ]);
      await this.audit.record(ctx, current.id, AuditAction.CONTACT_RECORDED, { changes: [{ field: 'contacts', from: null, to: `${told.channel}: ${note}` }] });
    }
    await this.audit.record(ctx, current.id, AuditAction.CASE_CLOSED, { outcome: input.outcome, reason: input.reason.trim() });
    await this.alerts.raise(ctx, AlertKind.CASE_CLOSED, { caseId: current.id, detail: { outcome: input.outcome } });
    return toCase(ctx.ability, rows[0]);
  }

  /**
   * A risk assessment (DASH, or the ASB matrix) sets the case's risk level, with the alerts a change of risk
   * raises. The caller has already been allowed to record the assessment; the level follows from it.
   */
  async setRiskFromAssessment(ctx: RequestContext, caseId: string, to: RiskLevel, reason: string): Promise<void> {
    const [{ risk_level: from }]: { risk_level: RiskLevel }[] = await ctx.db.query(`SELECT risk_level FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
    if (from === to) return;
    await ctx.db.query(`UPDATE cases SET risk_level = $2, version = version + 1, updated_at = now() WHERE id = $1`, [caseId, to]);
    await this.audit.record(ctx, caseId, AuditAction.CASE_UPDATED, { changes: [{ field: 'riskLevel', from, to }], reason });
    await this.alerts.raise(ctx, AlertKind.CASE_UPDATED, { caseId, detail: { fields: ['riskLevel'] } });
    if (RISK_ORDER[to] > RISK_ORDER[from]) await this.alerts.raise(ctx, AlertKind.RISK_ESCALATED, { caseId, detail: { from, to } });
  }

  /** Parties of many visible cases in one query. */
  parties(ctx: RequestContext, parent: Case): Promise<Party[]> {
    const loader = loaderFor(
      ctx,
      'case.parties',
      () =>
        new DataLoader<string, PartyRow[]>(async (caseIds) => {
          const rows: PartyRow[] = await ctx.db.query(
            `SELECT ${PARTY_COLUMNS} FROM parties p WHERE p.case_id = ANY($1::uuid[]) ORDER BY p.case_id, p.position`,
            [caseIds],
          );
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    return loader.load(parent.id).then((rows) => rows.map((row) => toParty(ctx.ability, parent, row)));
  }
}
