import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActionKind, ActionStatus } from '#libs/common';

@ObjectType({ description: 'An action or intervention on a case, owned by one agency' })
export class CaseAction {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ActionKind)
  kind: ActionKind;

  @Field({ description: 'Whether this is a legal remedy (injunction, notice, order) rather than informal action' })
  legal: boolean;

  @Field()
  description: string;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field(() => ActionStatus)
  status: ActionStatus;

  @Field(() => String, { nullable: true, description: 'What came of it' })
  outcome: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Registered interventions: when it was served or signed' })
  servedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Registered interventions: the court hearing' })
  hearingAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Registered interventions: when it lapses (a CPW or ABC 6 months, a CPN or NOSP 12 months after serving, unless given)',
  })
  expiresAt: Date | null;

  ownerAgencyId: string;
  assigneeId: string | null;
  /** The agenda item that agreed it, for an action a meeting gave an agency. */
  agendaItemId: string | null;
  caseOwnerAgencyId?: string;
}

@ObjectType({
  description:
    'Open and in-progress actions your agency owns (or you are given) on any case you may read them on, soonest due first',
})
export class ActionWorklist {
  @Field(() => Int, { description: 'All of them, not only those listed' })
  totalCount: number;

  @Field(() => Int, { description: 'How many of them are past their due date' })
  overdueCount: number;

  @Field(() => [CaseAction], { description: 'Soonest due first, undated last' })
  actions: CaseAction[];
}
