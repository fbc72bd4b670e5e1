import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { ActionKind, ActionStatus, IsActionDescription } from '#libs/common';

@InputType({ description: 'A new action on a case' })
export class ActionInput {
  @Field(() => ActionKind)
  @IsEnum(ActionKind)
  kind: ActionKind;

  @Field({ description: '3–2,000 characters' })
  @IsActionDescription()
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

  @Field(() => Date, {
    nullable: true,
    description: 'Registered interventions only; by default from servedAt and the kind',
  })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}
