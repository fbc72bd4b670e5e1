import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsISO8601, IsOptional, IsString, Length } from 'class-validator';

@InputType({
  description:
    'Who to look for across the partnership, and why. The reason is required and is recorded, on the owner’s trail of every locked record the search reveals.',
})
export class PersonSearchInput {
  @Field({ description: 'At least three letters; matched loosely (a misspelling is found)' })
  @IsString()
  @Length(1, 200)
  fullName: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: a record with another date of birth is left out' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  dateOfBirth?: string | null;

  @Field({ description: 'Why you are searching (3 to 2,000 characters): the owner agency’s managers read it' })
  @IsString()
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Matches on cases you can see: 20 unless asked, at most 50' })
  @IsOptional()
  @IsInt()
  first?: number | null;
}
