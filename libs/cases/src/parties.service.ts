import { Injectable } from '@nestjs/common';
import { accessibleSql } from '#libs/access';
import { SqlParams } from '#libs/db';
import type { RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { BadInputError, NotFoundError, parseId } from '#libs/common';
import type { Party } from './case.model.js';
import type { PartyInput, UpdatePartyInput } from './case.inputs.js';
import { CASE_COLUMNS, type CaseRow, PARTY_COLUMNS, type PartyRow, relationSql, toCase, toParty } from './case-record.js';
import { CasesService } from './cases.service.js';
import {
  assertPartyWritable,
  changedPartyFields,
  cleanPartyValue,
  fieldsOfNewParty,
  insertParties,
  newPartyChanges,
  PARTY_FIELD_COLUMNS,
} from './party-writes.js';

@Injectable()
export class PartiesService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
  ) {}

  /** A new person on a visible case; each field is checked against the caller's write rules first. */
  async add(ctx: RequestContext, caseId: string, input: PartyInput): Promise<Party> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertPartyWritable(ctx, kase, { role: input.role, anonymous: input.anonymous ?? false }, fieldsOfNewParty(input));
    const [inserted] = await insertParties(ctx, kase.id, [input]);
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
    assertPartyWritable(ctx, kase, { role: input.role ?? row.role, anonymous: input.anonymous ?? row.anonymous }, fields);
    const params = new SqlParams();
    const values = fields.map((field) => cleanPartyValue(input[field]));
    const sets = fields.map((field, i) => `${PARTY_FIELD_COLUMNS[field]} = ${params.add(values[i])}`);
    const [[before]]: [Record<string, unknown>[], number] = await ctx.db.query(
      `UPDATE parties p SET ${sets.join(', ')} FROM parties prior
        WHERE p.id = ${params.add(row.id)} AND prior.id = p.id
        RETURNING ${fields.map((f) => `prior.${PARTY_FIELD_COLUMNS[f]} AS ${PARTY_FIELD_COLUMNS[f]}`).join(', ')}`,
      params.values,
    );
    const normalise = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? null : String(value));
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

  /** The party and its case, when the case is visible; NOT_FOUND exactly as for a party that does not exist. */
  private async visibleParty(ctx: RequestContext, partyId: string) {
    const params = new SqlParams();
    const idParam = params.add(partyId);
    const scope = accessibleSql(ctx.ability, 'read', 'Case', 'c', params);
    const agency = params.add(ctx.user?.agencyId ?? null);
    const [found]: (CaseRow & { party_id: string; party_role: string; party_anonymous: boolean })[] = await ctx.db.query(
      `SELECT ${CASE_COLUMNS}, ${relationSql('c', agency)} AS relation, p.id AS party_id, p.role AS party_role, p.anonymous AS party_anonymous
         FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE p.id = ${idParam}::uuid AND ${scope}`,
      params.values,
    );
    if (!found?.relation) throw new NotFoundError('Party', 'id');
    return {
      kase: toCase(ctx.ability, found),
      row: { id: found.party_id, role: found.party_role, anonymous: found.party_anonymous },
    };
  }

  /** The party as the caller may see it after the change. */
  private async reload(ctx: RequestContext, partyId: string): Promise<Party> {
    const { kase } = await this.visibleParty(ctx, partyId);
    const [row]: PartyRow[] = await ctx.db.query(`SELECT ${PARTY_COLUMNS} FROM parties p WHERE p.id = $1`, [partyId]);
    return toParty(ctx.ability, kase, row);
  }
}
