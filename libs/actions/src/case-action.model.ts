import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
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

  @Field(() => Date, { nullable: true, description: 'Registered interventions: when it lapses (a CPW or ABC 6 months, a CPN or NOSP 12 months after serving, unless given)' })
  expiresAt: Date | null;

  ownerAgencyId: string;
  assigneeId: string | null;
  caseOwnerAgencyId?: string;
}

@InputType({ description: 'A new action on a case' })
export class ActionInput {
  @Field(() => ActionKind)
  @IsEnum(ActionKind)
  kind: ActionKind;

  @Field({ description: '3–2,000 characters' })
  @IsString()
  @Length(3, 2000)
  description: string;

  @Field(() => ID, { description: 'The agency that will carry it out: the owner or an agency the case is shared with' })
  @IsString()
  ownerAgencyId: string;

  @Field(() => ID, { nullable: true, description: 'A user of the owning agency' })
  @IsOptional()
  @IsString()
  assigneeId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
}

@InputType({ description: 'Progress on an action' })
export class UpdateActionInput {
  @Field(() => ActionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ActionStatus)
  status?: ActionStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  outcome?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Registered interventions only' })
  @IsOptional()
  @IsDate()
  servedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Registered interventions only' })
  @IsOptional()
  @IsDate()
  hearingAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Registered interventions only; by default from servedAt and the kind' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}

export interface CaseActionRow {
  id: string;
  case_id: string;
  kind: ActionKind;
  legal: boolean;
  description: string;
  owner_agency_id: string;
  assignee_id: string | null;
  due_at: Date | null;
  status: ActionStatus;
  outcome: string | null;
  created_at: Date;
  completed_at: Date | null;
  served_at: Date | null;
  hearing_at: Date | null;
  expires_at: Date | null;
  case_owner_agency_id?: string;
}

export const ACTION_COLUMNS =
  'a.id, a.case_id, a.kind, a.legal, a.description, a.owner_agency_id, a.assignee_id, a.due_at, a.status, a.outcome, a.created_at, a.completed_at, a.served_at, a.hearing_at, a.expires_at';

export const toAction = (row: CaseActionRow): CaseAction => ({
  id: row.id,
  caseId: row.case_id,
  kind: row.kind,
  legal: row.legal,
  description: row.description,
  dueAt: row.due_at,
  status: row.status,
  outcome: row.outcome,
  createdAt: row.created_at,
  completedAt: row.completed_at,
  servedAt: row.served_at,
  hearingAt: row.hearing_at,
  expiresAt: row.expires_at,
  ownerAgencyId: row.owner_agency_id,
  assigneeId: row.assignee_id,
  caseOwnerAgencyId: row.case_owner_agency_id,
});
