import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { AlertKind } from '#libs/alerts';

@InputType({ description: 'An endpoint of your agency’s case system, and the alerts it wants' })
export class RegisterWebhookInput {
  @Field({
    description:
      'https:// URL of a public host (every address it resolves to is checked, at registration and before each delivery): at most 2,000 characters',
  })
  @IsString()
  @Length(9, 2000)
  url: string;

  @Field(() => [AlertKind], { description: 'At least one alert kind' })
  @IsEnum(AlertKind, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  kinds: AlertKind[];
}

@InputType({ description: 'A change to an endpoint: what is given is replaced' })
export class UpdateWebhookInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(9, 2000)
  url?: string | null;

  @Field(() => [AlertKind], { nullable: true })
  @IsOptional()
  @IsEnum(AlertKind, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  kinds?: AlertKind[] | null;
}
