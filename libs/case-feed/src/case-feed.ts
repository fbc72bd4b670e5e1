import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PortalAbility, SubjectRow } from '#libs/access';
import { AgenciesRepository, type Agency, toAgency } from '#libs/agencies';
import { CasesRepository, holdersSubject } from '#libs/cases';
import { SerialPass } from '#libs/common';
import { NotificationBus, QueryCounter } from '#libs/db';
import { LiveConnections, LiveFollowers, type LiveSession, LiveStream } from '#libs/live';
import { activityFor, type CaseSignal, distinctSignals, parseSignal } from './case-feed.rules.js';
import { CaseChangeKind, type CaseUpdate } from './case-update.model.js';

/**
 * One open screen's subscription: its signals, folded while unread (LiveStream). A `null` is the last thing it
 * sends (the case is no longer the subscriber's to see): nothing pushed after it replaces it, and once it is
 * read the stream ends, so graphql-ws completes the subscription.
 */
export class CaseUpdateStream extends LiveStream<CaseUpdate | null> {
  private ending = false;

  constructor(
    readonly session: LiveSession,
    readonly ability: PortalAbility,
    onClose: () => void,
  ) {
    super(onClose);
  }

  override push(update: CaseUpdate | null): void {
    if (this.ending) return;
    if (update === null) this.ending = true;
    super.push(update);
  }

  override async next(): Promise<IteratorResult<CaseUpdate | null>> {
    const result = await super.next();
    if (!result.done && result.value === null) this.close();
    return result;
  }
}

/**
 * The open case pages (`caseUpdates`) and lists (`caseActivity`) of this process, woken by the `case_updates`
 * notification each committed change on a case sends (migration 1765430000000). A burst of notifications is
 * delivered in one pass costing two statements however many subscribers there are: who holds each case now,
 * and the names of the agencies that made the changes. Each subscriber is then asked its own `read Case` rule on
 * the case as it stands: a page whose case is no longer visible gets `null`, a list never hears of a case its
 * agency does not hold. With nobody subscribed, a notification costs nothing.
 */
@Injectable()
export class CaseFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(CaseFeed.name);
  private readonly byCase = new LiveFollowers<CaseUpdateStream>();
  private readonly everyCase = new Set<CaseUpdateStream>();
  private pending: CaseSignal[] = [];
  /** The listener came back after a loss: every list is told to read itself again, with no case named. */
  private listsMissed = false;
  private readonly delivery = new SerialPass(
    () => this.counter.countAs('case-updates', () => this.deliver()),
    (error) => this.logger.error(`case update delivery failed: ${String(error)}`),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    bus: NotificationBus,
    private readonly counter: QueryCounter,
    private readonly connections: LiveConnections,
    private readonly cases: CasesRepository,
    private readonly agencies: AgenciesRepository,
  ) {
    void bus.subscribe('case_updates', {
      notified: (payload) => {
        if (this.byCase.size === 0 && this.everyCase.size === 0) return;
        const signal = parseSignal(payload);
        if (!signal) return;
        this.pending.push(signal);
        void this.delivery.wake();
      },
      // Changes committed while the listener was away were announced to no one: every open screen reads itself
      // again (a case page after its visibility is checked, as for any signal).
      reconnected: () => {
        for (const caseId of this.byCase.keys())
          this.pending.push({ caseId, what: CaseChangeKind.CASE, actorAgencyId: null, aboutAgencyId: null });
        this.listsMissed = this.everyCase.size > 0;
        void this.delivery.wake();
      },
    });
  }

  /** A case page: the changes on one case, then `null` once the subscriber may no longer see it. */
  follow(caseId: string, session: LiveSession, ability: PortalAbility): CaseUpdateStream {
    return this.byCase.add(caseId, (onClose) => new CaseUpdateStream(session, ability, onClose));
  }

  /** A list: the changes on every case the subscriber's agency holds at the moment of each. */
  watch(session: LiveSession, ability: PortalAbility): CaseUpdateStream {
    const stream: CaseUpdateStream = new CaseUpdateStream(session, ability, () => this.everyCase.delete(stream));
    this.everyCase.add(stream);
    return stream;
  }

  private async deliver(): Promise<void> {
    const signals = distinctSignals(this.pending.splice(0));
    if (this.listsMissed) {
      this.listsMissed = false;
      const missed: CaseUpdate = { caseId: null, what: CaseChangeKind.CASE, byAgency: null, at: new Date() };
      for (const stream of this.everyCase) if (this.connections.usable(stream.session)) stream.push(missed);
    }
    const wanted = (caseId: string | null): caseId is string =>
      caseId !== null && (this.everyCase.size > 0 || this.byCase.has(caseId));
    const caseIds = [...new Set(signals.map((s) => s.caseId).filter(wanted))];
    const actorIds = [...new Set(signals.flatMap((s) => (s.actorAgencyId ? [s.actorAgencyId] : [])))];
    if (caseIds.length === 0 && !signals.some((s) => s.aboutAgencyId)) return;
    const [held, actors] = await Promise.all([
      caseIds.length ? this.cases.withLiveShares(this.dataSource, caseIds) : [],
      actorIds.length ? this.agencies.findByIds(this.dataSource, actorIds) : [],
    ]);
    const holders = new Map<string, SubjectRow>(held.map((kase) => [kase.id, holdersSubject(kase)]));
    const names = new Map<string, Agency>(actors.map((row) => [row.id, toAgency(row)]));
    const at = new Date();
    for (const signal of signals) {
      const kase = signal.caseId ? holders.get(signal.caseId) : undefined;
      const update = (caseId: string | null): CaseUpdate => ({
        caseId,
        what: signal.what,
        byAgency: (signal.actorAgencyId && names.get(signal.actorAgencyId)) || null,
        at,
      });
      if (signal.caseId) {
        for (const stream of this.byCase.of(signal.caseId)) {
          if (!this.connections.usable(stream.session)) continue;
          stream.push(kase && stream.ability.can('read', kase) ? update(signal.caseId) : null);
        }
      }
      for (const stream of this.everyCase) {
        if (!this.connections.usable(stream.session)) continue;
        const holds = kase !== undefined && stream.ability.can('read', kase);
        const told = activityFor(signal, stream.session.user.agencyId, holds);
        if (told) stream.push(update(told.caseId));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.byCase.closeAll();
    for (const stream of this.everyCase) stream.close();
    await this.delivery.stop();
  }
}
