import { Injectable } from '@nestjs/common';
import { accessibleSql, type PortalAbility } from '#libs/access';
import { AgenciesRepository } from '#libs/agencies';
import type { AlertKind } from '#libs/alerts';
import type { AgencyKind } from '#libs/common';
import { AnonymisesCases, type Database, exec, one, rows, SqlParams } from '#libs/db';
import type { WebhookDeliveryStatus } from './webhook.model.js';

/** Every instance's sender listens here; a delivery queued (or asked again) notifies when its transaction commits. */
export const WEBHOOKS_CHANNEL = 'portal_webhooks';

/** An endpoint as listed: never its secret. */
export interface WebhookRow {
  id: string;
  agency_id: string;
  url: string;
  kinds: AlertKind[];
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  alert_id: string;
  kind: AlertKind;
  status: WebhookDeliveryStatus;
  attempts: number;
  created_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  last_status: number | null;
  last_response: string | null;
  last_error: string | null;
}

/** An alert and an agency entitled to it when it was taken: a delivery for each of the agency's endpoints that want it. */
export interface DeliveryFor {
  alertId: string;
  agencyId: string;
  kind: AlertKind;
  caseId: string | null;
  meetingId: string | null;
  actionId: string | null;
  targetAgencyId: string | null;
  occurredAt: Date;
}

/** A delivery claimed for an attempt, with its endpoint and the facts of its alert. */
export interface ClaimedDelivery {
  id: string;
  webhook_id: string;
  agency_id: string;
  agency_kind: AgencyKind;
  alert_id: string;
  kind: AlertKind;
  case_id: string | null;
  meeting_id: string | null;
  action_id: string | null;
  target_agency_id: string | null;
  occurred_at: Date;
  attempts: number;
  url: string;
  secret_sealed: string;
}

