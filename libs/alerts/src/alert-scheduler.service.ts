import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { AlertsRepository } from './alerts.repository.js';

/**
 * Time-driven work, in passes the features add (overdue actions, missed service standards, old sessions). An
 * alert is claimed by an UPDATE that marks the row as alerted in the same transaction that raises the alert:
 * with several instances running, the second to reach a row finds it claimed, so each alerts exactly once.
 */
@Injectable()
export class AlertScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertScheduler.name);
  private timer?: NodeJS.Timeout;
  /** Time-driven checks the features own (overdue actions, service standards, old sessions), run in each pass. */
  private readonly passes: ((now: Date) => Promise<void>)[] = [];
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AlertsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.alertSchedulerSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  addPass(pass: (now: Date) => Promise<void>): void {
    this.passes.push(pass);
  }

  /** One pass; never two at once in this process. */
  tick(): Promise<void> {
    this.running ??= this.runOnce()
      .catch((error: unknown) => this.logger.error(`scheduler pass failed: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async runOnce(now = new Date()): Promise<void> {
    for (const pass of this.passes) await pass(now);
    await this.repository.deleteOlderThan(this.dataSource, this.config.alertRetentionDays);
  }
}
