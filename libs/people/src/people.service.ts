import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { AuditAction, AuditLog } from '#libs/audit';
import {
  CasesRepository,
  type Party,
  type PartyInput,
  PartiesService,
  type ReadablePartyRow,
  toParty,
} from '#libs/cases';
import { BadInputError, groupBy, NotFoundError, parseId, StateConflictError } from '#libs/common';
import { loaderFor, type RequestContext } from '#libs/context';
import type { Person, PersonMatch, PersonMerge } from './person.model.js';
import { type PersonMergeRow, PeopleRepository } from './people.repository.js';
import { distinctValues, normaliseName, rankMatches } from './people.rules.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Candidates read before grouping: enough for ten people with a few parties each. */
const CANDIDATES = 60;

@Injectable()
export class PeopleService {
  constructor(
    private readonly parties: PartiesService,
    private readonly caseRows: CasesRepository,
    private readonly repository: PeopleRepository,
    private readonly audit: AuditLog,
  ) {}

  /** A person as the caller may see them; null when no linked party is one the caller may read as a person. */
  async findOne(ctx: RequestContext, id: string): Promise<Person | null> {
    return this.visible(ctx, parseId(id, 'id'));
  }

  /** Batched per request, so a list of parties asks for their people in one statement. */
  private visible(ctx: RequestContext, id: string): Promise<Person | null> {
    const loader = loaderFor(
      ctx,
      'person.byId',
      () =>
        new DataLoader<string, Person | null>(async (ids) => {
          const found = await this.caseRows.findReadableParties(ctx.db, ctx, { personIds: ids });
          const grouped = groupBy(ids, found, (row) => row.person_id!);
          return ids.map((personId, i) => (grouped[i].length ? this.toPerson(ctx, personId, grouped[i]) : null));
        }),
    );
    return loader.load(id);
  }

  /**
   * The person a party is linked to, for a reader of that party's name and date of birth only: to anyone else the
   * link would say who a withheld party is (their other cases' names).
   */
  ofParty(ctx: RequestContext, party: Party): Promise<Person | null> | null {
    if (!party.personId) return null;
    if (party.redactedFields.includes('fullName') || party.redactedFields.includes('dateOfBirth')) return null;
    return this.visible(ctx, party.personId);
  }

  private toPerson(ctx: RequestContext, id: string, found: ReadablePartyRow[]): Person {
    const parties = found.map((row) =>
      toParty(ctx.ability, { relation: row.case_relation, category: row.case_category }, row),
    );
    const names = distinctValues(parties.map((p) => p.fullName));
    const known = new Set(names.map((name) => name.toLowerCase()));
    const caseIds = [...new Set(parties.map((p) => p.caseId))];
    return {
      id,
      names,
      aliases: distinctValues(parties.flatMap((p) => p.aliases ?? [])).filter((a) => !known.has(a.toLowerCase())),
      datesOfBirth: distinctValues(parties.map((p) => p.dateOfBirth)),
      addresses: distinctValues(parties.map((p) => p.address)),
      parties,
      caseIds,
      caseCount: caseIds.length,
    };
  }

