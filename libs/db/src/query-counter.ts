import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger } from 'typeorm';

/**
 * Counts the SQL statements each HTTP request sends, apart from the background work running beside it
 * (alert delivery, the scheduler). Tests and the benchmark read it to prove that a page of cases costs a
 * fixed number of statements, whatever its size.
 */
export class QueryCounter extends AbstractLogger {
  private readonly scope = new AsyncLocalStorage<{ statements: number }>();

  /**
   * Off unless COUNT_SQL_STATEMENTS is set (the tests set it; the benchmark counts in a pass of its own):
   * on Node 20 the context that follows each request turns on promise hooks, which cost about a tenth of a
   * GraphQL request's time.
   */
  constructor(private tracking = false) {
    super();
  }

  setTracking(on: boolean): void {
    this.tracking = on;
    if (!on) this.scope.disable();
  }

  private readonly finished = new Map<string, number>();
  /** Statements of background work, by purpose (alert delivery), for the benchmark. */
  readonly background = new Map<string, number>();

  override logQuery(): void {
    const store = this.scope.getStore();
    if (store) store.statements++;
  }

  /** Runs one request's work in its own count, kept under `requestId` once the response is sent. */
  track(requestId: string | undefined, run: () => void, onFinished: (listener: () => void) => void): void {
    if (!this.tracking) return run();
    const store = { statements: 0 };
    this.scope.run(store, run);
    if (!requestId) return;
    onFinished(() => {
      this.finished.set(requestId, store.statements);
      // Only the latest few are kept: this is a measuring aid, not a log.
      if (this.finished.size > 100) this.finished.delete(this.finished.keys().next().value!);
    });
  }

  /** Runs background work counting its statements under `purpose`. */
  async countAs<T>(purpose: string, work: () => Promise<T>): Promise<T> {
    if (!this.tracking) return work();
    const store = { statements: 0 };
    try {
      return await this.scope.run(store, work);
    } finally {
      this.background.set(purpose, (this.background.get(purpose) ?? 0) + store.statements);
    }
  }

  /** The statements of a finished request sent with an `x-request-id` header, once its response is out. */
  statementsOf(requestId: string): number | undefined {
    return this.tracking ? this.finished.get(requestId) : Number.NaN;
  }

  protected writeLog(): void {
    // Failed statements surface as exceptions, mapped to client errors in one place; nothing to print here.
  }
}
