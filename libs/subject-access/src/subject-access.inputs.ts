import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

@InputType({ description: 'A subject access request received from (or for) one person on a case your agency owns' })
export class CreateSubjectAccessRequestInput {
  @Field(() => ID, {
    description:
      'One of the person’s parties on a case your agency owns; their parties on your other owned cases are found from it',
  })
  @IsString()
  partyId: string;

  @Field({ description: 'Your agency’s own reference for the request (2–60 letters, digits, spaces, . / - _)' })
  @IsString()
  @Length(2, 60)
  reference: string;

  @Field({ description: 'The day the request was received (YYYY-MM-DD, not in the future); the month runs from it' })
  @IsISO8601({ strict: true }, { message: 'receivedAt must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'receivedAt must be a date (YYYY-MM-DD)' })
  receivedAt: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who made the request, if not the person (a solicitor, a parent)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  requester?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string | null;
}
