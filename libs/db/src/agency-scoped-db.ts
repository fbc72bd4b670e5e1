import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { type CountingQueryable, runOnRunner, type StatementResult } from './sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The pool's connections start as `portal.scope = system` (app.module.ts): the portal's own work outside
 * requests reads every row. A request narrows its transaction to one agency with this, LOCAL to that
 * transaction so the connection goes back to the pool as it came. The agency id is written into the SQL text
 * (one simple-protocol round trip with BEGIN), so it is checked to be a uuid and nothing else first; null (no
 * signed-in user) is the empty agency, which the policies admit no case row for.
 */
export function agencyScopeSql(agencyId: string | null): string {
  if (agencyId !== null && !UUID.test(agencyId)) throw new Error('An agency scope must be a uuid');
  return `SELECT set_config('portal.scope', 'agency', true), set_config('portal.agency', '${agencyId ?? ''}', true)`;
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

/**
 * A request's reads and writes outside a mutation: each statement on one pooled connection, in a transaction of
 * its own that first sets the caller's agency (BEGIN and the scope in one round trip, then the statement, then
 * COMMIT). It answers exactly as `EntityManager.query` does (rows; `[rows, count]` for UPDATE and DELETE), and
 * its failures are TypeORM's QueryFailedError, as before.
 */
export class AgencyScopedDb implements CountingQueryable {
  private readonly scope: string;

  constructor(
    private readonly dataSource: DataSource,
    readonly agencyId: string | null,
  ) {
    this.scope = `BEGIN; ${agencyScopeSql(agencyId)}`;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Queryable's (TypeORM's) signature; rows<T> types it.
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T> {
    return this.inScope((runner) => runner.query(sql, parameters) as Promise<T>);
  }

  run<T>(sql: string, parameters: readonly unknown[]): Promise<StatementResult<T>> {
    return this.inScope((runner) => runOnRunner<T>(runner, sql, parameters));
  }

  private async inScope<T>(statement: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner: QueryRunner = this.dataSource.createQueryRunner('master');
    let broken: unknown;
    try {
      const client = (await runner.connect()) as PgClient;
      try {
        await client.query(this.scope);
        const result = await statement(runner);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback));
        throw error;
      }
    } finally {
      // A connection that could not roll back is not given to the next request with this agency's scope.
      if (broken)
        await (
          runner as QueryRunner & { releasePostgresConnection(err: unknown): Promise<void> }
        ).releasePostgresConnection(broken);
      else await runner.release();
    }
  }
}
