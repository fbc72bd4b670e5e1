import { Injectable } from '@nestjs/common';
import type { AgencyKind, Role } from '#libs/common';
import { AgenciesRepository } from '#libs/agencies';
import { type Database, exec, one, rows } from '#libs/db';
import { UsersRepository } from '#libs/users';

// The session lookup reads the user and their agency in the same statement (it runs on every request).
const USERS_U = UsersRepository.tableAs('u');
const AGENCIES_A = AgenciesRepository.tableAs('a');

/** The signed-in user as every request reads it, with their agency's kind. */
export interface SessionUserRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  agency_id: string;
  agency_kind: AgencyKind;
}

/** The signed-in user as every request reads it: `u` is users, `a` the user's agency. */
const SESSION_USER_COLUMNS = 'u.id, u.email, u.display_name, u.roles, u.agency_id, a.kind AS agency_kind';

/**
 * Every instance's open WebSockets listen on this channel (alert-hub.service.ts): `session:<id>` closes one
 * session's sockets, `user:<id>` every socket of a user, when the ending transaction commits.
 */
export const SESSIONS_CHANNEL = 'portal_sessions';

/** Failures counted against an email and an address, and the seconds since the latest of each (database clock). */
export interface RecentFailures {
  account: number;
  account_since: number | null;
  address: number;
  address_since: number | null;
}

/** The rows the sign-in throttle counts and prunes in one statement, so an attempt costs the same however many. */
export interface ThrottleWindow {
  windowSeconds: number;
  knownAddressDays: number;
  pendingSeconds: number;
  pruneBatch: number;
}

/** How a session began: the portal's own password, or the agency's identity provider. */
export type SignInMethod = 'PASSWORD' | 'SINGLE_SIGN_ON';

/**
 * The one place that names auth's tables (sessions, sign_in_failures, sign_in_known_addresses, app_settings).
 * The session lookup reads the user and their agency in the same statement: it runs on every request, and one
 * statement is what the request counts and the benchmark compare.
 */
@Injectable()
export class AuthRepository {
  /** The open session with its active user, and whether it has gone idle or is due a "last seen" write. */
  findOpenSession(
    db: Database,
    sessionId: string,
    userId: string,
    idleMinutes: number,
  ): Promise<(SessionUserRow & { idle: boolean; stale: boolean }) | undefined> {
    return one(
      db,
      `SELECT ${SESSION_USER_COLUMNS},
              s.last_seen_at <= now() - make_interval(mins => $3) AS idle,
              s.last_seen_at < now() - interval '1 minute' AS stale
         FROM sessions s JOIN ${USERS_U} ON u.id = s.user_id JOIN ${AGENCIES_A} ON a.id = u.agency_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND u.active`,
      [sessionId, userId, idleMinutes],
    );
  }

  async endIdleSession(db: Database, sessionId: string): Promise<void> {
    await exec(db, `UPDATE sessions SET ended_at = now(), ended_reason = 'IDLE' WHERE id = $1 AND ended_at IS NULL`, [
      sessionId,
    ]);
  }

  /** At most once a minute each, and never one already ended or idle. */
  async touchSessions(db: Database, sessionIds: readonly string[], idleMinutes: number): Promise<void> {
    await exec(
      db,
      `UPDATE sessions SET last_seen_at = now()
        WHERE id = ANY($1::uuid[]) AND ended_at IS NULL AND last_seen_at < now() - interval '1 minute'
          AND last_seen_at > now() - make_interval(mins => $2)`,
      [sessionIds, idleMinutes],
    );
  }

