import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { AlertKind } from '#libs/alerts';
import { NotificationDelivery } from './notifications.rules.js';

@InputType({ description: 'How to email one kind of alert' })
export class NotificationKindPreferenceInput {
  @Field(() => AlertKind)
  @IsEnum(AlertKind)
  kind: AlertKind;

  @Field(() => NotificationDelivery)
  @IsEnum(NotificationDelivery)
  delivery: NotificationDelivery;
}

@InputType({
  description: 'Changes to your email notifications: kinds not named, and a time not given, stay as they are',
})
export class NotificationPreferencesInput {
  @Field(() => [NotificationKindPreferenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NotificationKindPreferenceInput)
  kinds?: NotificationKindPreferenceInput[] | null;

  @Field(() => Int, { nullable: true, description: '0–23, Europe/London time; give digestMinute with it' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number | null;

  @Field(() => Int, { nullable: true, description: '0–59' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(59)
  digestMinute?: number | null;
}
