import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NotificationBus } from '#libs/db';
import { LiveConnections, LiveFollowers, type LiveSession, LiveStream } from '#libs/live';
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
  private readonly followers = new LiveFollowers<AccessRequestStream>();

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
    return this.followers.add(agencyId, (onClose) => new AccessRequestStream(agencyId, session, onClose));
  }

  private changed(agencyId: string, requestId: string): void {
    for (const stream of this.followers.of(agencyId)) {
      if (this.connections.usable(stream.session)) stream.push(requestId);
    }
  }

  onApplicationShutdown(): void {
    this.followers.closeAll();
  }
}
