import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { CaseCategory, IsWard } from '#libs/common';
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
  @IsString()
  @Length(3, 4000)
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
  @IsString()
  @Length(1, 200)
  reporterName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 40)
  reporterPhone?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subjectName?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was received, if not now' })
  @IsOptional()
  @IsDate()
  receivedAt?: Date | null;
}
