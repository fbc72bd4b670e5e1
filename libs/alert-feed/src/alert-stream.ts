/**
 * What graphql-ws holds for one `caseAlerts` subscription. The hub writes each alert straight to the socket
 * as the protocol's `next` message, serialized once for everyone who receives the same bytes, so this
 * iterator never yields: it only ends, when the client completes, the socket closes, or the hub gives up on
 * a subscriber too far behind (graphql-ws then sends `complete`; resubscribing with `since` loses nothing).
 */
export class AlertStream implements AsyncIterableIterator<never> {
  private ended?: (result: IteratorResult<never>) => void;
  private done = false;

  constructor(private readonly onClose: () => void) {}

  next(): Promise<IteratorResult<never>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.ended = resolve));
  }

  return(): Promise<IteratorResult<never>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<never>> {
    this.close();
    return Promise.reject(error);
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.onClose();
    this.ended?.({ value: undefined, done: true });
    this.ended = undefined;
  }

  get closed(): boolean {
    return this.done;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
