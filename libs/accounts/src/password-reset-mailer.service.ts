import {
  Inject,
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
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { NotificationBus } from '#libs/db';
import { MailOutbox } from '#libs/mail';
import { UsersRepository } from '#libs/users';
import { resetMail } from './account-mail.js';
import { AccountsRepository, RESET_CHANNEL } from './accounts.repository.js';
import { RESET_MINUTES, tokenHash } from './accounts.rules.js';
import { newToken } from './accounts.service.js';

const BATCH = 20;

/**
 * Turns recorded reset requests into mail, after the request has been answered: whether an account has the email
 * is looked up here, never on the request's path. Each batch is one transaction (requests claimed with SKIP
 * LOCKED, links made, mail queued, requests marked), so no request is mailed twice or lost.
 */
@Injectable()
export class PasswordResetMailer implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PasswordResetMailer.name);
  private readonly passes = new SerialPass(
    async () => {
      while ((await this.processBatch()) === BATCH);
    },
    (error) =>
      this.logger.error(`password reset pass failed: ${error instanceof Error ? error.message : String(error)}`),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly bus: NotificationBus,
    private readonly scheduler: AlertScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.addPass(async () => {
      await this.drain();
      await this.repository.prune(this.dataSource);
    });
    void this.bus.subscribe(RESET_CHANNEL, { notified: () => void this.drain(), reconnected: () => void this.drain() });
  }

  onApplicationBootstrap(): void {
    void this.drain();
  }

  /** A batch under way finishes (its transaction commits or rolls back) before the connections close. */
  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  drain(): Promise<void> {
    return this.passes.wake();
  }

  private processBatch(): Promise<number> {
    return this.dataSource.transaction(async (db) => {
      const requests = await this.repository.claimResetRequests(db, BATCH);
      for (const request of requests) {
        if (request.suppressed) continue;
        const user = await this.users.findForSignIn(db, request.email);
        if (!user?.active) continue;
        const token = newToken();
        await this.repository.insertToken(db, user.id, 'PASSWORD_RESET', tokenHash(token), RESET_MINUTES * 60);
        await MailOutbox.enqueue(db, resetMail(user.email, user.display_name, this.config.mail.publicUrl, token));
      }
      if (requests.length > 0)
        await this.repository.markProcessed(
          db,
          requests.map((r) => r.id),
        );
      return requests.length;
    });
  }
}
