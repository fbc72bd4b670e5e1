import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AlertRow, AlertFollowers, AlertScheduler, AlertsRepository } from '#libs/alerts';
import { MailOutbox, type NewMail } from '#libs/mail';
import { type NoticeRow, NotificationsRepository } from './notifications.repository.js';
import { digestMail, immediateMail, type NoticeItem } from './notifications.rules.js';
import { NotificationsService } from './notifications.service.js';

/** The consumer's name in alert_consumers. */
export const EMAIL_CONSUMER = 'email';
/** Digests claimed per transaction: a failure re-sends none of the others, and no transaction grows without bound. */
const DIGEST_BATCH = 100;

const toItem = (row: NoticeRow): NoticeItem => ({
  kind: row.kind,
  caseId: row.case_id,
  meetingId: row.meeting_id,
  reference: row.reference,
  count: row.count,
});

/**
 * An address the outbox would refuse (a line break) is skipped rather than refused: one bad address must not hold
 * up everyone else's mail, as a batch that throws is taken again and again. Addresses are checked when accounts are
 * made, so this is a guard, not a path.
 */
const mailable = (notice: NoticeRow) => !/[\r\n]/.test(notice.email);

/**
 * Email from the alert outbox, off the alert path. Immediate mail: the email consumer of AlertFollowers takes each
 * new alert once across instances, and queues its mail in the transaction that moves the consumer on (so mail is
 * queued exactly once). The daily digest: a scheduler pass claims the users whose digest is due, in the transaction
 * that queues their digests. Who is told what is decided in SQL, one statement per batch whoever is on email.
 */
@Injectable()
export class NotificationMailer implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followers: AlertFollowers,
    private readonly scheduler: AlertScheduler,
    private readonly alerts: AlertsRepository,
    private readonly repository: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.followers.follow(EMAIL_CONSUMER, (tx, alerts) => this.mailAlerts(tx, alerts));
    this.scheduler.addPass((now) => this.sendDigests(now));
  }

  /** The mail for a batch of new alerts, queued in the consumer's transaction. */
  async mailAlerts(tx: EntityManager, alerts: readonly AlertRow[]): Promise<void> {
    const notices = (
      await this.repository.immediateNotices(
        tx,
        alerts.map((a) => a.id),
      )
    ).filter(mailable);
    if (notices.length === 0) return;
    const links = await this.notifications.mailLinks();
    await MailOutbox.enqueueMany(
      tx,
      notices.map((notice) => ({ to: notice.email, ...immediateMail(toItem(notice), links(notice.user_id)) })),
    );
  }

  /** Every digest due at `now`, in batches; each batch claims and queues in one transaction. */
  async sendDigests(now: Date): Promise<void> {
    await this.repository.startDigests(this.dataSource);
    const upTo = await this.alerts.latestId(this.dataSource);
    for (;;) {
      const claimed = await this.dataSource.transaction(async (tx) => {
        const due = await this.repository.claimDueDigests(tx, now, upTo, DIGEST_BATCH);
        if (due.length === 0) return 0;
        const notices = await this.repository.digestNotices(tx, due, upTo);
        const byUser = new Map<string, NoticeRow[]>();
        for (const notice of notices.filter(mailable)) {
          const items = byUser.get(notice.user_id);
          if (items) items.push(notice);
          else byUser.set(notice.user_id, [notice]);
        }
        const links = await this.notifications.mailLinks();
        // An empty digest is not sent: its mark still moves, so the next one starts from here.
        const mails: NewMail[] = [...byUser].map(([userId, items]) => ({
          to: items[0].email,
          ...digestMail(items.map(toItem), links(userId)),
        }));
        await MailOutbox.enqueueMany(tx, mails);
        return due.length;
      });
      if (claimed < DIGEST_BATCH) return;
    }
  }

  /** How far behind the email consumer is, and how long the oldest unsent mail has waited: for the benchmark. */
  async lag(): Promise<{ alertsBehind: number; oldestUnsentMailSeconds: number }> {
    const consumers = await this.followers.lag();
    return {
      alertsBehind: consumers.find((c) => c.name === EMAIL_CONSUMER)?.behind ?? 0,
      oldestUnsentMailSeconds: await MailOutbox.oldestUnsentSeconds(this.dataSource),
    };
  }
}
