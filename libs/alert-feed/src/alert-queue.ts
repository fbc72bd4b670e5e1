/**
 * A push-fed async iterator: one per subscription. graphql-ws pulls from it; the hub pushes into it. An item
 * may still be a promise (a payload whose nested lists are loading): it is awaited when pulled, so the
 * order of pushes is the order of delivery. A subscriber that falls `limit` alerts behind is completed
 * rather than buffered without bound; it can resubscribe with `since` and lose nothing.
 */
export class AlertQueue<T> implements AsyncIterableIterator<T> {
  private items: (T | Promise<T>)[] = [];
  private waiting?: (result: IteratorResult<T> | Promise<IteratorResult<T>>) => void;
  private done = false;

  constructor(
    private readonly onClose: () => void,
    private readonly limit = 1000,
  ) {}

  push(item: T | Promise<T>): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(result(item));
    } else if (this.items.length < this.limit) {
      this.items.push(item);
    } else {
      this.close();
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve(result(this.items.shift()!));
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
    this.items = [];
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

function result<T>(item: T | Promise<T>): IteratorResult<T> | Promise<IteratorResult<T>> {
  return item instanceof Promise ? item.then((value) => ({ value, done: false })) : { value: item, done: false };
}
