import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NotificationBus } from '#libs/db';
import { LiveConnections, type LiveSession, LiveStream } from '#libs/live';

/** One viewer of a meeting: each push is executed with the viewer's own rules when sent (null once they no longer attend). */
export class MeetingStream extends LiveStream<string> {
  constructor(
    readonly meetingId: string,
    readonly session: LiveSession,
    onClose: () => void,
  ) {
    super(onClose);
  }
}

/** The live viewers of each meeting in this process, woken by the `meeting_updates` notification every change sends. */
@Injectable()
export class MeetingFeed implements OnApplicationShutdown {
  private readonly viewers = new Map<string, Set<MeetingStream>>();

  constructor(
    bus: NotificationBus,
    private readonly connections: LiveConnections,
  ) {
    void bus.subscribe('meeting_updates', {
      notified: (meetingId) => {
        if (meetingId) this.changed(meetingId);
      },
    });
  }

  follow(meetingId: string, session: LiveSession): MeetingStream {
    const stream: MeetingStream = new MeetingStream(meetingId, session, () => {
      const viewers = this.viewers.get(meetingId);
      viewers?.delete(stream);
      if (viewers?.size === 0) this.viewers.delete(meetingId);
    });
    let viewers = this.viewers.get(meetingId);
    if (!viewers) this.viewers.set(meetingId, (viewers = new Set()));
    viewers.add(stream);
    return stream;
  }

  private changed(meetingId: string): void {
    for (const stream of this.viewers.get(meetingId) ?? []) {
      if (this.connections.usable(stream.session)) stream.push(meetingId);
    }
  }

  onApplicationShutdown(): void {
    for (const viewers of this.viewers.values()) for (const stream of viewers) stream.close();
  }
}
