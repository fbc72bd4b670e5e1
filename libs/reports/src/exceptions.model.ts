import { Field, ObjectType } from '@nestjs/graphql';
import { CaseAction } from '#libs/actions';
import { Case } from '#libs/cases';
import { ServiceClock } from '#libs/service-standards';

@ObjectType({ description: 'An open case that needs a manager’s look, and why' })
export class CaseException {
  @Field(() => Case)
  case: Case;

  @Field({ description: 'The last change recorded on the case (views and exports do not count)' })
  lastActivityAt: Date;

  @Field(() => [ServiceClock], { description: 'Its service standards in breach now' })
  breaches: ServiceClock[];
}

@ObjectType({
  description: "Exception lists over your agency's open cases and actions, instead of checking every case",
})
export class Exceptions {
  @Field(() => [CaseException], {
    description: 'Open cases with nothing recorded for the number of days asked, longest first',
  })
  notUpdated: CaseException[];

  @Field(() => [CaseException], { description: 'Open cases with a service standard in breach now' })
  standardsBreached: CaseException[];

  @Field(() => [CaseAction], {
    description: 'Actions your agency owns that are past their due date, most overdue first',
  })
  overdueActions: CaseAction[];

  @Field(() => [Case], { description: 'Cases closed in the last 90 days without a record that the reporter was told' })
  closedWithoutTellingReporter: Case[];
}
