import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DashAnswer } from '#libs/common';
import type { DashRow } from './dash.repository.js';

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
