import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { WebSocketServer } from 'ws';

/** The largest WebSocket message taken (a subscribe message is a few KiB); a larger one closes the socket with 1009. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;
/** Subscriptions one socket may hold at once; the next is refused with an `error`. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

/**
 * `ws` takes messages of up to 100 MiB by default, before anyone has signed in. @nestjs/graphql builds the
 * WebSocketServer itself with no way to pass `maxPayload`, so it is set on that server once the GraphQL module
 * has started it (ws reads the option at each upgrade). If the server cannot be found the portal refuses to
 * start rather than run unlimited; test/stays-up checks the limit from outside.
 */
@Injectable()
export class SocketLimits implements OnApplicationBootstrap {
  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    const graphql = this.moduleRef.get(GraphQLModule, { strict: false });
    const adapter = graphql.graphQlAdapter as unknown as { _subscriptionService?: { wss?: WebSocketServer } };
    const wss = adapter._subscriptionService?.wss;
    if (!wss) throw new Error('The GraphQL WebSocket server was not found: its message size limit cannot be set');
    wss.options.maxPayload = MAX_SOCKET_MESSAGE_BYTES;
  }
}
