import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { UnauthenticatedError } from '#libs/common';
import { decoyHash, toUser, UsersRepository, verifyPassword } from '#libs/users';
import type { AuthPayload } from './auth-payload.model.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { TokensService } from './tokens.service.js';

const WRONG = 'Wrong email or password';

@Injectable()
export class SignInService {
  constructor(
    private readonly throttle: SignInThrottle,
    private readonly tokens: TokensService,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Unknown email, wrong password and deactivated user all get the same answer after the same work.
   * `login` runs outside a mutation transaction (`@OutsideTransaction`), each statement on a connection it
   * takes and gives back, so a failure stays recorded even though the answer is an error, and no sign-in ever
   * holds one pooled connection while it waits for another (sixty at once used to exhaust the pool for good).
   */
  async signIn(ctx: RequestContext, emailInput: string, password: string): Promise<AuthPayload> {
    const email = emailInput.trim().toLowerCase();
    const attempt = await this.throttle.admit(ctx, email);
    const row = await this.users.findForSignIn(ctx.db, email);
    const valid = await verifyPassword(row?.password_hash ?? (await decoyHash()), password);
    if (!row || !valid || !row.active) {
      await this.throttle.failed(ctx, attempt);
      throw new UnauthenticatedError(WRONG);
    }
    await this.throttle.succeeded(ctx, email);
    const { token, expiresAt } = await this.tokens.issue(row.id, ctx.address);
    return { accessToken: token, expiresAt, user: { ...toUser(row), signedInAsSelf: true } };
  }
}
