import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { ApiKey, CreatedApiKey } from './api-key.model.js';
import { CreateApiKeyInput } from './api-keys.inputs.js';
import { ApiKeysService } from './api-keys.service.js';

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Mutation(() => CreatedApiKey, {
    description:
      'Make a key for your agency’s case system (managers): it acts as the agency’s service account, a caseworker of the agency. The key is in this answer only; recorded in the administration log',
  })
  @Allow('create', 'ApiKey')
  createApiKey(@Context() ctx: RequestContext, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return this.keys.create(ctx, input);
  }

  @Mutation(() => ApiKey, {
    description:
      'Revoke one of your agency’s keys (managers): refused at once from then on, its open sockets closed (4403); recorded in the administration log',
  })
  @Allow('deactivate', 'ApiKey')
  revokeApiKey(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ApiKey> {
    return this.keys.revoke(ctx, id);
  }

  @Query(() => [ApiKey], {
    description: 'Your agency’s keys, newest first, revoked and expired ones included (managers); never their secrets',
  })
  @Allow('read', 'ApiKey')
  apiKeys(@Context() ctx: RequestContext): Promise<ApiKey[]> {
    return this.keys.list(ctx);
  }
}
