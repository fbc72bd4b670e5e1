import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AlertHub, LiveConnections, type LiveSession } from '#libs/alert-feed';

/**
 * One subscriber's updates: a push-fed async iterator of "the meeting changed". Each event is executed with
 * the subscriber's own rules when it is sent, so a viewer who stops attending gets `null`. Changes that come
 * while one is being sent fold into one, so nothing buffers: the viewer reads the meeting as it is now.
 */
export class MeetingStream implements AsyncIterableIterator<string> {
  private pending = 0;
  private waiting?: (result: IteratorResult<string>) => void;
  private done = false;

  constructor(
    readonly meetingId: string,
    readonly session: LiveSession,
    private readonly onClose: () => void,
  ) {}

  push(): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: this.meetingId, done: false });
    } else {
      this.pending = 1;
    }
  }

  next(): Promise<IteratorResult<string>> {
    if (this.pending > 0) {
      this.pending = 0;
      return Promise.resolve({ value: this.meetingId, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<string>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<string>> {
    this.close();
    return Promise.reject(error);
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.onClose();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** The live viewers of each meeting in this process, woken by the `meeting_updates` notification every change sends. */
@Injectable()
export class MeetingFeed implements OnApplicationShutdown {
  private readonly viewers = new Map<string, Set<MeetingStream>>();

  constructor(
    hub: AlertHub,
    private readonly connections: LiveConnections,
  ) {
    hub.listenTo('meeting_updates', (meetingId) => this.changed(meetingId));
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
      if (this.connections.usable(stream.session)) stream.push();
    }
  }

  onApplicationShutdown(): void {
    for (const viewers of this.viewers.values()) for (const stream of viewers) stream.close();
  }
}
