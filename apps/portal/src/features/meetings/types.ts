import type { MeetingDetailQuery } from '../../gql/graphql';
import { hasRole, type SessionUser } from '../../session';

export type MeetingData = NonNullable<MeetingDetailQuery['meeting']>;
export type AgendaItemData = MeetingData['agenda'][number];
export type MeetingActionData = NonNullable<AgendaItemData['actions']>[number];

// The API decides; these only keep the screen from offering what it would refuse.

/** MARAC chairs and coordinators schedule meetings (in a meeting, ask its viewerCan). */
export function organises(user: SessionUser): boolean {
  return hasRole(user, 'MARAC_COORDINATOR') || hasRole(user, 'MARAC_CHAIR');
}
