import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { CaseCategory } from '#libs/common';
import { FigureInterval } from './reports.rules.js';

@InputType({ description: 'A period, from `from` up to (not including) `to`, optionally one ward and one category' })
export class CaseStatisticsInput {
  @Field()
  @IsDate()
  from: Date;

  @Field()
  @IsDate()
  to: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ward?: string | null;

  @Field(() => CaseCategory, { nullable: true })
  @IsOptional()
  @IsEnum(CaseCategory)
  category?: CaseCategory | null;
}

@InputType({
  description:
    'A series: every London calendar month or quarter from the one holding `from` to the one holding the moment before `to` (at most 36), optionally one ward and one category',
})
export class CaseStatisticsSeriesInput extends CaseStatisticsInput {
  @Field(() => FigureInterval)
  @IsEnum(FigureInterval)
  interval: FigureInterval;
}
