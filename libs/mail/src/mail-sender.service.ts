import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AlertScheduler } from '#libs/alerts';
import { SerialPass } from '#libs/common';
import { NotificationBus, QueryCounter } from '#libs/db';
import { MAIL_CHANNEL, MailRepository } from './mail.repository.js';
import { describeFailure, retryDelaySeconds } from './mail.rules.js';
import { MailTransport } from './mail-transport.js';

/** Messages claimed at once: a few, so a slow server does not leave many leased while the first ones go. */
const BATCH = 10;
/** Longer than a send can take (the transport's timeouts add up to two minutes), so a lease never runs out mid-send. */
export const LEASE_SECONDS = 300;
/** Sent messages are kept this long as a record of what went to whom, then pruned. */
const KEEP_SENT_DAYS = 30;

/**
 * Sends what the outbox holds, from every instance at once without sending anything twice (the claim, in
 * MailRepository). Woken when a transaction that queued mail commits (NOTIFY on the shared listener), and by the
 * scheduler's passes for retries, for mail queued while the listener was down, and at start for mail left over.
 */
@Injectable()
export class MailSender implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailSender.name);
  private readonly passes = new SerialPass(
    () => this.counter.countAs('mail-sender', () => this.sendDue()),
    (error) => this.logger.error(`mail pass failed: ${describeFailure(error)}`),
  );
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MailRepository,
    private readonly transport: MailTransport,
    private readonly bus: NotificationBus,
    private readonly scheduler: AlertScheduler,
    private readonly counter: QueryCounter,
  ) {}

  onModuleInit(): void {
    this.scheduler.addPass(async () => {
      await this.drain();
      await this.repository.deleteSentBefore(this.dataSource, KEEP_SENT_DAYS);
    });
    void this.bus.subscribe(MAIL_CHANNEL, { notified: () => void this.drain(), reconnected: () => void this.drain() });
  }

  onApplicationBootstrap(): void {
    void this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.passes.stop();
    this.transport.close();
  }

  /** Sends every due message; one drain at a time in this process. */
  drain(): Promise<void> {
    return this.passes.wake();
  }

  private async sendDue(): Promise<void> {
    while (!this.stopping) {
      const claimed = await this.repository.claimDue(this.dataSource, BATCH, LEASE_SECONDS);
      // The batch goes out at once (a pooled SMTP transport, or files): one at a time, a burst of notifications
      // waited behind each round trip. What went is marked in one statement; each failure on its own.
      const outcomes = await Promise.allSettled(claimed.map((mail) => this.transport.send(mail)));
      const sent = claimed.filter((_, i) => outcomes[i].status === 'fulfilled').map((mail) => mail.id);
      if (sent.length) await this.repository.markSent(this.dataSource, sent);
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.status === 'fulfilled') continue;
        const mail = claimed[i];
        const failure = describeFailure(outcome.reason);
        // The address is not logged: it is personal data, and the row says whom the message was for.
        this.logger.warn(`mail ${mail.id} not sent (attempt ${mail.attempts}): ${failure}`);
        await this.repository.markFailed(this.dataSource, mail.id, failure, retryDelaySeconds(mail.attempts));
      }
      if (claimed.length < BATCH) return;
    }
  }
}
