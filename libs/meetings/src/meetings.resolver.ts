import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { CaseAction } from '#libs/actions';
import { Agency, AgenciesService } from '#libs/agencies';
import { Case } from '#libs/cases';
import { AttendanceStatus, NotFoundError, ReferralReason } from '#libs/common';
import { DashAssessment } from '#libs/dash';
import { User, UsersService } from '#libs/users';
import type { LiveContext } from '#libs/live';
import { MeetingFeed, type MeetingStream } from './meeting-feed.js';
import {
  AgendaItem,
  AgendaResearch,
  Attendance,
  CaseMeetingReferral,
  MaracStatistics,
  Meeting,
  MeetingChair,
} from './meeting.model.js';
import { MaracStatisticsInput, MeetingActionInput, ScheduleMeetingInput } from './meetings.inputs.js';
import { AgendaService } from './agenda.service.js';
import { MeetingReadingService } from './meeting-reading.service.js';
import { MeetingRunningService } from './meeting-running.service.js';
import { MeetingViewerCan, meetingViewerCan } from './meeting-viewer-can.js';

const MATERIAL =
  'Case material: after you agree the confidentiality statement; with your own rules when your agency holds the case, else only from publication until the meeting is closed (or MEETING_MATERIAL_DAYS after it started); else null';
const DASH_MATERIAL =
  "DASH material: read as the case's dashAssessments (owner and FULL shares; an attendee without a share reads as LIMITED)";

