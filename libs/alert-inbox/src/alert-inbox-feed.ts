import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AlertsRepository } from '#libs/alerts';
import { CaseChangeKind, parseSignal } from '#libs/case-feed';
import { SerialPass } from '#libs/common';
import { NotificationBus } from '#libs/db';
import { LiveConnections, LiveFollowers, type LiveSession, LiveStream } from '#libs/live';
import { AlertInboxRepository, INBOX_CHANNEL } from './alert-inbox.repository.js';

/** One open badge: each push is the signal to recount that user's inbox with their own rules. */
export class InboxStream extends LiveStream<string> {
  constructor(
    readonly userId: string,
    readonly agencyId: string,
    readonly session: LiveSession,
    onClose: () => void,
  ) {
    super(onClose);
  }
}

/** Alerts committed close together are one recount, not one each. */
const FOLD_MS = 150;

/**
 * The open badges in this process. A badge recounts when its user's read state or assignments change (the
 * per-user `alert_inbox` notification at commit, from any instance) and when alerts arrive that may be theirs:
 * on `case_alerts`, one statement names the agencies the new alerts concern, and only the connected users of those
 * agencies recount. A stream folds pushes it has not yet delivered, so a burst is one recount per badge.
 */
@Injectable()
export class AlertInboxFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertInboxFeed.name);
  private readonly byAgency = new LiveFollowers<InboxStream>();
  private seen = 0;
  private notified = 0;
  private readonly pass = new SerialPass(
    () => this.arrived(),
    (error) => this.logger.error(`inbox badges not told of new alerts: ${String(error)}`),
  );

  constructor(
    private readonly bus: NotificationBus,
    private readonly connections: LiveConnections,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
    private readonly repository: AlertInboxRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.seen = this.notified = await this.alerts.latestId(this.dataSource);
    await this.bus.subscribe(INBOX_CHANNEL, {
      notified: (userId) => this.changed((stream) => stream.userId === userId),
      reconnected: () => this.changed(() => true),
    });
    // A share ended raises no alert, yet takes that case's alerts out of the agency's inboxes: its badges recount.
    await this.bus.subscribe('case_updates', {
      notified: (payload) => {
        const signal = parseSignal(payload);
        if (signal?.what === CaseChangeKind.SHARE && signal.aboutAgencyId)
          this.changed(() => true, [signal.aboutAgencyId]);
      },
    });
    await this.bus.subscribe('case_alerts', {
      notified: (id) => {
        this.notified = Math.max(this.notified, Number(id) || 0);
        void this.pass.wake();
      },
      // What was announced meanwhile is lost: every badge recounts, and counting starts again from now.
      reconnected: () => {
        void this.alerts.latestId(this.dataSource).then((id) => (this.seen = this.notified = Math.max(id, this.seen)));
        this.changed(() => true);
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pass.stop();
    this.byAgency.closeAll();
  }

  /** A badge for this user; it is told its count at once. */
  follow(userId: string, agencyId: string, session: LiveSession): InboxStream {
    const stream = this.byAgency.add(agencyId, (onClose) => new InboxStream(userId, agencyId, session, onClose));
    stream.push(userId);
    return stream;
  }

  private changed(which: (stream: InboxStream) => boolean, agencies?: Iterable<string>): void {
    const streams = agencies ? [...agencies].flatMap((id) => [...this.byAgency.of(id)]) : this.byAgency.all();
    for (const stream of streams) {
      if (which(stream) && this.connections.usable(stream.session)) stream.push(stream.userId);
    }
  }

  private async arrived(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, FOLD_MS));
    const upTo = this.notified;
    if (upTo <= this.seen) return;
    if (this.byAgency.size === 0) {
      this.seen = upTo;
      return;
    }
    const agencies = await this.repository.agenciesConcerned(this.dataSource, this.seen, upTo);
    this.seen = upTo;
    this.changed(() => true, agencies);
  }

  get badgeCount(): number {
    return this.byAgency.streamCount;
  }
}
