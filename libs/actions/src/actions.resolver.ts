import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import { Case, CasesService } from '#libs/cases';
import { User, UsersService } from '#libs/users';
import { CaseAction } from './case-action.model.js';
import { ActionInput, UpdateActionInput } from './actions.inputs.js';
import { ActionsService } from './actions.service.js';

@Resolver(() => CaseAction)
export class ActionsResolver {
  constructor(
    private readonly caseService: CasesService,
    private readonly actionService: ActionsService,
    private readonly agencyService: AgenciesService,
    private readonly userService: UsersService,
  ) {}

  @Mutation(() => CaseAction, { description: 'Add an action or intervention to a case your agency owns or that is shared with it' })
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
    description: "Your agency's live registered interventions (injunctions, NOSPs, NOPPs, ABCs, CPWs, CPNs…), those lapsing soonest first",
  })
  @Allow('read', 'Case')
  interventionsRegister(@Context() ctx: RequestContext): Promise<CaseAction[]> {
    return this.actionService.register(ctx);
  }

  @ResolveField(() => Case, { nullable: true, description: 'The case, read with your own rules' })
  case(@Context() ctx: RequestContext, @Parent() action: CaseAction): Promise<Case | null> {
    return this.caseService.visibleById(ctx, action.caseId);
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
}
