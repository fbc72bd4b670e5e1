import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
import { TooManyAttemptsError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { AuthRepository, type ThrottleWindow } from './auth.repository.js';
import { secondsStillToWait } from './auth.rules.js';

/** Old failures removed at each attempt: enough to keep pace with any rate of attempts, few enough to cost nothing. */
export const PRUNE_BATCH = 100;

/**
 * How long an admitted attempt may stay unsettled before the address's count takes it for a failure (a request that
 * died between admission and the password check). Far longer than any password check, even queued.
 */
export const PENDING_SECONDS = 60;

/** How long an address an account signed in from stays "its own" (below), without a sign-in from there since. */
export const KNOWN_ADDRESS_DAYS = 30;

/**
 * Progressive delays rather than a lock (OWASP's advice against lockouts an attacker can cause): past a few
 * failures on one email, or many from one address, each further attempt must wait longer after the latest
 * failure. An attempt inside the wait is refused before any user is looked up or password checked, and is not
 * itself a failure, so hammering neither costs the server a hash nor lengthens the wait. The email is counted as
 * typed, whether or not an account has it, so the throttle answers an unknown email exactly as a known one.
 *
 * From an address the account has signed in from in the last KNOWN_ADDRESS_DAYS, the account's wait counts only
 * the failures made from there: an attacker elsewhere, however persistent, cannot keep an officer at the office
 * out, while a guesser at that same address is slowed as anywhere else. Only a right password makes an address
 * known, so this tells an attacker nothing about which emails have accounts.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: AuthRepository,
  ) {}

  private get window(): ThrottleWindow {
    return {
      windowSeconds: this.config.signInThrottle.windowSeconds,
      knownAddressDays: KNOWN_ADDRESS_DAYS,
      pendingSeconds: PENDING_SECONDS,
      pruneBatch: PRUNE_BATCH,
    };
  }

  /**
   * Refuses the attempt if it is inside a wait; otherwise records it, pending, and returns its id: `failed`
   * settles it as a failure, `succeeded` takes it back. The account counts pending attempts, so a burst of
   * concurrent guesses on one email is counted as it arrives rather than each slipping past the check while the
   * others are still hashing. The address counts only settled failures: a whole force signing in at once from one
   * NAT is many pending attempts on many emails, none of them a failure. The same statement drops a bounded batch
   * of failures older than the window.
   */
  async admit(ctx: RequestContext, email: string): Promise<string> {
    const { perAccount, perAddress, maxDelaySeconds } = this.config.signInThrottle;
    // Measured by the database's clock, the one that stamped the failures.
    const recent = await this.repository.recentFailures(ctx.db, email, ctx.address, this.window);
    const remaining = Math.max(
      secondsStillToWait(recent.account, recent.account_since, perAccount, maxDelaySeconds),
      secondsStillToWait(recent.address, recent.address_since, perAddress, maxDelaySeconds),
    );
    if (remaining > 0) throw new TooManyAttemptsError(Math.ceil(remaining));
    return this.repository.insertPendingAttempt(ctx.db, email, ctx.address, this.window);
  }

  /** The admitted attempt was wrong: it now counts against the address too. */
  async failed(ctx: RequestContext, attemptId: string): Promise<void> {
    await this.repository.settleAsFailure(ctx.db, attemptId);
  }

  /**
   * A success takes back the failures on this account from this address (the owner's own typos, and this
   * attempt), not those from elsewhere, which may be someone else's guessing; and makes the address the account's
   * own. Known addresses not signed in from for KNOWN_ADDRESS_DAYS are dropped a bounded batch at a time.
   */
  async succeeded(ctx: RequestContext, email: string): Promise<void> {
    await this.repository.forgiveAndKnowAddress(ctx.db, email, ctx.address, this.window);
  }
}
