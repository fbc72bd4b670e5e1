import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import { Case } from '#libs/cases';
import { ShareAccess } from '#libs/common';
import { CaseShare } from './case-share.model.js';
import { SharingBasisInput } from './shares.inputs.js';
import { SharesService } from './shares.service.js';

@Resolver(() => CaseShare)
export class SharesResolver {
  constructor(
    private readonly shareService: SharesService,
    private readonly agencyService: AgenciesService,
  ) {}

  @Mutation(() => CaseShare, {
    description:
      'Share a case with a partner agency (owner agency only), recording the basis. Without `basis`, the share is recorded with lawful basis OTHER in the words of `reason` and consent NOT_RECORDED',
  })
  @Allow('share', 'Case')
  shareCase(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('agencyId', { type: () => ID }) agencyId: string,
    @Args('access', { type: () => ShareAccess }) access: ShareAccess,
    @Args('reason', { description: 'The information-sharing basis' }) reason: string,
    // Typed without `| null`: decorator metadata would say Object, and the input would go unvalidated.
    @Args('basis', {
      type: () => SharingBasisInput,
      nullable: true,
      description: "The lawful basis from the list and the victim's consent",
    })
    basis?: SharingBasisInput,
  ): Promise<CaseShare> {
    return this.shareService.share(ctx, caseId, agencyId, access, reason, basis);
  }

  @Mutation(() => Boolean, {
    description: 'Stop sharing a case with an agency (owner agency only); false if it held no share',
  })
  @Allow('share', 'Case')
  revokeCaseShare(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('agencyId', { type: () => ID }) agencyId: string,
  ): Promise<boolean> {
    return this.shareService.revoke(ctx, caseId, agencyId);
  }

  @ResolveField(() => Agency)
  agency(@Context() ctx: RequestContext, @Parent() share: CaseShare): Promise<Agency> {
    return this.agencyService.byId(ctx, share.agencyId);
  }
}

@Resolver(() => Case)
export class CaseSharesResolver {
  constructor(private readonly shareService: SharesService) {}

  @ResolveField(() => [CaseShare], { description: 'The agencies this case is shared with now' })
  shares(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<CaseShare[]> {
    return this.shareService.ofCase(ctx, parent);
  }
}
