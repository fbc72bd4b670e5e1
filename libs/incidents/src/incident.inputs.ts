import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { CaseCategory, IsSummary, IsWard } from '#libs/common';

@InputType({ description: 'A new incident on a case' })
export class IncidentInput {
  @Field()
  @IsDate()
  occurredAt: Date;

  @Field(() => CaseCategory)
  @IsEnum(CaseCategory)
  category: CaseCategory;

  @Field({ description: '3–4,000 characters' })
  @IsSummary()
  description: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsWard()
  ward?: string | null;
}
