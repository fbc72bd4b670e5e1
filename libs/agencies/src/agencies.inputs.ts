import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import { AgencyKind } from '#libs/common';

@InputType({ description: 'A new partner agency' })
export class CreateAgencyInput {
  @Field({ description: 'Unique, 2–120 characters' })
  @IsString()
  @Length(2, 120)
  name: string;

  @Field(() => AgencyKind)
  @IsEnum(AgencyKind)
  kind: AgencyKind;
}