@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(
    private readonly reading: MeetingReadingService,
    private readonly agendaService: AgendaService,
    private readonly running: MeetingRunningService,
    private readonly agencyService: AgenciesService,
    private readonly userService: UsersService,
    private readonly meetingFeed: MeetingFeed,
  ) {}

  @Query(() => Meeting, { nullable: true, description: 'A meeting your agency attends; null for any other' })
  @Allow('read', 'Meeting')
  meeting(@Context() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Meeting | null> {
    return this.reading.find(ctx, id);
  }

  @Query(() => [Meeting], {
    description:
      "Your agency's meetings: upcoming (not closed) soonest first, or past most recent first; both when omitted",
  })
  @Allow('read', 'Meeting')
  meetings(
    @Context() ctx: RequestContext,
    @Args('upcoming', { type: () => Boolean, nullable: true }) upcoming?: boolean | null,
  ): Promise<Meeting[]> {
    return this.reading.list(ctx, upcoming ?? null);
  }

  @Query(() => MaracStatistics, {
    description: 'MARAC figures for the meetings your agency attended (managers, MARAC chairs and coordinators)',
  })
  @Allow('readFigures', 'Meeting')
  maracStatistics(
    @Context() ctx: RequestContext,
    @Args('input') input: MaracStatisticsInput,
  ): Promise<MaracStatistics> {
    return this.reading.maracStatistics(ctx, input);
  }

  @Query(() => [MeetingChair], {
    description: 'The active MARAC chairs of the partnership, to name one when scheduling',
  })
  @Allow('create', 'Meeting')
  meetingChairs(@Context() ctx: RequestContext): Promise<MeetingChair[]> {
    return this.reading.chairs(ctx);
  }

  @Mutation(() => Meeting, { description: 'Schedule a meeting (MARAC chairs and coordinators)' })
  @Allow('create', 'Meeting')
  scheduleMeeting(@Context() ctx: RequestContext, @Args('input') input: ScheduleMeetingInput): Promise<Meeting> {
    return this.agendaService.schedule(ctx, input);
  }

  @Mutation(() => AgendaItem, {
    description:
      "Refer a case your agency owns to a meeting's agenda (MARAC chairs and coordinators): a referral discloses it to every attending agency, so a share is not enough",
  })
  @Allow('organise', 'Meeting')
  referCase(
    @Context() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason', { type: () => ReferralReason }) reason: ReferralReason,
    @Args('dashScore', { type: () => Int, nullable: true, description: "By default the latest DASH assessment's" })
    dashScore?: number | null,
    @Args('concerns', {
      type: () => String,
      nullable: true,
      description: 'The written concern; required for PROFESSIONAL_JUDGEMENT unless the latest DASH assessment has one',
    })
    concerns?: string | null,
  ): Promise<AgendaItem> {
    return this.agendaService.refer(ctx, meetingId, caseId, reason, dashScore, concerns);
  }

  @Mutation(() => Meeting, { description: 'Put the live agenda items in this order (every one, once)' })
  @Allow('organise', 'Meeting')
  reorderAgenda(
    @Context() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('itemIds', { type: () => [ID] }) itemIds: string[],
  ): Promise<Meeting> {
    return this.agendaService.reorder(ctx, meetingId, itemIds);
  }

  @Mutation(() => AgendaItem, { description: 'Take an item off the agenda, saying why' })
  @Allow('organise', 'Meeting')
  withdrawAgendaItem(
    @Context() ctx: RequestContext,
    @Args('agendaItemId', { type: () => ID }) agendaItemId: string,
    @Args('reason') reason: string,
  ): Promise<AgendaItem> {
    return this.agendaService.withdraw(ctx, agendaItemId, reason);
  }

  @Mutation(() => AgendaItem, {
    description:
      "Take your agency's case off a meeting's agenda, whoever runs the meeting, saying why (casework users of the case's owner agency); recorded on the case's trail",
  })
  @Allow('share', 'Case')
  withdrawCaseFromMeeting(
    @Context() ctx: RequestContext,
    @Args('agendaItemId', { type: () => ID }) agendaItemId: string,
    @Args('reason') reason: string,
  ): Promise<AgendaItem> {
    return this.agendaService.withdrawByOwner(ctx, agendaItemId, reason);
  }

  @Mutation(() => Meeting, {
    description: 'Publish the agenda: the attending agencies are alerted and the case material opens',
  })
  @Allow('organise', 'Meeting')
  publishAgenda(
    @Context() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<Meeting> {
    return this.agendaService.publish(ctx, meetingId);
  }

  @Mutation(() => Meeting, { description: 'Agree the confidentiality statement, before opening the case material' })
  @Allow('read', 'Meeting')
  agreeConfidentiality(
    @Context() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<Meeting> {
    return this.running.agree(ctx, meetingId);
  }

  @Mutation(() => AgendaResearch, {
    description: "Record what your agency holds on an item's case (replaces your agency's earlier research)",
  })
  @Allow('contribute', 'Meeting')
  recordResearch(
    @Context() ctx: RequestContext,
    @Args('agendaItemId', { type: () => ID }) agendaItemId: string,
    @Args('summary') summary: string,
  ): Promise<AgendaResearch> {
    return this.running.recordResearch(ctx, agendaItemId, summary);
  }

  @Mutation(() => [Attendance], {
    description: "Record attendance or apologies: your own, or (organisers) anyone's from an attending agency",
  })
  @Allow('contribute', 'Meeting')
  recordAttendance(
    @Context() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('status', { type: () => AttendanceStatus }) status: AttendanceStatus,
    @Args('informationSent', {
      type: () => String,
      nullable: true,
      description: 'With apologies: what was sent instead',
    })
    informationSent?: string | null,
  ): Promise<Attendance[]> {
    return this.running.recordAttendance(ctx, meetingId, userId, status, informationSent);
  }

  @Mutation(() => AgendaItem, {
    description: "The minutes of an item (the meeting's chair, or a coordinator); restricted to attendees",
  })
  @Allow('chair', 'Meeting')
  recordMinutes(
    @Context() ctx: RequestContext,
    @Args('agendaItemId', { type: () => ID }) agendaItemId: string,
    @Args('minutes') minutes: string,
  ): Promise<AgendaItem> {
    return this.running.recordMinutes(ctx, agendaItemId, minutes);
  }

  @Mutation(() => Meeting, { description: 'The item under discussion now, or null between items' })
  @Allow('chair', 'Meeting')
  setCurrentAgendaItem(
    @Context() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('agendaItemId', { type: () => ID, nullable: true }) agendaItemId?: string | null,
  ): Promise<Meeting> {
    return this.running.setCurrentItem(ctx, meetingId, agendaItemId ?? null);
  }

  @Mutation(() => CaseAction, { description: 'An action agreed on an item, owned by an attending agency' })
  @Allow('chair', 'Meeting')
  recordMeetingAction(
    @Context() ctx: RequestContext,
    @Args('agendaItemId', { type: () => ID }) agendaItemId: string,
    @Args('input') input: MeetingActionInput,
  ): Promise<CaseAction> {
    return this.running.recordAction(ctx, agendaItemId, input);
  }

  @Mutation(() => Meeting, { description: 'Close the meeting: nothing more is changed on it' })
  @Allow('chair', 'Meeting')
  closeMeeting(
    @Context() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<Meeting> {
    return this.running.close(ctx, meetingId);
  }

  @Subscription(() => Meeting, {
    nullable: true,
    description:
      'The meeting each time it changes (current item, agenda, attendance, actions, minutes), read with your own rules; null once your agency no longer attends',
    resolve(this: MeetingsResolver, meetingId: string, _args: unknown, ctx: RequestContext) {
      // A fresh read per change: nothing is cached from one update to the next.
      ctx.loaders = new Map();
      return this.reading.find(ctx, meetingId);
    },
  })
  @Allow('read', 'Meeting')
  async meetingUpdates(
    @Context() ctx: LiveContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<MeetingStream> {
    if (!ctx.session) throw new Error('meetingUpdates is served over graphql-ws only');
    const meeting = await this.reading.find(ctx, meetingId);
    if (!meeting) throw new NotFoundError('Meeting', 'meetingId');
    return this.meetingFeed.follow(meeting.id, ctx.session);
  }

  @ResolveField(() => [AgendaItem], { description: 'In order; withdrawn items after the live ones when asked for' })
  agenda(
    @Context() ctx: RequestContext,
    @Parent() meeting: Meeting,
    @Args('includeWithdrawn', { type: () => Boolean, nullable: true }) includeWithdrawn?: boolean | null,
  ): Promise<AgendaItem[]> {
    return this.reading.agenda(ctx, meeting, includeWithdrawn === true);
  }

  @ResolveField(() => [Agency], { description: 'The attending agencies' })
  async agencies(@Context() ctx: RequestContext, @Parent() meeting: Meeting): Promise<Agency[]> {
    return Promise.all((await this.reading.agencyIds(ctx, meeting.id)).map((id) => this.agencyService.byId(ctx, id)));
  }

  @ResolveField(() => User)
  chair(@Context() ctx: RequestContext, @Parent() meeting: Meeting): Promise<User> {
    return this.userService.byId(ctx, meeting.chairId);
  }

  @ResolveField(() => MeetingViewerCan, {
    description: 'What you may do in this meeting: ask this rather than copying the rules',
  })
  viewerCan(@Context() ctx: RequestContext, @Parent() meeting: Meeting): MeetingViewerCan {
    return meetingViewerCan(ctx.ability, meeting, ctx.user?.agencyId);
  }

  @ResolveField(() => [Attendance])
  attendance(@Context() ctx: RequestContext, @Parent() meeting: Meeting): Promise<Attendance[]> {
    return this.reading.attendance(ctx, meeting.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemsResolver {
  constructor(
    private readonly reading: MeetingReadingService,
    private readonly agencyService: AgenciesService,
  ) {}

  @ResolveField(() => Case, {
    nullable: true,
    description: `${MATERIAL}. Read with your own rules, or as a LIMITED share when your agency has none.`,
  })
  case(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<Case | null> {
    return this.reading.itemCase(ctx, item);
  }

  @ResolveField(() => DashAssessment, {
    nullable: true,
    description: `The DASH assessment the referral carries. ${MATERIAL}. ${DASH_MATERIAL}`,
  })
  dashAssessment(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<DashAssessment | null> {
    return this.reading.itemDash(ctx, item);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: `The referrer's written concern. ${MATERIAL}. ${DASH_MATERIAL}`,
  })
  concerns(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<string | null> {
    return this.reading.itemConcerns(ctx, item);
  }

  @ResolveField(() => [AgendaResearch], {
    nullable: true,
    description: `What each attending agency holds. ${MATERIAL}`,
  })
  research(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<AgendaResearch[] | null> {
    return this.reading.itemResearch(ctx, item);
  }

  @ResolveField(() => String, { nullable: true, description: `Restricted: for attendees only. ${MATERIAL}` })
  minutes(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<string | null> {
    return this.reading.itemMaterial(ctx, item, () => item.minutes);
  }

  @ResolveField(() => [CaseAction], { nullable: true, description: `Actions agreed on this item. ${MATERIAL}` })
  actions(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<CaseAction[] | null> {
    return this.reading.itemActions(ctx, item, 'agreed');
  }

  @ResolveField(() => [CaseAction], {
    nullable: true,
    description: `For review: actions on this case from earlier meetings, not done. ${MATERIAL}`,
  })
  actionsNotDone(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<CaseAction[] | null> {
    return this.reading.itemActions(ctx, item, 'notDone');
  }

  @ResolveField(() => [CaseAction], {
    nullable: true,
    description: `For review: actions on this case from earlier meetings, no longer needed. ${MATERIAL}`,
  })
  actionsNoLongerNeeded(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<CaseAction[] | null> {
    return this.reading.itemActions(ctx, item, 'noLongerNeeded');
  }

  @ResolveField(() => Agency, { description: 'The agency that referred the case' })
  referredByAgency(@Context() ctx: RequestContext, @Parent() item: AgendaItem): Promise<Agency> {
    return this.agencyService.byId(ctx, item.referredByAgencyId);
  }
}

@Resolver(() => Case)
export class CaseMeetingReferralsResolver {
  constructor(
    private readonly reading: MeetingReadingService,
    private readonly agendaService: AgendaService,
  ) {}

  @ResolveField(() => [CaseMeetingReferral], {
    nullable: true,
    description:
      'The agendas this case is or was on, in any meeting (live and withdrawn), newest meeting first: for the owner agency, to take it off with withdrawCaseFromMeeting; null for everyone else',
  })
  meetingReferrals(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<CaseMeetingReferral[] | null> {
    return this.reading.referralsOf(ctx, parent);
  }

  @ResolveField(() => [ReferralReason], {
    description: 'The referral reasons that apply now, computed (never PROFESSIONAL_JUDGEMENT)',
  })
  referralCriteria(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<ReferralReason[]> {
    return this.agendaService.referralCriteria(ctx, parent.id);
  }
}

@Resolver(() => CaseMeetingReferral)
export class CaseMeetingReferralResolver {
  constructor(private readonly agencyService: AgenciesService) {}

  @ResolveField(() => Agency, { description: 'The agency that referred the case' })
  referredByAgency(@Context() ctx: RequestContext, @Parent() referral: CaseMeetingReferral): Promise<Agency> {
    return this.agencyService.byId(ctx, referral.referredByAgencyId);
  }
}

/**
 * Issue 17, My work: where an action came from and which case it is on, for an agency that may hold the action
 * and not the case (a meeting gave it). `case` stays the case's own rules (null when not held).
 */
@Resolver(() => CaseAction)
export class CaseActionMeetingResolver {
  constructor(private readonly reading: MeetingReadingService) {}

  @ResolveField(() => Meeting, {
    nullable: true,
    description:
      'The meeting that agreed it, while your agency attends that meeting; null for an action added on the case',
  })
  meeting(@Context() ctx: RequestContext, @Parent() action: CaseAction): Promise<Meeting | null> {
    return this.reading.meetingOfAction(ctx, action);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "The case's reference: when your agency holds the case, or the meeting that agreed the action opens the case to you (you agreed its confidentiality statement, its material is open); else null",
  })
  caseReference(@Context() ctx: RequestContext, @Parent() action: CaseAction): Promise<string | null> {
    return this.reading.caseReferenceOf(ctx, action);
  }
}
