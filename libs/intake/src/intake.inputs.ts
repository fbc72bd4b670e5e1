import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { CaseCategory, IsPersonName, IsPhone, IsSummary, IsWard } from '#libs/common';
import { IntakeChannel } from './intake.model.js';

@InputType({ description: 'A report as it arrives' })
export class IntakeReportInput {
  @Field(() => IntakeChannel)
  @IsEnum(IntakeChannel)
  channel: IntakeChannel;

  @Field(() => CaseCategory)
  @IsEnum(CaseCategory)
  category: CaseCategory;

  @Field({ description: '3–4,000 characters' })
  @IsSummary()
  summary: string;

  @Field()
  @IsWard()
  ward: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Leave out for an anonymous report' })
  @IsOptional()
  @IsPersonName()
  reporterName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  reporterPhone?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPersonName()
  subjectName?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was received, if not now' })
  @IsOptional()
  @IsDate()
  receivedAt?: Date | null;
}
