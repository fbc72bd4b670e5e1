import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, CombinedGraphQLErrors } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { sessionExpired } from './session';

/**
 * One client per access token: signing in again builds a fresh client, so the WebSocket
 * reconnects with the new token and no cached case data outlives the session that read it.
 */
export function createApolloClient(token: string | null): ApolloClient {
  const authorization = token ? `Bearer ${token}` : undefined;

  const http = new HttpLink({
    uri: '/graphql',
    headers: authorization ? { authorization } : {},
  });

  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  // Whether the socket was lost (not closed because nothing was subscribed): then, once it is back, every open
  // screen reads again what it shows, since changes made meanwhile were signalled to nobody.
  let dropped = false;
  const ws = token
    ? new GraphQLWsLink(
        createClient({
          url: wsUrl,
          lazy: true,
          connectionParams: { authorization },
          retryAttempts: Infinity,
          // 4403: the token was refused (expired or the user deactivated); retrying cannot help.
          shouldRetry: (event) => !(event && typeof event === 'object' && 'code' in event && event.code === 4403),
          on: {
            closed: (event) => {
              if (event && typeof event === 'object' && 'code' in event && event.code === 4403) sessionExpired();
              else if (!(event && typeof event === 'object' && 'code' in event && event.code === 1000)) dropped = true;
            },
            connected: () => {
              if (!dropped) return;
              dropped = false;
              void client.refetchQueries({ include: 'active' }).catch(() => undefined);
            },
          },
        }),
      )
    : null;

  const errors = new ErrorLink(({ error, operation }) => {
    if (operation.operationName === 'SignIn' || operation.operationName === 'Reauthenticate') return;
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      sessionExpired();
    }
  });

  // When this tab last sent a change: its own change coming back as a signal needs no "updated by" note.
  const noteMutations = new ApolloLink((operation, forward) => {
    const def = getMainDefinition(operation.query);
    if (def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.MUTATION)
      lastMutationAt = Date.now();
    return forward(operation);
  });

  const transport = ws
    ? ApolloLink.split(
        ({ query }) => {
          const def = getMainDefinition(query);
          return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION;
        },
        ws,
        http,
      )
    : http;

  const client = new ApolloClient({
    link: ApolloLink.from([errors, noteMutations, transport]),
    cache: new InMemoryCache({
      typePolicies: {
        Case: {
          fields: {
            shares: { merge: false },
            incidents: { merge: false },
            actions: { merge: false },
            parties: { merge: false },
            contacts: { merge: false },
            satisfaction: { merge: false },
            serviceClocks: { merge: false },
            asbRiskAssessments: { merge: false },
            actionPlans: { merge: false },
            evidence: { merge: false },
          },
        },
        // Lists the API sends whole: the newest list replaces the cached one (attendance and research have no ids).
        Meeting: { fields: { agenda: { merge: false }, attendance: { merge: false }, agencies: { merge: false } } },
        AgendaItem: {
          fields: {
            research: { merge: false },
            actions: { merge: false },
            actionsNotDone: { merge: false },
            actionsNoLongerNeeded: { merge: false },
          },
        },
        Query: { fields: { cases: { keyArgs: ['filter', 'first', 'after'] } } },
      },
    }),
  });
  return client;
}

let lastMutationAt = 0;

/** Whether this tab sent a change within the last `ms`. */
export function changedHereWithin(ms: number): boolean {
  return Date.now() - lastMutationAt < ms;
}

/** The `extensions.code` of the first GraphQL error, if the error came from the API. */
export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.code as string | undefined;
  return undefined;
}

/** The `extensions.field` of the first GraphQL error: which argument or input field the API refused. */
export function errorField(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const field = error.errors[0]?.extensions?.field;
  return typeof field === 'string' ? field : undefined;
}

/** `extensions.retryAfterSeconds` of the first GraphQL error: how long a throttled sign-in must wait. */
export function errorRetryAfter(error: unknown): number | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const seconds = error.errors[0]?.extensions?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}

export function errorMessages(error: unknown): string[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message);
  if (error instanceof Error) return ['The service could not be reached. Try again.'];
  return [];
}

/**
 * GraphQL errors as GOV.UK field errors: where the API names the offending field in
 * `extensions.field`, the message links to that input and reads with the field's label.
 * `resolve` maps an API field path ("summary", "parties.0.fullName") to the input's id and label.
 */
export function apiFieldErrors(
  error: unknown,
  resolve: (field: string) => { id: string; label: string } | undefined,
): { text: string; href?: string }[] {
  if (!CombinedGraphQLErrors.is(error)) return errorMessages(error).map((text) => ({ text }));
  return error.errors.map((e) => {
    const field = typeof e.extensions?.field === 'string' ? e.extensions.field : undefined;
    const target = field ? resolve(field) : undefined;
    if (!field || !target) return { text: e.message };
    const name = field.split('.').pop() ?? field;
    let text = e.message;
    if (text.startsWith(field)) text = target.label + text.slice(field.length);
    else if (text.startsWith(name)) text = target.label + text.slice(name.length);
    else
      text = text
        .replace(field, target.label.toLowerCase())
        .replace(new RegExp(`\\b${name}\\b`), target.label.toLowerCase());
    return { text, href: target.id };
  });
}

/** `extensions.mfaRequired` of the first GraphQL error: the password was right, and a second-factor code is needed. */
export function errorMfaRequired(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors[0]?.extensions?.mfaRequired === true;
}
