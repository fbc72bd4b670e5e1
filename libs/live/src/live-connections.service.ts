import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SessionUser } from '#libs/access';
import { type Session, SESSIONS_CHANNEL, SessionsService } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { NotificationBus, QueryCounter } from '#libs/db';

/** What the hub needs of a WebSocket (ws's): to write to it, to see how far behind its reader is, to close it. */
export interface LiveSocket {
  send(data: string): void;
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

export interface LiveSession {
  /** The signed-in session (the token's `jti`) the socket was opened with. */
  sessionId: string;
  user: SessionUser;
  expiresAt: Date;
  socket: LiveSocket;
  closed: boolean;
  /** Whether the socket has a subscription running: the person has the portal open, which keeps the session in use. */
  subscribed: () => boolean;
}

const FORBIDDEN = 4403;

/**
 * The open WebSockets of this process and who is signed in on each. A session ended (signing out, an
 * administrator, a deactivation) closes its sockets at once: the end is announced to every instance
 * (SESSIONS_CHANNEL). An expired token's or an idle session's close within SESSION_SWEEP_SECONDS, and so do
 * those whose announcement never reached this instance. Each sweep also counts a socket with a running
 * subscription as use of its session, so an officer with the portal open is not signed out as idle.
 */
@Injectable()
export class LiveConnections implements OnApplicationBootstrap, OnApplicationShutdown {
  /** By socket, so a closing socket is forgotten without a scan of every session. */
  private readonly sessions = new Map<LiveSocket, LiveSession>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signedIn: SessionsService,
    private readonly counter: QueryCounter,
    bus: NotificationBus,
  ) {
    void bus.subscribe(SESSIONS_CHANNEL, {
      notified: (payload) => {
        if (payload) this.announced(payload);
      },
      // Sign-outs announced while nobody listened were lost with the connection: check every open socket now
      // rather than leave a signed-out token's socket open until the next sweep.
      reconnected: () => void this.sweep().catch(() => undefined),
    });
  }

  onApplicationBootstrap(): void {
    // A sweep that cannot reach the database closes nothing; the next one tries again.
    this.timer = setInterval(
      () => void this.counter.countAs('session-sweep', () => this.sweep()).catch(() => undefined),
      this.config.sessionSweepSeconds * 1000,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  open(presented: Session, socket: LiveSocket, subscribed: () => boolean): LiveSession {
    const session: LiveSession = {
      sessionId: presented.id,
      user: presented.user,
      expiresAt: presented.expiresAt,
      socket,
      closed: false,
      subscribed,
    };
    this.sessions.set(socket, session);
    return session;
  }

  /** Sockets open for this user on this instance (MAX_SOCKETS_PER_USER caps it). */
  openFor(userId: string): number {
    let open = 0;
    for (const session of this.sessions.values()) if (session.user.id === userId && !session.closed) open++;
    return open;
  }

  forget(socket: LiveSocket): void {
    this.sessions.delete(socket);
  }

  /** Whether alerts may still go to this session: open, token unexpired. */
  usable(session: LiveSession, now = Date.now()): boolean {
    if (session.closed) return false;
    if (session.expiresAt.getTime() <= now) {
      this.close(session);
      return false;
    }
    return true;
  }

  /** An announcement on SESSIONS_CHANNEL: `session:<id>` or `user:<id>` ended. */
  announced(payload: string): void {
    const [kind, id] = payload.split(':');
    for (const session of this.sessions.values()) {
      if ((kind === 'session' && session.sessionId === id) || (kind === 'user' && session.user.id === id))
        this.close(session);
    }
  }

  /** Expired tokens, idle or ended sessions, and users deactivated, whether or not an announcement reached this instance. */
  async sweep(): Promise<void> {
    const now = Date.now();
    for (const session of this.sessions.values()) this.usable(session, now);
    const open = [...this.sessions.values()];
    if (open.length === 0) return;
    await this.signedIn.touch([...new Set(open.filter((s) => s.subscribed()).map((s) => s.sessionId))]);
    const stillOpen = await this.signedIn.stillOpen([...new Set(open.map((s) => s.sessionId))]);
    for (const session of open) if (!stillOpen.has(session.sessionId)) this.close(session);
  }

  private close(session: LiveSession): void {
    if (session.closed) return;
    session.closed = true;
    this.sessions.delete(session.socket);
    session.socket.close(FORBIDDEN, 'Forbidden');
  }

  get size(): number {
    return this.sessions.size;
  }
}
