import { Injectable } from '@nestjs/common';
import { type Database, exec, one, rows } from '#libs/db';
import { UsersRepository } from '#libs/users';

/** Every instance's reset mailer listens here; a request notifies when its transaction commits. */
export const RESET_CHANNEL = 'portal_password_resets';

export type TokenPurpose = 'INVITATION' | 'PASSWORD_RESET';

const USERS_U = UsersRepository.tableAs('u');

/** A token that may still be used, with the user it is for. */
export interface UsableToken {
  id: string;
  user_id: string;
  email: string;
  display_name: string;
}

/** The one place that names `account_tokens` and `password_reset_requests`. */
@Injectable()
export class AccountsRepository {
  async insertToken(
    db: Database,
    userId: string,
    purpose: TokenPurpose,
    hash: Buffer,
    validSeconds: number,
  ): Promise<void> {
    await exec(
      db,
      `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [userId, purpose, hash, validSeconds],
    );
  }

  /**
   * The token with this hash and purpose if it is unused, unexpired (the database's clock) and its user active;
   * locked until the transaction ends, so two uses at once are one use and one refusal.
   */
  findUsable(db: Database, hash: Buffer, purpose: TokenPurpose): Promise<UsableToken | undefined> {
    return one<UsableToken>(
      db,
      `SELECT t.id::text AS id, t.user_id, u.email, u.display_name
         FROM account_tokens t JOIN ${USERS_U} ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now() AND u.active
        FOR UPDATE OF t`,
      [hash, purpose],
    );
  }

  /** Every link of the user still open is used up: a password set one way leaves no other way open. */
  async useAllOf(db: Database, userId: string): Promise<void> {
    await exec(db, `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  }

  /**
   * Records a reset request, as typed, whatever the email: suppressed past `perEmail` requests for it within the
   * hour; not recorded at all (undefined) past `perAddress` from the address. The same statements either way.
   */
  async insertResetRequest(
    db: Database,
    email: string,
    address: string,
    perEmail: number,
    perAddress: number,
  ): Promise<string | undefined> {
    const row = await one<{ id: string }>(
      db,
      `WITH recent AS (
         SELECT count(*) FILTER (WHERE email = $1)::int AS by_email, count(*) FILTER (WHERE address = $2)::int AS by_address
           FROM password_reset_requests
          WHERE (email = $1 OR address = $2) AND requested_at > now() - interval '1 hour')
       INSERT INTO password_reset_requests (email, address, suppressed)
       SELECT $1, $2, by_email >= $3 FROM recent WHERE by_address < $4
       RETURNING id::text`,
      [email, address, perEmail, perAddress],
    );
    await exec(db, `SELECT pg_notify('${RESET_CHANNEL}', '')`);
    return row?.id;
  }

  /** Requests not yet turned into mail, locked for this transaction (SKIP LOCKED: another instance takes others). */
  claimResetRequests(db: Database, limit: number): Promise<{ id: string; email: string; suppressed: boolean }[]> {
    return rows(
      db,
      `SELECT id::text AS id, email, suppressed FROM password_reset_requests
        WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markProcessed(db: Database, ids: readonly string[]): Promise<void> {
    await exec(db, `UPDATE password_reset_requests SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Requests older than a day (past every throttle window) and links a week past their expiry. */
  async prune(db: Database): Promise<void> {
    await exec(
      db,
      `DELETE FROM password_reset_requests WHERE processed_at IS NOT NULL AND requested_at < now() - interval '1 day'`,
    );
    await exec(db, `DELETE FROM account_tokens WHERE expires_at < now() - interval '7 days'`);
  }
}
