import { Args, Context, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { OutsideTransaction } from '#libs/db';
import { AuthPayload } from './auth-payload.model.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
  ) {}

  @Mutation(() => AuthPayload, {
    description:
      'Sign in; a wrong email or password both answer UNAUTHENTICATED. An account with a second factor also needs `code`: without it, or with a wrong one, the answer is UNAUTHENTICATED with extensions.mfaRequired true. After repeated failures on an email or from an address, an attempt made too soon is refused unheard, also UNAUTHENTICATED, with the seconds to wait in extensions.retryAfterSeconds',
  })
  @Public()
  @OutsideTransaction()
  login(
    @Context() ctx: RequestContext,
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('code', {
      type: () => String,
      nullable: true,
      description:
        'The 6-digit code from the authenticator app, or one of the recovery codes (each works once); ignored for an account with no second factor',
    })
    code?: string | null,
  ): Promise<AuthPayload> {
    return this.signIn.signIn(ctx, email, password, code);
  }

  @Mutation(() => Boolean, {
    description:
      'End the session of the token presented, at once: the next request with it is UNAUTHENTICATED, and sockets opened with it close (4403)',
  })
  @Allow('signOut', 'Self')
  signOut(@Context() ctx: RequestContext): Promise<boolean> {
    return this.sessions.signOut(ctx);
  }

  @Mutation(() => Int, {
    description:
      'End every session of the signed-in user, on every device, this one included (sockets close with 4403); answers how many ended',
  })
  @Allow('signOut', 'Self')
  signOutEverywhere(@Context() ctx: RequestContext): Promise<number> {
    return this.sessions.signOutEverywhere(ctx);
  }
}
