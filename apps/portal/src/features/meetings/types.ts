import type { MeetingDetailQuery } from '../../gql/graphql';

export type MeetingData = NonNullable<MeetingDetailQuery['meeting']>;
export type AgendaItemData = MeetingData['agenda'][number];
export type MeetingActionData = NonNullable<AgendaItemData['actions']>[number];
