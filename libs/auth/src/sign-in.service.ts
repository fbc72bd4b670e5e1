import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { SecondFactorRequiredError, UnauthenticatedError } from '#libs/common';
import { decoyHash, toUser, UsersRepository, verifyPassword } from '#libs/users';
import type { AuthPayload } from './auth-payload.model.js';
import { SecondFactor } from './second-factor.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { TokensService } from './tokens.service.js';

const WRONG = 'Wrong email or password';
const CODE_NEEDED = 'Enter the code from your authenticator app, or a recovery code';
const WRONG_CODE = 'That code is wrong, was used already or has expired: enter the current code, or a recovery code';

@Injectable()
export class SignInService {
  constructor(
    private readonly throttle: SignInThrottle,
    private readonly tokens: TokensService,
    private readonly users: UsersRepository,
    private readonly secondFactor: SecondFactor,
  ) {}

  /**
   * Unknown email, wrong password and deactivated user all get the same answer after the same work.
   * `login` runs outside a mutation transaction (`@OutsideTransaction`), each statement on a connection it
   * takes and gives back, so a failure stays recorded even though the answer is an error, and no sign-in ever
   * holds one pooled connection while it waits for another (sixty at once used to exhaust the pool for good).
   */
  /**
   * The second factor is asked only after a right password, so a wrong password with any code answers exactly
   * as before. A right password without a code, or with a wrong one, is a failure like a wrong password (the
   * throttle counts it, and forgives nothing): only `extensions.mfaRequired` tells it apart, which is
   * unavoidable, since the client must know to ask for the code.
   */
  async signIn(ctx: RequestContext, emailInput: string, password: string, code?: string | null): Promise<AuthPayload> {
    const email = emailInput.trim().toLowerCase();
    const attempt = await this.throttle.admit(ctx, email);
    const row = await this.users.findForSignIn(ctx.db, email);
    const valid = await verifyPassword(row?.password_hash ?? (await decoyHash()), password);
    if (!row || !valid || !row.active) {
      await this.throttle.failed(ctx, attempt);
      throw new UnauthenticatedError(WRONG);
    }
    const factor = await this.secondFactor.check(ctx.db, row.id, code?.trim() || null);
    if (factor === 'MISSING' || factor === 'WRONG') {
      await this.throttle.failed(ctx, attempt);
      throw new SecondFactorRequiredError(factor === 'MISSING' ? CODE_NEEDED : WRONG_CODE);
    }
    await this.throttle.succeeded(ctx, email);
    const { token, expiresAt } = await this.tokens.issue(row.id, ctx.address);
    return { accessToken: token, expiresAt, user: { ...toUser(row), signedInAsSelf: true } };
  }
}
