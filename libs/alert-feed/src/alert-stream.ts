import { LiveStream } from '#libs/live';

/**
 * A `caseAlerts` subscription. The hub writes each alert straight to the socket as the protocol's `next`
 * message, serialized once for everyone who receives the same bytes, so nothing is ever pushed here: it only
 * ends (graphql-ws then sends `complete`; resubscribing with `since` loses nothing).
 */
export class AlertStream extends LiveStream<never> {}
