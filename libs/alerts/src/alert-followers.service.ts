import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SerialPass } from '#libs/common';
import { NotificationBus, QueryCounter } from '#libs/db';
import { type AlertRow, AlertsRepository } from './alerts.repository.js';

/**
 * What a consumer does with a batch of new alerts, in id order, inside the transaction that moves its position on:
 * whatever it writes there (mail to send, deliveries to make) is committed with the move or not at all.
 */
export type AlertConsumer = (tx: EntityManager, alerts: AlertRow[]) => Promise<void>;

interface Follower {
  name: string;
  consume: AlertConsumer;
  pass: SerialPass;
}

const BATCH = 200;
/** A notification can be lost (the listener reconnecting): this catches up at worst this late. */
const POLL_MS = 5000;
const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Follows the alert outbox for background consumers (email, webhooks), each exactly once across instances: a
 * consumer's position is a row, locked while one instance works (another instance skips it rather than waits) and
 * moved in the transaction that acts on the alerts. Ids are handed out in commit order (AlertsRepository.insert),
 * so reading "after my position" never skips an alert committed later with a smaller id.
 * The alert path itself only inserts a row and notifies; everything a consumer does happens here, after commit.
 */
@Injectable()
export class AlertFollowers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertFollowers.name);
  private readonly followers: Follower[] = [];
  private poll?: NodeJS.Timeout;
  private started = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
    private readonly bus: NotificationBus,
    private readonly counter: QueryCounter,
  ) {}

  /** Register from a module's `onModuleInit`, before the application starts. */
  follow(name: string, consume: AlertConsumer): void {
    if (!NAME.test(name)) throw new Error(`Not a consumer name: ${name}`);
    if (this.started) throw new Error(`${name}: follow the alerts before the application starts`);
    if (this.followers.some((f) => f.name === name)) throw new Error(`${name} already follows the alerts`);
    const follower: Follower = {
      name,
      consume,
      pass: new SerialPass(
        // Counted apart (the benchmark tells the alert path from what follows it).
        () => this.counter.countAs(`alert-follower:${name}`, () => this.catchUp(follower)),
        (error) => this.logger.error(`${name}: alerts not taken: ${String(error)}`),
      ),
    };
    this.followers.push(follower);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    if (this.followers.length === 0) return;
    for (const f of this.followers) await this.alerts.startConsumer(this.dataSource, f.name);
    await this.bus.subscribe('case_alerts', { notified: () => void this.wake(), reconnected: () => void this.wake() });
    this.poll = setInterval(() => void this.wake(), POLL_MS);
    this.poll.unref();
    void this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.poll);
    await Promise.all(this.followers.map((f) => f.pass.stop()));
  }

  /** Every consumer takes what is new; resolves when they have (for tests and the benchmark). */
  wake(): Promise<void> {
    return Promise.all(this.followers.map((f) => f.pass.wake())).then(() => undefined);
  }

  /** Batches until nothing is left, or until another instance holds the position (it then does the work). */
  private async catchUp(follower: Follower): Promise<void> {
    for (;;) {
      const taken = await this.dataSource.transaction(async (tx) => {
        const after = await this.alerts.takeConsumer(tx, follower.name);
        if (after === null) return 0;
        const batch = await this.alerts.after(tx, after, null, BATCH);
        if (batch.length === 0) return 0;
        await follower.consume(tx, batch);
        await this.alerts.moveConsumer(tx, follower.name, Number(batch.at(-1)!.id));
        return batch.length;
      });
      if (taken < BATCH) return;
    }
  }

  /** How far behind the newest alert each consumer is: alerts not yet taken, and when it last moved. */
  lag(): Promise<{ name: string; behind: number; updatedAt: Date }[]> {
    return this.alerts
      .consumerLag(this.dataSource)
      .then((list) => list.map((c) => ({ name: c.name, behind: Number(c.behind), updatedAt: c.updated_at })));
  }
}
