import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { OutsideTransaction } from '#libs/db';
import { AccountsService } from './accounts.service.js';

@Resolver()
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Mutation(() => Boolean, {
    description:
      'Set your password from the link in your invitation (single use, 72 hours); then sign in. A used, expired or unknown link is BAD_USER_INPUT on `token`; a weak password on `password`',
  })
  @Public()
  acceptInvitation(
    @Context() ctx: RequestContext,
    @Args('token', { description: 'The token from the link (after #token=)' }) token: string,
    @Args('password', { description: 'At least 12 characters; not a common password, your email, or a pattern' })
    password: string,
  ): Promise<boolean> {
    return this.accounts.acceptInvitation(ctx, token, password);
  }

  @Mutation(() => Boolean, {
    description:
      'Ask for a password reset link by email. Always true, whether or not an account has this email (only an account that has it is sent a link); many requests from one place are TOO_MANY_REQUESTS',
  })
  @Public()
  requestPasswordReset(@Context() ctx: RequestContext, @Args('email') email: string): Promise<boolean> {
    return this.accounts.requestPasswordReset(ctx, email);
  }

  @Mutation(() => Boolean, {
    description:
      'Set a new password from the link of a reset (single use, 60 minutes); every session of the account ends. Errors as acceptInvitation',
  })
  @Public()
  resetPassword(
    @Context() ctx: RequestContext,
    @Args('token', { description: 'The token from the link (after #token=)' }) token: string,
    @Args('password', { description: 'At least 12 characters; not a common password, your email, or a pattern' })
    password: string,
  ): Promise<boolean> {
    return this.accounts.resetPassword(ctx, token, password);
  }

  @Mutation(() => Boolean, {
    description:
      'Change your own password, given the current one; your other sessions end, this one stays. A wrong current password is BAD_USER_INPUT on `currentPassword` (and counts as a failed sign-in: after several, TOO_MANY_REQUESTS, saying how long to wait), a weak new one on `newPassword`',
  })
  @Allow('update', 'Self')
  @OutsideTransaction()
  changePassword(
    @Context() ctx: RequestContext,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<boolean> {
    return this.accounts.changePassword(ctx, currentPassword, newPassword);
  }
}
