import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseCategory } from '#libs/common';

export enum IntakeChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  APP = 'APP',
  PARTNER_SYSTEM = 'PARTNER_SYSTEM',
}
export enum IntakeStatus {
  NEW = 'NEW',
  ACCEPTED = 'ACCEPTED',
  ATTACHED = 'ATTACHED',
  DECLINED = 'DECLINED',
}
export enum IntakeFlag {
  REPEAT_CALLER = 'REPEAT_CALLER',
  REPEAT_VICTIM = 'REPEAT_VICTIM',
  REPEAT_LOCATION = 'REPEAT_LOCATION',
}
registerEnumType(IntakeChannel, { name: 'IntakeChannel', description: 'How a report arrived' });
registerEnumType(IntakeStatus, { name: 'IntakeStatus', description: 'Where a report is in triage' });
registerEnumType(IntakeFlag, {
  name: 'IntakeFlag',
  description:
    'Flags at intake, from the last 12 months of this agency: the same caller, a caller already a victim or complainant, the same place',
});

@ObjectType({ description: 'A report in triage, before (or instead of) becoming a case' })
export class IntakeReport {
  @Field(() => ID)
  id: string;

  @Field()
  receivedAt: Date;

  @Field(() => IntakeChannel)
  channel: IntakeChannel;

  @Field(() => CaseCategory)
  category: CaseCategory;

  @Field()
  summary: string;

  @Field()
  ward: string;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  reporterName: string | null;

  @Field(() => String, { nullable: true })
  reporterPhone: string | null;

  @Field({ description: 'The reporter asked not to be named to anyone outside the agency' })
  anonymous: boolean;

  @Field(() => String, { nullable: true, description: 'Who the report is about, if known' })
  subjectName: string | null;

  @Field(() => IntakeStatus)
  status: IntakeStatus;

  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The case it became, or was attached to' })
  caseId: string | null;
}

export interface IntakeRow {
  id: string;
  agency_id: string;
  received_at: Date;
  channel: IntakeChannel;
  category: CaseCategory;
  summary: string;
  ward: string;
  address: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  anonymous: boolean;
  subject_name: string | null;
  status: IntakeStatus;
  decline_reason: string | null;
  case_id: string | null;
}

export const toIntake = (row: IntakeRow): IntakeReport => ({
  id: row.id,
  receivedAt: row.received_at,
  channel: row.channel,
  category: row.category,
  summary: row.summary,
  ward: row.ward,
  address: row.address,
  reporterName: row.reporter_name,
  reporterPhone: row.reporter_phone,
  anonymous: row.anonymous,
  subjectName: row.subject_name,
  status: row.status,
  declineReason: row.decline_reason,
  caseId: row.case_id,
});
