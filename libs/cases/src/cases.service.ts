import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { loaderFor, type RequestContext } from '#libs/context';
import {
  BadInputError,
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
import {
  assertPartyWritable,
  fieldsOfNewParty,
  newPartyChanges,
  PARTY_COLUMNS_WRITTEN,
  partyValues,
} from './party.rules.js';
import type { CaseFilter, CloseCaseInput, CreateCaseInput, UpdateCaseInput } from './case.inputs.js';
import { CaseOrder, cursorOf, parseCursor } from './case-order.js';
import { caseAttributes, type CaseRow, type PartyRow, toCase, toParty } from './case-record.js';
import {
  CASE_FIELD_COLUMNS,
  closedStatus,
  discoverableByDefault,
  fieldsToChange,
  isBeforeOpening,
  isInFuture,
  referencePrefix,
  storedValue,
} from './case.rules.js';
import { CasesRepository } from './cases.repository.js';
import { ClosingContacts } from './closing-contacts.js';

@Injectable()
export class CasesService {
  constructor(
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    private readonly users: UsersService,
    private readonly repository: CasesRepository,
    private readonly closingContacts: ClosingContacts,
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
          const rows = await this.repository.findVisibleByIds(ctx.db, ctx, ids);
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
    action: 'contribute' | 'share' | 'close' | 'update' | 'readAudit' | 'hold' | 'decideReview' | 'transfer',
    field = 'caseId',
  ): Promise<Case> {
    const row = await this.visibleRow(ctx, parseId(id, field));
    if (!row) throw new NotFoundError('Case', field);
    const target = subject('Case', {
      ownerAgencyId: row.owner_agency_id,
      sharedWithAgencyIds: row.shared_with_agency_ids ?? [],
    });
    if (!ctx.ability.can(action, target))
      throw new ForbiddenError(
        `Only the owner agency may ${action === 'decideReview' ? 'acknowledge or decide a Case Review on' : action} this case`,
      );
    return toCase(ctx.ability, row);
  }

  /** One visible case with the agencies it is shared with, for deciding what the caller may do to it. */
  private async visibleRow(ctx: RequestContext, id: string): Promise<CaseRow | null> {
    const row = await this.repository.findVisibleWithShares(ctx.db, ctx, id);
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
    // A bad cursor is refused before anything is counted.
    const cursor = after ? parseCursor(order, after) : null;
    // A client that asks for totalCount gets it counted beside the page rather than after it: the count is the
    // list's slowest statement, and waiting for the page first put both on the request's critical path.
    const counted = countNow ? this.count(ctx, filter) : undefined;
    // Not awaited if the page fails; its own failure is then the request's, not an unhandled rejection.
    counted?.catch(() => undefined);
    const count = () => counted ?? this.count(ctx, filter);
    const rows = await this.repository.findVisiblePage(ctx.db, ctx, { filter, order, after: cursor, limit });
    const edges = rows.slice(0, limit).map((row) => ({
      cursor: cursorOf(order, row),
      node: toCase(ctx.ability, row),
    }));
    return withLazyTotal(
      { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } },
      count,
    );
  }

  /** How many visible cases match. */
  private count(ctx: RequestContext, filter: CaseFilter | null | undefined): Promise<number> {
    return this.repository.countVisible(ctx.db, ctx, filter);
  }

  async create(ctx: RequestContext, input: CreateCaseInput): Promise<Case> {
    const user = ctx.user!;
    const parties = input.parties ?? [];
    // The creator's agency owns the case, but some classes (tenancy) are not every owner's to write.
    parties.forEach((party, index) =>
      assertPartyWritable(
        ctx,
        { relation: 'OWNER', category: input.category },
        { role: party.role, anonymous: party.anonymous ?? false },
        fieldsOfNewParty(party),
        `parties.${index}.`,
      ),
    );
    const row = await this.repository.insert(ctx.db, {
      prefix: referencePrefix(input.category),
      category: input.category,
      riskLevel: input.riskLevel,
      ward: input.ward.trim(),
      address: input.address?.trim() || null,
      summary: input.summary.trim(),
      agencyId: user.agencyId,
      userId: user.id,
      discoverable: discoverableByDefault(input.category),
    });
    const inserted = await this.repository.insertParties(
      ctx.db,
      row.id,
      PARTY_COLUMNS_WRITTEN,
      parties.map(partyValues),
    );
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
    const changes = fieldsToChange(input);
    if (changes.length === 0) throw new BadInputError('input', 'Nothing to change');
    assertWritable(ctx.ability, 'Case', caseAttributes(current), changes);
    if (input.leadOfficerId)
      await this.users.requireMember(ctx, input.leadOfficerId, current.ownerAgencyId, 'leadOfficerId');
    // Whole values for the audit trail, which withholds them from its readers per their own field rules.
    const before = await this.repository.columnsOf(
      ctx.db,
      current.id,
      changes.map((f) => CASE_FIELD_COLUMNS[f]),
    );
    const values = changes.map((field) => storedValue(input[field]));
    const updated = await this.repository.updateAtVersion(
      ctx.db,
      current.id,
      expectedVersion,
      { columns: changes.map((f) => CASE_FIELD_COLUMNS[f]), values },
      current.relation,
    );
    if (!updated) throw new VersionConflictError('This case', current.version);
    const changed = changes
      .map((field, i) => ({ field, from: before[CASE_FIELD_COLUMNS[field]] ?? null, to: values[i] ?? null }))
      .filter((change) => change.from !== change.to);
    await this.audit.record(ctx, current.id, AuditAction.CASE_UPDATED, { changes: changed });
    await this.alerts.raise(ctx, AlertKind.CASE_UPDATED, {
      caseId: current.id,
      detail: { fields: changed.map((c) => c.field) },
    });
    if (RISK_ORDER[updated.risk_level] > RISK_ORDER[current.riskLevel]) {
      await this.alerts.raise(ctx, AlertKind.RISK_ESCALATED, {
        caseId: current.id,
        detail: { from: current.riskLevel, to: updated.risk_level },
      });
    }
    return toCase(ctx.ability, updated);
  }

  async close(ctx: RequestContext, id: string, expectedVersion: number, input: CloseCaseInput): Promise<Case> {
    const current = await this.require(ctx, id, 'close', 'id');
    if (current.status !== CaseStatus.OPEN) throw new BadInputError('id', 'This case is already closed');
    const told = input.reporterTold ?? null;
    if (told && isInFuture(told.at))
      throw new BadInputError('reporterTold.at', 'The reporter cannot have been told in the future');
    if (told && isBeforeOpening(told.at, current.openedAt)) {
      throw new BadInputError('reporterTold.at', 'The reporter cannot have been told before the case was opened');
    }
    const closed = await this.repository.closeAtVersion(ctx.db, current.id, expectedVersion, {
      status: closedStatus(input.outcome),
      reason: input.reason.trim(),
      reporterToldAt: told?.at ?? null,
    });
    if (!closed) throw new VersionConflictError('This case', current.version);
    if (told) {
      // Telling the reporter is a contact like any other, so it counts towards "updates at the agreed frequency".
      const note = told.note?.trim() || `Told the case is closing (${input.outcome.toLowerCase()})`;
      await this.closingContacts.record(ctx.db, {
        caseId: current.id,
        contactedAt: told.at,
        channel: told.channel,
        note,
        recordedById: ctx.user!.id,
      });
      await this.audit.record(ctx, current.id, AuditAction.CONTACT_RECORDED, {
        changes: [{ field: 'contacts', from: null, to: `${told.channel}: ${note}` }],
      });
    }
    await this.audit.record(ctx, current.id, AuditAction.CASE_CLOSED, {
      outcome: input.outcome,
      reason: input.reason.trim(),
    });
    await this.alerts.raise(ctx, AlertKind.CASE_CLOSED, { caseId: current.id, detail: { outcome: input.outcome } });
    return toCase(ctx.ability, closed);
  }

  /**
   * A risk assessment (DASH, or the ASB matrix) sets the case's risk level, with the alerts a change of risk
   * raises. The caller has already been allowed to record the assessment; the level follows from it.
   */
  async setRiskFromAssessment(ctx: RequestContext, caseId: string, to: RiskLevel, reason: string): Promise<void> {
    const from = await this.repository.lockRiskLevel(ctx.db, caseId);
    if (from === to) return;
    await this.repository.setRiskLevel(ctx.db, caseId, to);
    await this.audit.record(ctx, caseId, AuditAction.CASE_UPDATED, {
      changes: [{ field: 'riskLevel', from, to }],
      reason,
    });
    await this.alerts.raise(ctx, AlertKind.CASE_UPDATED, { caseId, detail: { fields: ['riskLevel'] } });
    if (RISK_ORDER[to] > RISK_ORDER[from])
      await this.alerts.raise(ctx, AlertKind.RISK_ESCALATED, { caseId, detail: { from, to } });
  }

  /** Parties of many visible cases in one query. */
  parties(ctx: RequestContext, parent: Case): Promise<Party[]> {
    const loader = loaderFor(
      ctx,
      'case.parties',
      () =>
        new DataLoader<string, PartyRow[]>(async (caseIds) => {
          const rows = await this.repository.findPartiesOfCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    return loader.load(parent.id).then((rows) => rows.map((row) => toParty(ctx.ability, parent, row)));
  }
}
