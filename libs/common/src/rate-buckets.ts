/**
 * A token bucket per name (a key, an address): up to `perMinute` at once, refilled at `perMinute` a minute. A
 * refusal says how many seconds until the next would be taken. Kept per process: behind N instances a name gets N
 * times the rate at most, a bound rather than a quota. Names with a full bucket are forgotten, so the map holds only
 * the busy.
 */
export class RateBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number) {}

  /** Takes one for `name`: 0 when taken, otherwise the whole seconds to wait (at least 1). */
  take(name: string, now = Date.now()): number {
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(name) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(name, bucket);
    if (this.buckets.size > 10_000) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  private forgetIdle(now: number): void {
    const perMs = this.perMinute / 60_000;
    for (const [id, bucket] of this.buckets)
      if (bucket.tokens + (now - bucket.at) * perMs >= this.perMinute) this.buckets.delete(id);
  }
}
