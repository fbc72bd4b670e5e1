import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import { type Page, selectsField } from '#libs/common';
import { CaseHolder, User, UsersService } from '#libs/users';
import { Case, CaseConnection, Party } from './case.model.js';
import {
  CaseFilter,
  CloseCaseInput,
  CreateCaseInput,
  PartyInput,
  UpdateCaseInput,
  UpdatePartyInput,
} from './case.inputs.js';
import { CaseOrder } from './case-order.js';
import { CaseViewerCan, caseViewerCan } from './case-viewer-can.js';
import { CasesService } from './cases.service.js';
import { PartiesService } from './parties.service.js';

@Resolver(() => Case)
export class CasesResolver {
  constructor(
    private readonly caseService: CasesService,
    private readonly agencyService: AgenciesService,
    private readonly userService: UsersService,
  ) {}

  @Query(() => Case, { nullable: true, description: 'A case; null when it does not exist or is not shared with you' })
  @Allow('read', 'Case')
  case(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Case | null> {
    return this.caseService.findOne(ctx, id);
  }

  @Query(() => CaseConnection, {
    description: 'Cases your agency owns or that are shared with it, newest first unless ordered otherwise',
  })
  @Allow('read', 'Case')
  cases(
    @Context() ctx: RequestContext,
    @Args('filter', { type: () => CaseFilter, nullable: true }) filter?: CaseFilter,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20' }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('orderBy', { type: () => CaseOrder, nullable: true, defaultValue: CaseOrder.NEWEST }) orderBy?: CaseOrder,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Page<Case>> {
    const countNow = info ? selectsField(info, 'totalCount') : false;
    return this.caseService.list(ctx, filter, first, after, orderBy ?? CaseOrder.NEWEST, countNow);
  }

  @Mutation(() => Case, { description: 'Open a case, owned by your agency' })
  @Allow('create', 'Case')
  createCase(@Context() ctx: RequestContext, @Args('input') input: CreateCaseInput): Promise<Case> {
    return this.caseService.create(ctx, input);
  }

  @Mutation(() => Case, {
    description: 'Change a case record; a stale expectedVersion fails with CONFLICT and changes nothing',
  })
  @Allow('update', 'Case')
  updateCase(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateCaseInput,
  ): Promise<Case> {
    return this.caseService.update(ctx, id, expectedVersion, input);
  }

  @Mutation(() => Case, { description: 'Close a case as resolved or unresolved (owner agency only)' })
  @Allow('close', 'Case')
  closeCase(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: CloseCaseInput,
  ): Promise<Case> {
    return this.caseService.close(ctx, id, expectedVersion, input);
  }

  @ResolveField(() => [Party])
  parties(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<Party[]> {
    return this.caseService.parties(ctx, parent);
  }

  @ResolveField(() => Agency)
  ownerAgency(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<Agency> {
    return this.agencyService.byId(ctx, parent.ownerAgencyId);
  }

  @ResolveField(() => CaseViewerCan, {
    description: 'What you may do to this case: ask this rather than copying the rules',
  })
  viewerCan(@Context() ctx: RequestContext, @Parent() parent: Case): CaseViewerCan {
    return caseViewerCan(ctx.ability, parent, ctx.user?.agencyId);
  }

  @ResolveField(() => [CaseHolder], {
    description:
      'Whom the lead officer may be: the owner agency’s active caseworkers (name only); empty unless you may choose the lead officer',
  })
  async possibleLeadOfficers(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<CaseHolder[]> {
    if (!caseViewerCan(ctx.ability, parent, ctx.user?.agencyId).chooseLeadOfficer) return [];
    return this.userService.caseHoldersOf(ctx, parent.ownerAgencyId);
  }

  @ResolveField(() => User, { nullable: true })
  leadOfficer(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<User> | null {
    return parent.leadOfficerId ? this.userService.byId(ctx, parent.leadOfficerId) : null;
  }
}

@Resolver(() => Party)
export class PartiesResolver {
  constructor(private readonly partyService: PartiesService) {}

  @Mutation(() => Party, { description: 'Add a person to a case (owner agency)' })
  @Allow('contribute', 'Case')
  addParty(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: PartyInput,
  ): Promise<Party> {
    return this.partyService.add(ctx, caseId, input);
  }

  @Mutation(() => Party, {
    description:
      'Change a person: identifiers by the owner agency, tenancy information by landlords and councils holding the case in full',
  })
  @Allow('contribute', 'Case')
  updateParty(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePartyInput,
  ): Promise<Party> {
    return this.partyService.update(ctx, id, input);
  }
}
