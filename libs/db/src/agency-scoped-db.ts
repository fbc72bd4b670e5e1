import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { type CountingQueryable, runOnRunner, type StatementResult } from './sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The name of the TypeORM connection whose pool serves requests' statements outside mutations (app.module.ts). */
export const REQUEST_POOL = 'requests';

/**
 * The statement that narrows a connection to one agency: for the rest of the transaction (`local`, a mutation's),
 * or for the connection's session (a request-pool connection, narrowed until it is narrowed to another). The
 * agency id is written into the SQL text (one simple-protocol round trip), so it is checked to be a uuid and
 * nothing else first; null (no signed-in user) is the empty agency, which the policies admit no case row for.
 */
export function agencyScopeSql(agencyId: string | null, local = true): string {
  if (agencyId !== null && !UUID.test(agencyId)) throw new Error('An agency scope must be a uuid');
  return `SELECT set_config('portal.scope', 'agency', ${local}), set_config('portal.agency', '${agencyId ?? ''}', ${local})`;
}

/** The pg client under a TypeORM query runner: the scope's own statements go straight to it, uncounted. */
type PgClient = { query(sql: string): Promise<unknown> };

/**
 * Scopes the transaction `manager` runs in (the mutation's, or an upload's) to one agency. Not sent through
 * TypeORM's logger, so the statements counted per request (tests, the benchmark) stay the services' own.
 */
export async function scopeTransaction(manager: EntityManager, agencyId: string | null): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('scopeTransaction needs a transaction');
  const client = (await manager.queryRunner.connect()) as PgClient;
  await client.query(agencyScopeSql(agencyId));
}

/** The agency each request-pool connection's session is narrowed to ('' for none), by pg client. */
const narrowedTo = new WeakMap<object, string>();

/**
 * A request's reads and writes outside a mutation, each statement on its own (autocommitted) on a connection of
 * the request pool. That pool's connections never see the system's view: they start narrowed to no agency
 * (`portal.scope = agency`, `portal.agency` empty, app.module.ts) and a connection is narrowed to the caller's
 * agency for its session before its first statement for that agency, so a statement costs one round trip, not
 * three (BEGIN with the scope, the statement, COMMIT, as when the scope was local to a transaction per statement).
 * It answers exactly as `EntityManager.query` does (rows; `[rows, count]` for UPDATE and DELETE), and its failures
 * are TypeORM's QueryFailedError.
 */
export class AgencyScopedDb implements CountingQueryable {
  private readonly agency: string;
  private readonly scope: string;

  /** `requestPool` is the REQUEST_POOL connection's DataSource, never the system pool's. */
  constructor(
    private readonly requestPool: DataSource,
    readonly agencyId: string | null,
  ) {
    this.agency = agencyId ?? '';
    this.scope = agencyScopeSql(agencyId, false);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Queryable's (TypeORM's) signature; rows<T> types it.
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T> {
    return this.inScope((runner) => runner.query(sql, parameters) as Promise<T>);
  }

  run<T>(sql: string, parameters: readonly unknown[]): Promise<StatementResult<T>> {
    return this.inScope((runner) => runOnRunner<T>(runner, sql, parameters));
  }

  private async inScope<T>(statement: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner: QueryRunner = this.requestPool.createQueryRunner('master');
    let broken: unknown;
    try {
      const client = (await runner.connect()) as PgClient;
      if (narrowedTo.get(client) !== this.agency) {
        // Forgotten first: a connection whose narrowing failed half-way is not trusted to be narrowed to anyone.
        narrowedTo.delete(client);
        try {
          await client.query(this.scope);
        } catch (error) {
          broken = error;
          throw error;
        }
        narrowedTo.set(client, this.agency);
      }
      return await statement(runner);
    } finally {
      // A connection that could not be narrowed is closed, not given to the next request.
      if (broken)
        await (
          runner as QueryRunner & { releasePostgresConnection(err: unknown): Promise<void> }
        ).releasePostgresConnection(broken);
      else await runner.release();
    }
  }
}

/**
 * Runs `work` inside the caller's mutation transaction with row security lifted, then narrows the transaction
 * back to `agencyId`: for a deliberate change across agencies that must commit with the caller's own (a receiving
 * agency taking on a case it cannot see yet). The settings are local to the transaction, so outside one (a query's
 * autocommitted statements) the lift ends with its own statement and `work` runs narrowed, as before.
 */
export async function withRowSecurityLifted<T>(
  db: { query(sql: string): Promise<unknown> },
  agencyId: string,
  work: () => Promise<T>,
): Promise<T> {
  await db.query(`SELECT set_config('portal.scope', 'system', true)`);
  try {
    return await work();
  } finally {
    // A failed statement has aborted the transaction, which then rolls back with its settings.
    await db.query(agencyScopeSql(agencyId)).catch(() => undefined);
  }
}
