import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { ActionKind, IsActionDescription, MeetingKind } from '#libs/common';

@InputType({ description: 'A new meeting' })
export class ScheduleMeetingInput {
  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field({ description: '3–200 characters' })
  @IsString()
  @Length(3, 200)
  title: string;

  @Field({ description: 'Within a year either side of now: the date bounds how long the case material stays open' })
  @IsDate()
  startsAt: Date;

  @Field(() => ID, { description: 'An active user of the partnership who chairs it; their agency attends' })
  @IsString()
  chairId: string;

  @Field(() => [ID], { description: "The attending agencies (the chair's and yours are added)" })
  @IsString({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  agencyIds: string[];
}

@InputType({ description: 'An action agreed at a meeting' })
export class MeetingActionInput {
  @Field(() => ID, { description: 'An attending agency' })
  @IsString()
  ownerAgencyId: string;

  @Field({ description: '3–2,000 characters' })
  @IsActionDescription()
  description: string;

  @Field()
  @IsDate()
  dueAt: Date;

  @Field(() => ActionKind, { nullable: true, description: 'OTHER_ACTION unless given' })
  @IsOptional()
  @IsEnum(ActionKind)
  kind?: ActionKind | null;
}

@InputType({ description: 'A period of MARAC meetings: those starting from `from` up to (not including) `to`' })
export class MaracStatisticsInput {
  @Field()
  @IsDate()
  from: Date;

  @Field()
  @IsDate()
  to: Date;
}
