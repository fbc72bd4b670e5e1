import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import type { Page } from '#libs/common';
import { AuditActor, AuditEvent, AuditEventConnection, Disclosure } from './audit-event.model.js';
import { AuditTrailService } from './audit-trail.service.js';

@Resolver(() => AuditEvent)
export class AuditTrailResolver {
  constructor(private readonly trailService: AuditTrailService) {}

  @Query(() => AuditEventConnection, {
    description:
      "Every view, change, share, revocation and export of a case, newest first (managers of the case's owner agency)",
  })
  @Allow('readAudit', 'Case')
  caseAuditTrail(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<Page<AuditEvent>> {
    return this.trailService.trail(ctx, caseId, first, after);
  }

  @Query(() => [Disclosure], {
    description:
      'What was disclosed to which agency, when, at what access and on which basis, and when it was revoked (managers of the owner agency)',
  })
  @Allow('readAudit', 'Case')
  caseDisclosures(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<Disclosure[]> {
    return this.trailService.disclosures(ctx, caseId);
  }
}

@Resolver(() => AuditActor)
export class AuditActorResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @ResolveField(() => Agency)
  agency(@Context() ctx: RequestContext, @Parent() actor: AuditActor): Promise<Agency> {
    return this.agencyService.byId(ctx, actor.agencyId);
  }
}

@Resolver(() => Disclosure)
export class DisclosureResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @ResolveField(() => Agency, { description: 'The agency the case was disclosed to' })
  agency(@Context() ctx: RequestContext, @Parent() disclosure: Disclosure): Promise<Agency> {
    return this.agencyService.byId(ctx, disclosure.agencyId);
  }
}
