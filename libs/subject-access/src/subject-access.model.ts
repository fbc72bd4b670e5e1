import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SubjectAccessStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
}
registerEnumType(SubjectAccessStatus, { name: 'SubjectAccessStatus' });

@ObjectType({
  description:
    'A subject access request: one person, everything your agency holds about them across the cases it owns, due within one month of receipt (extendable by up to two)',
})
export class SubjectAccessRequest {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field(() => SubjectAccessStatus)
  status: SubjectAccessStatus;

  @Field({ description: 'The day received (YYYY-MM-DD)' })
  receivedAt: string;

  @Field({
    description:
      'The day the answer is due (YYYY-MM-DD): the same day of the next month, or its last day when it has none; later by any extension',
  })
  dueAt: string;

  @Field(() => Int, { description: 'Days from today (London) to dueAt: 0 on the day, negative once late' })
  daysRemaining: number;

  @Field({ description: 'Open and past its due day' })
  overdue: boolean;

  @Field(() => Int, { description: 'Months added to the statutory one (0 to 2)' })
  extensionMonths: number;

  @Field(() => String, { nullable: true })
  extensionReason: string | null;

  @Field(() => String, { nullable: true })
  requester: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => ID, { description: 'The case of the party the request was made from' })
  caseId: string;

  @Field(() => String, { nullable: true, description: 'That case’s reference' })
  caseReference: string | null;

  @Field(() => ID)
  partyId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s name as that party records it (null when it has none or was removed by retention)',
  })
  subjectName: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the record was last exported for this request' })
  exportedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who last exported it' })
  exportedBy: string | null;

  @Field({ description: 'GET this path with your bearer token for the PDF (recorded on each case’s trail)' })
  pdfPath: string;

  @Field({ description: 'GET this path with your bearer token for the JSON (docs/subject-access.md)' })
  jsonPath: string;
}
