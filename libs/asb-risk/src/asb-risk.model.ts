import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RiskLevel } from '#libs/common';

/** What makes a victim of ASB more vulnerable to harm: any one raises the matrix's band by one step. */
export enum AsbVulnerability {
  DISABILITY = 'DISABILITY',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  AGE = 'AGE',
  ISOLATION = 'ISOLATION',
  TARGETED_FOR_IDENTITY = 'TARGETED_FOR_IDENTITY',
  REPEAT_VICTIM = 'REPEAT_VICTIM',
  CHILDREN_IN_HOME = 'CHILDREN_IN_HOME',
}

registerEnumType(AsbVulnerability, {
  name: 'AsbVulnerability',
  description: 'What makes a victim of ASB more vulnerable to harm',
  valuesMap: {
    DISABILITY: { description: 'A physical or learning disability' },
    MENTAL_HEALTH: { description: 'Poor mental health, or the behaviour is affecting it' },
    AGE: { description: 'Older, or a child or young person' },
    ISOLATION: { description: 'Lives alone or has no support around them' },
    TARGETED_FOR_IDENTITY: {
      description: 'Targeted for race, religion, disability, sexuality or gender identity (hate)',
    },
    REPEAT_VICTIM: { description: 'Has been a victim of ASB before' },
    CHILDREN_IN_HOME: { description: 'Children live in the home' },
  },
});

@ObjectType({
  description:
    'An ASB risk assessment (for cases that are not domestic abuse): likelihood × impact, each 1–5, gives the score; 15+ is HIGH, 8–14 MEDIUM, lower STANDARD; a vulnerable victim raises the band one step; professional judgement may raise it to HIGH. Every assessment is kept.',
})
export class AsbRiskAssessment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => Int, {
    description: 'How likely the behaviour is to go on or cause harm, 1 (rare) to 5 (almost certain)',
  })
  likelihood: number;

  @Field(() => Int, { description: 'How badly it affects the victim or the community, 1 (negligible) to 5 (severe)' })
  impact: number;

  @Field(() => Int, { description: 'likelihood × impact, 1–25' })
  score: number;

  @Field(() => [AsbVulnerability])
  vulnerabilities: AsbVulnerability[];

  @Field({ description: "The assessor's professional judgement that the risk is high" })
  judgedHighRisk: boolean;

  @Field(() => RiskLevel, { description: 'The risk this assessment gives the case' })
  riskLevel: RiskLevel;

  @Field(() => String, { nullable: true })
  concerns: string | null;

  @Field({ description: 'When the risk should be assessed again' })
  reviewDueAt: Date;

  @Field()
  assessedAt: Date;
}

export interface AsbRiskRow {
  id: string;
  case_id: string;
  likelihood: number;
  impact: number;
  score: number;
  vulnerabilities: AsbVulnerability[];
  judged_high_risk: boolean;
  risk_level: RiskLevel;
  concerns: string | null;
  review_due_at: Date;
  assessed_at: Date;
}

export const ASB_RISK_COLUMNS = `a.id, a.case_id, a.likelihood, a.impact, a.score, a.vulnerabilities, a.judged_high_risk, a.risk_level,
  a.concerns, a.review_due_at, a.assessed_at`;

export const toAsbRisk = (row: AsbRiskRow): AsbRiskAssessment => ({
  id: row.id,
  caseId: row.case_id,
  likelihood: row.likelihood,
  impact: row.impact,
  score: row.score,
  vulnerabilities: row.vulnerabilities,
  judgedHighRisk: row.judged_high_risk,
  riskLevel: row.risk_level,
  concerns: row.concerns,
  reviewDueAt: row.review_due_at,
  assessedAt: row.assessed_at,
});

@ObjectType({ description: 'A range of matrix scores and the risk it gives' })
export class AsbRiskBand {
  @Field(() => RiskLevel)
  riskLevel: RiskLevel;

  @Field(() => Int)
  minScore: number;

  @Field(() => Int)
  maxScore: number;

  @Field(() => RiskLevel, { description: 'The risk when the victim has any vulnerability (the band raised a step)' })
  riskLevelIfVulnerable: RiskLevel;

  @Field(() => Int, { description: 'Days to the next review when the assessment gives this risk and names no date' })
  reviewDays: number;
}

@ObjectType({ description: 'One cell of the 5×5 matrix' })
export class AsbRiskMatrixCell {
  @Field(() => Int)
  likelihood: number;

  @Field(() => Int)
  impact: number;

  @Field(() => Int)
  score: number;

  @Field(() => RiskLevel, { description: 'The risk of this score alone (no vulnerability, no professional judgement)' })
  riskLevel: RiskLevel;
}

@ObjectType({
  description:
    'The ASB risk matrix as recordAsbRiskAssessment scores it, for a client to show the result before saving',
})
export class AsbRiskMatrix {
  @Field(() => [AsbRiskBand], { description: 'Lowest first' })
  bands: AsbRiskBand[];

  @Field(() => [AsbRiskMatrixCell], { description: 'Every likelihood × impact, 1–5 each' })
  cells: AsbRiskMatrixCell[];

  @Field(() => RiskLevel, { description: 'The risk when the assessor judges it high' })
  judgedHighRiskLevel: RiskLevel;
}
