import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsActionDescription } from '#libs/common';

@InputType({
  description: 'Who applied for an ASB Case Review: the victim, or a third party with the victim’s consent',
})
export class ApplicantInput {
  @Field({ description: 'The applicant’s name' })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field({ description: 'How to contact them (address, phone or email, and how they prefer)' })
  @IsString()
  @Length(1, 500)
  contact: string;

  @Field(() => String, {
    nullable: true,
    description: 'A third party’s relationship to the victim (a relative, a councillor…)',
  })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  relationship?: string | null;

  @Field({ description: 'True when someone other than the victim applies on their behalf' })
  @IsBoolean()
  thirdParty: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The victim consented to the third party applying (required then)',
  })
  @IsOptional()
  @IsBoolean()
  consentRecorded?: boolean | null;
}

@InputType({ description: 'An application logged by the single point of contact' })
export class LogCaseReviewInput {
  @Field(() => [ID], { description: 'The cases it concerns: each one your agency can see (1–20)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  caseIds: string[];

  @Field({ description: 'When the application was received: the clock starts then' })
  @IsDate()
  receivedAt: Date;

  @Field(() => ApplicantInput)
  @ValidateNested()
  @Type(() => ApplicantInput)
  applicant: ApplicantInput;
}

@InputType({ description: 'One recommendation of a review: a case action given to an agency holding that case' })
export class RecommendationInput {
  @Field(() => ID, { description: 'A case linked to the application' })
  @IsString()
  caseId: string;

  @Field(() => ID, { description: 'The agency that will carry it out: one holding that case' })
  @IsString()
  ownerAgencyId: string;

  @Field({ description: '3–2,000 characters' })
  @IsActionDescription()
  description: string;

  @Field()
  @IsDate()
  dueAt: Date;
}

@InputType({ description: 'The review’s conclusion and its recommendations, recorded once' })
export class CaseReviewOutcomeInput {
  @Field({ description: 'What the review concluded' })
  @IsString()
  @Length(1, 5000)
  conclusion: string;

  @Field(() => [RecommendationInput], { description: 'At most 30' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RecommendationInput)
  recommendations: RecommendationInput[];
}
