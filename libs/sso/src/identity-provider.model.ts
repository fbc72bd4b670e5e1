import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '#libs/common';

@ObjectType({
  description:
    'The OpenID Connect provider an agency’s staff sign in with (administrators only). The client secret is never shown',
})
export class IdentityProvider {
  @Field({ description: 'The issuer URL, as in the provider’s discovery document' })
  issuer: string;

  @Field({ description: 'The portal’s client id at the provider' })
  clientId: string;

  @Field(() => [String], { description: 'The email domains this provider vouches for; only these sign in through it' })
  emailDomains: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The claim whose values name portal roles for an account made at first sign-in (never ADMIN)',
  })
  rolesClaim: string | null;

  @Field({ description: 'Whether someone of the agency’s domains with no account yet gets one at first sign-in' })
  createUsersOnFirstSignIn: boolean;

  @Field(() => Role, { description: 'The role of an account made at first sign-in when the roles claim names none' })
  defaultRole: Role;

  @Field(() => String, {
    nullable: true,
    description:
      'The redirect URI to register at the provider: PUBLIC_URL followed by /auth/sso/callback; null when PUBLIC_URL is unset (then the portal’s own address followed by /auth/sso/callback)',
  })
  redirectUri: string | null;

  @Field()
  updatedAt: Date;
}

@ObjectType({ description: 'An agency whose staff may sign in through their own organisation’s identity provider' })
export class SignInProvider {
  @Field(() => ID)
  agencyId: string;

  @Field()
  agencyName: string;

  @Field({ description: 'Where the browser goes to start signing in (GET)' })
  startPath: string;
}
