import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Party } from '#libs/cases';

@ObjectType({
  description:
    'One person across the partnership: parties on many cases linked as the same person. It holds nothing of its own: every name, date of birth and address is read from the linked parties you may read, under their own field rules',
})
export class Person {
  @Field(() => ID)
  id: string;

  @Field(() => [String], { description: 'Full names on the linked parties you may read' })
  names: string[];

  @Field(() => [String], { description: 'Other names recorded on those parties' })
  aliases: string[];

  @Field(() => [String], { description: 'Dates of birth recorded on those parties (YYYY-MM-DD)' })
  datesOfBirth: string[];

  @Field(() => [String], { description: 'Addresses on those parties, where you may read them' })
  addresses: string[];

  @Field(() => [Party], { description: 'The linked parties you may read as this person, newest case first' })
  parties: Party[];

  @Field(() => Int, { description: 'How many cases you can see this person on' })
  caseCount: number;

  caseIds: string[];
}

@ObjectType({
  description: 'A person who may be the one being typed in: confirm with linkParty before anything is linked',
})
export class PersonMatch {
  @Field(() => ID, {
    description: 'The closest matching party; pass it to linkParty or addLinkedParty as samePersonAs',
  })
  partyId: string;

  @Field(() => ID, { nullable: true, description: 'The person record, when the party is linked to one already' })
  personId: string | null;

  @Field({ description: 'The matching party’s full name' })
  fullName: string;

  @Field(() => String, { nullable: true, description: 'Its date of birth, when recorded (YYYY-MM-DD)' })
  dateOfBirth: string | null;

  @Field(() => Float, {
    description: 'How alike the names are (pg_trgm similarity), raised when a date of birth agrees',
  })
  score: number;

  @Field({ description: 'Whether both have a date of birth and they are the same day' })
  dateOfBirthAgrees: boolean;

  @Field(() => Int, { description: 'On how many cases you can see this person' })
  caseCount: number;

  /** The case of the matching party, whose trail records that its name was sent. */
  caseId: string;
}

@ObjectType({ description: 'Two person records merged by a manager, which can be undone' })
export class PersonMerge {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  keptPersonId: string;

  @Field(() => ID)
  mergedPersonId: string;

  @Field(() => Int, { description: 'How many parties the merge moved to the kept person' })
  partiesMoved: number;

  @Field()
  reason: string;

  @Field()
  mergedAt: Date;

  @Field(() => Date, { nullable: true })
  undoneAt: Date | null;
}
