import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExecutionResult } from 'graphql';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { AuditLog, type SentView } from '#libs/audit';
import { type AlertKind, type AlertRow, AlertsRepository, REVIEW_KINDS } from '#libs/alerts';
import { type CaseRow, CasesRepository, holdersSubject, toCase } from '#libs/cases';
import { BadInputError, formatError, RISK_ORDER, RiskLevel, SerialPass } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { NotificationBus, QueryCounter } from '#libs/db';
import { type LiveSession, LiveConnections } from '#libs/live';
import { MeetingsRepository } from '#libs/meetings';
import { type AlertOperation, executeAlert } from './alert-operation.js';
import { recipientsOf } from './alert-feed.rules.js';
import { AlertStream } from './alert-stream.js';
import type { CaseAlert } from './case-alert.model.js';

export interface AlertFilter {
  since?: string | null;
  caseId?: string | null;
  kinds?: AlertKind[] | null;
  minRisk?: RiskLevel | null;
}

/** What one subscriber receives for one alert: the alert, and the loaders its nested fields read through. */
export interface AlertDelivery {
  alert: CaseAlert;
  loaders: Map<string, unknown>;
}

/** An alert's `next` payload, serialized: at once, or when its nested lists have loaded. */
type Payload = string | Promise<string>;

interface Subscriber {
  ctx: RequestContext;
  session: LiveSession;
  filter: AlertFilter;
  operation: AlertOperation;
  /** Same agency, same roles, same shape of payload: the same bytes. */
  payloadKey: string;
  /** The last alert id dispatched when this subscriber joined: live alerts after it, replay up to it. */
  joinedAfter: number;
  stream: AlertStream;
  /** Live payloads held back while the replay is still being sent, so the order never breaks. */
  held: Payload[] | null;
  /** Writes waiting behind a payload still loading, so a quick alert never overtakes a slow one. */
  backlog: Promise<void> | null;
}

const BATCH = 500;

/** A batch of which nothing was sent: it may be read again. */
class BatchNotSent extends Error {}
/** How long a batch that cannot be sent is read again before it is dropped (subscribers then catch up with `since`). */
const UNSENT_PATIENCE_MS = 5 * 60_000;
/** A subscriber whose socket has this much unsent is completed rather than buffered without bound. */
const MAX_UNSENT_BYTES = 512 * 1024;
const CURSOR = /^\d{1,18}$/;

/**
 * Delivers the outbox to this process's subscribers. The process's notification bus wakes it on
 * NOTIFY (and a slow poll covers notifications lost while the listener was down: the table, not the
 * notification, is the truth). Each batch costs the same few statements however many subscribers there
 * are: the alerts, the cases with who holds them now, and the nested lists per agency that holds them.
 * Subscribers of agencies that may not see a case are never looked at.
 */
