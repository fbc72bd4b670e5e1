import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { CreateSubjectAccessRequestInput } from './subject-access.inputs.js';
import { SubjectAccessRequest, SubjectAccessStatus } from './subject-access.model.js';
import { SubjectAccessService } from './subject-access.service.js';

@Resolver(() => SubjectAccessRequest)
export class SubjectAccessResolver {
  constructor(private readonly service: SubjectAccessService) {}

  @Mutation(() => SubjectAccessRequest, {
    description:
      'Record a subject access request from (or for) the person behind a party on a case your agency owns; due one calendar month from receipt (managers)',
  })
  @Allow('create', 'SubjectAccessRequest')
  createSubjectAccessRequest(
    @Context() ctx: RequestContext,
    @Args('input') input: CreateSubjectAccessRequestInput,
  ): Promise<SubjectAccessRequest> {
    return this.service.create(ctx, input);
  }

  @Query(() => [SubjectAccessRequest], {
    description: 'Your agency’s subject access requests, open ones soonest due first (managers)',
  })
  @Allow('read', 'SubjectAccessRequest')
  subjectAccessRequests(
    @Context() ctx: RequestContext,
    @Args('status', { type: () => SubjectAccessStatus, nullable: true }) status: SubjectAccessStatus | null,
  ): Promise<SubjectAccessRequest[]> {
    return this.service.list(ctx, status ?? null);
  }

  @Mutation(() => SubjectAccessRequest, {
    description:
      'Extend a complex request by one or two further months (two at most in all), with the reason to tell the requester',
  })
  @Allow('update', 'SubjectAccessRequest')
  extendSubjectAccessRequest(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('months', { type: () => Int }) months: number,
    @Args('reason') reason: string,
  ): Promise<SubjectAccessRequest> {
    return this.service.extend(ctx, id, months, reason);
  }

  @Mutation(() => SubjectAccessRequest, { description: 'The request has been answered' })
  @Allow('update', 'SubjectAccessRequest')
  completeSubjectAccessRequest(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SubjectAccessRequest> {
    return this.service.complete(ctx, id);
  }
}
