import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { OutsideTransaction } from '#libs/db';
import { Agency } from '#libs/agencies';
import { User } from '#libs/users';
import { MfaStatus, TotpEnrolment } from './mfa.model.js';
import { MfaService } from './mfa.service.js';

@Resolver(() => User)
export class MfaResolver {
  constructor(private readonly service: MfaService) {}

  @Mutation(() => TotpEnrolment, {
    description:
      'Start setting up a second factor (TOTP) for yourself: a new secret, pending until confirmTotpEnrolment; a pending one is replaced. CONFLICT while one is on',
  })
  @Allow('enrolSecondFactor', 'Self')
  beginTotpEnrolment(@Context() ctx: RequestContext): Promise<TotpEnrolment> {
    return this.service.begin(ctx);
  }

  @Mutation(() => [String], {
    description:
      'Turn your pending second factor on with a code from the app; answers 10 single-use recovery codes, shown this once. A wrong code is BAD_USER_INPUT on `code` and counts with the sign-in throttle',
  })
  @Allow('enrolSecondFactor', 'Self')
  // A wrong code must stay counted although the answer is an error; each write is one statement.
  @OutsideTransaction()
  confirmTotpEnrolment(@Context() ctx: RequestContext, @Args('code') code: string): Promise<string[]> {
    return this.service.confirm(ctx, code);
  }

  @Mutation(() => Boolean, {
    description:
      'Turn your second factor off, with a current code or an unused recovery code. A wrong code is BAD_USER_INPUT on `code` and counts with the sign-in throttle',
  })
  @Allow('enrolSecondFactor', 'Self')
  @OutsideTransaction()
  disableTotp(@Context() ctx: RequestContext, @Args('code') code: string): Promise<boolean> {
    return this.service.disable(ctx, code);
  }

  @ResolveField(() => MfaStatus, {
    nullable: true,
    description: 'Your second factor: on `me` only (null on anyone else)',
  })
  mfa(@Context() ctx: RequestContext, @Parent() user: User): Promise<MfaStatus> | null {
    return ctx.user && user.id === ctx.user.id ? this.service.status(ctx, user.id, user.agencyId) : null;
  }
}

@Resolver(() => Agency)
export class AgencySecondFactorResolver {
  constructor(private readonly service: MfaService) {}

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      'Whether the agency requires a second factor of everyone (setAgencyMfaRequired): for administrators, null for everyone else',
  })
  secondFactorRequired(@Context() ctx: RequestContext, @Parent() agency: Agency): Promise<boolean> | null {
    if (!ctx.ability.can('requireSecondFactor', 'Agency')) return null;
    return this.service.agencyRequires(ctx, agency.id);
  }
}
