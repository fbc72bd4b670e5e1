import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '#libs/users';

@ObjectType({ description: 'A signed-in session' })
export class AuthPayload {
  @Field({
    description: 'Send as `Authorization: Bearer <accessToken>`, or as connectionParams.authorization on WebSocket',
  })
  accessToken: string;

  @Field({ description: 'When the token stops working; sign in again before then' })
  expiresAt: Date;

  @Field(() => User)
  user: User;
}
