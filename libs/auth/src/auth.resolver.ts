import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public, type RequestContext } from '#libs/access';
import { OutsideTransaction } from '#libs/db';
import { AuthPayload } from './auth-payload.model.js';
import { SignInService } from './sign-in.service.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly signIn: SignInService) {}

  @Mutation(() => AuthPayload, {
    description:
      'Sign in; a wrong email or password both answer UNAUTHENTICATED. After repeated failures on an email or from an address, an attempt made too soon is refused unheard, also UNAUTHENTICATED, with the seconds to wait in extensions.retryAfterSeconds',
  })
  @Public()
  @OutsideTransaction()
  login(@Context() ctx: RequestContext, @Args('email') email: string, @Args('password') password: string): Promise<AuthPayload> {
    return this.signIn.signIn(ctx, email, password);
  }
}
