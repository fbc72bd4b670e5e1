import { InputType, OmitType } from '@nestjs/graphql';
import { CreateUserInput } from '#libs/users';

/** createUser's input without the password: the invited user chooses their own from the invitation's link. */
@InputType({ description: 'A new user of a partner agency, who will set their own password from an invitation' })
export class InviteUserInput extends OmitType(CreateUserInput, ['password'] as const, InputType) {}