  /**
   * Likely matches for a name (and date of birth) being typed in, over the names and other names of parties the
   * caller may read; a date of birth that disagrees rules a party out. Nothing is linked until the user confirms.
   */
  async matches(
    ctx: RequestContext,
    fullName: string,
    dateOfBirth: string | null | undefined,
    caseId: string | null | undefined,
  ): Promise<PersonMatch[]> {
    const name = normaliseName(fullName);
    if (name.length < 2 || name.length > 200) throw new BadInputError('fullName', 'Give a name of 2 to 200 characters');
    const dob = dateOfBirth?.trim() || null;
    if (dob !== null && (!DATE.test(dob) || Number.isNaN(Date.parse(dob))))
      throw new BadInputError('dateOfBirth', 'dateOfBirth must be a date (YYYY-MM-DD)');
    const except = caseId ? parseId(caseId, 'caseId') : null;
    const found = await this.caseRows.findLikelyMatches(ctx.db, ctx, {
      name,
      dateOfBirth: dob,
      exceptCaseId: except,
      limit: CANDIDATES,
    });
    const ranked = rankMatches(
      found.map((row) => ({
        id: row.id,
        personId: row.person_id,
        caseId: row.case_id,
        fullName: row.full_name!,
        dateOfBirth: row.date_of_birth,
        score: row.score,
      })),
      dob,
    );
    const people = await Promise.all(
      ranked.map((m) => (m.personId ? this.visible(ctx, m.personId) : Promise.resolve(null))),
    );
    return ranked.map((match, i) => ({
      partyId: match.best.id,
      caseId: match.best.caseId,
      personId: match.personId,
      fullName: match.best.fullName,
      dateOfBirth: match.best.dateOfBirth,
      score: match.score,
      dateOfBirthAgrees: match.dateOfBirthAgrees,
      caseCount: people[i]?.caseCount ?? match.caseIds.length,
    }));
  }

  /** Links a party to a person the caller may see, or (no person given) to a new person record. */
  async linkToPerson(ctx: RequestContext, partyId: string, personId: string | null | undefined): Promise<Party> {
    const { kase, party, row } = await this.parties.forLinking(ctx, partyId);
    let target: string;
    if (personId) {
      const person = await this.visible(ctx, parseId(personId, 'personId'));
      if (!person) throw new NotFoundError('Person', 'personId');
      target = person.id;
    } else {
      target = await this.newPerson(ctx);
    }
    await this.setLink(ctx, kase.id, party, row.person_id, target);
    return this.parties.visible(ctx, party.id);
  }

  /**
   * Links a party as the same person as another party the caller may read as a person (a likely match): to that
   * party's person, or to a new person record for both when it has none.
   */
  async linkToParty(ctx: RequestContext, partyId: string, samePersonAs: string): Promise<Party> {
    const { kase, party, row } = await this.parties.forLinking(ctx, partyId);
    const [other] = await this.caseRows.findReadableParties(ctx.db, ctx, {
      partyIds: [parseId(samePersonAs, 'samePersonAs')],
    });
    if (!other) throw new NotFoundError('Party', 'samePersonAs');
    if (other.id === party.id) throw new BadInputError('samePersonAs', 'A party is already the same person as itself');
    let target = other.person_id;
    if (!target) {
      target = await this.newPerson(ctx);
      await this.setLink(
        ctx,
        other.case_id,
        { id: other.id, role: other.role, anonymous: other.anonymous },
        null,
        target,
      );
    }
    await this.setLink(ctx, kase.id, party, row.person_id, target);
    return this.parties.visible(ctx, party.id);
  }

  /** A new party on a case, linked in the same transaction as the same person as a likely match. */
  async addLinked(ctx: RequestContext, caseId: string, input: PartyInput, samePersonAs: string): Promise<Party> {
    const added = await this.parties.add(ctx, caseId, input);
    return this.linkToParty(ctx, added.id, samePersonAs);
  }

  /** Takes a party's link away; the person record stays for its other parties (and holds nothing if none). */
  async unlink(ctx: RequestContext, partyId: string): Promise<Party> {
    const { kase, party, row } = await this.parties.forLinking(ctx, partyId);
    if (row.person_id) {
      await this.caseRows.setPersonOfParty(ctx.db, party.id, null);
      forgetPeople(ctx);
      await this.audit.record(ctx, kase.id, AuditAction.PERSON_UNLINKED, {
        party,
        person: { from: row.person_id, to: null },
      });
    }
    return this.parties.visible(ctx, party.id);
  }

