import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import { Case, CasesService } from '#libs/cases';
import { User, UsersService } from '#libs/users';
import { Incident } from './incident.model.js';
import { IncidentInput } from './incident.inputs.js';
import { IncidentsService } from './incidents.service.js';

@Resolver(() => Incident)
export class IncidentsResolver {
  constructor(
    private readonly caseService: CasesService,
    private readonly incidentService: IncidentsService,
    private readonly agencyService: AgenciesService,
    private readonly userService: UsersService,
  ) {}

  @Mutation(() => Incident, { description: 'Log an incident on a case your agency owns or that is shared with it' })
  @Allow('contribute', 'Case')
  logIncident(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: IncidentInput,
  ): Promise<Incident> {
    return this.incidentService.log(ctx, caseId, input);
  }

  @ResolveField(() => User, { description: 'Who logged it' })
  loggedBy(@Context() ctx: RequestContext, @Parent() incident: Incident): Promise<User> {
    return this.userService.byId(ctx, incident.loggedById);
  }

  @ResolveField(() => Case, { nullable: true, description: 'The case, read with your own rules' })
  case(@Context() ctx: RequestContext, @Parent() incident: Incident): Promise<Case | null> {
    return this.caseService.visibleById(ctx, incident.caseId);
  }

  @ResolveField(() => Agency, { description: 'The agency that logged it' })
  loggedByAgency(@Context() ctx: RequestContext, @Parent() incident: Incident): Promise<Agency> {
    return this.agencyService.byId(ctx, incident.loggedByAgencyId);
  }
}

@Resolver(() => Case)
export class CaseIncidentsResolver {
  constructor(private readonly incidentService: IncidentsService) {}

  @ResolveField(() => [Incident], { description: 'Newest first' })
  incidents(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<Incident[]> {
    return this.incidentService.ofCase(ctx, parent);
  }
}
