import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsString, Length } from 'class-validator';
import { ContactChannel } from '#libs/common';

@InputType({ description: 'A contact with the reporter' })
export class ContactInput {
  @Field()
  @IsDate()
  contactedAt: Date;

  @Field(() => ContactChannel)
  @IsEnum(ContactChannel)
  channel: ContactChannel;

  @Field({ description: '1–2,000 characters' })
  @IsString()
  @Length(1, 2000)
  note: string;
}
