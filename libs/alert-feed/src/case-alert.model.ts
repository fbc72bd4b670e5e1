import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AlertKind } from '#libs/alerts';
import { Case } from '#libs/cases';

@ObjectType({
  description: 'Something changed on a case you hold. `case` is read with your own rules at the moment of delivery.',
})
export class CaseAlert {
  @Field({ description: 'Increasing cursor: pass the last one you saw as `since` to replay what you missed' })
  id: string;

  @Field(() => AlertKind)
  kind: AlertKind;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => ID, { nullable: true, description: 'For meeting alerts (AGENDA_PUBLISHED)' })
  meetingId: string | null;

  @Field(() => ID, { nullable: true, description: 'For action alerts' })
  actionId: string | null;

  @Field()
  occurredAt: Date;

  @Field(() => Case, { nullable: true })
  case: Case | null;
}
