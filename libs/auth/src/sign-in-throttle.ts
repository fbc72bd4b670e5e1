import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/access';
import { TooManyAttemptsError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';

/** Old failures removed at each attempt: enough to keep pace with any rate of attempts, few enough to cost nothing. */
export const PRUNE_BATCH = 100;

/**
 * Seconds to wait after the latest failure, given the failures within the window: none for the first `free`,
 * then 1 s, doubling with each further failure, never more than `maxDelaySeconds`.
 */
export function waitAfterFailures(failures: number, free: number, maxDelaySeconds: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** Math.min(failures - free, 30), maxDelaySeconds);
}

/**
 * Progressive delays rather than a lock (OWASP's advice against lockouts an attacker can cause): past a few
 * failures on one email, or many from one address, each further attempt must wait longer after the latest
 * failure. An attempt inside the wait is refused before any user is looked up or password checked, and is not
 * itself a failure, so hammering neither costs the server a hash nor lengthens the wait. The owner of an account
 * under attack therefore waits minutes at most, never a fixed lock; a force behind one NAT shares a generous
 * address allowance. The email is counted as typed, whether or not an account has it, so the throttle answers
 * an unknown email exactly as a known one.
 */
@Injectable()
export class SignInThrottle {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Refuses the attempt if it is inside a wait; otherwise records it as a failure until it proves otherwise
   * (`succeeded` takes it back). Recording before the password check, not after, means a burst of concurrent
   * guesses is counted as it arrives rather than each slipping past the check while the others are still hashing.
   * The same statement drops a bounded batch of failures older than the window.
   */
  async admit(ctx: RequestContext, email: string): Promise<void> {
    const { perAccount, perAddress, windowSeconds, maxDelaySeconds } = this.config.signInThrottle;
    // Measured by the database's clock, the one that stamped the failures.
    const [recent]: { account: number; account_since: number | null; address: number; address_since: number | null }[] = await ctx.db.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS account,
              extract(epoch FROM now() - max(at) FILTER (WHERE email = $1))::float8 AS account_since,
              count(*) FILTER (WHERE address = $2)::int AS address,
              extract(epoch FROM now() - max(at) FILTER (WHERE address = $2))::float8 AS address_since
         FROM sign_in_failures
        WHERE (email = $1 OR address = $2) AND at > now() - make_interval(secs => $3)`,
      [email, ctx.address, windowSeconds],
    );
    const remaining = Math.max(
      waitAfterFailures(recent.account, perAccount, maxDelaySeconds) - (recent.account_since ?? Infinity),
      waitAfterFailures(recent.address, perAddress, maxDelaySeconds) - (recent.address_since ?? Infinity),
    );
    if (remaining > 0) throw new TooManyAttemptsError(Math.ceil(remaining));
    await ctx.db.query(
      `WITH pruned AS (
         DELETE FROM sign_in_failures WHERE id IN (
           SELECT id FROM sign_in_failures WHERE at < now() - make_interval(secs => $3) ORDER BY at LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED))
       INSERT INTO sign_in_failures (email, address) VALUES ($1, $2)`,
      [email, ctx.address, windowSeconds],
    );
  }

  /** A success clears the account's failures (not the address's: one address may be guessing many accounts). */
  async succeeded(ctx: RequestContext, email: string): Promise<void> {
    await ctx.db.query(`DELETE FROM sign_in_failures WHERE email = $1`, [email]);
  }
}
