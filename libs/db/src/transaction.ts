import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';

/** What the transaction interceptor needs of a request's context: the manager every service writes through. */
export interface HasEntityManager {
  db: EntityManager;
}

/**
 * One mutation, one transaction: every root mutation field runs inside a transaction opened here, outside the
 * services, so a failure anywhere leaves nothing half-written. After commit the context reads through the
 * plain manager again, so nested fields of the result see committed rows. Queries run without one.
 */
@Injectable()
export class MutationTransaction implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    if (gql.getInfo()?.parentType?.name !== 'Mutation') return next.handle();
    const ctx = gql.getContext<HasEntityManager>();
    return from(
      this.dataSource
        .transaction(async (manager) => {
          ctx.db = manager;
          return lastValueFrom(next.handle(), { defaultValue: undefined });
        })
        .finally(() => {
          ctx.db = this.dataSource.manager;
        }),
    );
  }
}
