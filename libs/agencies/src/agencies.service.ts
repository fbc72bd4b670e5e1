import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { BadInputError, NotFoundError, parseId } from '#libs/common';
import { type Agency, type AgencyRow, toAgency } from './agency.model.js';
import type { CreateAgencyInput } from './create-agency.input.js';

const COLUMNS = 'id, name, kind';

@Injectable()
export class AgenciesService {
  async list(ctx: RequestContext): Promise<Agency[]> {
    const rows: AgencyRow[] = await ctx.db.query(`SELECT ${COLUMNS} FROM agencies ORDER BY lower(name)`);
    return rows.map(toAgency);
  }

  async create(ctx: RequestContext, input: CreateAgencyInput): Promise<Agency> {
    const name = input.name.trim();
    const [taken] = await ctx.db.query(`SELECT 1 FROM agencies WHERE lower(name) = lower($1)`, [name]);
    if (taken) throw new BadInputError('name', 'An agency with this name already exists');
    const [row]: AgencyRow[] = await ctx.db.query(
      `INSERT INTO agencies (name, kind) VALUES ($1, $2) RETURNING ${COLUMNS}`,
      [name, input.kind],
    );
    return toAgency(row);
  }

  /** Agencies are partnership-wide reference data: any signed-in user may read any of them. */
  byId(ctx: RequestContext, id: string): Promise<Agency> {
    const loader = loaderFor(
      ctx,
      'agency',
      () =>
        new DataLoader<string, Agency>(async (ids) => {
          const rows: AgencyRow[] = await ctx.db.query(`SELECT ${COLUMNS} FROM agencies WHERE id = ANY($1::uuid[])`, [ids]);
          const byId = new Map(rows.map((row) => [row.id, toAgency(row)]));
          return ids.map((agencyId) => byId.get(agencyId) ?? new NotFoundError('Agency'));
        }),
    );
    return loader.load(id);
  }

  /** For inputs naming an agency: BAD_USER_INPUT if malformed, NOT_FOUND (on that field) if there is none. */
  async require(ctx: RequestContext, id: string, field: string): Promise<Agency> {
    const agencyId = parseId(id, field);
    const [row]: AgencyRow[] = await ctx.db.query(`SELECT ${COLUMNS} FROM agencies WHERE id = $1`, [agencyId]);
    if (!row) throw new NotFoundError('Agency', field);
    return toAgency(row);
  }
}
