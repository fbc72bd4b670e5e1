import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { AsbVulnerability } from './asb-risk.model.js';

@InputType({ description: 'A completed ASB risk matrix' })
export class AsbRiskAssessmentInput {
  @Field(() => Int, { description: '1 (rare) to 5 (almost certain)' })
  @IsInt()
  @Min(1)
  @Max(5)
  likelihood: number;

  @Field(() => Int, { description: '1 (negligible) to 5 (severe)' })
  @IsInt()
  @Min(1)
  @Max(5)
  impact: number;

  @Field(() => [AsbVulnerability], { defaultValue: [] })
  @IsEnum(AsbVulnerability, { each: true })
  @ArrayMaxSize(7)
  vulnerabilities: AsbVulnerability[];

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'Raise the risk to HIGH whatever the score; needs concerns',
  })
  @IsOptional()
  @IsBoolean()
  judgedHighRisk?: boolean;

  @Field(() => String, { nullable: true, description: 'What worries the assessor; up to 2,000 characters' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  concerns?: string | null;

  @Field({ nullable: true, description: 'Defaults to 7 days for HIGH, 14 for MEDIUM, 28 for STANDARD' })
  @IsOptional()
  @IsDate()
  reviewDueAt?: Date;
}
