import type { MeetingDetailQuery } from '../gql/graphql';
import { hasRole, type SessionUser } from '../session';

export type MeetingData = NonNullable<MeetingDetailQuery['meeting']>;
export type AgendaItemData = MeetingData['agenda'][number];
export type MeetingActionData = NonNullable<AgendaItemData['actions']>[number];

// The API decides; these only keep the screen from offering what it would refuse.

/** MARAC chairs and coordinators schedule meetings, refer cases, order, withdraw and publish. */
export function organises(user: SessionUser): boolean {
  return hasRole(user, 'MARAC_COORDINATOR') || hasRole(user, 'MARAC_CHAIR');
}

/** The meeting's own chair, or any MARAC coordinator, runs it: current item, actions, minutes, closing. */
export function chairs(user: SessionUser, meeting: Pick<MeetingData, 'chair'>): boolean {
  return hasRole(user, 'MARAC_COORDINATOR') || (hasRole(user, 'MARAC_CHAIR') && meeting.chair.id === user.id);
}
