import { Injectable } from '@nestjs/common';
import { Lent } from '#libs/common';
import type { Session } from './sessions.service.js';

/** Recognised by its prefix before anything is looked up, so a key never reaches the token check, nor a token this. */
export const API_KEY_PREFIX = 'asbp_';

/** What the keys library does for sign-in: a partner system's key is presented exactly where a token is. */
export interface KeyBearer {
  /** The service account a live, unrevoked, unexpired key presents, as a session named by the key's id; else null. */
  sessionFor(key: string): Promise<Session | null>;
  /** Counts one request against the key's rate; throws TooManyRequestsError past API_KEY_REQUESTS_PER_MINUTE. */
  admit(keyId: string): void;
  /** Of these ids, the keys still usable now (their sockets stay open). */
  stillUsable(keyIds: readonly string[]): Promise<string[]>;
}

/**
 * Keys are the api-keys library's table, and that library builds on this one (it records in the administration
 * log, which ends sessions through auth): it lends how a key is checked when the application starts.
 */
@Injectable()
export class KeyBearers extends Lent<KeyBearer> {
  protected readonly missing = 'No api-keys library is loaded to check a partner system’s key';

  sessionFor(key: string): Promise<Session | null> {
    return this.borrowed().sessionFor(key);
  }

  admit(keyId: string): void {
    this.borrowed().admit(keyId);
  }

  stillUsable(keyIds: readonly string[]): Promise<string[]> {
    return this.borrowed().stillUsable(keyIds);
  }
}
