import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { DashAnswer } from '#libs/common';

@InputType()
export class DashAnswerInput {
  @Field(() => Int, { description: '1–24' })
  @IsInt()
  question: number;

  @Field(() => DashAnswer)
  @IsEnum(DashAnswer)
  answer: DashAnswer;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}

@InputType({ description: 'A completed DASH checklist' })
export class DashAssessmentInput {
  @Field(() => [DashAnswerInput], { description: 'Each question at most once; unanswered ones count as NOT_KNOWN' })
  @ValidateNested({ each: true })
  @Type(() => DashAnswerInput)
  @ArrayMaxSize(24)
  answers: DashAnswerInput[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Professional judgement: raises the risk to high, never lowers it',
  })
  @IsOptional()
  @IsBoolean()
  judgedHighRisk?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Required with judgedHighRisk; up to 4,000 characters' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  concerns?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When to assess again; by default 3 months on (1 month when high risk)',
  })
  @IsOptional()
  @IsDate()
  reviewDueAt?: Date | null;
}
