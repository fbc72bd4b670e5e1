import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import { Case } from '#libs/cases';
import { CaseTransfer } from './case-transfer.model.js';
import { OfferCaseTransferInput } from './transfers.inputs.js';
import { TransfersService } from './transfers.service.js';

@Resolver(() => CaseTransfer)
export class TransfersResolver {
  constructor(
    private readonly transfers: TransfersService,
    private readonly agencyService: AgenciesService,
  ) {}

  @Query(() => [CaseTransfer], {
    description: 'Cases other agencies offer to yours, waiting for a manager of your agency to accept or decline',
  })
  @Allow('read', 'CaseTransfer')
  caseTransferOffers(@Context() ctx: RequestContext): Promise<CaseTransfer[]> {
    return this.transfers.waiting(ctx);
  }

  @Mutation(() => CaseTransfer, {
    description:
      'Offer your agency’s open case to another agency (owner agency). Nothing changes until a manager there accepts; one offer at a time',
  })
  @Allow('transfer', 'Case')
  offerCaseTransfer(
    @Context() ctx: RequestContext,
    @Args('input') input: OfferCaseTransferInput,
  ): Promise<CaseTransfer> {
    return this.transfers.offer(ctx, input);
  }

  @Mutation(() => Case, {
    description:
      'Accept a case offered to your agency (its managers): your agency owns it from now, and the offering agency keeps the share it chose',
  })
  @Allow('decide', 'CaseTransfer')
  acceptCaseTransfer(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Case> {
    return this.transfers.accept(ctx, id);
  }

  @Mutation(() => CaseTransfer, { description: 'Decline a case offered to your agency (its managers), saying why' })
  @Allow('decide', 'CaseTransfer')
  declineCaseTransfer(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { description: '3–2,000 characters' }) reason: string,
  ): Promise<CaseTransfer> {
    return this.transfers.decline(ctx, id, reason);
  }

  @Mutation(() => CaseTransfer, { description: 'Take back an offer of your agency’s case while it waits' })
  @Allow('transfer', 'Case')
  withdrawCaseTransfer(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CaseTransfer> {
    return this.transfers.withdraw(ctx, id);
  }

  @ResolveField(() => Agency, { description: 'The agency that offers the case' })
  fromAgency(@Context() ctx: RequestContext, @Parent() parent: CaseTransfer): Promise<Agency> {
    return this.agencyService.byId(ctx, parent.fromAgencyId);
  }

  @ResolveField(() => Agency, { description: 'The agency it is offered to' })
  toAgency(@Context() ctx: RequestContext, @Parent() parent: CaseTransfer): Promise<Agency> {
    return this.agencyService.byId(ctx, parent.toAgencyId);
  }
}

@Resolver(() => Case)
export class CaseTransferResolver {
  constructor(private readonly transfers: TransfersService) {}

  @ResolveField(() => CaseTransfer, {
    nullable: true,
    description: 'The offer of this case to another agency waiting for an answer; the owner agency only',
  })
  pendingTransfer(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<CaseTransfer | null> {
    return this.transfers.pendingOf(ctx, parent);
  }
}
