import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loaderFor, type RequestContext } from '#libs/context';
import { BadInputError, NotFoundError, parseId } from '#libs/common';
import { type Agency, toAgency } from './agency.model.js';
import type { CreateAgencyInput } from './agencies.inputs.js';
import { AgenciesRepository } from './agencies.repository.js';

@Injectable()
export class AgenciesService {
  constructor(private readonly repository: AgenciesRepository) {}

  async list(ctx: RequestContext): Promise<Agency[]> {
    return (await this.repository.list(ctx.db)).map(toAgency);
  }

  async create(ctx: RequestContext, input: CreateAgencyInput): Promise<Agency> {
    const name = input.name.trim();
    if (await this.repository.findByName(ctx.db, name))
      throw new BadInputError('name', 'An agency with this name already exists');
    return toAgency(await this.repository.insert(ctx.db, name, input.kind));
  }

  /** Agencies are partnership-wide reference data: any signed-in user may read any of them. */
  byId(ctx: RequestContext, id: string): Promise<Agency> {
    const loader = loaderFor(
      ctx,
      'agency',
      () =>
        new DataLoader<string, Agency>(async (ids) => {
          const rows = await this.repository.findByIds(ctx.db, ids);
          const byId = new Map(rows.map((row) => [row.id, toAgency(row)]));
          return ids.map((agencyId) => byId.get(agencyId) ?? new NotFoundError('Agency'));
        }),
    );
    return loader.load(id);
  }

  /** For inputs naming an agency: BAD_USER_INPUT if malformed, NOT_FOUND (on that field) if there is none. */
  async require(ctx: RequestContext, id: string, field: string): Promise<Agency> {
    const row = await this.repository.findById(ctx.db, parseId(id, field));
    if (!row) throw new NotFoundError('Agency', field);
    return toAgency(row);
  }
}