const COLUMNS = 'w.id, w.agency_id, w.url, w.kinds, w.created_at, w.updated_at';
const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.alert_id::text AS alert_id, d.kind, d.status, d.attempts, d.created_at,
  d.last_attempt_at, d.next_attempt_at, d.last_status, d.last_response, d.last_error`;
const AGENCIES_A = AgenciesRepository.tableAs('a');

/** The one place that names `webhooks` and `webhook_deliveries`. */
@Injectable()
export class WebhooksRepository {
  // endpoints, as their agency's managers hold them (row scope from the same rules as everything else)

  async insert(
    db: Database,
    row: { id: string; agencyId: string; url: string; kinds: AlertKind[]; secretSealed: string; createdBy: string },
  ): Promise<WebhookRow> {
    const [created] = await rows<WebhookRow>(
      db,
      `INSERT INTO webhooks AS w (id, agency_id, url, kinds, secret_sealed, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${COLUMNS}`,
      [row.id, row.agencyId, row.url, row.kinds, row.secretSealed, row.createdBy],
    );
    return created;
  }

  async countOfAgency(db: Database, agencyId: string): Promise<number> {
    const row = await one<{ count: string }>(db, `SELECT count(*)::text AS count FROM webhooks WHERE agency_id = $1`, [
      agencyId,
    ]);
    return Number(row!.count);
  }

  list(db: Database, ability: PortalAbility): Promise<WebhookRow[]> {
    const params = new SqlParams();
    const scope = accessibleSql(ability, 'read', 'Webhook', 'w', params, 'set');
    return rows<WebhookRow>(
      db,
      `SELECT ${COLUMNS} FROM webhooks w WHERE ${scope} ORDER BY w.created_at DESC, w.id LIMIT 100`,
      params.values,
    );
  }

  /** The endpoint, if the caller may do `action` to it; undefined for any other, missing or another agency's alike. */
  find(db: Database, ability: PortalAbility, action: 'read' | 'update', id: string): Promise<WebhookRow | undefined> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const scope = accessibleSql(ability, action, 'Webhook', 'w', params, 'row');
    return one<WebhookRow>(
      db,
      `SELECT ${COLUMNS} FROM webhooks w WHERE w.id = ${idParam}::uuid AND ${scope}`,
      params.values,
    );
  }

  async update(
    db: Database,
    ability: PortalAbility,
    id: string,
    change: { url?: string; kinds?: AlertKind[]; secretSealed?: string },
  ): Promise<WebhookRow | undefined> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const sets = ['updated_at = now()'];
    if (change.url !== undefined) sets.push(`url = ${params.add(change.url)}`);
    if (change.kinds !== undefined) sets.push(`kinds = ${params.add(change.kinds)}::text[]`);
    if (change.secretSealed !== undefined) sets.push(`secret_sealed = ${params.add(change.secretSealed)}`);
    const scope = accessibleSql(ability, 'update', 'Webhook', 'w', params, 'row');
    return one<WebhookRow>(
      db,
      `UPDATE webhooks w SET ${sets.join(', ')} WHERE w.id = ${idParam}::uuid AND ${scope} RETURNING ${COLUMNS}`,
      params.values,
    );
  }

  /** Its deliveries go with it: nothing more is posted there. */
  remove(db: Database, ability: PortalAbility, id: string): Promise<WebhookRow | undefined> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const scope = accessibleSql(ability, 'remove', 'Webhook', 'w', params, 'row');
    return one<WebhookRow>(
      db,
      `DELETE FROM webhooks w WHERE w.id = ${idParam}::uuid AND ${scope} RETURNING ${COLUMNS}`,
      params.values,
    );
  }

  /** Newest first, after the alert cursor `before` when given; `limit + 1` asked for, to tell whether more follow. */
  deliveries(
    db: Database,
    webhookId: string,
    status: WebhookDeliveryStatus | null,
    before: string | null,
    limit: number,
  ): Promise<DeliveryRow[]> {
    const params = new SqlParams();
    const where = [`d.webhook_id = ${params.add(webhookId)}::uuid`];
    if (status) where.push(`d.status = ${params.add(status)}`);
    if (before) where.push(`d.alert_id < ${params.add(before)}::bigint`);
    return rows<DeliveryRow>(
      db,
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE ${where.join(' AND ')}
        ORDER BY d.alert_id DESC LIMIT ${limit + 1}`,
      params.values,
    );
  }

  async countDeliveries(db: Database, webhookId: string, status: WebhookDeliveryStatus | null): Promise<number> {
    const row = await one<{ count: string }>(
      db,
      `SELECT count(*)::text AS count FROM webhook_deliveries d WHERE d.webhook_id = $1::uuid AND ($2::text IS NULL OR d.status = $2)`,
      [webhookId, status],
    );
    return Number(row!.count);
  }

  /**
   * A FAILED or CANCELLED delivery of an endpoint the caller may update, due again now with a fresh day of retries
   * (its case is checked again before it goes); undefined for any other. The sender is woken at commit.
   */
  async retry(
    db: Database,
    ability: PortalAbility,
    deliveryId: string,
    windowHours: number,
  ): Promise<(DeliveryRow & { was: WebhookDeliveryStatus }) | undefined> {
    const params = new SqlParams();
    const idParam = params.add(deliveryId);
    const hours = params.add(windowHours);
    const scope = accessibleSql(ability, 'update', 'Webhook', 'w', params, 'row');
    const row = await one<DeliveryRow & { was: WebhookDeliveryStatus }>(
      db,
      `UPDATE webhook_deliveries d
          SET status = CASE WHEN d.status IN ('FAILED', 'CANCELLED') THEN 'PENDING' ELSE d.status END,
              next_attempt_at = CASE WHEN d.status IN ('FAILED', 'CANCELLED') THEN now() ELSE d.next_attempt_at END,
              give_up_at = CASE WHEN d.status IN ('FAILED', 'CANCELLED') THEN now() + make_interval(hours => ${hours}::int) ELSE d.give_up_at END,
              finished_at = CASE WHEN d.status IN ('FAILED', 'CANCELLED') THEN NULL ELSE d.finished_at END
         FROM webhooks w, webhook_deliveries was
        WHERE w.id = d.webhook_id AND was.id = d.id AND d.id = ${idParam}::uuid AND ${scope}
        RETURNING ${DELIVERY_COLUMNS}, was.status AS was`,
      params.values,
    );
    if (row) await exec(db, `SELECT pg_notify('${WEBHOOKS_CHANNEL}', '')`);
    return row;
  }

  // delivery (the alert follower and the sender)

  async anyWebhook(db: Database): Promise<boolean> {
    return (await one(db, `SELECT 1 FROM webhooks LIMIT 1`)) !== undefined;
  }

  /**
   * One statement for a whole batch of alerts: a delivery for each endpoint of each entitled agency that wants the
   * alert's kind. Committed with the follower's move, and the sender woken then.
   */
  async enqueue(db: Database, entitled: DeliveryFor[], windowHours: number): Promise<number> {
    if (entitled.length === 0) return 0;
    const column = <K extends keyof DeliveryFor>(key: K) => entitled.map((e) => e[key]);
    const count = await exec(
      db,
      `INSERT INTO webhook_deliveries (webhook_id, agency_id, alert_id, kind, case_id, meeting_id, action_id,
                                       target_agency_id, occurred_at, give_up_at)
       SELECT w.id, w.agency_id, e.alert_id, e.kind, e.case_id, e.meeting_id, e.action_id, e.target_agency_id,
              e.occurred_at, now() + make_interval(hours => $9::int)
         FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::timestamptz[])
              AS e(alert_id, agency_id, kind, case_id, meeting_id, action_id, target_agency_id, occurred_at)
         JOIN webhooks w ON w.agency_id = e.agency_id AND e.kind = ANY(w.kinds)
       ON CONFLICT (webhook_id, alert_id) DO NOTHING`,
      [
        column('alertId'),
        column('agencyId'),
        column('kind'),
        column('caseId'),
        column('meetingId'),
        column('actionId'),
        column('targetAgencyId'),
        column('occurredAt'),
        windowHours,
      ],
    );
    if (count > 0) await exec(db, `SELECT pg_notify('${WEBHOOKS_CHANNEL}', '')`);
    return count;
  }

  /**
   * Claims up to `limit` due deliveries in one statement that commits on its own: each is leased (its next attempt
   * moved past the time an attempt can take) and counted as attempted. A row another sender is claiming is skipped
   * (SKIP LOCKED) and one it claimed is no longer due, so no delivery is attempted twice at once; a sender that dies
   * mid-attempt leaves its rows to be claimed again when the lease runs out.
   */
  claimDue(db: Database, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    return rows<ClaimedDelivery>(
      db,
      `UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $2)
         FROM webhooks w, ${AGENCIES_A}
        WHERE w.id = d.webhook_id AND a.id = d.agency_id
          AND d.id IN (SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at, alert_id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.webhook_id, d.agency_id, a.kind AS agency_kind, d.alert_id::text AS alert_id, d.kind,
                  d.case_id, d.meeting_id, d.action_id, d.target_agency_id, d.occurred_at, d.attempts, w.url,
                  w.secret_sealed`,
      [limit, leaseSeconds],
    );
  }

  /** A batch's delivered ones, in one statement. */
  async markDelivered(db: Database, delivered: { id: string; status: number; response: string }[]): Promise<void> {
    await exec(
      db,
      `UPDATE webhook_deliveries d SET status = 'DELIVERED', finished_at = now(), last_status = x.status,
              last_response = x.response, last_error = NULL
         FROM unnest($1::uuid[], $2::int[], $3::text[]) AS x(id, status, response)
        WHERE d.id = x.id AND d.status = 'PENDING'`,
      [delivered.map((d) => d.id), delivered.map((d) => d.status), delivered.map((d) => d.response)],
    );
  }

  /** Tried again after `retrySeconds`, unless that is past its day: then FAILED, with what the last attempt got. */
  async markAttemptFailed(
    db: Database,
    id: string,
    result: { status: number | null; response: string | null; error: string | null },
    retrySeconds: number,
  ): Promise<void> {
    await exec(
      db,
      `UPDATE webhook_deliveries
          SET last_status = $2, last_response = $3, last_error = $4,
              status = CASE WHEN now() + make_interval(secs => $5) > give_up_at THEN 'FAILED' ELSE 'PENDING' END,
              finished_at = CASE WHEN now() + make_interval(secs => $5) > give_up_at THEN now() END,
              next_attempt_at = now() + make_interval(secs => $5)
        WHERE id = $1 AND status = 'PENDING'`,
      [id, result.status, result.response, result.error, retrySeconds],
    );
  }

  /** Never sent: the agency no longer holds the case. The claim counted an attempt that was not made. */
  async markCancelled(db: Database, ids: string[], reason: string): Promise<void> {
    if (ids.length === 0) return;
    await exec(
      db,
      `UPDATE webhook_deliveries SET status = 'CANCELLED', finished_at = now(), last_error = $2, attempts = attempts - 1
        WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
      [ids, reason],
    );
  }

  /** Finished deliveries are kept this long for the portal's record, then pruned. */
  async deleteFinishedBefore(db: Database, days: number): Promise<void> {
    await exec(
      db,
      `DELETE FROM webhook_deliveries WHERE status <> 'PENDING' AND finished_at < now() - make_interval(days => $1)`,
      [days],
    );
  }

  // anonymising, for retention

  /** A delivery is a notice about a case, not its record: it goes whole, with the alert it was made from. */
  @AnonymisesCases({ tables: ['webhook_deliveries'] })
  deleteDeliveriesOfCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `DELETE FROM webhook_deliveries WHERE case_id = ANY($1)`, [caseIds]);
  }
}
