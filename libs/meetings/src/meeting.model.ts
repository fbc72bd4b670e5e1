import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { ActionKind, AttendanceStatus, MeetingKind, ReferralReason } from '#libs/common';

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

  @Field(() => Date, { nullable: true, description: 'When the agenda was (last) published; case material opens from then' })
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
    "One referral of a case to a meeting, seen from the case (its owner agency only): where the case is or was on an agenda, including meetings the owner does not attend, so it can take the case off with withdrawCaseFromMeeting",
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

export interface CaseMeetingReferralRow {
  id: string;
  case_id: string;
  title: string;
  kind: MeetingKind;
  starts_at: Date;
  published_at: Date | null;
  closed_at: Date | null;
  reason: ReferralReason;
  referred_at: Date;
  referred_by_agency_id: string;
  withdrawn_at: Date | null;
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

@InputType({ description: 'A new meeting' })
export class ScheduleMeetingInput {
  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field({ description: '3–200 characters' })
  @IsString()
  @Length(3, 200)
  title: string;

  @Field({ description: 'Within a year either side of now: the date bounds how long the case material stays open' })
  @IsDate()
  startsAt: Date;

  @Field(() => ID, { description: "An active user of the partnership who chairs it; their agency attends" })
  @IsString()
  chairId: string;

  @Field(() => [ID], { description: "The attending agencies (the chair's and yours are added)" })
  @IsString({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  agencyIds: string[];
}

@InputType({ description: 'An action agreed at a meeting' })
export class MeetingActionInput {
  @Field(() => ID, { description: 'An attending agency' })
  @IsString()
  ownerAgencyId: string;

  @Field({ description: '3–2,000 characters' })
  @IsString()
  @Length(3, 2000)
  description: string;

  @Field()
  @IsDate()
  dueAt: Date;

  @Field(() => ActionKind, { nullable: true, description: 'OTHER_ACTION unless given' })
  @IsOptional()
  @IsEnum(ActionKind)
  kind?: ActionKind | null;
}

export interface MeetingRow {
  id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Date;
  chair_id: string;
  published_at: Date | null;
  closed_at: Date | null;
  current_item_id: string | null;
  version: number;
  agreed: boolean;
}

export const MEETING_COLUMNS = `m.id, m.kind, m.title, m.starts_at, m.chair_id, m.published_at, m.closed_at, m.current_item_id, m.version`;

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

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  case_id: string;
  position: number;
  reason: ReferralReason;
  dash_score: number | null;
  dash_assessment_id: string | null;
  concerns: string | null;
  referred_at: Date;
  referred_by_agency_id: string;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  minutes: string | null;
}

export const AGENDA_COLUMNS = `i.id, i.meeting_id, i.case_id, i.position, i.reason, i.dash_score, i.dash_assessment_id, i.concerns,
  i.referred_at, i.referred_by_agency_id, i.withdrawn_at, i.withdrawn_reason, i.minutes`;

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
