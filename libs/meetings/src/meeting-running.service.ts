import { Injectable } from '@nestjs/common';
import { ActionsRepository, type CaseAction, toAction } from '#libs/actions';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import {
  ActionKind,
  type AttendanceStatus,
  BadInputError,
  LEGAL_ACTION_KINDS,
  NotFoundError,
  parseId,
  StateConflictError,
} from '#libs/common';
import type { RequestContext } from '#libs/context';
import { UsersRepository } from '#libs/users';
import {
  type AgendaItem,
  type AgendaResearch,
  type Attendance,
  type Meeting,
  toAgendaItem,
  toMeeting,
} from './meeting.model.js';
import type { MeetingActionInput } from './meetings.inputs.js';
import { MeetingChanges } from './meeting-changes.js';
import { MeetingReadingService } from './meeting-reading.service.js';
import { MeetingsRepository } from './meetings.repository.js';
import { writtenText } from './meetings.rules.js';

/**
 * Running a meeting: who attends, the confidentiality statement, each agency's research, the item under
 * discussion, the minutes and actions agreed, and closing it. Every change tells the live viewers.
 */
@Injectable()
export class MeetingRunningService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly changes: MeetingChanges,
    private readonly reading: MeetingReadingService,
    private readonly actions: ActionsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
  ) {}

  async agree(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.findVisible(ctx.db, ctx, parseId(meetingId, 'meetingId'));
    if (!meeting) throw new NotFoundError('Meeting', 'meetingId');
    await this.meetings.agree(ctx.db, meeting.id, ctx.user!.id);
    return toMeeting({ ...meeting, agreed: true });
  }

  /** Each attending agency records what it holds on the case: one summary per agency, replaced when recorded again. */
  async recordResearch(ctx: RequestContext, itemId: string, summary: string): Promise<AgendaResearch> {
    const { item, meeting } = await this.changes.requireItem(ctx, itemId, 'contribute');
    const text = writtenText(summary, 'summary', 'Write what your agency holds');
    const row = await this.meetings.recordResearch(ctx.db, item.id, ctx.user!.agencyId, text, ctx.user!.id);
    await this.changes.changed(ctx, meeting.id);
    return { agencyId: row.agency_id, summary: row.summary, recordedAt: row.recorded_at };
  }

  /** Organisers record anyone's attendance; anyone records their own (apologies, with what they sent instead). */
  async recordAttendance(
    ctx: RequestContext,
    meetingId: string,
    userId: string,
    status: AttendanceStatus,
    informationSent: string | null | undefined,
  ): Promise<Attendance[]> {
    const self = parseId(userId, 'userId') === ctx.user!.id;
    const meeting = await this.changes.require(ctx, meetingId, self ? 'contribute' : 'organise');
    const agencyId = await this.users.activeAgencyOf(ctx.db, userId);
    if (!agencyId || !meeting.agency_ids.includes(agencyId))
      throw new BadInputError('userId', 'Only users of attending agencies attend');
    await this.meetings.recordAttendance(ctx.db, meeting.id, userId, agencyId, status, informationSent?.trim() || null);
    await this.changes.changed(ctx, meeting.id);
    return this.reading.attendance(ctx, meeting.id);
  }

  async recordMinutes(ctx: RequestContext, itemId: string, minutes: string): Promise<AgendaItem> {
    const { item, meeting } = await this.changes.requireItem(ctx, itemId, 'chair');
    const row = await this.meetings.recordMinutes(ctx.db, item.id, minutes.trim() || null);
    await this.changes.changed(ctx, meeting.id);
    return toAgendaItem(row);
  }

  /** The item under discussion now (null between items), for everyone following the meeting live. */
  async setCurrentItem(ctx: RequestContext, meetingId: string, itemId: string | null): Promise<Meeting> {
    const meeting = await this.changes.require(ctx, meetingId, 'chair');
    if (itemId && !(await this.meetings.isLiveItem(ctx.db, meeting.id, parseId(itemId, 'agendaItemId')))) {
      throw new NotFoundError('Agenda item', 'agendaItemId');
    }
    return this.changes.changedMeeting(ctx, meeting, await this.meetings.setCurrentItem(ctx.db, meeting.id, itemId));
  }

  /**
   * An action agreed on an item: a case action owned by an attending agency, which that agency updates as its
   * own even without a share of the case, and which earlier meetings' reviews follow.
   */
  async recordAction(ctx: RequestContext, itemId: string, input: MeetingActionInput): Promise<CaseAction> {
    const { item, meeting } = await this.changes.requireItem(ctx, itemId, 'chair');
    if (item.withdrawn_at) throw new StateConflictError('The item was withdrawn', 'agendaItemId');
    const ownerAgencyId = parseId(input.ownerAgencyId, 'ownerAgencyId');
    if (!meeting.agency_ids.includes(ownerAgencyId))
      throw new BadInputError('ownerAgencyId', 'The owner must be an attending agency');
    const kind = input.kind ?? ActionKind.OTHER_ACTION;
    const row = await this.actions.insert(ctx.db, {
      caseId: item.case_id,
      kind,
      legal: LEGAL_ACTION_KINDS.has(kind),
      description: input.description.trim(),
      ownerAgencyId,
      assigneeId: null,
      dueAt: input.dueAt,
      createdById: ctx.user!.id,
      agendaItemId: item.id,
    });
    await this.audit.record(ctx, item.case_id, AuditAction.ACTION_ADDED, {
      actionId: row.id,
      kind,
      ownerAgencyId,
      meeting: { id: meeting.id },
    });
    await this.alerts.raise(ctx, AlertKind.ACTION_ASSIGNED, {
      caseId: item.case_id,
      actionId: row.id,
      targetAgencyId: ownerAgencyId,
      meetingId: meeting.id,
    });
    await this.changes.changed(ctx, meeting.id);
    return toAction(row);
  }

  async close(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    const meeting = await this.changes.require(ctx, meetingId, 'chair');
    return this.changes.changedMeeting(ctx, meeting, await this.meetings.close(ctx.db, meeting.id));
  }
}
