import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { RiskLevel } from '#libs/common';
import { IntakeFlag, IntakeReport } from './intake.model.js';
import { IntakeReportInput } from './intake.inputs.js';
import { IntakeService } from './intake.service.js';

@Resolver(() => IntakeReport)
export class IntakeResolver {
  constructor(private readonly intakeService: IntakeService) {}

  @Mutation(() => IntakeReport, { description: "A report arrives: it waits in your agency's triage queue" })
  @Allow('create', 'Case')
  submitIntakeReport(@Context() ctx: RequestContext, @Args('input') input: IntakeReportInput): Promise<IntakeReport> {
    return this.intakeService.submit(ctx, input);
  }

  @Query(() => [IntakeReport], { description: "Your agency's reports waiting for triage, oldest first" })
  @Allow('read', 'IntakeReport')
  triageQueue(@Context() ctx: RequestContext): Promise<IntakeReport[]> {
    return this.intakeService.queue(ctx);
  }

  @Mutation(() => Case, {
    description: 'Accept a report as a new case: the reporter and subject as parties, the report as its first incident',
  })
  @Allow('update', 'IntakeReport')
  acceptIntakeReport(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('riskLevel', { type: () => RiskLevel }) riskLevel: RiskLevel,
  ): Promise<Case> {
    return this.intakeService.accept(ctx, id, riskLevel);
  }

  @Mutation(() => IntakeReport, {
    description: 'Attach a report to an open case about the same problem: it becomes an incident there',
  })
  @Allow('update', 'IntakeReport')
  attachIntakeReport(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<IntakeReport> {
    return this.intakeService.attach(ctx, id, caseId);
  }

  @Mutation(() => IntakeReport, { description: 'Decline a report, saying why (for example everyday household noise)' })
  @Allow('update', 'IntakeReport')
  declineIntakeReport(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<IntakeReport> {
    return this.intakeService.decline(ctx, id, reason);
  }

  @ResolveField(() => [IntakeFlag])
  flags(@Context() ctx: RequestContext, @Parent() report: IntakeReport): Promise<IntakeFlag[]> {
    return this.intakeService.flags(ctx, report);
  }

  @ResolveField(() => [Case], { description: "Open cases of your agency's about the same address or people" })
  matchingCases(@Context() ctx: RequestContext, @Parent() report: IntakeReport): Promise<Case[]> {
    return this.intakeService.matchingCases(ctx, report);
  }
}
