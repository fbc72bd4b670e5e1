import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { asText, BadInputError, ForbiddenError, NotFoundError, parseId } from '#libs/common';
import type { Party } from './case.model.js';
import type { PartyInput, UpdatePartyInput } from './case.inputs.js';
import { toCase, toParty } from './case-record.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';
import {
  assertPartyWritable,
  changedPartyFields,
  cleanPartyValue,
  fieldsOfNewParty,
  newPartyChanges,
  PARTY_COLUMNS_WRITTEN,
  PARTY_FIELD_COLUMNS,
  partyValues,
} from './party.rules.js';

@Injectable()
export class PartiesService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    private readonly repository: CasesRepository,
  ) {}

  /** A new person on a visible case; each field is checked against the caller's write rules first. */
  async add(ctx: RequestContext, caseId: string, input: PartyInput): Promise<Party> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertPartyWritable(ctx, kase, { role: input.role, anonymous: input.anonymous ?? false }, fieldsOfNewParty(input));
    const [inserted] = await this.repository.insertParties(ctx.db, kase.id, PARTY_COLUMNS_WRITTEN, [
      partyValues(input),
    ]);
    await this.audit.record(ctx, kase.id, AuditAction.PARTY_ADDED, {
      party: { id: inserted.id, role: inserted.role, anonymous: inserted.anonymous },
      changes: newPartyChanges(input),
    });
    await this.alerts.raise(ctx, AlertKind.CASE_UPDATED, { caseId: kase.id, detail: { party: 'added' } });
    return this.reload(ctx, inserted.id);
  }

  /**
   * Changes to a person. Checked against the party as it is (an anonymous party's identifiers are the
   * owner's) and as it would be, so nobody unlocks a field by changing the flags that guard it.
   */
  async update(ctx: RequestContext, id: string, input: UpdatePartyInput): Promise<Party> {
    const { kase, row } = await this.visibleParty(ctx, parseId(id, 'id'));
    const fields = changedPartyFields(input);
    if (fields.length === 0) throw new BadInputError('input', 'Nothing to change');
    assertPartyWritable(ctx, kase, row, fields);
    assertPartyWritable(
      ctx,
      kase,
      { role: input.role ?? row.role, anonymous: input.anonymous ?? row.anonymous },
      fields,
    );
    const values = fields.map((field) => cleanPartyValue(field, input[field]));
    const before = await this.repository.updateParty(ctx.db, row.id, {
      columns: fields.map((field) => PARTY_FIELD_COLUMNS[field]),
      values,
    });
    const normalise = (value: unknown) =>
      value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? null : asText(value);
    const changes = fields
      .map((field, i) => ({ field, from: before[PARTY_FIELD_COLUMNS[field]] ?? null, to: values[i] ?? null }))
      .filter((change) => normalise(change.from) !== normalise(change.to));
    await this.audit.record(ctx, kase.id, AuditAction.PARTY_UPDATED, {
      party: { id: row.id, role: input.role ?? row.role, anonymous: input.anonymous ?? row.anonymous },
      changes,
    });
    await this.alerts.raise(ctx, AlertKind.CASE_UPDATED, { caseId: kase.id, detail: { party: 'updated' } });
    return this.reload(ctx, row.id);
  }

  /**
   * A party whose person link the caller may set (libs/people): whoever may write its identifiers, as for
   * updateParty. NOT_FOUND on `field` for a party on a case the caller does not see; FORBIDDEN when they see it
   * but may not write who the party is.
   */
  async forLinking(ctx: RequestContext, partyId: string, field = 'partyId') {
    const found = await this.repository.findVisibleParty(ctx.db, ctx, parseId(partyId, field));
    if (!found?.relation) throw new NotFoundError('Party', field);
    const kase = toCase(ctx.ability, found);
    const party = { id: found.party_id, role: found.party_role, anonymous: found.party_anonymous };
    try {
      assertPartyWritable(ctx, kase, party, ['fullName', 'dateOfBirth']);
    } catch {
      throw new ForbiddenError('Only the owner agency may say who a person on its case is', field);
    }
    return { kase, party, row: await this.repository.findParty(ctx.db, party.id) };
  }

  /** The party as the caller may see it, after a change to it made elsewhere (a person link). */
  async visible(ctx: RequestContext, partyId: string): Promise<Party> {
    return this.reload(ctx, partyId);
  }

  /** The party and its case, when the case is visible; NOT_FOUND exactly as for a party that does not exist. */
  private async visibleParty(ctx: RequestContext, partyId: string) {
    const found = await this.repository.findVisibleParty(ctx.db, ctx, partyId);
    if (!found?.relation) throw new NotFoundError('Party', 'id');
    return {
      kase: toCase(ctx.ability, found),
      row: { id: found.party_id, role: found.party_role, anonymous: found.party_anonymous },
    };
  }

  /** The party as the caller may see it after the change. */
  private async reload(ctx: RequestContext, partyId: string): Promise<Party> {
    const { kase } = await this.visibleParty(ctx, partyId);
    return toParty(ctx.ability, kase, await this.repository.findParty(ctx.db, partyId));
  }
}
