import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEmail, IsEnum, IsString, Length, MaxLength } from 'class-validator';
import { Role } from '#libs/common';

@InputType({ description: 'A new user of a partner agency' })
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(2, 120)
  displayName: string;

  @Field(() => ID)
  @IsString()
  agencyId: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field({ description: 'At least 12 characters' })
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters' })
  password: string;
}
