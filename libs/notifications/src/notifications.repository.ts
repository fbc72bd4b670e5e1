import { Injectable } from '@nestjs/common';
import { CASEWORK_ROLES } from '#libs/access';
import { recipientAgenciesSql } from '#libs/alert-feed';
import { AlertKind, AlertsRepository } from '#libs/alerts';
import { CasesRepository } from '#libs/cases';
import { type Database, exec, one, rows } from '#libs/db';
import { UsersRepository } from '#libs/users';
import { DEFAULT_DELIVERY, DIGEST_TIME_ZONE, NotificationDelivery, URGENT_RISK } from './notifications.rules.js';

export interface SettingsRow {
  deliveries: Record<string, string>;
  digest_hour: number;
  digest_minute: number;
}

/** One alert for one person, as a mail may tell it. */
export interface NoticeRow {
  user_id: string;
  email: string;
  kind: AlertKind;
  case_id: string | null;
  meeting_id: string | null;
  reference: string | null;
  count: number;
}

/** A user whose digest this transaction has claimed: the alerts after `after_id` are theirs to be told of. */
export interface ClaimedDigest {
  user_id: string;
  after_id: string;
}

const ALERTS_A = AlertsRepository.tableAs('a');
const CASES_C = CasesRepository.tableAs('c');
const USERS_U = UsersRepository.tableAs('u');

/**
 * People mail may reach: active accounts, not an agency's service account (a partner system has no mailbox), who do
 * casework (an administrator alone reads no case, so is told of none).
 */
const REACHABLE = (u: string) =>
  `${u}.active AND NOT ${u}.system AND ${u}.roles && ARRAY[${CASEWORK_ROLES.map((r) => `'${r}'`).join(', ')}]::text[]`;

/** How the user with settings `s` (possibly none) is sent alerts of kind `kind`: their choice, else the default. */
const deliverySql = (s: string, kind: string) =>
  `coalesce(${s}.deliveries->>${kind}, CASE ${kind} ${Object.entries(DEFAULT_DELIVERY)
    .map(([k, d]) => `WHEN '${k}' THEN '${d}'`)
    .join(' ')} END)`;

/** Whether an alert `a` of a user sent its kind "immediately" is mailed at once (else it waits for the digest). */
const urgentSql = (a: string) =>
  `(${a}.kind <> '${AlertKind.RISK_ESCALATED}' OR coalesce(${a}.detail->>'to', '') = '${URGENT_RISK}')`;

const LONDON = `'${DIGEST_TIME_ZONE}'`;

/**
 * Where a user's first digest starts: the alerts since they joined, or of the last day for an older account (a first
 * digest is not the whole retention period).
 */
const firstMarkSql = (createdAt: string) =>
  `(SELECT coalesce(max(a.id), 0) FROM ${ALERTS_A} WHERE a.occurred_at < greatest(${createdAt}, now() - interval '1 day'))`;

/** The only code that names notification_settings. */
@Injectable()
export class NotificationsRepository {
  settingsOf(db: Database, userId: string): Promise<SettingsRow | undefined> {
    return one<SettingsRow>(
      db,
      `SELECT deliveries, digest_hour, digest_minute FROM notification_settings WHERE user_id = $1`,
      [userId],
    );
  }

  /**
   * Merges `deliveries` into the user's choices and sets the digest time where given (firstMarkSql starts a new row's
   * digest).
   */
  save(
    db: Database,
    userId: string,
    deliveries: Record<string, NotificationDelivery>,
    digest: { hour: number; minute: number } | null,
    defaults: { hour: number; minute: number },
  ): Promise<SettingsRow | undefined> {
    return one<SettingsRow>(
      db,
      `INSERT INTO notification_settings AS s (user_id, deliveries, digest_hour, digest_minute, digest_after_id)
       SELECT u.id, $2::jsonb, coalesce($3::int, $5::int), coalesce($4::int, $6::int), ${firstMarkSql('u.created_at')} FROM ${USERS_U} WHERE u.id = $1
       ON CONFLICT (user_id) DO UPDATE SET deliveries = s.deliveries || $2::jsonb,
              digest_hour = coalesce($3::int, s.digest_hour), digest_minute = coalesce($4::int, s.digest_minute), updated_at = now()
       RETURNING deliveries, digest_hour, digest_minute`,
      [
        userId,
        JSON.stringify(deliveries),
        digest?.hour ?? null,
        digest?.minute ?? null,
        defaults.hour,
        defaults.minute,
      ],
    );
  }

