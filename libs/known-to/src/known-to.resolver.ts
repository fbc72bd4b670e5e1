import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import { Agency, AgenciesService } from '#libs/agencies';
import { Case } from '#libs/cases';
import { ShareAccess } from '#libs/common';
import type { RequestContext } from '#libs/context';
import { SharingBasisInput } from '#libs/shares';
import type { LiveContext } from '#libs/live';
import { AccessRequestFeed, type AccessRequestStream } from './access-request-feed.js';
import { AccessRequestsService, type AccessRequestView } from './access-requests.service.js';
import { PersonSearchInput } from './known-to.inputs.js';
import { AccessRequest, AccessRequestStatus, LockedPersonMatch, PersonSearchResult } from './known-to.model.js';
import { KnownToService } from './known-to.service.js';

@Resolver(() => PersonSearchResult)
export class KnownToResolver {
  constructor(private readonly knownTo: KnownToService) {}

  @Query(() => PersonSearchResult, {
    description:
      'Is this person known anywhere in the partnership? A reason is required and recorded; locked records show only the agency that holds them, and the search is on that case’s trail. At most PERSON_SEARCHES_PER_HOUR searches an hour.',
  })
  @Allow('read', 'PersonSearch')
  searchPeople(@Context() ctx: RequestContext, @Args('input') input: PersonSearchInput): Promise<PersonSearchResult> {
    return this.knownTo.search(ctx, input);
  }

  @Mutation(() => Case, {
    description:
      'Whether other agencies’ person searches may learn that the case exists (the owner agency, whoever may share it), with a reason on the trail',
  })
  @Allow('share', 'Case')
  setCaseDiscoverable(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('discoverable') discoverable: boolean,
    @Args('reason') reason: string,
  ): Promise<Case> {
    return this.knownTo.setDiscoverable(ctx, caseId, discoverable, reason);
  }
}

@Resolver(() => LockedPersonMatch)
export class LockedPersonMatchResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @ResolveField(() => Agency, { description: 'The agency that holds the record' })
  ownerAgency(@Context() ctx: RequestContext, @Parent() match: LockedPersonMatch): Promise<Agency> {
    return this.agencyService.byId(ctx, match.ownerAgencyId);
  }
}

@Resolver(() => AccessRequest)
export class AccessRequestsResolver {
  constructor(
    private readonly requests: AccessRequestsService,
    private readonly feed: AccessRequestFeed,
    private readonly agencyService: AgenciesService,
  ) {}

  @Mutation(() => AccessRequest, {
    description: 'Ask the agency holding a locked record for access, from your own search’s handle, with a reason',
  })
  @Allow('create', 'AccessRequest')
  requestCaseAccess(
    @Context() ctx: RequestContext,
    @Args('hitId', { type: () => ID }) hitId: string,
    @Args('reason') reason: string,
  ): Promise<AccessRequestView> {
    return this.requests.request(ctx, hitId, reason);
  }

  @Query(() => [AccessRequest], { description: 'Your own access requests and their outcomes, newest first' })
  @Allow('read', 'AccessRequest')
  myAccessRequests(@Context() ctx: RequestContext): Promise<AccessRequestView[]> {
    return this.requests.mine(ctx);
  }

  @Query(() => [AccessRequest], {
    description: 'Requests for access to your agency’s cases (managers), newest first; at most 200',
  })
  @Allow('approve', 'AccessRequest')
  accessRequests(
    @Context() ctx: RequestContext,
    @Args('status', { type: () => AccessRequestStatus, nullable: true }) status?: AccessRequestStatus | null,
  ): Promise<AccessRequestView[]> {
    return this.requests.ofOwnAgency(ctx, status);
  }

  @Mutation(() => AccessRequest, {
    description:
      'Grant (a share at the access you choose, with your reason as its basis) or refuse (nothing is shared) a request to your agency (managers)',
  })
  @Allow('approve', 'AccessRequest')
  decideAccessRequest(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('grant') grant: boolean,
    @Args('reason') reason: string,
    @Args('access', { type: () => ShareAccess, nullable: true, description: 'Required to grant' })
    access?: ShareAccess | null,
    @Args('basis', {
      type: () => SharingBasisInput,
      nullable: true,
      description:
        "On a grant, the share's lawful basis and the victim's consent; without it the share is recorded as OTHER in the words of `reason`",
    })
    basis?: SharingBasisInput,
  ): Promise<AccessRequestView> {
    return this.requests.decide(ctx, id, grant, access, reason, basis);
  }

  @Subscription(() => AccessRequest, {
    nullable: true,
    description:
      'A request for access to your agency’s cases, each time one is made or decided (managers); requests arriving together may come as the latest one, so re-read the list',
    resolve(this: AccessRequestsResolver, requestId: string, _args: unknown, ctx: RequestContext) {
      ctx.loaders = new Map();
      return this.requests.forOwnAgency(ctx, requestId);
    },
  })
  @Allow('approve', 'AccessRequest')
  accessRequestUpdates(@Context() ctx: LiveContext): AccessRequestStream {
    if (!ctx.session) throw new Error('accessRequestUpdates is served over graphql-ws only');
    return this.feed.follow(ctx.session);
  }

  @ResolveField(() => Case, { nullable: true })
  case(@Context() ctx: RequestContext, @Parent() request: AccessRequestView): Promise<Case | null> {
    return this.requests.caseOf(ctx, request);
  }

  @ResolveField(() => Agency)
  requesterAgency(@Context() ctx: RequestContext, @Parent() request: AccessRequestView): Promise<Agency> {
    return this.agencyService.byId(ctx, request.requesterAgencyId);
  }

  @ResolveField(() => Agency)
  ownerAgency(@Context() ctx: RequestContext, @Parent() request: AccessRequestView): Promise<Agency> {
    return this.agencyService.byId(ctx, request.ownerAgencyId);
  }
}
