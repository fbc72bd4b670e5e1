import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsEnum, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { ContactChannel } from '#libs/common';

@InputType({ description: 'An action plan agreed with the reporter' })
export class ActionPlanInput {
  @Field()
  @IsDate()
  agreedAt: Date;

  @Field({ description: '1–200 characters' })
  @IsString()
  @Length(1, 200)
  agreedWith: string;

  @Field(() => [String], { description: '1–20 items of 3–500 characters' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  ourCommitments: string[];

  @Field(() => [String], { defaultValue: [], description: 'Up to 20 items of 3–500 characters' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  reporterCommitments: string[];

  @Field(() => Int, { description: '1–91 days' })
  @IsInt()
  @Min(1)
  @Max(91)
  updateEveryDays: number;

  @Field(() => ContactChannel)
  @IsEnum(ContactChannel)
  updateChannel: ContactChannel;
}
