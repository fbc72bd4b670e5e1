import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

@InputType({ description: 'How satisfied the reporter is, 1 (very dissatisfied) to 5 (very satisfied)' })
export class SatisfactionInput {
  @Field(() => Int, { description: 'With the service received' })
  @IsInt()
  @Min(1)
  @Max(5)
  serviceScore: number;

  @Field(() => Int, { description: 'With the outcome' })
  @IsInt()
  @Min(1)
  @Max(5)
  outcomeScore: number;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string | null;
}
