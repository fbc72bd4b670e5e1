import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A reporter's satisfaction: recorded by the owner, or answered through a one-time link" })
export class SatisfactionSurvey {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'A link not yet answered lapses then' })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => Int, { nullable: true })
  serviceScore: number | null;

  @Field(() => Int, { nullable: true })
  outcomeScore: number | null;

  @Field(() => String, { nullable: true })
  comment: string | null;
}

@ObjectType({ description: 'A one-time link for the reporter; shown once, only its hash is kept' })
export class SurveyLink {
  @Field({ description: 'The path to send the reporter, under the portal’s address' })
  path: string;

  @Field()
  expiresAt: Date;
}

export interface SurveyRow {
  id: string;
  case_id: string;
  created_at: Date;
  expires_at: Date | null;
  answered_at: Date | null;
  service_score: number | null;
  outcome_score: number | null;
  comment: string | null;
}

export const SURVEY_COLUMNS = 'id, case_id, created_at, expires_at, answered_at, service_score, outcome_score, comment';

export const toSurvey = (row: SurveyRow): SatisfactionSurvey => ({
  id: row.id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  answeredAt: row.answered_at,
  serviceScore: row.service_score,
  outcomeScore: row.outcome_score,
  comment: row.comment,
});
