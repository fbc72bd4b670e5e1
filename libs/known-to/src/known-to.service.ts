import { Inject, Injectable } from '@nestjs/common';
import { AgenciesService } from '#libs/agencies';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CasesRepository, CasesService, toCase, toParty } from '#libs/cases';
import { BadInputError, NotFoundError, parseId, statedReason, TooManyRequestsError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import type { RequestContext } from '#libs/context';
import type { PersonSearchInput } from './known-to.inputs.js';
import type { PersonSearchResult, VisiblePersonMatch } from './known-to.model.js';
import { KnownToRepository, type PersonQuery } from './known-to.repository.js';
import { PERSON_SEARCH_LIMITS, searchedName, visibleLimit } from './known-to.rules.js';

/** Finding a person across the partnership without disclosing what others hold, and whether a case may be found. */
@Injectable()
export class KnownToService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditLog,
    private readonly repository: KnownToRepository,
  ) {}

  /**
   * Matches on cases the caller sees, with what they may read; and records other agencies hold that their owner
   * made discoverable, as the owner agency alone. Every input is checked before anything is read or recorded,
   * and the owner's trail of each locked record revealed is written before the answer leaves.
   */
  async search(ctx: RequestContext, input: PersonSearchInput): Promise<PersonSearchResult> {
    const user = ctx.user!;
    const reason = statedReason(input.reason);
    if (reason === null) throw new BadInputError('reason', 'Say why you are searching, in 3 to 2,000 characters');
    const name = searchedName(input.fullName);
    if (name === null)
      throw new BadInputError('fullName', `fullName must have at least ${PERSON_SEARCH_LIMITS.minNameLength} letters`);
    const limit = visibleLimit(input.first);
    if (limit === null) throw new BadInputError('first', `first must be 1 to ${PERSON_SEARCH_LIMITS.maxVisible}`);
    if ((await this.repository.searchesInLastHour(ctx.db, user.id)) >= this.config.personSearchesPerHour) {
      throw new TooManyRequestsError(
        3600,
        `You have made ${this.config.personSearchesPerHour} person searches in the last hour: try again later`,
      );
    }
    const query: PersonQuery = { name, dateOfBirth: input.dateOfBirth ?? null };
    const matches = await this.repository.visibleMatches(ctx.db, ctx, query, limit);
    const locked = await this.repository.lockedMatches(
      ctx.system,
      user.agencyId,
      query,
      PERSON_SEARCH_LIMITS.maxLocked,
    );
    if (locked.length > 0) {
      const agency = await this.agencies.byId(ctx, user.agencyId);
      await this.audit.recordMany(
        ctx,
        locked.map((hit) => hit.case_id),
        AuditAction.PERSON_SEARCHED,
        {
          searchedBy: { id: user.id, displayName: user.displayName },
          agency: { id: agency.id, name: agency.name },
          reason,
        },
      );
    }
    const hits = await this.repository.recordSearch(ctx.db, {
      userId: user.id,
      agencyId: user.agencyId,
      query,
      reason,
      visibleCount: matches.length,
      locked,
      hitMinutes: PERSON_SEARCH_LIMITS.hitMinutes,
    });
    const hitOfCase = new Map(hits.map((hit) => [hit.case_id, hit.id]));
    return {
      visible: await this.visible(ctx, matches),
      locked: locked.map((hit) => ({ hitId: hitOfCase.get(hit.case_id)!, ownerAgencyId: hit.owner_agency_id })),
    };
  }

  /** Each match read with the caller's own rules (cases batched in one statement, their parties in another). */
  private async visible(
    ctx: RequestContext,
    matches: { party_id: string; case_id: string }[],
  ): Promise<VisiblePersonMatch[]> {
    if (matches.length === 0) return [];
    const cases = await Promise.all(matches.map((match) => this.cases.visibleById(ctx, match.case_id)));
    const parties = new Map(
      (await this.caseRows.findPartiesOfCases(ctx.db, [...new Set(matches.map((m) => m.case_id))])).map((row) => [
        row.id,
        row,
      ]),
    );
    return matches.flatMap((match, i) => {
      const kase = cases[i];
      const party = parties.get(match.party_id);
      return kase && party ? [{ case: kase, party: toParty(ctx.ability, kase, party) }] : [];
    });
  }

  /** The owner agency decides, with a reason on the case's trail, whether other agencies' searches may find the case. */
  async setDiscoverable(ctx: RequestContext, caseId: string, discoverable: boolean, reason: string): Promise<Case> {
    const stated = statedReason(reason);
    if (stated === null) throw new BadInputError('reason', 'Say why, in 3 to 2,000 characters');
    const kase = await this.cases.require(ctx, caseId, 'share');
    const row = await this.caseRows.setDiscoverable(ctx.db, parseId(kase.id, 'caseId'), discoverable);
    if (!row) throw new NotFoundError('Case', 'caseId');
    if (row.was_discoverable !== discoverable) {
      await this.audit.record(ctx, kase.id, AuditAction.DISCOVERABILITY_CHANGED, { discoverable, reason: stated });
    }
    return toCase(ctx.ability, row);
  }
}
