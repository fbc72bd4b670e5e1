import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FigureInterval } from './reports.rules.js';

/** Whose cases a series counts. */
export enum FigureScope {
  AGENCY = 'AGENCY',
  PARTNERSHIP = 'PARTNERSHIP',
}

registerEnumType(FigureInterval, {
  name: 'FigureInterval',
  description: 'The length of one point of a series, in London calendar time',
  valuesMap: {
    MONTH: { description: 'Calendar months' },
    QUARTER: { description: 'Calendar quarters: January–March, April–June, July–September, October–December' },
  },
});

registerEnumType(FigureScope, {
  name: 'FigureScope',
  description: 'Whose cases a series counts',
  valuesMap: {
    AGENCY: { description: 'The cases you may see, as caseStatistics counts them: exact numbers' },
    PARTNERSHIP: {
      description:
        "Every agency's cases, as partnershipStatistics publishes them: a count under 5 (0 included) is null, the rest rounded to the nearest 5",
    },
  },
});

@ObjectType({
  description:
    'The figures of one period. In the PARTNERSHIP scope a count under 5 (0 included) is null ("fewer than 5") and the rest are rounded to the nearest 5',
})
export class PeriodFigures {
  @Field({ description: 'Midnight in London at the start of the period' })
  from: Date;

  @Field({ description: 'Midnight in London at its end (not included)' })
  to: Date;

  @Field(() => Int, { nullable: true, description: 'Cases opened in the period' })
  opened: number | null;

  @Field(() => Int, { nullable: true, description: 'Cases closed as resolved in the period' })
  closedResolved: number | null;

  @Field(() => Int, { nullable: true, description: 'Cases closed as unresolved in the period' })
  closedUnresolved: number | null;

  @Field(() => Int, { nullable: true, description: 'Cases open at the end of the period' })
  live: number | null;

  @Field(() => Int, { nullable: true, description: 'Incidents logged in the period on those cases' })
  incidents: number | null;
}

@ObjectType({ description: 'One month or quarter of a series, beside the same months a year earlier' })
export class SeriesPointFigures {
  @Field({ description: '"2026-03" for a month, "2026 Q1" for a quarter' })
  label: string;

  @Field(() => PeriodFigures)
  current: PeriodFigures;

  @Field(() => PeriodFigures, { description: 'The same months a year earlier' })
  yearEarlier: PeriodFigures;
}

@ObjectType({ description: 'Case figures month by month or quarter by quarter, each beside the year before' })
export class CaseStatisticsSeries {
  @Field(() => FigureInterval)
  interval: FigureInterval;

  @Field(() => FigureScope)
  scope: FigureScope;

  @Field(() => Int, {
    nullable: true,
    description: 'PARTNERSHIP: a null count means fewer than this (5), 0 included; null in the AGENCY scope',
  })
  suppressedBelow: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'PARTNERSHIP: the other counts are rounded to the nearest multiple of this (5); null in the AGENCY scope',
  })
  roundedTo: number | null;

  @Field(() => [SeriesPointFigures], { description: 'Oldest first' })
  points: SeriesPointFigures[];
}
