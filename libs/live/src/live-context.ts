import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { RequestContext } from '#libs/context';
import type { LiveSession } from './live-connections.service.js';

/** A subscribe message as graphql-ws parsed it: the operation and the id its `next` messages carry. */
export interface SubscribeMessage {
  id: string;
  schema: GraphQLSchema;
  document: DocumentNode;
  variableValues?: { readonly [name: string]: unknown } | null;
  operationName?: string | null;
}

/** A subscription's context also carries the WebSocket session it runs on, and the subscribe message. */
export type LiveContext = RequestContext & { session?: LiveSession; message?: SubscribeMessage };
