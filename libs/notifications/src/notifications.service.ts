import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AlertKind } from '#libs/alerts';
import { EncryptionKey } from '#libs/auth';
import { BadInputError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import type { RequestContext } from '#libs/context';
import type { NotificationPreferences } from './notification.model.js';
import type { NotificationPreferencesInput } from './notifications.inputs.js';
import { NotificationsRepository, type SettingsRow } from './notifications.repository.js';
import {
  DEFAULT_DIGEST,
  DIGEST_TIME_ZONE,
  effectiveDeliveries,
  type MailLinks,
  NotificationDelivery,
  readUnsubscribeToken,
  unsubscribeKey,
  unsubscribeToken,
} from './notifications.rules.js';

/**
 * Each user's email notifications: which kinds, how, and when the digest goes. Always the caller's own: nothing here
 * takes a user id from a request, so there is no other user's setting to name. The unsubscribe link in each mail is
 * the one way to change a setting without signing in, and it turns off one kind for one user only.
 */
@Injectable()
export class NotificationsService {
  private key?: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptionKey: EncryptionKey,
    private readonly repository: NotificationsRepository,
  ) {}

  async preferences(ctx: RequestContext): Promise<NotificationPreferences> {
    return toPreferences(await this.repository.settingsOf(ctx.db, ctx.user!.id));
  }

  async set(ctx: RequestContext, input: NotificationPreferencesInput): Promise<NotificationPreferences> {
    const deliveries: Record<string, NotificationDelivery> = {};
    for (const [i, choice] of (input.kinds ?? []).entries()) {
      if (choice.kind in deliveries) throw new BadInputError(`kinds.${i}.kind`, `${choice.kind} is named twice`);
      deliveries[choice.kind] = choice.delivery;
    }
    const hour = input.digestHour ?? null;
    const minute = input.digestMinute ?? null;
    if ((hour === null) !== (minute === null))
      throw new BadInputError(
        hour === null ? 'digestHour' : 'digestMinute',
        'Give the digest hour and minute together',
      );
    const digest = hour === null ? null : { hour, minute: minute! };
    return toPreferences(await this.repository.save(ctx.db, ctx.user!.id, deliveries, digest, DEFAULT_DIGEST));
  }

  /** The links a mail to a user carries: the portal, and per kind the link that stops mail of that kind. */
  async mailLinks(): Promise<(userId: string) => MailLinks> {
    const key = await this.signingKey();
    const publicUrl = this.config.mail.publicUrl;
    return (userId) => ({
      publicUrl,
      unsubscribe: (kind) => `${publicUrl}/notifications/unsubscribe/${unsubscribeToken(key, userId, kind)}`,
    });
  }

  /** Which kind a token would turn off (for the confirmation page); null when it is not one of ours. */
  async readToken(token: string): Promise<{ userId: string; kind: AlertKind } | null> {
    return readUnsubscribeToken(await this.signingKey(), token);
  }

  /** Turns off the one kind the token names for the one user it names; false for a token not signed by us. */
  async unsubscribe(token: string): Promise<{ kind: AlertKind } | null> {
    const named = await this.readToken(token);
    if (!named) return null;
    await this.dataSource.transaction((db) =>
      this.repository.save(db, named.userId, { [named.kind]: NotificationDelivery.OFF }, null, DEFAULT_DIGEST),
    );
    return { kind: named.kind };
  }

  /** Derived from the portal's key material (EncryptionKey), as sealed secrets are. */
  private async signingKey(): Promise<Buffer> {
    this.key ??= unsubscribeKey(await this.encryptionKey.get());
    return this.key;
  }
}

function toPreferences(row: SettingsRow | undefined): NotificationPreferences {
  return {
    kinds: effectiveDeliveries(row?.deliveries ?? {}),
    digestHour: row?.digest_hour ?? DEFAULT_DIGEST.hour,
    digestMinute: row?.digest_minute ?? DEFAULT_DIGEST.minute,
    timeZone: DIGEST_TIME_ZONE,
  };
}
