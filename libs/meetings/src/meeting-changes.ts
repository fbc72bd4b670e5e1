import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { Action } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { ForbiddenError, NotFoundError, parseId, StateConflictError } from '#libs/common';
import { type Meeting, toMeeting } from './meeting.model.js';
import { type AgendaItemRow, type MeetingRecord, type MeetingRow, MeetingsRepository } from './meetings.repository.js';

/**
 * A meeting taken for a change, shared by the agenda and the running of the meeting: found as the caller sees
 * it, asked of the policy, refused once closed, and held (one writer at a time per meeting) in the one read;
 * then every change tells the meeting's live viewers.
 */
@Injectable()
export class MeetingChanges {
  constructor(private readonly meetings: MeetingsRepository) {}

  /** A meeting the caller may `action`: NOT_FOUND when it is not theirs to see, FORBIDDEN when they may only read it. */
  async require(ctx: RequestContext, id: string, action: Action, field = 'meetingId'): Promise<MeetingRecord> {
    const meeting = await this.meetings.findVisible(ctx.db, ctx, parseId(id, field), true);
    if (!meeting) throw new NotFoundError('Meeting', field);
    return this.allowed(ctx, meeting, action, field);
  }

  /** An agenda item of a meeting the caller may `action`, with its meeting; NOT_FOUND as an item when the meeting is not theirs to see. */
  async requireItem(
    ctx: RequestContext,
    itemId: string,
    action: Action,
    field = 'agendaItemId',
  ): Promise<{ item: AgendaItemRow; meeting: MeetingRecord }> {
    const item = await this.meetings.findItem(ctx.db, parseId(itemId, field));
    if (!item) throw new NotFoundError('Agenda item', field);
    const meeting = await this.meetings.findVisible(ctx.db, ctx, item.meeting_id, true);
    if (!meeting) throw new NotFoundError('Agenda item', field);
    return { item, meeting: this.allowed(ctx, meeting, action, field) };
  }

  private allowed(ctx: RequestContext, meeting: MeetingRecord, action: Action, field: string): MeetingRecord {
    if (
      !ctx.ability.can(
        action,
        subject('Meeting', { attendingAgencyIds: meeting.agency_ids, chairId: meeting.chair_id }),
      )
    ) {
      throw new ForbiddenError(
        action === 'chair'
          ? "Only the meeting's chair or a MARAC coordinator may do this"
          : 'Only MARAC chairs and coordinators may do this',
      );
    }
    if (meeting.closed_at) throw new StateConflictError('The meeting is closed', field);
    return meeting;
  }

  /** Tells the meeting's live viewers, at commit. */
  changed(ctx: RequestContext, meetingId: string): Promise<void> {
    return this.meetings.notifyChanged(ctx.db, meetingId);
  }

  /**
   * Tells the live viewers, and answers the meeting as it is now: as the change left it (`now`), else as it was
   * taken, since it is held until commit and nothing else changes it meanwhile (no second read).
   */
  async changedMeeting(
    ctx: RequestContext,
    taken: MeetingRecord,
    now: Omit<MeetingRow, 'agreed'> = taken,
  ): Promise<Meeting> {
    await this.changed(ctx, taken.id);
    return toMeeting({ ...now, agreed: taken.agreed });
  }
}
