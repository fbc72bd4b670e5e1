/**
 * Background work that runs one pass at a time in this process and is woken from several sides (a NOTIFY, the
 * scheduler, start-up). A wake during a pass asks for exactly one more pass after it, so nothing waits for the next
 * wake and wakes never pile up; a failed pass is reported and the next wake runs again.
 */
export class SerialPass {
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Whether a pass is under way (or one more is owed). */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Runs a pass now, or once more after the one under way; resolves when the passes so asked for are done. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass().catch(this.failed);
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** No pass starts after this; resolves when the one under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
