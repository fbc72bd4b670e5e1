/**
 * The live streams (LiveStream) following each key (a case, a meeting, an agency) in this process: a stream is added as its
 * subscription starts and leaves when it closes, and a key with no streams left is forgotten, so a feed holds only
 * what is open. Every feed that wakes its followers by key keeps them here.
 */
export class LiveFollowers<S extends { close(): void }> {
  private readonly byKey = new Map<string, Set<S>>();

  /** Adds the stream `make` builds, handing it the close hook that takes it out again. */
  add(key: string, make: (onClose: () => void) => S): S {
    const stream: S = make(() => {
      const streams = this.byKey.get(key);
      streams?.delete(stream);
      if (streams?.size === 0) this.byKey.delete(key);
    });
    let streams = this.byKey.get(key);
    if (!streams) this.byKey.set(key, (streams = new Set()));
    streams.add(stream);
    return stream;
  }

  /** The streams following `key` (none when nobody follows it). */
  of(key: string): Iterable<S> {
    return this.byKey.get(key) ?? [];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The keys someone follows. */
  keys(): Iterable<string> {
    return this.byKey.keys();
  }

  /** How many keys someone follows. */
  get size(): number {
    return this.byKey.size;
  }

  /** How many streams are open, over every key. */
  get streamCount(): number {
    let count = 0;
    for (const streams of this.byKey.values()) count += streams.size;
    return count;
  }

  *all(): Iterable<S> {
    for (const streams of this.byKey.values()) yield* streams;
  }

  /** Ends every stream, as the process shuts down. */
  closeAll(): void {
    for (const stream of [...this.all()]) stream.close();
  }
}
