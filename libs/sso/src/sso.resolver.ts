import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '#libs/access';
import { Agency } from '#libs/agencies';
import type { RequestContext } from '#libs/context';
import { IdentityProvider, SignInProvider } from './identity-provider.model.js';
import { IdentityProvidersService } from './identity-providers.service.js';
import { ConfigureIdentityProviderInput } from './sso.inputs.js';

@Resolver(() => Agency)
export class SsoResolver {
  constructor(private readonly providers: IdentityProvidersService) {}

  @Mutation(() => IdentityProvider, {
    description:
      'Set the OpenID Connect provider an agency’s staff sign in with (partnership administrators); replaces any earlier one, secret included. Recorded in the administration log (never the secret)',
  })
  @Allow('update', 'IdentityProvider')
  configureIdentityProvider(
    @Context() ctx: RequestContext,
    @Args('agencyId', { type: () => ID }) agencyId: string,
    @Args('input') input: ConfigureIdentityProviderInput,
  ): Promise<IdentityProvider> {
    return this.providers.configure(ctx, agencyId, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Stop an agency’s staff signing in through its identity provider (partnership administrators); sessions already open are not ended. Recorded in the administration log',
  })
  @Allow('update', 'IdentityProvider')
  removeIdentityProvider(
    @Context() ctx: RequestContext,
    @Args('agencyId', { type: () => ID }) agencyId: string,
  ): Promise<boolean> {
    return this.providers.remove(ctx, agencyId);
  }

  @Query(() => [SignInProvider], {
    description:
      'The agencies whose staff may sign in through their own identity provider, for the sign-in page ("Sign in with <agency>"); asked before signing in',
  })
  @Public()
  signInProviders(@Context() ctx: RequestContext): Promise<SignInProvider[]> {
    return this.providers.forSignIn(ctx);
  }

  @ResolveField(() => IdentityProvider, {
    nullable: true,
    description: 'The agency’s identity provider, without its secret: for administrators, null for everyone else',
  })
  identityProvider(@Context() ctx: RequestContext, @Parent() agency: Agency): Promise<IdentityProvider | null> | null {
    if (!ctx.ability.can('read', 'IdentityProvider')) return null;
    return this.providers.ofAgency(ctx, agency.id);
  }
}
