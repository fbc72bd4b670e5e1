import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AlertKind } from '#libs/alerts';
import { Case } from '#libs/cases';
import { PageInfo } from '#libs/common';

@ObjectType({
  description:
    'An alert in your inbox: an alert the live feed would send your agency now, with what you did with it. `case` is read with your own rules.',
})
export class AlertInboxEntry {
  @Field(() => ID, { description: 'The alert’s id, the same as `CaseAlert.id`' })
  id: string;

  @Field(() => AlertKind)
  kind: AlertKind;

  @Field(() => ID, { nullable: true })
  caseId: string | null;

  @Field(() => ID, { nullable: true, description: 'For meeting alerts (AGENDA_PUBLISHED) and meeting actions' })
  meetingId: string | null;

  @Field(() => ID, { nullable: true, description: 'For action alerts' })
  actionId: string | null;

  @Field()
  occurredAt: Date;

  @Field(() => Case, {
    nullable: true,
    description: 'Null for a meeting’s own alert, and for a meeting action on a case your agency does not hold',
  })
  case: Case | null;

  @Field({ description: 'Whether you have read it (each user has their own)' })
  read: boolean;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  /** Resolved to a User by the resolver. */
  assigneeId: string | null;

  @Field(() => Date, { nullable: true, description: 'When your agency last assigned it' })
  assignedAt: Date | null;
}

@ObjectType('AlertInboxEdge')
export class AlertInboxEdge {
  @Field({ description: 'Opaque cursor of this row' })
  cursor: string;

  @Field(() => AlertInboxEntry)
  node: AlertInboxEntry;
}

@ObjectType({ description: 'Your alert inbox, newest first (Relay-style)' })
export class AlertInboxConnection {
  @Field(() => [AlertInboxEdge])
  edges: AlertInboxEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many alerts match the filter' })
  totalCount: number | Promise<number>;

  @Field(() => Int, { description: 'How many of those you have not read' })
  unreadCount: number | Promise<number>;
}

@ObjectType({ description: 'Your inbox as a badge shows it' })
export class AlertInboxState {
  @Field(() => Int, { description: 'Alerts in your inbox you have not read' })
  unreadCount: number;
}
