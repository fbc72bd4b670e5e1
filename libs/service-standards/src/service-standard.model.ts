import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClockState } from '#libs/common';

/** The published promises to a reporter (003 service standards), each measured on every case. */
export enum ServiceStandard {
  CONTACT_REPORTER = 'CONTACT_REPORTER',
  ACTION_PLAN_AGREED = 'ACTION_PLAN_AGREED',
  REPORTER_UPDATED = 'REPORTER_UPDATED',
  RISK_REVIEWED = 'RISK_REVIEWED',
}

registerEnumType(ServiceStandard, {
  name: 'ServiceStandard',
  description: 'A service standard the owner agency keeps on every case',
  valuesMap: {
    CONTACT_REPORTER: {
      description: 'Contact the reporter within the agency’s working days of the report (1 by default)',
    },
    ACTION_PLAN_AGREED: {
      description: 'Agree an action plan with the reporter within the agency’s working days (10 by default)',
    },
    REPORTER_UPDATED: { description: 'Update the reporter at the frequency agreed in the action plan' },
    RISK_REVIEWED: { description: 'Review the risk assessment (DASH or the ASB matrix) by its review date' },
  },
});

@ObjectType({
  description:
    'One service standard on one case: when it is due, when it was last done, and whether it is met, due or breached',
})
export class ServiceClock {
  @Field(() => ServiceStandard)
  standard: ServiceStandard;

  @Field(() => ClockState, { description: 'For the repeating standards (updates, risk reviews), the current period' })
  state: ClockState;

  @Field()
  dueAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was last done: the first contact, the first plan, the latest update, the latest assessment',
  })
  doneAt: Date | null;
}

@ObjectType({
  description: "An agency's service standards, in England and Wales working days, and the homes it manages",
})
export class ServiceStandards {
  @Field(() => Int)
  contactWorkingDays: number;

  @Field(() => Int)
  actionPlanWorkingDays: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Homes the agency manages, for cases per 1,000 homes (the Tenant Satisfaction Measure NM01); null when not set',
  })
  homes: number | null;
}

export const DEFAULT_STANDARDS: ServiceStandards = { contactWorkingDays: 1, actionPlanWorkingDays: 10, homes: null };
