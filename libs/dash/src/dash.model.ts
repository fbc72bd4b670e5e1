import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { DashAnswer } from '#libs/common';

@ObjectType({ description: 'One of the 24 DASH questions' })
export class DashQuestion {
  @Field(() => Int)
  number: number;

  @Field()
  text: string;
}

@ObjectType()
export class DashAnswerRecord {
  @Field(() => Int)
  question: number;

  @Field(() => DashAnswer)
  answer: DashAnswer;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: 'A DASH risk assessment: the answers as given, scored; every assessment is kept' })
export class DashAssessment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => Int, { description: 'The "yes" answers' })
  score: number;

  @Field({ description: 'score >= 14, or raised by professional judgement (which never lowers it)' })
  highRisk: boolean;

  @Field({ description: "The assessor's professional judgement that the risk is high" })
  judgedHighRisk: boolean;

  @Field(() => String, { nullable: true, description: 'The written concern behind professional judgement' })
  concerns: string | null;

  @Field(() => [DashAnswerRecord], { description: 'All 24, in question order; unanswered ones as NOT_KNOWN' })
  answers: DashAnswerRecord[];

  @Field({ description: 'When the risk should be assessed again' })
  reviewDueAt: Date;

  @Field()
  assessedAt: Date;

  assessedById: string;
  assessedByAgencyId: string;
}

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

  @Field(() => Boolean, { nullable: true, description: 'Professional judgement: raises the risk to high, never lowers it' })
  @IsOptional()
  @IsBoolean()
  judgedHighRisk?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Required with judgedHighRisk; up to 4,000 characters' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  concerns?: string | null;

  @Field(() => Date, { nullable: true, description: 'When to assess again; by default 3 months on (1 month when high risk)' })
  @IsOptional()
  @IsDate()
  reviewDueAt?: Date | null;
}

export interface DashRow {
  id: string;
  case_id: string;
  answers: { question: number; answer: DashAnswer; note: string | null }[];
  score: number;
  judged_high_risk: boolean;
  high_risk: boolean;
  concerns: string | null;
  review_due_at: Date;
  assessed_by_id: string;
  assessed_by_agency_id: string;
  assessed_at: Date;
}

export const DASH_COLUMNS = `d.id, d.case_id, d.answers, d.score, d.judged_high_risk, d.high_risk, d.concerns, d.review_due_at,
  d.assessed_by_id, d.assessed_by_agency_id, d.assessed_at`;

export const toDash = (row: DashRow): DashAssessment => ({
  id: row.id,
  caseId: row.case_id,
  score: row.score,
  highRisk: row.high_risk,
  judgedHighRisk: row.judged_high_risk,
  concerns: row.concerns,
  answers: row.answers,
  reviewDueAt: row.review_due_at,
  assessedAt: row.assessed_at,
  assessedById: row.assessed_by_id,
  assessedByAgencyId: row.assessed_by_agency_id,
});
