import { Injectable } from '@nestjs/common';
import { Lent } from '#libs/common';
import type { Database } from '#libs/db';

/**
 * What a second factor says of a sign-in whose password was right: the account has none (`NONE`), the code
 * passed (and is spent), no code was given (`MISSING`), or the code was wrong, used already or out of its window.
 */
export type SecondFactorVerdict = 'NONE' | 'PASSED' | 'MISSING' | 'WRONG';

/**
 * How sign-in asks about a second factor. The mfa library keeps the enrolments and builds on this one (it counts
 * its own failed codes with the sign-in throttle), so it lends its check when the application starts.
 */
@Injectable()
export class SecondFactor extends Lent<
  (db: Database, userId: string, code: string | null) => Promise<SecondFactorVerdict>
> {
  protected readonly missing = 'No mfa library is loaded to check second factors at sign-in';

  check(db: Database, userId: string, code: string | null): Promise<SecondFactorVerdict> {
    return this.borrowed()(db, userId, code);
  }
}
