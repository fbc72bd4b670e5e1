import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { REGISTERED_ACTION_KINDS } from '#libs/common';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import { Case, CasesService } from '#libs/cases';
import { CaseHolder, User, UsersService } from '#libs/users';
import { ActionWorklist, CaseAction } from './case-action.model.js';
import { ActionInput, UpdateActionInput } from './actions.inputs.js';
import { ActionsService } from './actions.service.js';
import { CaseActionViewerCan, caseActionViewerCan } from './case-action-viewer-can.js';

@Resolver(() => CaseAction)
export class ActionsResolver {
  constructor(
    private readonly caseService: CasesService,
    private readonly actionService: ActionsService,
    private readonly agencyService: AgenciesService,
    private readonly userService: UsersService,
  ) {}

  @Mutation(() => CaseAction, {
    description: 'Add an action or intervention to a case your agency owns or that is shared with it',
  })
  @Allow('contribute', 'Case')
  addAction(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: ActionInput,
  ): Promise<CaseAction> {
    return this.actionService.add(ctx, caseId, input);
  }

  @Mutation(() => CaseAction, { description: "Record an action's progress (its owning agency, or the case owner)" })
  @Allow('update', 'CaseAction')
  updateAction(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateActionInput,
  ): Promise<CaseAction> {
    return this.actionService.update(ctx, id, input);
  }

  @Query(() => [CaseAction], {
    description:
      "Your agency's live registered interventions (injunctions, NOSPs, NOPPs, ABCs, CPWs, CPNs…), those lapsing soonest first",
  })
  @Allow('read', 'Case')
  interventionsRegister(@Context() ctx: RequestContext): Promise<CaseAction[]> {
    return this.actionService.register(ctx);
  }

  @Query(() => ActionWorklist, {
    description:
      'My work: open and in-progress actions your agency owns, or (assignedToMe) you are given, on any case you may read them on — those a meeting gave your agency on a case it does not hold included — soonest due first',
  })
  @Allow('read', 'Case')
  myActions(
    @Context() ctx: RequestContext,
    @Args('assignedToMe', { type: () => Boolean, nullable: true, description: 'Only those given to you' })
    assignedToMe?: boolean | null,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 100' }) first?: number | null,
  ): Promise<ActionWorklist> {
    return this.actionService.worklist(ctx, assignedToMe === true, first);
  }

  @ResolveField(() => Case, { nullable: true, description: 'The case, read with your own rules' })
  case(@Context() ctx: RequestContext, @Parent() action: CaseAction): Promise<Case | null> {
    return this.caseService.visibleById(ctx, action.caseId);
  }

  @ResolveField(() => Boolean, {
    description:
      'On the interventions register (legal remedies, ABCs and CPWs): it takes served, hearing and expiry dates',
  })
  registered(@Parent() action: CaseAction): boolean {
    return REGISTERED_ACTION_KINDS.has(action.kind);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Months it lasts from being served, where the law or practice gives one: the expiry worked out when none is given',
  })
  lapseMonths(@Parent() action: CaseAction): number | null {
    return REGISTERED_ACTION_KINDS.get(action.kind) ?? null;
  }

  @ResolveField(() => CaseActionViewerCan, {
    description: 'What you may do to this action: ask this rather than copying the rules',
  })
  async viewerCan(@Context() ctx: RequestContext, @Parent() action: CaseAction): Promise<CaseActionViewerCan> {
    // The case as the caller reads it: one batched statement per request, none when case(id) loaded it already.
    const kase = action.caseOwnerAgencyId === undefined ? await this.caseService.visibleById(ctx, action.caseId) : null;
    return caseActionViewerCan(ctx.ability, action, action.caseOwnerAgencyId ?? kase?.ownerAgencyId ?? null);
  }

  @ResolveField(() => Agency, { description: 'The agency that carries it out' })
  ownerAgency(@Context() ctx: RequestContext, @Parent() action: CaseAction): Promise<Agency> {
    return this.agencyService.byId(ctx, action.ownerAgencyId);
  }

  @ResolveField(() => User, { nullable: true })
  assignee(@Context() ctx: RequestContext, @Parent() action: CaseAction): Promise<User> | null {
    return action.assigneeId ? this.userService.byId(ctx, action.assigneeId) : null;
  }
}

@Resolver(() => Case)
export class CaseActionsResolver {
  constructor(private readonly actionService: ActionsService) {}

  @ResolveField(() => [CaseAction], { description: 'Oldest first' })
  actions(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<CaseAction[]> {
    return this.actionService.ofCase(ctx, parent);
  }

  @ResolveField(() => [CaseHolder], {
    description:
      'Whom an action for `agencyId` may be assigned to: that agency’s active caseworkers (name only), when it holds the case and you may add actions to it; otherwise empty',
  })
  possibleAssignees(
    @Context() ctx: RequestContext,
    @Parent() parent: Case,
    @Args('agencyId', { type: () => ID }) agencyId: string,
  ): Promise<CaseHolder[]> {
    return this.actionService.possibleAssignees(ctx, parent, agencyId);
  }
}