  /**
   * For each alert of the batch, the people to mail now: active users of the agencies it goes to now (not its
   * actor), who have its kind sent immediately. One statement for the whole batch, however many people.
   */
  immediateNotices(db: Database, alertIds: readonly string[]): Promise<(NoticeRow & { alert_id: string })[]> {
    return rows(
      db,
      `WITH batch AS MATERIALIZED (
         SELECT a.id, a.kind, a.case_id, a.meeting_id, a.actor_id, a.detail, c.reference,
                ${recipientAgenciesSql('a', 'c')} AS agency_ids
           FROM ${ALERTS_A} LEFT JOIN ${CASES_C} ON c.id = a.case_id
          WHERE a.id = ANY($1::bigint[]))
       SELECT b.id::text AS alert_id, u.id AS user_id, u.email, b.kind, b.case_id, b.meeting_id, b.reference, 1 AS count
         FROM batch b
         JOIN ${USERS_U} ON u.agency_id = ANY(b.agency_ids)
         LEFT JOIN notification_settings s ON s.user_id = u.id
        WHERE ${REACHABLE('u')} AND u.id IS DISTINCT FROM b.actor_id
          AND ${deliverySql('s', 'b.kind')} = '${NotificationDelivery.IMMEDIATE}' AND ${urgentSql('b')}
        ORDER BY b.id, u.id`,
      [alertIds],
    );
  }

  // the daily digest

  /** Everyone mail may reach gets a row (with the default time), so the digest pass can claim them. */
  async startDigests(db: Database): Promise<void> {
    await exec(
      db,
      `INSERT INTO notification_settings (user_id, digest_after_id)
       SELECT u.id, ${firstMarkSql('u.created_at')} FROM ${USERS_U}
        WHERE ${REACHABLE('u')} AND NOT EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = u.id)
       ON CONFLICT (user_id) DO NOTHING`,
    );
  }

  /**
   * Claims up to `limit` users whose digest is due at `now` (their London time of day reached, none sent yet on
   * this London date) by moving their mark to `upTo` and the date to today's, in the caller's transaction: another
   * instance skips the rows this one holds and, once it commits, finds them no longer due.
   */
  claimDueDigests(db: Database, now: Date, upTo: number, limit: number): Promise<ClaimedDigest[]> {
    return rows<ClaimedDigest>(
      db,
      `UPDATE notification_settings s SET digest_after_id = greatest(s.digest_after_id, $2),
              last_digest_on = ($1::timestamptz AT TIME ZONE ${LONDON})::date
         FROM (SELECT d.user_id, d.digest_after_id FROM notification_settings d
                WHERE (d.last_digest_on IS NULL OR d.last_digest_on < ($1::timestamptz AT TIME ZONE ${LONDON})::date)
                  AND make_time(d.digest_hour, d.digest_minute, 0) <= ($1::timestamptz AT TIME ZONE ${LONDON})::time
                ORDER BY d.user_id LIMIT $3 FOR UPDATE SKIP LOCKED) due
        WHERE s.user_id = due.user_id
        RETURNING s.user_id, due.digest_after_id::text AS after_id`,
      [now, upTo, limit],
    );
  }

  /**
   * What each claimed user's digest holds: the alerts after their mark up to `upTo` that go to their agency NOW
   * (a share revoked since drops its case; an action's alert only for the agency that owns it; a meeting's only
   * for attending agencies), of kinds they have in the digest, grouped by case or meeting and kind.
   */
  digestNotices(db: Database, claimed: readonly ClaimedDigest[], upTo: number): Promise<NoticeRow[]> {
    return rows<NoticeRow>(
      db,
      `WITH claimed AS (SELECT * FROM unnest($1::uuid[], $2::bigint[]) AS t(user_id, after_id)),
       alerted AS MATERIALIZED (
         SELECT a.id, a.kind, a.case_id, a.meeting_id, a.actor_id, a.detail, c.reference,
                ${recipientAgenciesSql('a', 'c')} AS agency_ids
           FROM ${ALERTS_A} LEFT JOIN ${CASES_C} ON c.id = a.case_id
          WHERE a.id > (SELECT min(after_id) FROM claimed) AND a.id <= $3),
       -- One row per alert and agency it goes to, so readers join it by agency (a hash join), not pair by pair.
       reaching AS (SELECT w.*, g.agency_id FROM alerted w CROSS JOIN LATERAL unnest(w.agency_ids) AS g(agency_id))
       SELECT u.id AS user_id, u.email, w.kind, w.case_id, w.meeting_id, w.reference, count(*)::int AS count
         FROM claimed t
         JOIN ${USERS_U} ON u.id = t.user_id
         LEFT JOIN notification_settings s ON s.user_id = u.id
         JOIN reaching w ON w.agency_id = u.agency_id AND w.id > t.after_id AND w.actor_id IS DISTINCT FROM u.id
        WHERE ${REACHABLE('u')}
          AND (${deliverySql('s', 'w.kind')} = '${NotificationDelivery.DIGEST}'
               OR (${deliverySql('s', 'w.kind')} = '${NotificationDelivery.IMMEDIATE}' AND NOT ${urgentSql('w')}))
        GROUP BY u.id, u.email, w.kind, w.case_id, w.meeting_id, w.reference
        ORDER BY u.id, w.reference NULLS LAST, w.meeting_id, w.kind`,
      [claimed.map((c) => c.user_id), claimed.map((c) => c.after_id), upTo],
    );
  }
}
