import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AttendanceStatus, MeetingKind, percentOf as percent, ReferralReason } from '#libs/common';
import type { AgendaItemRow, CaseMeetingReferralRow, MaracFiguresRow, MeetingRow } from './meetings.repository.js';

/** What every attendee agrees before they may open a meeting's case material. */
export const CONFIDENTIALITY_STATEMENT =
  'Information discussed at this meeting is shared for the purpose of reducing risk to victims and their children. ' +
  'It is confidential: it may be used only for that purpose, shared only with those who need it to act on the ' +
  "meeting's actions, and must not be disclosed further without the agreement of the agency that provided it.";

@ObjectType({ description: 'A multi-agency meeting: MARAC, ASB panel or ASB Case Review' })
export class Meeting {
  @Field(() => ID)
  id: string;

  @Field(() => MeetingKind)
  kind: MeetingKind;

  @Field()
  title: string;

  @Field()
  startsAt: Date;

  @Field(() => ID)
  chairId: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the agenda was (last) published; case material opens from then',
  })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The agenda item under discussion now' })
  currentItemId: string | null;

  @Field({ description: 'The statement each attendee agrees before opening case material' })
  confidentialityStatement: string;

  @Field({ description: 'Whether you have agreed the confidentiality statement' })
  confidentialityAgreed: boolean;

  @Field(() => Int)
  version: number;
}

@ObjectType({ description: "One referred case on a meeting's agenda" })
export class AgendaItem {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  meetingId: string;

  @Field(() => Int, { description: '1, 2, 3… in the order the meeting takes them' })
  position: number;

  @Field(() => ReferralReason)
  reason: ReferralReason;

  @Field(() => Int, { nullable: true, description: 'The DASH score the referral carries' })
  dashScore: number | null;

  @Field()
  referredAt: Date;

  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true })
  withdrawnReason: string | null;

  caseId: string;
  concerns: string | null;
  dashAssessmentId: string | null;
  minutes: string | null;
  referredByAgencyId: string;
}

@ObjectType({
  description:
    'One referral of a case to a meeting, seen from the case (its owner agency only): where the case is or was on an agenda, including meetings the owner does not attend, so it can take the case off with withdrawCaseFromMeeting',
})
export class CaseMeetingReferral {
  @Field(() => ID, { description: 'The agenda item: what withdrawCaseFromMeeting takes' })
  agendaItemId: string;

  @Field()
  meetingTitle: string;

  @Field(() => MeetingKind)
  meetingKind: MeetingKind;

  @Field({ description: 'When the meeting starts' })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: "When the meeting's agenda was (last) published" })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the meeting was closed: nothing more changes on it' })
  closedAt: Date | null;

  @Field(() => ReferralReason)
  reason: ReferralReason;

  @Field()
  referredAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the case was taken off this agenda; null while it is on it' })
  withdrawnAt: Date | null;

  referredByAgencyId: string;
}

export const toCaseMeetingReferral = (row: CaseMeetingReferralRow): CaseMeetingReferral => ({
  agendaItemId: row.id,
  meetingTitle: row.title,
  meetingKind: row.kind,
  startsAt: row.starts_at,
  publishedAt: row.published_at,
  closedAt: row.closed_at,
  reason: row.reason,
  referredAt: row.referred_at,
  withdrawnAt: row.withdrawn_at,
  referredByAgencyId: row.referred_by_agency_id,
});

@ObjectType({ description: 'What one attending agency holds on a case, for the meeting' })
export class AgendaResearch {
  @Field(() => ID)
  agencyId: string;

  @Field()
  summary: string;

  @Field()
  recordedAt: Date;
}

@ObjectType({ description: 'Who took part: present, observing, or sent apologies (with any information sent instead)' })
export class Attendance {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field(() => ID)
  agencyId: string;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;

  @Field(() => String, { nullable: true })
  informationSent: string | null;
}

@ObjectType({ description: 'Someone who may chair a meeting: an active MARAC chair of any partner agency' })
export class MeetingChair {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  agencyName: string;
}

export const toMeeting = (row: MeetingRow): Meeting => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  startsAt: row.starts_at,
  chairId: row.chair_id,
  publishedAt: row.published_at,
  closedAt: row.closed_at,
  currentItemId: row.current_item_id,
  confidentialityStatement: CONFIDENTIALITY_STATEMENT,
  confidentialityAgreed: row.agreed,
  version: row.version,
});

export const toAgendaItem = (row: AgendaItemRow): AgendaItem => ({
  id: row.id,
  meetingId: row.meeting_id,
  caseId: row.case_id,
  position: row.position,
  reason: row.reason,
  dashScore: row.dash_score,
  dashAssessmentId: row.dash_assessment_id,
  concerns: row.concerns,
  referredAt: row.referred_at,
  referredByAgencyId: row.referred_by_agency_id,
  withdrawnAt: row.withdrawn_at,
  withdrawnReason: row.withdrawn_reason,
  minutes: row.minutes,
});

@ObjectType({
  description:
    'Figures for the MARACs your agency attended in a period (percentages 0–100, null when there is nothing to divide)',
})
export class MaracStatistics {
  @Field(() => Int)
  meetings: number;

  @Field(() => Int, { description: 'Agenda items heard (withdrawn ones left out)' })
  casesHeard: number;

  @Field(() => Int, {
    description: 'Heard as repeats: referred as REPEAT_REFERRAL, or heard at a MARAC in the 12 months before',
  })
  repeatCases: number;

  @Field(() => Float, { nullable: true })
  repeatPercent: number | null;

  @Field(() => Int, { description: 'Referred by an agency other than the police' })
  referredByPartners: number;

  @Field(() => Float, { nullable: true })
  referredByPartnersPercent: number | null;

  @Field(() => Int, { description: 'Actions agreed at these meetings that are due by now' })
  actionsDue: number;

  @Field(() => Int, { description: 'Of those, done by their due date' })
  actionsCompletedOnTime: number;

  @Field(() => Float, { nullable: true })
  actionsCompletedOnTimePercent: number | null;
}

export function toMaracStatistics(row: MaracFiguresRow): MaracStatistics {
  return {
    meetings: row.meetings,
    casesHeard: row.heard,
    repeatCases: row.repeats,
    repeatPercent: percent(row.repeats, row.heard),
    referredByPartners: row.by_partners,
    referredByPartnersPercent: percent(row.by_partners, row.heard),
    actionsDue: row.actions_due,
    actionsCompletedOnTime: row.on_time,
    actionsCompletedOnTimePercent: percent(row.on_time, row.actions_due),
  };
}