  /**
   * Moves every link of `mergeId` to `keepId`, on every case whoever holds it, and keeps the parties moved so the
   * merge can be undone exactly. Both people must be ones the manager may see; each case whose party moved has
   * the merge on its trail with the reason.
   */
  async merge(ctx: RequestContext, keepId: string, mergeId: string, reason: string): Promise<PersonMerge> {
    const keep = parseId(keepId, 'keepId');
    const merged = parseId(mergeId, 'mergeId');
    const why = reason.trim();
    if (!why || why.length > 2000)
      throw new BadInputError('reason', 'Give the reason for merging (up to 2000 characters)');
    if (!(await this.visible(ctx, keep))) throw new NotFoundError('Person', 'keepId');
    if (!(await this.visible(ctx, merged))) throw new NotFoundError('Person', 'mergeId');
    if (keep === merged) throw new BadInputError('mergeId', 'A person cannot be merged into themselves');
    const moved = await this.caseRows.movePersonLinks(ctx.db, merged, keep, null);
    forgetPeople(ctx);
    const record = await this.repository.insertMerge(ctx.db, {
      kept: keep,
      merged,
      partyIds: moved.map((m) => m.party_id),
      reason: why,
      userId: ctx.user!.id,
      agencyId: ctx.user!.agencyId,
    });
    await this.audit.recordMany(ctx, [...new Set(moved.map((m) => m.case_id))], AuditAction.PEOPLE_MERGED, {
      merge: record.id,
      person: { from: merged, to: keep },
      reason: why,
    });
    return toMerge(record);
  }

  /**
   * Puts back the links a merge moved, those still where it put them: a party linked or unlinked since by
   * someone's decision stays as they left it. A MANAGER of the agency that merged undoes it; to anyone else the
   * merge does not exist.
   */
  async undoMerge(ctx: RequestContext, mergeRecordId: string, reason: string): Promise<PersonMerge> {
    const id = parseId(mergeRecordId, 'mergeId');
    const why = reason.trim();
    if (!why || why.length > 2000)
      throw new BadInputError('reason', 'Give the reason for undoing (up to 2000 characters)');
    const record = await this.repository.lockAgencyMerge(ctx.db, id, ctx.user!.agencyId);
    if (!record) throw new NotFoundError('PersonMerge', 'mergeId');
    if (record.undone_at) throw new StateConflictError('This merge has been undone already', 'mergeId');
    const moved = await this.caseRows.movePersonLinks(
      ctx.db,
      record.kept_person_id,
      record.merged_person_id,
      record.party_ids,
    );
    forgetPeople(ctx);
    const undone = await this.repository.markUndone(ctx.db, id, ctx.user!.id);
    await this.audit.recordMany(ctx, [...new Set(moved.map((m) => m.case_id))], AuditAction.PERSON_MERGE_UNDONE, {
      merge: id,
      person: { from: record.kept_person_id, to: record.merged_person_id },
      reason: why,
    });
    return toMerge(undone);
  }

  async merges(ctx: RequestContext): Promise<PersonMerge[]> {
    return (await this.repository.agencyMerges(ctx.db, ctx.user!.agencyId, 100)).map(toMerge);
  }

  private newPerson(ctx: RequestContext): Promise<string> {
    return this.repository.insert(ctx.db, { userId: ctx.user!.id, agencyId: ctx.user!.agencyId });
  }

  private async setLink(
    ctx: RequestContext,
    caseId: string,
    party: { id: string; role: string; anonymous: boolean },
    from: string | null,
    to: string,
  ): Promise<void> {
    if (from === to) return;
    await this.caseRows.setPersonOfParty(ctx.db, party.id, to);
    forgetPeople(ctx);
    await this.audit.record(ctx, caseId, AuditAction.PERSON_LINKED, { party, person: { from, to } });
  }
}

/** People read earlier in the request are stale once a link changes; the answer reads them afresh. */
const forgetPeople = (ctx: RequestContext) => ctx.loaders.delete('person.byId');

const toMerge = (row: PersonMergeRow): PersonMerge => ({
  id: row.id,
  keptPersonId: row.kept_person_id,
  mergedPersonId: row.merged_person_id,
  partiesMoved: row.party_ids.length,
  reason: row.reason,
  mergedAt: row.merged_at,
  undoneAt: row.undone_at,
});
