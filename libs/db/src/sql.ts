import { DataSource, EntityManager, type QueryRunner } from 'typeorm';

/** Runs one SQL statement with positional parameters; answers as TypeORM's `EntityManager.query` does. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's own signature, so any EntityManager fits.
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** A request's `db` or `system`, a transaction's manager, or the DataSource itself (work outside requests). */
export type Database = Queryable | DataSource;

/** What a statement answered: its rows, and how many rows it touched (an UPDATE or DELETE without RETURNING). */
export interface StatementResult<T> {
  rows: T[];
  rowCount: number;
}

/** Something that can run a statement and answer with its row count as well as its rows (AgencyScopedDb). */
export interface CountingQueryable extends Queryable {
  run<T>(sql: string, parameters: readonly unknown[]): Promise<StatementResult<T>>;
}

/**
 * Positional parameters for a statement built from parts (a filter, an order, a scope): `add` returns the next
 * placeholder to write. The one parameter style: every statement's text carries `$1, $2, …`, whether written whole
 * with its array beside it or put together with this.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function isCounting(db: Database): db is CountingQueryable {
  return typeof (db as Partial<CountingQueryable>).run === 'function';
}

/** Runs one statement on a query runner (a connection already taken), answering its rows and row count. */
export async function runOnRunner<T>(
  runner: QueryRunner,
  text: string,
  params: readonly unknown[],
): Promise<StatementResult<T>> {
  const result = await runner.query(text, params as unknown[], true);
  return { rows: (result.records ?? []) as T[], rowCount: result.affected ?? result.records?.length ?? 0 };
}

/** Runs one statement wherever `db` runs it, answering rows and row count alike whatever the statement is. */
export async function run<T>(db: Database, text: string, params: readonly unknown[] = []): Promise<StatementResult<T>> {
  if (isCounting(db)) return db.run<T>(text, params);
  if (db instanceof EntityManager && db.queryRunner) return runOnRunner<T>(db.queryRunner, text, params);
  const dataSource = db instanceof DataSource ? db : db instanceof EntityManager ? db.connection : null;
  if (!dataSource) throw new Error('run() needs a request db, an EntityManager or the DataSource');
  const runner = dataSource.createQueryRunner('master');
  try {
    return await runOnRunner<T>(runner, text, params);
  } finally {
    await runner.release();
  }
}

/** The rows a statement answers. */
export async function rows<T>(db: Database, text: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await run<T>(db, text, params)).rows;
}

/** The first row a statement answers, or undefined when it answers none. */
export async function one<T>(db: Database, text: string, params: readonly unknown[] = []): Promise<T | undefined> {
  return (await run<T>(db, text, params)).rows[0];
}

/** Runs a statement for its effect; answers how many rows it inserted, updated or deleted. */
export async function exec(db: Database, text: string, params: readonly unknown[] = []): Promise<number> {
  return (await run(db, text, params)).rowCount;
}
