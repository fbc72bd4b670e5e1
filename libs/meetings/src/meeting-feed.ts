import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NotificationBus } from '#libs/db';
import { LiveConnections, LiveFollowers, type LiveSession, LiveStream } from '#libs/live';

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
  private readonly viewers = new LiveFollowers<MeetingStream>();

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
    return this.viewers.add(meetingId, (onClose) => new MeetingStream(meetingId, session, onClose));
  }

  private changed(meetingId: string): void {
    for (const stream of this.viewers.of(meetingId)) {
      if (this.connections.usable(stream.session)) stream.push(meetingId);
    }
  }

  onApplicationShutdown(): void {
    this.viewers.closeAll();
  }
}
