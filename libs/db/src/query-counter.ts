import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';

/**
 * Counts every SQL statement the data source sends. Tests and the benchmark read it to prove that a page
 * of cases costs a fixed number of statements, whatever its size.
 */
export class QueryCounter extends AbstractLogger {
  statements = 0;

  override logQuery(): void {
    this.statements++;
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Failed statements surface as exceptions, mapped to client errors in one place; nothing to print here.
  }
}
