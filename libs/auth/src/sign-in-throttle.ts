import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '#libs/context';
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
 * Seconds still to wait, given the failures counted and the seconds since the latest of them. `since` may be
 * below zero: it is measured from the counting transaction's start (`now()`), and a failure another connection
 * committed after that start is stamped later. Such a failure is "just now", never a wait of its own: under load
 * the sixtieth of sixty concurrent wrong passwords was refused for a second although none of them owed a wait.
 */
export function secondsStillToWait(failures: number, since: number | null, free: number, maxDelaySeconds: number): number {
  const wait = waitAfterFailures(failures, free, maxDelaySeconds);
  if (wait === 0 || since === null) return 0;
  return Math.max(0, wait - Math.max(0, since));
}

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
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Refuses the attempt if it is inside a wait; otherwise records it, pending, and returns its id: `failed`
   * settles it as a failure, `succeeded` takes it back. The account counts pending attempts, so a burst of
   * concurrent guesses on one email is counted as it arrives rather than each slipping past the check while the
   * others are still hashing. The address counts only settled failures: a whole force signing in at once from one
   * NAT is many pending attempts on many emails, none of them a failure. The same statement drops a bounded batch
   * of failures older than the window.
   */
  async admit(ctx: RequestContext, email: string): Promise<string> {
    const { perAccount, perAddress, windowSeconds, maxDelaySeconds } = this.config.signInThrottle;
    // Measured by the database's clock, the one that stamped the failures.
    const [recent]: { account: number; account_since: number | null; address: number; address_since: number | null }[] = await ctx.db.query(
      `WITH own AS (
         SELECT EXISTS (SELECT 1 FROM sign_in_known_addresses
                         WHERE email = $1 AND address = $2 AND at > now() - make_interval(days => $4)) AS known),
       counted AS (
         SELECT f.at, f.email = $1 AND (NOT own.known OR f.address = $2) AS on_account,
                f.address = $2 AND (NOT f.pending OR f.at < now() - make_interval(secs => $5)) AS on_address
           FROM sign_in_failures f, own
          WHERE (f.email = $1 OR f.address = $2) AND f.at > now() - make_interval(secs => $3))
       SELECT count(*) FILTER (WHERE on_account)::int AS account,
              extract(epoch FROM now() - max(at) FILTER (WHERE on_account))::float8 AS account_since,
              count(*) FILTER (WHERE on_address)::int AS address,
              extract(epoch FROM now() - max(at) FILTER (WHERE on_address))::float8 AS address_since
         FROM counted`,
      [email, ctx.address, windowSeconds, KNOWN_ADDRESS_DAYS, PENDING_SECONDS],
    );
    const remaining = Math.max(
      secondsStillToWait(recent.account, recent.account_since, perAccount, maxDelaySeconds),
      secondsStillToWait(recent.address, recent.address_since, perAddress, maxDelaySeconds),
    );
    if (remaining > 0) throw new TooManyAttemptsError(Math.ceil(remaining));
    const [attempt]: { id: string }[] = await ctx.db.query(
      `WITH pruned AS (
         DELETE FROM sign_in_failures WHERE id IN (
           SELECT id FROM sign_in_failures WHERE at < now() - make_interval(secs => $3) ORDER BY at LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED))
       INSERT INTO sign_in_failures (email, address, pending) VALUES ($1, $2, true) RETURNING id::text`,
      [email, ctx.address, windowSeconds],
    );
    return attempt.id;
  }

  /** The admitted attempt was wrong: it now counts against the address too. */
  async failed(ctx: RequestContext, attemptId: string): Promise<void> {
    await ctx.db.query(`UPDATE sign_in_failures SET pending = false WHERE id = $1::bigint`, [attemptId]);
  }

  /**
   * A success takes back the failures on this account from this address (the owner's own typos, and this
   * attempt), not those from elsewhere, which may be someone else's guessing; and makes the address the account's
   * own. Known addresses not signed in from for KNOWN_ADDRESS_DAYS are dropped a bounded batch at a time.
   */
  async succeeded(ctx: RequestContext, email: string): Promise<void> {
    await ctx.db.query(
      `WITH forgiven AS (DELETE FROM sign_in_failures WHERE email = $1 AND address = $2),
       forgotten AS (
         DELETE FROM sign_in_known_addresses WHERE (email, address) IN (
           SELECT email, address FROM sign_in_known_addresses WHERE at < now() - make_interval(days => $3)
            ORDER BY at LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED))
       INSERT INTO sign_in_known_addresses (email, address) VALUES ($1, $2)
       ON CONFLICT (email, address) DO UPDATE SET at = now()`,
      [email, ctx.address, KNOWN_ADDRESS_DAYS],
    );
  }
}
