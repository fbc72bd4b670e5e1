/**
 * Something a library needs from a library that builds on it (and so cannot import without a cycle), lent when
 * the application starts: the higher library calls `lend` in its onModuleInit. Asking before that is a wiring
 * fault, said loudly with `missing`, never a silent skip.
 */
export abstract class Lent<T> {
  private lent?: T;

  protected abstract readonly missing: string;

  lend(value: T): void {
    this.lent = value;
  }

  protected borrowed(): T {
    if (this.lent === undefined) throw new Error(this.missing);
    return this.lent;
  }
}
