import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '#libs/common';
import { POLICY_KEY, type Policy } from './policy.decorators.js';
import type { PortalAbility } from './ability.js';
import type { SessionUser } from './session-user.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Deny by default: a root field with neither @Allow nor @Public is refused. The check here is the
 * whole-operation rule (may this caller list cases at all); which rows and fields they get is decided
 * by the services from the same ability, in SQL and per row.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const rootType = gql.getInfo<GraphQLResolveInfo>().parentType.name;
    if (!ROOT_TYPES.has(rootType)) return true;
    // The request context's shape, named here rather than imported: #libs/context builds on this library.
    const ctx = gql.getContext<{ user: SessionUser | null; ability: PortalAbility }>();
    // A read-only key writes nothing, whatever the mutation and whatever its rule (public ones included).
    if (rootType === 'Mutation' && ctx.user?.apiKey?.readOnly) throw new ForbiddenError('This key is read-only');
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) throw new ForbiddenError();
    if (policy.public) return true;
    if (!ctx.user) throw new UnauthenticatedError();
    if (!ctx.ability.can(policy.action, policy.subject)) throw new ForbiddenError();
    return true;
  }
}
