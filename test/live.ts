import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestPortal } from './harness.js';

/** A partner's live connection: a real graphql-ws client over a real WebSocket. */
export class LiveClient {
  readonly closed: Promise<number>;
  private constructor(
    readonly client: Client,
    closed: Promise<number>,
  ) {
    this.closed = closed;
  }

  static connect(portal: TestPortal, token?: string | null, authorization?: string): LiveClient {
    let onClosed!: (code: number) => void;
    const closed = new Promise<number>((resolve) => (onClosed = resolve));
    const client = createClient({
      url: portal.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : token ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
      on: { closed: (event) => onClosed((event as { code: number }).code) },
    });
    return new LiveClient(client, closed);
  }

  subscribe(query: string, variables: Record<string, unknown> = {}): Feed {
    const feed = new Feed();
    feed.stop = this.client.subscribe(
      { query, variables },
      {
        next: (result) => (result.errors ? feed.errors.push(...result.errors) : feed.events.push(result.data)),
        error: (error) => feed.errors.push(error),
        complete: () => (feed.completed = true),
      },
    );
    return feed;
  }

  close(): Promise<void> {
    return this.client.dispose() as Promise<void>;
  }
}

export class Feed {
  events: any[] = [];
  errors: any[] = [];
  completed = false;
  stop: () => void = () => undefined;

  /** Waits until `count` events have arrived (or fails after `ms`). */
  async received(count: number, ms = 5000): Promise<any[]> {
    const until = Date.now() + ms;
    while (this.events.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    if (this.events.length < count)
      throw new Error(`expected ${count} alerts, got ${this.events.length}: ${JSON.stringify(this.events)}`);
    return this.events;
  }

  /** Lets in-flight deliveries land, then returns what arrived: for asserting that nothing did. */
  async settle(ms = 600): Promise<any[]> {
    await new Promise((r) => setTimeout(r, ms));
    return this.events;
  }
}

export const ALERTS = `subscription($since: String, $caseId: ID, $kinds: [AlertKind!], $minRisk: RiskLevel) {
  caseAlerts(since: $since, caseId: $caseId, kinds: $kinds, minRisk: $minRisk) {
    id kind caseId actionId occurredAt case { id reference riskLevel access address redactedFields parties { fullName phone redactedFields } }
  }
}`;
