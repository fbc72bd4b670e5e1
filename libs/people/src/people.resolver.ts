import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import { Case, CasesService, Party, PartyInput } from '#libs/cases';
import { noteView, type RequestContext } from '#libs/context';
import { Person, PersonMatch, PersonMerge } from './person.model.js';
import { PeopleService } from './people.service.js';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly caseService: CasesService,
  ) {}

  @Query(() => Person, {
    nullable: true,
    description:
      'A person record; null when none of its linked parties is one whose name and date of birth you may read',
  })
  @Allow('read', 'Case')
  person(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Person | null> {
    return this.people.findOne(ctx, id);
  }

  @Query(() => [PersonMatch], {
    description:
      'People who may be the one being typed in: names and other names alike (pg_trgm), a date of birth that disagrees ruling a party out; only over parties whose name and date of birth you may read',
  })
  @Allow('read', 'Case')
  personMatches(
    @Context() ctx: RequestContext,
    @Args('fullName') fullName: string,
    @Args('dateOfBirth', { type: () => String, nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth?: string | null,
    @Args('caseId', {
      type: () => ID,
      nullable: true,
      description: 'The case being edited: its own parties are left out',
    })
    caseId?: string | null,
  ): Promise<PersonMatch[]> {
    return this.people.matches(ctx, fullName, dateOfBirth, caseId);
  }

  @Query(() => [PersonMerge], { description: 'Merges of person records made by your agency, newest first (managers)' })
  @Allow('merge', 'Person')
  personMerges(@Context() ctx: RequestContext): Promise<PersonMerge[]> {
    return this.people.merges(ctx);
  }

  @Mutation(() => Party, {
    description:
      'Link a party to a person you can see, or (no personId) to a new person record. By whoever may write the party’s identifiers; on the case’s trail',
  })
  @Allow('contribute', 'Case')
  linkPartyToPerson(
    @Context() ctx: RequestContext,
    @Args('partyId', { type: () => ID }) partyId: string,
    @Args('personId', { type: () => ID, nullable: true }) personId?: string | null,
  ): Promise<Party> {
    return this.people.linkToPerson(ctx, partyId, personId);
  }

  @Mutation(() => Party, {
    description:
      'Confirm a likely match: the party is the same person as `samePersonAs` (a PersonMatch.partyId), joining its person record or a new one for both',
  })
  @Allow('contribute', 'Case')
  linkParty(
    @Context() ctx: RequestContext,
    @Args('partyId', { type: () => ID }) partyId: string,
    @Args('samePersonAs', { type: () => ID }) samePersonAs: string,
  ): Promise<Party> {
    return this.people.linkToParty(ctx, partyId, samePersonAs);
  }

  @Mutation(() => Party, {
    description:
      'Add a person to a case and confirm, in the same change, that they are the same person as a likely match',
  })
  @Allow('contribute', 'Case')
  addLinkedParty(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: PartyInput,
    @Args('samePersonAs', { type: () => ID }) samePersonAs: string,
  ): Promise<Party> {
    return this.people.addLinked(ctx, caseId, input, samePersonAs);
  }

  @Mutation(() => Party, { description: 'Take a party’s link to its person record away; on the case’s trail' })
  @Allow('contribute', 'Case')
  unlinkParty(@Context() ctx: RequestContext, @Args('partyId', { type: () => ID }) partyId: string): Promise<Party> {
    return this.people.unlink(ctx, partyId);
  }

  @Mutation(() => PersonMerge, {
    description:
      'Merge two person records you can see (managers): every link of mergeId moves to keepId, on the trail of each case whose party moved',
  })
  @Allow('merge', 'Person')
  mergePeople(
    @Context() ctx: RequestContext,
    @Args('keepId', { type: () => ID }) keepId: string,
    @Args('mergeId', { type: () => ID }) mergeId: string,
    @Args('reason') reason: string,
  ): Promise<PersonMerge> {
    return this.people.merge(ctx, keepId, mergeId, reason);
  }

  @Mutation(() => PersonMerge, {
    description:
      'Undo a merge your agency made (managers): the links it moved, still where it put them, go back; on the trail of each case',
  })
  @Allow('merge', 'Person')
  undoPersonMerge(
    @Context() ctx: RequestContext,
    @Args('mergeId', { type: () => ID }) mergeId: string,
    @Args('reason') reason: string,
  ): Promise<PersonMerge> {
    return this.people.undoMerge(ctx, mergeId, reason);
  }

  // What a person "has" is read from parties of several cases: sending it is a view of each of those cases, on
  // their trails as the same field read on the party itself would be (audited-fields.ts).
  @ResolveField(() => [String], { description: 'Full names on the linked parties you may read' })
  names(@Context() ctx: RequestContext, @Parent() person: Person): string[] {
    return noted(ctx, person, 'fullName', person.names);
  }

  @ResolveField(() => [String], { description: 'Other names recorded on those parties' })
  aliases(@Context() ctx: RequestContext, @Parent() person: Person): string[] {
    return noted(ctx, person, 'aliases', person.aliases);
  }

  @ResolveField(() => [String], { description: 'Dates of birth recorded on those parties (YYYY-MM-DD)' })
  datesOfBirth(@Context() ctx: RequestContext, @Parent() person: Person): string[] {
    return noted(ctx, person, 'dateOfBirth', person.datesOfBirth);
  }

  @ResolveField(() => [String], { description: 'Addresses on those parties, where you may read them' })
  addresses(@Context() ctx: RequestContext, @Parent() person: Person): string[] {
    return noted(ctx, person, 'address', person.addresses);
  }

  @ResolveField(() => [Case], { description: 'The cases you can see this person on' })
  async cases(@Context() ctx: RequestContext, @Parent() person: Person): Promise<Case[]> {
    const found = await Promise.all(person.caseIds.map((id) => this.caseService.visibleById(ctx, id)));
    return found.filter((kase): kase is Case => kase !== null);
  }
}

/** Notes, for each linked party that holds a value of `field`, that its case's party field was sent. */
function noted(
  ctx: RequestContext,
  person: Person,
  field: 'fullName' | 'aliases' | 'dateOfBirth' | 'address',
  values: string[],
) {
  if (values.length === 0) return values;
  for (const party of person.parties) {
    const value = party[field];
    if (value !== null && !(Array.isArray(value) && value.length === 0)) noteView(ctx, party.caseId, `party.${field}`);
  }
  return values;
}

@Resolver(() => PersonMatch)
export class PersonMatchResolver {
  @ResolveField(() => String, { description: 'The matching party’s full name' })
  fullName(@Context() ctx: RequestContext, @Parent() match: PersonMatch): string {
    noteView(ctx, match.caseId, 'party.fullName');
    return match.fullName;
  }

  @ResolveField(() => String, { nullable: true, description: 'Its date of birth, when recorded (YYYY-MM-DD)' })
  dateOfBirth(@Context() ctx: RequestContext, @Parent() match: PersonMatch): string | null {
    if (match.dateOfBirth) noteView(ctx, match.caseId, 'party.dateOfBirth');
    return match.dateOfBirth;
  }
}

@Resolver(() => Party)
export class PartyPersonResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The person record this party is linked to; null when unlinked, or when you may not read its name',
  })
  person(@Context() ctx: RequestContext, @Parent() party: Party): Promise<Person | null> | null {
    return this.people.ofParty(ctx, party);
  }
}
