import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsString, Length } from 'class-validator';
import { ApiKeyAccess } from './api-key.model.js';

@InputType({ description: 'A new key for your agency’s case system' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for (the system that will hold it): 2–100 characters' })
  @IsString()
  @Length(2, 100)
  name: string;

  @Field(() => ApiKeyAccess)
  @IsEnum(ApiKeyAccess)
  access: ApiKeyAccess;

  @Field({ description: 'When the key stops working: in the future, and at most a year away' })
  @IsDate()
  expiresAt: Date;
}
