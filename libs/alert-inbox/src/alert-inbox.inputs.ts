import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { AlertKind } from '#libs/alerts';
import { RiskLevel } from '#libs/common';

@InputType({ description: 'Narrows the alert inbox; every condition given must hold' })
export class AlertInboxFilter {
  @Field(() => [AlertKind], { nullable: true, description: 'Only these kinds' })
  @IsOptional()
  @IsEnum(AlertKind, { each: true })
  @ArrayMaxSize(20)
  kinds?: AlertKind[] | null;

  @Field(() => RiskLevel, {
    nullable: true,
    description: 'Only alerts about cases you hold at this risk or above (a meeting’s own alerts always pass)',
  })
  @IsOptional()
  @IsEnum(RiskLevel)
  minRisk?: RiskLevel | null;

  @Field(() => ID, { nullable: true, description: 'Only alerts about this case' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  caseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only alerts about the case with this reference, as written' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  caseReference?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only alerts you have not read' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only alerts your agency assigned to you' })
  @IsOptional()
  @IsBoolean()
  assignedToMe?: boolean | null;
}
