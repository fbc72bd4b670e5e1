import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Agency, AgenciesService } from '#libs/agencies';
import { Case } from '#libs/cases';
import { Incident } from '#libs/incidents';
import { User, UsersService } from '#libs/users';
import { EvidenceFile, EvidenceType } from './evidence-file.model.js';
import { evidenceTypes } from './evidence-kinds.js';
import { EvidenceService } from './evidence.service.js';

@Resolver(() => EvidenceFile)
export class EvidenceResolver {
  constructor(
    private readonly evidenceService: EvidenceService,
    private readonly userService: UsersService,
    private readonly agencyService: AgenciesService,
  ) {}

  @Query(() => [EvidenceType], { description: 'The kinds of file accepted as evidence' })
  @Allow('read', 'Case')
  evidenceTypes(): EvidenceType[] {
    return evidenceTypes();
  }

  @Mutation(() => Boolean, {
    description:
      'Remove an evidence file (the owner agency): its bytes are deleted; the audit trail keeps its name, checksum and the reason',
  })
  @Allow('remove', 'EvidenceFile')
  removeEvidence(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { description: 'Why it is removed, for the audit trail (3–2,000 characters)' }) reason: string,
  ): Promise<boolean> {
    return this.evidenceService.remove(ctx, id, reason);
  }

  @ResolveField(() => User, { description: 'Who uploaded it' })
  uploadedBy(@Context() ctx: RequestContext, @Parent() file: EvidenceFile): Promise<User> {
    return this.userService.byId(ctx, file.uploadedById);
  }

  @ResolveField(() => Agency, { description: 'The agency of the person who uploaded it' })
  uploadedByAgency(@Context() ctx: RequestContext, @Parent() file: EvidenceFile): Promise<Agency> {
    return this.agencyService.byId(ctx, file.uploadedByAgencyId);
  }
}

@Resolver(() => Case)
export class CaseEvidenceResolver {
  constructor(private readonly evidenceService: EvidenceService) {}

  @ResolveField(() => [EvidenceFile], {
    nullable: true,
    description: 'Evidence files, oldest first; owner and FULL shares only',
  })
  evidence(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<EvidenceFile[] | null> {
    return this.evidenceService.ofCase(ctx, parent);
  }
}

@Resolver(() => Incident)
export class IncidentEvidenceResolver {
  constructor(private readonly evidenceService: EvidenceService) {}

  @ResolveField(() => [EvidenceFile], {
    nullable: true,
    description: "Evidence given for this incident, oldest first; null where the case's evidence is withheld",
  })
  evidence(@Context() ctx: RequestContext, @Parent() incident: Incident): Promise<EvidenceFile[] | null> {
    return this.evidenceService.ofIncident(ctx, incident);
  }
}
