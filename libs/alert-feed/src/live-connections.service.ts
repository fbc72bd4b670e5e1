import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '#libs/access';
import { APP_CONFIG, type AppConfig } from '#libs/config';

/** What the hub needs of a WebSocket (ws's): to write to it, to see how far behind its reader is, to close it. */
export interface LiveSocket {
  send(data: string): void;
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

export interface LiveSession {
  user: SessionUser;
  expiresAt: Date;
  socket: LiveSocket;
  closed: boolean;
}

const FORBIDDEN = 4403;

/**
 * The open WebSockets of this process and who is signed in on each. A deactivated user's sockets close at
 * once (the deactivation is announced to every instance); an expired token's within SESSION_SWEEP_SECONDS.
 */
@Injectable()
export class LiveConnections implements OnApplicationBootstrap, OnApplicationShutdown {
  /** By socket, so a closing socket is forgotten without a scan of every session. */
  private readonly sessions = new Map<LiveSocket, LiveSession>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.sessionSweepSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  open(user: SessionUser, expiresAt: Date, socket: LiveSocket): LiveSession {
    const session: LiveSession = { user, expiresAt, socket, closed: false };
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

  closeUser(userId: string): void {
    for (const session of this.sessions.values()) if (session.user.id === userId) this.close(session);
  }

  /** Expired tokens, and users deactivated without the announcement reaching this instance. */
  async sweep(): Promise<void> {
    const now = Date.now();
    for (const session of this.sessions.values()) this.usable(session, now);
    const userIds = [...new Set([...this.sessions.values()].map((s) => s.user.id))];
    if (userIds.length === 0) return;
    const active: { id: string }[] = await this.dataSource.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active`, [userIds]);
    const stillActive = new Set(active.map((row) => row.id));
    for (const session of this.sessions.values()) if (!stillActive.has(session.user.id)) this.close(session);
  }

  private close(session: LiveSession): void {
    session.closed = true;
    this.sessions.delete(session.socket);
    session.socket.close(FORBIDDEN, 'Forbidden');
  }

  get size(): number {
    return this.sessions.size;
  }
}
