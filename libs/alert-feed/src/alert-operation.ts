import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  print,
  visit,
} from 'graphql';
import type { SubscribeMessage } from '#libs/live';
import { AlertStream } from './alert-stream.js';

/** A subscriber's operation, and what makes two subscribers' payloads the same. */
export interface AlertOperation {
  /** The start of every `next` message of this subscription, up to its payload. */
  messageHead: string;
  schema: GraphQLSchema;
  document: DocumentNode;
  variableValues?: { readonly [name: string]: unknown } | null;
  operationName?: string | null;
  /**
   * The payload's shape: the field's alias, its selection, the fragments and the variables they use. The
   * filters (`since`, `caseId`, …) are not in it, so a thousand officers reconnecting with a thousand
   * different cursors still share one execution per agency and role set.
   */
  shape: string;
}

/** What graphql-ws parsed for this operation, and the shape of the payload it asks for. */
export function alertOperation(message: SubscribeMessage, info: GraphQLResolveInfo): AlertOperation {
  const field = info.fieldNodes[0];
  const fragments = Object.values(info.fragments);
  const used = new Set<string>();
  for (const node of [field.selectionSet!, ...fragments]) visit(node, { Variable: (v) => void used.add(v.name.value) });
  const variables = [...used].sort().map((name) => [name, info.variableValues[name]]);
  const shape = [
    field.alias?.value ?? '',
    print(field.selectionSet!),
    ...fragments.map(print).sort(),
    JSON.stringify(variables),
  ].join('\n');
  const { id, schema, document, variableValues, operationName } = message;
  return {
    messageHead: `{"id":${JSON.stringify(id)},"type":"next","payload":`,
    schema,
    document,
    variableValues,
    operationName,
    shape,
  };
}

/** Runs a subscriber's selection on one alert. */
export function executeAlert(
  operation: AlertOperation,
  rootValue: unknown,
  contextValue: unknown,
): ExecutionResult | Promise<ExecutionResult> {
  const { schema, document, variableValues, operationName } = operation;
  return execute({ schema, document, variableValues, operationName, rootValue, contextValue });
}

/**
 * graphql-ws's `subscribe`. `caseAlerts` is delivered by the hub itself (see AlertStream), so its stream
 * passes through as it is; any other subscription is executed per event, as graphql-js would.
 */
export async function subscribeOnce(
  args: ExecutionArgs,
  afterEach: AfterEvent,
): Promise<AsyncIterable<unknown> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (stream instanceof AlertStream || !(Symbol.asyncIterator in stream)) return stream;
  return executedPerEvent(stream, args, afterEach);
}

/** Run after each event's execution, before it is sent: what the event's payload disclosed is written first. */
export type AfterEvent = (contextValue: unknown) => Promise<void>;

/** Each event executed as it comes; `return` reaches the source at once, even while it waits for an event. */
function executedPerEvent(
  stream: AsyncIterable<unknown>,
  args: ExecutionArgs,
  afterEach: AfterEvent,
): AsyncIterableIterator<ExecutionResult> {
  const source = stream[Symbol.asyncIterator]();
  const done = { value: undefined, done: true } as const;
  return {
    async next() {
      const event = await source.next();
      if (event.done) return done;
      const value = await execute({ ...args, rootValue: event.value });
      await afterEach(args.contextValue);
      return { value, done: false };
    },
    return: async () => (await source.return?.(), done),
    throw: async (error: unknown) => (await source.throw?.(error), done),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
