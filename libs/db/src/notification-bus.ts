import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import pg from 'pg';
import { DATABASE_URL } from './database-url.js';

/** One feature's interest in a channel of PostgreSQL's NOTIFY. */
export interface ChannelSubscriber {
  /** Each notification on the channel; the payload is '' when the notifier sent none. */
  notified(payload: string): void;
  /**
   * The connection was lost and is listening again: whatever was announced meanwhile is gone, so a subscriber
   * whose notifications are only hints re-reads what they stood for (the table, not the notification, is the truth).
   */
  reconnected?(): void;
}

/** Channel names go into `LISTEN` as identifiers, never as values: only these are accepted. */
const CHANNEL = /^[a-z_]+$/;
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 10_000;

/**
 * The process's one listening connection to PostgreSQL, shared by every feature that is woken by NOTIFY (the alert
 * hub, a meeting's live viewers, sign-outs closing sockets): a connection per feature would cost the database one
 * per feature per instance. Lost once it was listening (the database restarted, the network dropped), it listens
 * again until the database answers, however long that takes, backing off to every ten seconds.
 */
@Injectable()
export class NotificationBus implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationBus.name);
  private readonly channels = new Map<string, ChannelSubscriber[]>();
  private client?: pg.Client;
  private stopping = false;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /** The first connection: a database that does not answer at start fails the start, as it always has. */
  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.client?.end().catch(() => undefined);
  }

  /**
   * Listens on `channel` (a fixed identifier) for `subscriber`. Subscribing before the bus has started (from a
   * constructor) is listened to when it connects, at bootstrap, before any feature module's own bootstrap (the bus's
   * module is global, and Nest bootstraps those first). Subscribing later resolves once the channel is listened to,
   * so a subscriber that then reads its table misses nothing between that read and its first notification.
   */
  async subscribe(channel: string, subscriber: ChannelSubscriber): Promise<void> {
    if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    const subscribers = this.channels.get(channel);
    if (subscribers) {
      subscribers.push(subscriber);
      return;
    }
    this.channels.set(channel, [subscriber]);
    // Lost, the connection listens to every channel again when it comes back.
    await this.client?.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'partnership-portal-listener',
    });
    client.on('notification', (message) => {
      for (const subscriber of this.channels.get(message.channel) ?? []) subscriber.notified(message.payload ?? '');
    });
    // A failed connect is the caller's to retry, so only a listening client reconnects here, and only once.
    let listening = false;
    const lost = (reason: string) => {
      if (!listening) return;
      listening = false;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.stopping) return;
      this.logger.warn(`notification listener lost: ${reason}; reconnecting`);
      this.reconnect();
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('the connection ended'));
    try {
      await client.connect();
      // Set before LISTEN: a channel subscribed from here on is listened to on this client, after these.
      this.client = client;
      if (this.channels.size > 0)
        await client.query([...this.channels.keys()].map((channel) => `LISTEN ${channel}`).join('; '));
    } catch (error) {
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      throw error;
    }
    listening = true;
  }

  /** Tries again after `delay`, backing off while the database is away; then tells every subscriber. */
  private reconnect(delay = FIRST_RETRY_MS): void {
    setTimeout(() => {
      if (this.stopping) return;
      this.connect().then(
        () => {
          for (const subscribers of this.channels.values())
            for (const subscriber of subscribers) subscriber.reconnected?.();
        },
        () => this.reconnect(Math.min(delay * 2, LONGEST_RETRY_MS)),
      );
    }, delay).unref();
  }
}

/** Global: one bus per process, whichever feature modules ask for it. */
@Global()
@Module({ providers: [NotificationBus], exports: [NotificationBus] })
export class NotificationBusModule {}
