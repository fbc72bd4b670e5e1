import { subject } from '@casl/ability';
import { Field, ObjectType } from '@nestjs/graphql';
import type { PortalAbility } from '#libs/access';
import type { Meeting } from './meeting.model.js';

/**
 * What the caller may do in one meeting, asked of the same ability as MeetingChanges.require asks it: the
 * portal shows or hides the organiser's and the chair's controls from these. Permission only: a closed meeting
 * refuses every change whatever these say (`closedAt`).
 */
@ObjectType({
  description:
    'What you may do in this meeting, by the rules the API applies (permission only: a closed meeting takes no change)',
})
export class MeetingViewerCan {
  @Field({
    description:
      "Organise the agenda: referCase, reorderAgenda, withdrawAgendaItem, publishAgenda, and record others' attendance",
  })
  organise: boolean;

  @Field({ description: 'Run the meeting: setCurrentAgendaItem, recordMeetingAction, recordMinutes, closeMeeting' })
  chair: boolean;

  @Field({ description: 'recordResearch for your agency, and your own attendance' })
  contribute: boolean;
}

/**
 * A meeting is read only by its attending agencies (the row rule in SQL), so the caller's agency is among them;
 * the chair is the meeting's own.
 */
export function meetingViewerCan(
  ability: PortalAbility,
  meeting: Pick<Meeting, 'chairId'>,
  agencyId: string | undefined,
): MeetingViewerCan {
  const row = subject('Meeting', { attendingAgencyIds: agencyId ? [agencyId] : [], chairId: meeting.chairId });
  return {
    organise: ability.can('organise', row),
    chair: ability.can('chair', row),
    contribute: ability.can('contribute', row),
  };
}
