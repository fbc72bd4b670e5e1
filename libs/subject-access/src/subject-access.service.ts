import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { CasesRepository, type PartyRow } from '#libs/cases';
import { BadInputError, ForbiddenError, NotFoundError, parseId, StateConflictError } from '#libs/common';
import type { CreateSubjectAccessRequestInput } from './subject-access.inputs.js';
import { type SubjectAccessRequest, SubjectAccessStatus } from './subject-access.model.js';
import { SubjectAccessRepository, type SubjectAccessRow } from './subject-access.repository.js';
import {
  checkExtension,
  checkReceived,
  cleanReference,
  daysBetween,
  dueDay,
  londonToday,
} from './subject-access.rules.js';

/** A request, and the person it is about as the agency's owned cases hold them now. */
export interface SubjectOfRequest {
  row: SubjectAccessRow;
  parties: PartyRow[];
  caseIds: string[];
}

const trimmedOrNull = (value: string | null | undefined) => value?.trim() || null;

@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly requests: SubjectAccessRepository,
    private readonly cases: CasesRepository,
  ) {}

  /**
   * A request about the person behind a party on a case the caller's agency owns; any other party (another
   * agency's case, shared or not, or none) is NOT_FOUND, as a party that does not exist.
   */
  async create(ctx: RequestContext, input: CreateSubjectAccessRequestInput): Promise<SubjectAccessRequest> {
    const partyId = parseId(input.partyId, 'partyId');
    const reference = cleanReference(input.reference);
    const receivedOn = input.receivedAt.trim();
    checkReceived(receivedOn, londonToday(Date.now()));
    const agencyId = ctx.user!.agencyId;
    // Only the party's own case matters here; the person is gathered across cases when the record is exported.
    const party = await this.cases.findVisibleParty(ctx.db, ctx, partyId);
    if (party?.relation !== 'OWNER') throw new NotFoundError('Party', 'partyId');
    const id = randomUUID();
    const added = await this.requests.insert(ctx.db, {
      id,
      agencyId,
      caseId: party.id,
      partyId,
      reference,
      receivedOn,
      dueOn: dueDay(receivedOn, 1),
      requester: trimmedOrNull(input.requester),
      notes: trimmedOrNull(input.notes),
      createdBy: ctx.user!.id,
    });
    if (!added) throw new BadInputError('reference', 'Your agency already has a request with this reference');
    return this.view(ctx, await this.require(ctx, 'read', id));
  }

  /** The caller's agency's requests: open ones soonest due first. */
  async list(ctx: RequestContext, status: SubjectAccessStatus | null): Promise<SubjectAccessRequest[]> {
    const found = await this.requests.list(
      ctx.db,
      ctx.ability,
      status === null ? null : status === SubjectAccessStatus.OPEN,
    );
    return this.views(ctx, found);
  }

  /** One or two further months for a complex request (two at most in all), with the reason the requester is told. */
  async extend(ctx: RequestContext, id: string, months: number, reason: string): Promise<SubjectAccessRequest> {
    const row = await this.require(ctx, 'update', id, true);
    if (row.completed_at) throw new StateConflictError('This request has been completed', 'id');
    const why = checkExtension(row.extension_months, months, reason);
    const total = row.extension_months + months;
    await this.requests.extend(ctx.db, row.id, months, why, dueDay(row.received_on, 1 + total));
    return this.view(ctx, await this.require(ctx, 'read', row.id));
  }

  async complete(ctx: RequestContext, id: string): Promise<SubjectAccessRequest> {
    const row = await this.require(ctx, 'update', id, true);
    if (row.completed_at) throw new StateConflictError('This request has been completed', 'id');
    await this.requests.complete(ctx.db, row.id, ctx.user!.id);
    return this.view(ctx, await this.require(ctx, 'read', row.id));
  }

  /**
   * For an export: the request, and the person's parties across the agency's owned cases now (so a case opened
   * since the request was made is in it). A caller who may answer no request is refused outright; a request of
   * another agency, or none, is NOT_FOUND.
   */
  async subjectOf(ctx: RequestContext, id: string): Promise<SubjectOfRequest> {
    if (!ctx.user || !ctx.ability.can('read', 'SubjectAccessRequest'))
      throw new ForbiddenError('Only managers of the agency answer subject access requests');
    const row = await this.require(ctx, 'read', id);
    const parties = await this.cases.findSamePersonOnOwnedCases(ctx.db, ctx.user.agencyId, row.party_id);
    if (parties.length === 0) throw new NotFoundError('SubjectAccessRequest', 'id');
    return { row, parties, caseIds: [...new Set(parties.map((p) => p.case_id))] };
  }

  async recordExported(ctx: RequestContext, row: SubjectAccessRow): Promise<void> {
    await this.requests.markExported(ctx.db, row.id, ctx.user!.id);
  }

  private async require(
    ctx: RequestContext,
    action: 'read' | 'update',
    id: string,
    lock = false,
  ): Promise<SubjectAccessRow> {
    const row = await this.requests.find(ctx.db, ctx.ability, action, parseId(id, 'id'), lock);
    if (!row) throw new NotFoundError('SubjectAccessRequest', 'id');
    return row;
  }

  private async view(ctx: RequestContext, row: SubjectAccessRow): Promise<SubjectAccessRequest> {
    return (await this.views(ctx, [row]))[0];
  }

  /** Each request with its case's reference and the party's name now, two statements for any number of them. */
  private async views(ctx: RequestContext, found: SubjectAccessRow[]): Promise<SubjectAccessRequest[]> {
    if (found.length === 0) return [];
    const caseIds = [...new Set(found.map((row) => row.case_id))];
    const [cases, parties] = await Promise.all([
      this.cases.findVisibleByIds(ctx.db, ctx, caseIds),
      this.cases.findPartiesOfCases(ctx.db, caseIds),
    ]);
    const references = new Map(cases.map((c) => [c.id, c.reference]));
    const names = new Map(parties.map((p) => [p.id, p.full_name]));
    const today = londonToday(Date.now());
    return found.map((row) => {
      const daysRemaining = daysBetween(today, row.due_on);
      return {
        id: row.id,
        reference: row.reference,
        status: row.completed_at ? SubjectAccessStatus.COMPLETED : SubjectAccessStatus.OPEN,
        receivedAt: row.received_on,
        dueAt: row.due_on,
        daysRemaining,
        overdue: !row.completed_at && daysRemaining < 0,
        extensionMonths: row.extension_months,
        extensionReason: row.extension_reason,
        requester: row.requester,
        notes: row.notes,
        caseId: row.case_id,
        caseReference: references.get(row.case_id) ?? null,
        partyId: row.party_id,
        subjectName: names.get(row.party_id) ?? null,
        createdAt: row.created_at,
        completedAt: row.completed_at,
        exportedAt: row.exported_at,
        exportedBy: row.exported_by_name,
        pdfPath: `/exports/subject-access/${row.id}.pdf`,
        jsonPath: `/exports/subject-access/${row.id}.json`,
      };
    });
  }
}
