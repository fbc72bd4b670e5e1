import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

/** What a partner system's key may do: read as its agency's caseworkers read, or also write as they write. */
export enum ApiKeyAccess {
  READ_ONLY = 'READ_ONLY',
  READ_WRITE = 'READ_WRITE',
}

registerEnumType(ApiKeyAccess, {
  name: 'ApiKeyAccess',
  description:
    'READ_ONLY: queries and subscriptions only, every mutation refused (FORBIDDEN); READ_WRITE: as a caseworker',
});

@ObjectType({
  description:
    'A key a partner agency’s case system presents (`Authorization: Bearer <key>`, or connectionParams.authorization) to act as the agency’s service account, under the rules of a caseworker of that agency. Its secret is shown once, when made, and never again.',
})
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What the key is for, as its agency named it (the system that holds it)' })
  name: string;

  @Field(() => ApiKeyAccess)
  access: ApiKeyAccess;

  @Field()
  createdAt: Date;

  @Field({ description: 'When the key stops working; it is refused (UNAUTHENTICATED) from then on' })
  expiresAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the key was last presented, to the minute (noted at most once a minute); null if never',
  })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it is not' })
  revokedAt: Date | null;
}

@ObjectType({ description: 'A key just made: the only answer that ever carries its secret' })
export class CreatedApiKey {
  @Field({
    description:
      'The key itself, `asbp_…`: give it to the partner system now. Only its hash is kept, so it cannot be shown again',
  })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}
