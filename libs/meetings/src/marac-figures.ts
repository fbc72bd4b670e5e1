import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { percentOf as percent } from '#libs/common';
import { IsDate } from 'class-validator';

@InputType({ description: 'A period of MARAC meetings: those starting from `from` up to (not including) `to`' })
export class MaracStatisticsInput {
  @Field()
  @IsDate()
  from: Date;

  @Field()
  @IsDate()
  to: Date;
}

@ObjectType({ description: "Figures for the MARACs your agency attended in a period (percentages 0–100, null when there is nothing to divide)" })
export class MaracStatistics {
  @Field(() => Int)
  meetings: number;

  @Field(() => Int, { description: 'Agenda items heard (withdrawn ones left out)' })
  casesHeard: number;

  @Field(() => Int, { description: 'Heard as repeats: referred as REPEAT_REFERRAL, or heard at a MARAC in the 12 months before' })
  repeatCases: number;

  @Field(() => Float, { nullable: true })
  repeatPercent: number | null;

  @Field(() => Int, { description: 'Referred by an agency other than the police' })
  referredByPartners: number;

  @Field(() => Float, { nullable: true })
  referredByPartnersPercent: number | null;

  @Field(() => Int, { description: 'Actions agreed at these meetings that are due by now' })
  actionsDue: number;

  @Field(() => Int, { description: 'Of those, done by their due date' })
  actionsCompletedOnTime: number;

  @Field(() => Float, { nullable: true })
  actionsCompletedOnTimePercent: number | null;
}


export function toMaracStatistics(row: {
  meetings: number;
  heard: number;
  repeats: number;
  by_partners: number;
  actions_due: number;
  on_time: number;
}): MaracStatistics {
  return {
    meetings: row.meetings,
    casesHeard: row.heard,
    repeatCases: row.repeats,
    repeatPercent: percent(row.repeats, row.heard),
    referredByPartners: row.by_partners,
    referredByPartnersPercent: percent(row.by_partners, row.heard),
    actionsDue: row.actions_due,
    actionsCompletedOnTime: row.on_time,
    actionsCompletedOnTimePercent: percent(row.on_time, row.actions_due),
  };
}
