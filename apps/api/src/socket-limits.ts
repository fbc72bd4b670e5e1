import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  type DocumentNode,
  type FieldNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';

/** The largest WebSocket message taken (a subscribe message is a few KiB); a larger one closes the socket with 1009. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;
/** Subscriptions one socket may hold at once; the next is refused with an `error`. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

/**
 * The close for a socket past MAX_SOCKETS_PER_USER. The protocol recommends 4403 for a connection the server
 * refuses at `connection_init`, and graphql-ws's client takes 4403 as final (it does not retry in a loop, as it
 * would after a code of its own); the reason says which limit, where a bad token's says only "Forbidden".
 */
export const TOO_MANY_SOCKETS = { code: 4403, reason: 'Too many open connections for this user' } as const;

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
    // graphql-ws logs every socket error as an internal one. An oversized message is the client's fault and ws
    // has already closed that socket with 1009, so that one is not logged; every other error still is.
    wss.on('connection', (socket: WebSocket) => {
      const others = socket.listeners('error') as ((error: Error) => void)[];
      socket.removeAllListeners('error');
      socket.once('error', (error: Error & { code?: string }) => {
        if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return;
        for (const listener of others) listener.call(socket, error);
      });
    });
  }
}

/**
 * Whether a subscription asks for a replay: `caseAlerts` with a `since` that is given (literally, through a
 * variable, or by the variable's default), whether selected directly or through a fragment. A replay reads the
 * alert log; a live subscription does not.
 */
export function asksForReplay(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): boolean {
  const given = (value: ValueNode | undefined): boolean => {
    if (!value || value.kind === Kind.NULL) return false;
    if (value.kind !== Kind.VARIABLE) return true;
    const name = value.name.value;
    if (variables && name in variables) return variables[name] !== null && variables[name] !== undefined;
    const fallback = operation.variableDefinitions?.find((v) => v.variable.name.value === name)?.defaultValue;
    return given(fallback);
  };
  return rootFields(document, operation.selectionSet, new Set()).some(
    (field) =>
      field.name.value === 'caseAlerts' && given(field.arguments?.find((a) => a.name.value === 'since')?.value),
  );
}

function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, spread: Set<string>): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, spread);
    const name = selection.name.value;
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
    if (spread.has(name) || fragment?.kind !== Kind.FRAGMENT_DEFINITION) return [];
    return rootFields(document, fragment.selectionSet, new Set(spread).add(name));
  });
}

/**
 * At most `perMinute` replays per user in any sixty seconds (a sliding window, in this process). A refusal
 * says how long to wait. Users with nothing in the window are forgotten, so the map holds only recent callers.
 */
export class ReplayLimiter {
  private readonly started = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records a replay for `userId`, or returns the error that refuses it. */
  take(userId: string, now = Date.now()): GraphQLError | null {
    const recent = (this.started.get(userId) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.perMinute) {
      this.started.set(userId, recent);
      const retryAfterSeconds = Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000));
      return new GraphQLError(
        `At most ${this.perMinute} replays (caseAlerts with since) a minute: try again in ${retryAfterSeconds} s, or subscribe without since for live alerts`,
        { extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds } },
      );
    }
    recent.push(now);
    this.started.set(userId, recent);
    if (this.started.size > 1000)
      for (const [id, times] of this.started)
        if (times.every((at) => at <= now - this.windowMs)) this.started.delete(id);
    return null;
  }
}
