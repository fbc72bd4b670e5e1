import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { scopeTransaction } from './agency-scoped-db.js';
import type { Queryable } from './sql.js';

const OUTSIDE_TRANSACTION = 'portal:outsideTransaction';

/**
 * A mutation whose statements must each stand on their own (signing in: a failed attempt is recorded although
 * the answer is an error, and a burst of attempts must not hold connections while waiting for more). Its writes
 * are single statements, so there is nothing to leave half-written.
 */
export const OutsideTransaction = () => SetMetadata(OUTSIDE_TRANSACTION, true);

/** What the transaction interceptor needs of a request's context: who is asking, and what every service writes through. */
export interface HasEntityManager {
  user: { agencyId: string } | null;
  db: Queryable;
}

/**
 * One mutation, one transaction: every root mutation field runs inside a transaction opened here, outside the
 * services, so a failure anywhere leaves nothing half-written. The transaction is scoped to the caller's agency
 * (row security) like every other statement of the request. After commit the context reads through what it
 * had before (its agency-scoped statements), so nested fields of the result see committed rows. Queries run
 * without one.
 */
@Injectable()
export class MutationTransaction implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    if (gql.getInfo<GraphQLResolveInfo | undefined>()?.parentType?.name !== 'Mutation') return next.handle();
    if (Reflect.getMetadata(OUTSIDE_TRANSACTION, context.getHandler())) return next.handle();
    const ctx = gql.getContext<HasEntityManager>();
    const outside = ctx.db;
    return from(
      this.dataSource
        .transaction(async (manager) => {
          await scopeTransaction(manager, ctx.user?.agencyId ?? null);
          ctx.db = manager;
          return lastValueFrom(next.handle(), { defaultValue: undefined });
        })
        .finally(() => {
          ctx.db = outside;
        }),
    );
  }
}