  async openSessionIds(db: Database, sessionIds: readonly string[], idleMinutes: number): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT s.id FROM sessions s JOIN ${USERS_U} ON u.id = s.user_id
        WHERE s.id = ANY($1::uuid[]) AND s.ended_at IS NULL AND u.active AND s.last_seen_at > now() - make_interval(mins => $2)`,
      [sessionIds, idleMinutes],
    );
    return found.map((row) => row.id);
  }

  async insertSession(
    db: Database,
    sessionId: string,
    userId: string,
    expiresAt: Date,
    address: string,
    signedInWith: SignInMethod,
  ): Promise<void> {
    await exec(
      db,
      `INSERT INTO sessions (id, user_id, expires_at, address, signed_in_with) VALUES ($1, $2, $3, $4, $5)`,
      [sessionId, userId, expiresAt, address, signedInWith],
    );
  }

  /** How the session began; undefined for no such session. */
  async signInMethodOf(db: Database, sessionId: string): Promise<SignInMethod | undefined> {
    const row = await one<{ signed_in_with: SignInMethod }>(db, `SELECT signed_in_with FROM sessions WHERE id = $1`, [
      sessionId,
    ]);
    return row?.signed_in_with;
  }

  /** Whether it was open; its sockets close on every instance when `db`'s transaction commits. */
  async endSession(db: Database, sessionId: string, reason: string): Promise<boolean> {
    const ended = await rows(
      db,
      `UPDATE sessions SET ended_at = now(), ended_reason = $2 WHERE id = $1 AND ended_at IS NULL RETURNING id`,
      [sessionId, reason],
    );
    await exec(db, `SELECT pg_notify('${SESSIONS_CHANNEL}', $1)`, [`session:${sessionId}`]);
    return ended.length > 0;
  }

  /** How many of the user's sessions ended that could still have been used; every socket of theirs closes on commit. */
  async endUserSessions(db: Database, userId: string, reason: string, idleMinutes: number): Promise<number> {
    const ended = await exec(
      db,
      `UPDATE sessions SET ended_at = now(), ended_reason = $2
        WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $3)`,
      [userId, reason, idleMinutes],
    );
    await exec(db, `SELECT pg_notify('${SESSIONS_CHANNEL}', $1)`, [`user:${userId}`]);
    return ended;
  }

  /**
   * Ends every open session of a user but `keptSessionId` (a password changed from that one), closing the sockets of
   * each one ended on commit, and not those of the session kept.
   */
  async endOtherSessions(
    db: Database,
    userId: string,
    keptSessionId: string,
    reason: string,
    idleMinutes: number,
  ): Promise<number> {
    const ended = await rows<{ id: string }>(
      db,
      `UPDATE sessions SET ended_at = now(), ended_reason = $2
        WHERE user_id = $1 AND id <> $3 AND ended_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $4)
        RETURNING id`,
      [userId, reason, keptSessionId, idleMinutes],
    );
    if (ended.length > 0)
      await exec(db, `SELECT pg_notify('${SESSIONS_CHANNEL}', 'session:' || id) FROM unnest($1::uuid[]) id`, [
        ended.map((row) => row.id),
      ]);
    return ended.length;
  }

  async deleteSessionsExpiredBefore(db: Database, keptSeconds: number): Promise<void> {
    await exec(db, `DELETE FROM sessions WHERE expires_at < now() - make_interval(secs => $1)`, [keptSeconds]);
  }

  findActiveUser(db: Database, userId: string): Promise<SessionUserRow | undefined> {
    return one<SessionUserRow>(
      db,
      `SELECT ${SESSION_USER_COLUMNS}
         FROM ${USERS_U} JOIN ${AGENCIES_A} ON a.id = u.agency_id
        WHERE u.id = $1 AND u.active`,
      [userId],
    );
  }

  /** The key generated on first start, kept for every instance on this database; generated here if none is. */
  async generatedTokenSecret(db: Database, generated: string): Promise<string> {
    await exec(db, `INSERT INTO app_settings (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING`, [
      generated,
    ]);
    const row = await one<{ value: string }>(db, `SELECT value FROM app_settings WHERE key = 'token_secret'`);
    return row!.value;
  }

  async forgetGeneratedTokenSecret(db: Database): Promise<void> {
    await exec(db, `DELETE FROM app_settings WHERE key = 'token_secret'`);
  }

  /**
   * The failures within the window on this email (only those from this address when the account has signed
   * in from it within `knownAddressDays`) and from this address (settled ones, or pending past `pendingSeconds`).
   */
  async recentFailures(db: Database, email: string, address: string, window: ThrottleWindow): Promise<RecentFailures> {
    const [recent] = await rows<RecentFailures>(
      db,
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
      [email, address, window.windowSeconds, window.knownAddressDays, window.pendingSeconds],
    );
    return recent;
  }

  /** Records an attempt as pending and returns its id; drops a bounded batch of failures older than the window. */
  async insertPendingAttempt(db: Database, email: string, address: string, window: ThrottleWindow): Promise<string> {
    const [attempt] = await rows<{ id: string }>(
      db,
      `WITH pruned AS (
         DELETE FROM sign_in_failures WHERE id IN (
           SELECT id FROM sign_in_failures WHERE at < now() - make_interval(secs => $3) ORDER BY at LIMIT ${window.pruneBatch} FOR UPDATE SKIP LOCKED))
       INSERT INTO sign_in_failures (email, address, pending) VALUES ($1, $2, true) RETURNING id::text`,
      [email, address, window.windowSeconds],
    );
    return attempt.id;
  }

  async settleAsFailure(db: Database, attemptId: string): Promise<void> {
    await exec(db, `UPDATE sign_in_failures SET pending = false WHERE id = $1::bigint`, [attemptId]);
  }

  /**
   * Takes back this email's failures from this address and makes the address the account's own; drops a
   * bounded batch of known addresses not signed in from within the window.
   */
  async forgiveAndKnowAddress(db: Database, email: string, address: string, window: ThrottleWindow): Promise<void> {
    await exec(
      db,
      `WITH forgiven AS (DELETE FROM sign_in_failures WHERE email = $1 AND address = $2),
       forgotten AS (
         DELETE FROM sign_in_known_addresses WHERE (email, address) IN (
           SELECT email, address FROM sign_in_known_addresses WHERE at < now() - make_interval(days => $3)
            ORDER BY at LIMIT ${window.pruneBatch} FOR UPDATE SKIP LOCKED))
       INSERT INTO sign_in_known_addresses (email, address) VALUES ($1, $2)
       ON CONFLICT (email, address) DO UPDATE SET at = now()`,
      [email, address, window.knownAddressDays],
    );
  }
}
