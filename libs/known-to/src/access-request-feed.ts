import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NotificationBus } from '#libs/db';
import { LiveConnections, type LiveSession, LiveStream } from '#libs/live';
import { ACCESS_REQUESTS_CHANNEL } from './known-to.repository.js';

/** One manager's open "Requests for access" screen: each push is a request id, read with their own rules when sent. */
export class AccessRequestStream extends LiveStream<string> {
  constructor(
    readonly agencyId: string,
    readonly session: LiveSession,
    onClose: () => void,
  ) {
    super(onClose);
  }
}

/**
 * The owner agencies' managers following their access requests in this process, woken by `access_requests`
 * (sent when a request is made or decided). A notification names the owner agency, so only its own managers'
 * streams are pushed: the case's other holders, and every other agency, hear nothing of it.
 */
@Injectable()
export class AccessRequestFeed implements OnApplicationShutdown {
  private readonly followers = new Map<string, Set<AccessRequestStream>>();

  constructor(
    bus: NotificationBus,
    private readonly connections: LiveConnections,
  ) {
    void bus.subscribe(ACCESS_REQUESTS_CHANNEL, {
      notified: (payload) => {
        const [agencyId, requestId] = payload.split(' ');
        if (agencyId && requestId) this.changed(agencyId, requestId);
      },
    });
  }

  follow(session: LiveSession): AccessRequestStream {
    const agencyId = session.user.agencyId;
    const stream: AccessRequestStream = new AccessRequestStream(agencyId, session, () => {
      const followers = this.followers.get(agencyId);
      followers?.delete(stream);
      if (followers?.size === 0) this.followers.delete(agencyId);
    });
    let followers = this.followers.get(agencyId);
    if (!followers) this.followers.set(agencyId, (followers = new Set()));
    followers.add(stream);
    return stream;
  }

  private changed(agencyId: string, requestId: string): void {
    for (const stream of this.followers.get(agencyId) ?? []) {
      if (this.connections.usable(stream.session)) stream.push(requestId);
    }
  }

  onApplicationShutdown(): void {
    for (const followers of this.followers.values()) for (const stream of followers) stream.close();
  }
}
