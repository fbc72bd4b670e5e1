/**
 * What graphql-ws holds for one live subscription: an async iterator that a feed pushes into and that ends
 * when the client completes, the socket closes, or the feed gives up on it. Pushes that come while the last
 * one is still unread fold into one: a viewer reads the latest, and nothing buffers without bound.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private unread: { value: T } | null = null;
  private waiting?: (result: IteratorResult<T>) => void;
  private done = false;

  constructor(private readonly onClose: () => void) {}

  push(value: T): void {
    if (this.done) return;
    if (!this.waiting) {
      this.unread = { value };
      return;
    }
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve({ value, done: false });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.unread) {
      const { value } = this.unread;
      this.unread = null;
      return Promise.resolve({ value, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error);
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.unread = null;
    this.onClose();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }

  get closed(): boolean {
    return this.done;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
