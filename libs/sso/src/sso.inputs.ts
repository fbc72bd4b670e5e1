import { Field, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  NotEquals,
} from 'class-validator';
import { Role } from '#libs/common';

@InputType({ description: 'An agency’s OpenID Connect provider' })
export class ConfigureIdentityProviderInput {
  @Field({ description: 'The issuer URL (https), e.g. https://login.microsoftonline.com/<tenant>/v2.0' })
  @IsString()
  @Length(8, 500)
  issuer: string;

  @Field({ description: 'The client id the provider gave the portal' })
  @IsString()
  @Length(1, 300)
  clientId: string;

  @Field({ description: 'The client secret; kept encrypted, never shown again' })
  @IsString()
  @Length(1, 1000)
  clientSecret: string;

  @Field(() => [String], { description: 'The email domains the provider vouches for, e.g. ["police.example.uk"]' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(3, 253, { each: true })
  emailDomains: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'The claim naming portal roles (e.g. "roles", or "realm_access.roles"), for accounts made at first sign-in',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[\w:/.-]+$/, { message: 'A claim name: letters, digits, and _ : / . -' })
  rolesClaim?: string | null;

  @Field({ description: 'Make an account at first sign-in for someone of these domains who has none' })
  @IsBoolean()
  createUsersOnFirstSignIn: boolean;

  @Field(() => Role, { description: 'The role of an account made at first sign-in (not ADMIN nor AGENCY_ADMIN)' })
  @IsEnum(Role)
  @NotEquals(Role.ADMIN, { message: 'ADMIN is never given by signing in' })
  @NotEquals(Role.AGENCY_ADMIN, { message: 'AGENCY_ADMIN is never given by signing in' })
  defaultRole: Role;
}