@Injectable()
export class AlertHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertHub.name);
  private readonly byAgency = new Map<string, Set<Subscriber>>();
  private lastDispatched = 0;
  /** When the batch now being retried first failed to go out; null while batches go out. */
  private unsentSince: number | null = null;
  private poll?: NodeJS.Timeout;
  private readonly delivery = new SerialPass(
    () => this.counter.countAs('alert-delivery', () => this.drain()),
    (error) => this.logger.error(`alert delivery failed: ${String(error)}`),
  );
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: NotificationBus,
    private readonly connections: LiveConnections,
    private readonly counter: QueryCounter,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly alerts: AlertsRepository,
    private readonly cases: CasesRepository,
    private readonly meetings: MeetingsRepository,
  ) {
    this.formatError = formatError(config.development);
  }

  private readonly formatError: ReturnType<typeof formatError>;

  /** What delivery has done in this process, for the benchmark: batches read, alerts dispatched, deliveries made. */
  readonly stats = { batches: 0, alerts: 0, deliveries: 0, executions: 0 };

  async onApplicationBootstrap(): Promise<void> {
    this.lastDispatched = await this.alerts.latestId(this.dataSource);
    await this.bus.subscribe('case_alerts', {
      notified: () => this.wake(),
      // Alerts committed while nobody listened are in the table: read them now rather than at the next poll.
      reconnected: () => this.wake(),
    });
    this.wake();
    this.poll = setInterval(() => this.wake(), 5000);
    this.poll.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.poll);
    for (const subscribers of this.byAgency.values()) for (const s of subscribers) s.stream.close();
    await this.delivery.stop();
  }

  /** Read and dispatch everything after the last dispatched id; one drain at a time. */
  wake(): void {
    // The bus outlives the hub at shutdown: a notification then has no one left to deliver to.
    if (this.stopping) return;
    void this.delivery.wake();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = await this.alertsAfter(this.lastDispatched, null);
      if (rows.length === 0) return;
      const prepared = await this.prepare(rows);
      // From here to the end of the loop body nothing awaits: joining subscribers see either all of this
      // batch live or none of it (then their replay covers it).
      const before = this.lastDispatched;
      for (const row of rows) this.dispatch(row, prepared);
      this.lastDispatched = Number(rows.at(-1)!.id);
      this.stats.batches++;
      this.stats.alerts += rows.length;
      // A payload that failed inside is held back while the batch may still be retried, then sent as it is.
      const patient = this.unsentSince === null || Date.now() - this.unsentSince <= UNSENT_PATIENCE_MS;
      try {
        await this.send(prepared, patient);
        this.unsentSince = null;
      } catch (error) {
        // Nothing of the batch went out (the database went away while its payloads were built or its views
        // recorded): read it again shortly rather than lose it for every live subscriber. Those who joined
        // meanwhile replayed it already and skip it. Past UNSENT_PATIENCE_MS a broken payload goes as it is, and a
        // batch the trail will not take is dropped (subscribers catch up with `since`).
        if (!(error instanceof BatchNotSent) || this.stopping) throw error;
        if (!patient) {
          this.unsentSince = null;
          throw error;
        }
        this.unsentSince ??= Date.now();
        this.lastDispatched = before;
        this.logger.warn(`alerts not sent (${error.message}); trying again`);
        setTimeout(() => this.wake(), 1000).unref();
        return;
      }
      if (rows.length < BATCH) return;
    }
  }

  private alertsAfter(after: number, upTo: number | null): Promise<AlertRow[]> {
    return this.alerts.after(this.dataSource, after, upTo, BATCH);
  }

  /** The cases of a batch with who holds them now, and one loader cache per agency for nested fields. */
  private async prepare(rows: AlertRow[]) {
    const caseIds = [...new Set(rows.map((row) => row.case_id).filter((id): id is string => id !== null))];
    const cases = caseIds.length ? await this.cases.withLiveShares(this.dataSource, caseIds) : [];
    const meetingIds = [...new Set(rows.map((row) => row.meeting_id).filter((id): id is string => id !== null))];
    const meetings = meetingIds.length ? await this.meetings.attendingAgencies(this.dataSource, meetingIds) : [];
    return {
      cases: new Map(cases.map((c) => [c.id, c])),
      meetingAgencies: new Map(meetings.map((m) => [m.meeting_id, new Set(m.agency_ids)])),
      loaders: new Map<string, Map<string, unknown>>(),
      loading: [] as Promise<string>[],
      /** Payloads whose execution failed inside (the database went away while nested lists loaded). */
      internalErrors: 0,
      /** Each payload's recipients, in dispatch order, sent once what they disclose is on the trail. */
      outgoing: [] as { subscriber: Subscriber; payload: Payload; views: Map<string, Set<string>>; replay: boolean }[],
    };
  }

  /**
   * The batch's nested lists load (their statements count as this pass's), then one insert records every
   * sensitive field each recipient is about to be sent, then the payloads go out in order: an alert is never
   * a disclosure off the trail, and a failed insert sends nothing.
   */
  private async send(prepared: Awaited<ReturnType<AlertHub['prepare']>>, holdBroken = false): Promise<void> {
    await Promise.allSettled(prepared.loading);
    const sent = new Map<string, SentView & { fields: Set<string> }>();
    for (const { subscriber, views } of prepared.outgoing) {
      const user: SessionUser = subscriber.ctx.user!;
      for (const [caseId, fields] of views) {
        const key = `${user.id}|${caseId}`;
        let view = sent.get(key);
        if (!view) sent.set(key, (view = { userId: user.id, agencyId: user.agencyId, caseId, fields: new Set() }));
        fields.forEach((field) => view.fields.add(field));
      }
    }
    if (holdBroken && prepared.internalErrors > 0) throw new BatchNotSent('a payload could not be built');
    try {
      await this.audit.recordViews(this.dataSource, [...sent.values()], 'alert');
    } catch (error) {
      throw new BatchNotSent(`views not recorded: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const { subscriber, payload, replay } of prepared.outgoing) {
      if (subscriber.held && !replay) subscriber.held.push(payload);
      else this.deliver(subscriber, payload);
    }
  }

  private dispatch(row: AlertRow, prepared: Awaited<ReturnType<AlertHub['prepare']>>, only?: Subscriber): void {
    const kase = row.case_id ? prepared.cases.get(row.case_id) : undefined;
    const attending = row.meeting_id ? prepared.meetingAgencies.get(row.meeting_id) : undefined;
    for (const [agencyId, relation] of recipientsOf(row, kase, attending)) {
      const subscribers = only
        ? only.ctx.user!.agencyId === agencyId
          ? [only]
          : []
        : (this.byAgency.get(agencyId) ?? []);
      // Users of one agency with the same roles have the same rules: decide and redact once for each such
      // group, and execute once for each shape of payload they asked for. Everyone in it gets that payload.
      const views = new Map<string, CaseAlert['case'] | false>();
      const payloads = new Map<string, { payload: Payload; views: Map<string, Set<string>> }>();
      for (const subscriber of subscribers) {
        if (!only && Number(row.id) <= subscriber.joinedAfter) continue;
        if (!this.wants(subscriber, row, kase)) continue;
        const rules = subscriber.ctx.user!.roles.join(',');
        let view = views.get(rules);
        if (relation === null) view = null;
        else if (view === undefined) {
          // The same row rule every query applies, on the case as it stands now.
          view = subscriber.ctx.ability.can('read', holdersSubject(kase!))
            ? toCase(subscriber.ctx.ability, { ...kase!, relation })
            : false;
          views.set(rules, view);
        }
        if (view === false) continue;
        let executed = payloads.get(subscriber.payloadKey);
        if (!executed) {
          let loaders = prepared.loaders.get(agencyId);
          if (!loaders) prepared.loaders.set(agencyId, (loaders = new Map<string, unknown>()));
          const delivery: AlertDelivery = {
            alert: {
              id: row.id,
              kind: row.kind,
              // A Case Review's agency told of a case it does not hold learns nothing of which case.
              caseId: relation === null && REVIEW_KINDS.has(row.kind) ? null : row.case_id,
              meetingId: row.meeting_id,
              actionId: row.action_id,
              occurredAt: row.occurred_at,
              case: view,
            },
            loaders,
          };
          // What this execution sends, noted as it runs (audited-fields.ts): the same for everyone in the group.
          const sentViews = new Map<string, Set<string>>();
          executed = {
            payload: this.execute(subscriber, delivery, sentViews, () => prepared.internalErrors++),
            views: sentViews,
          };
          payloads.set(subscriber.payloadKey, executed);
          if (typeof executed.payload !== 'string') prepared.loading.push(executed.payload);
          this.stats.executions++;
        }
        prepared.outgoing.push({
          subscriber,
          payload: executed.payload,
          views: executed.views,
          replay: only !== undefined,
        });
        this.stats.deliveries++;
      }
    }
  }

  private wants(subscriber: Subscriber, row: AlertRow, kase: CaseRow | undefined): boolean {
    if (!this.connections.usable(subscriber.session)) return false;
    if (row.actor_id && row.actor_id === subscriber.ctx.user!.id) return false;
    const { caseId, kinds, minRisk } = subscriber.filter;
    if (caseId && caseId !== row.case_id) return false;
    if (kinds?.length && !kinds.includes(row.kind)) return false;
    // A meeting's own alert has no case and no risk: a minimum risk does not hold it back.
    if (minRisk && kase && RISK_ORDER[kase.risk_level] < RISK_ORDER[minRisk]) return false;
    return true;
  }

  /** One execution, serialized once, with the same codes and the same silence about internals as over HTTP. */
  private execute(
    subscriber: Subscriber,
    delivery: AlertDelivery,
    views: Map<string, Set<string>>,
    internal: () => void,
  ): Payload {
    const serialize = (result: ExecutionResult) => {
      if (!result.errors) return JSON.stringify(result);
      const errors = result.errors.map((e) => this.formatError(e.toJSON(), e));
      if (errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) internal();
      return JSON.stringify({ ...result, errors });
    };
    const result = executeAlert(subscriber.operation, delivery, {
      ...subscriber.ctx,
      loaders: delivery.loaders,
      views,
    });
    return result instanceof Promise ? result.then(serialize) : serialize(result);
  }

  /** In the order dispatched: at once when nothing is waiting, else behind what is. */
  private deliver(subscriber: Subscriber, payload: Payload): void {
    if (typeof payload === 'string' && !subscriber.backlog) return this.write(subscriber, payload);
    const backlog = (subscriber.backlog ?? Promise.resolve())
      .then(() => payload)
      .then(
        (json) => this.write(subscriber, json),
        (error: unknown) => {
          this.logger.error(`alert payload failed: ${String(error)}`);
          subscriber.stream.close();
        },
      )
      .finally(() => {
        if (subscriber.backlog === backlog) subscriber.backlog = null;
      });
    subscriber.backlog = backlog;
  }

  private write(subscriber: Subscriber, json: string): void {
    if (subscriber.stream.closed) return;
    const socket = subscriber.session.socket;
    if (socket.bufferedAmount > MAX_UNSENT_BYTES) return subscriber.stream.close();
    socket.send(`${subscriber.operation.messageHead}${json}}`);
  }

  /**
   * A new subscription: live alerts from now, and with `since` first every alert after that cursor that the
   * subscriber may see now, with no gap and no duplicate at the seam.
   */
  subscribe(ctx: RequestContext, session: LiveSession, filter: AlertFilter, operation: AlertOperation): AlertStream {
    if (filter.since !== undefined && filter.since !== null && !CURSOR.test(filter.since)) {
      throw new BadInputError('since', 'since must be the id of an alert');
    }
    const agencyId = ctx.user!.agencyId;
    const subscriber: Subscriber = {
      ctx,
      session,
      filter,
      operation,
      payloadKey: `${ctx.user!.roles.join(',')}\n${operation.shape}`,
      joinedAfter: this.lastDispatched,
      held: filter.since ? [] : null,
      backlog: null,
      stream: new AlertStream(() => this.byAgency.get(agencyId)?.delete(subscriber)),
    };
    let subscribers = this.byAgency.get(agencyId);
    if (!subscribers) this.byAgency.set(agencyId, (subscribers = new Set()));
    subscribers.add(subscriber);
    if (filter.since) void this.replay(subscriber, Number(filter.since));
    return subscriber.stream;
  }

  private async replay(subscriber: Subscriber, since: number): Promise<void> {
    try {
      let after = since;
      for (;;) {
        const rows = await this.alertsAfter(after, subscriber.joinedAfter);
        if (rows.length === 0 || subscriber.stream.closed) break;
        const prepared = await this.prepare(rows);
        for (const row of rows) this.dispatch(row, prepared, subscriber);
        await this.send(prepared);
        after = Number(rows.at(-1)!.id);
      }
    } catch (error) {
      this.logger.error(`alert replay failed: ${String(error)}`);
      subscriber.stream.close();
    }
    const held = subscriber.held ?? [];
    subscriber.held = null;
    for (const payload of held) this.deliver(subscriber, payload);
  }

  /**
   * Whether every alert up to `id` has been dispatched and nothing is being sent: a subscriber that joins after
   * this is told only of later changes (tests wait for it rather than guess how long delivery takes).
   */
  settledUpTo(id: number): boolean {
    return this.lastDispatched >= id && !this.delivery.busy;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const subscribers of this.byAgency.values()) count += subscribers.size;
    return count;
  }
}
