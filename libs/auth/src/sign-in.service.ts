import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/access';
import { TooManyAttemptsError, UnauthenticatedError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { decoyHash, USER_COLUMNS, type UserRow, toUser, verifyPassword } from '#libs/users';
import type { AuthPayload } from './auth-payload.model.js';
import { TokensService } from './tokens.service.js';

const WRONG = 'Wrong email or password';

@Injectable()
export class SignInService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokensService,
  ) {}

  /**
   * Unknown email, wrong password and deactivated user all get the same answer after the same work.
   * `login` runs outside a mutation transaction (`@OutsideTransaction`), each statement on a connection it
   * takes and gives back, so a failure is recorded even though the answer is an error, and no sign-in ever
   * holds one pooled connection while it waits for another (sixty at once used to exhaust the pool for good).
   */
  async signIn(ctx: RequestContext, emailInput: string, password: string): Promise<AuthPayload> {
    const email = emailInput.trim().toLowerCase();
    await this.assertNotThrottled(ctx, email);
    const [row]: (UserRow & { password_hash: string })[] = await ctx.db.query(
      `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(email) = $1`,
      [email],
    );
    const valid = await verifyPassword(row?.password_hash ?? (await decoyHash()), password);
    if (!row || !valid || !row.active) {
      await ctx.db.query(`INSERT INTO sign_in_failures (email, address) VALUES ($1, $2)`, [email, ctx.address]);
      throw new UnauthenticatedError(WRONG);
    }
    // A success clears the account's failures (not the address's: one address may be guessing many accounts).
    await ctx.db.query(`DELETE FROM sign_in_failures WHERE email = $1`, [email]);
    const { token, expiresAt } = await this.tokens.issue(row.id, ctx.address);
    return { accessToken: token, expiresAt, user: { ...toUser(row), signedInAsSelf: true } };
  }

  private async assertNotThrottled(ctx: RequestContext, email: string): Promise<void> {
    const address = ctx.address;
    const { perAccount, perAddress, windowSeconds } = this.config.signInThrottle;
    const [counts] = await ctx.db.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS account, count(*) FILTER (WHERE address = $2)::int AS address
         FROM sign_in_failures
        WHERE (email = $1 OR address = $2) AND at > now() - make_interval(secs => $3)`,
      [email, address, windowSeconds],
    );
    if (counts.account >= perAccount || counts.address >= perAddress) throw new TooManyAttemptsError();
  }
}
