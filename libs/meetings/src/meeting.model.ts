import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyKind, AttendanceStatus, MeetingKind, percentOf as percent, ReferralReason } from '#libs/common';
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

@ObjectType({ description: 'Cases heard that one kind of agency referred' })
export class AgencyKindCount {
  @Field(() => AgencyKind)
  kind: AgencyKind;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "An item of SafeLives' quarterly MARAC dataset that the portal does not record, and why" })
export class MaracDatasetGap {
  @Field({ description: 'The dataset item' })
  item: string;

  @Field({ description: 'Why there is no figure' })
  reason: string;
}

/** SafeLives' diversity and household items with nothing in the portal to count them from: said, not guessed. */
export const MARAC_NOT_RECORDED: readonly MaracDatasetGap[] = [
  {
    item: 'Cases with children in the household, and the number of children',
    reason:
      'Not recorded: no party, referral or DASH answer says who lives in the household (DASH question 7 asks only about conflict over child contact)',
  },
  { item: 'Male victims', reason: 'Not recorded: parties have no sex or gender' },
  { item: 'Black and minority ethnic victims', reason: 'Not recorded: parties have no ethnicity' },
  { item: 'Victims with a disability', reason: 'Not recorded on MARAC cases' },
  {
    item: 'Lesbian, gay, bisexual or transgender victims',
    reason: 'Not recorded: parties have no sexual orientation or gender identity',
  },
];

@ObjectType({
  description:
    "Figures for the MARACs your agency attended in a period (percentages 0–100, null when there is nothing to divide), as far as the portal's records answer SafeLives' quarterly MARAC dataset",
})
export class MaracStatistics {
  @Field(() => Int)
  meetings: number;

  @Field(() => Int, {
    description:
      'SafeLives "cases discussed": agenda items heard at these MARACs (withdrawn ones left out); a case heard at two meetings counts twice',
  })
  casesHeard: number;

  @Field(() => Int, {
    nullable: true,
    description: "The area's women aged 16 and over, as configured (MARAC_ADULT_FEMALE_POPULATION); null when not set",
  })
  adultFemalePopulation: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'SafeLives "cases per 10,000 adult women": cases heard ÷ the adult female population × 10,000, one decimal place, over the period asked (not annualised); null when the population is not set',
  })
  casesPer10kAdultWomen: number | null;

  @Field(() => Int, {
    description:
      'SafeLives "repeat cases": heard as repeats, referred as REPEAT_REFERRAL, or heard at a MARAC in the 12 months before',
  })
  repeatCases: number;

  @Field(() => Float, { nullable: true, description: 'Repeat cases ÷ cases heard (SafeLives repeat rate)' })
  repeatPercent: number | null;

  @Field(() => Int, { description: 'Referred by an agency other than the police' })
  referredByPartners: number;

  @Field(() => Float, { nullable: true })
  referredByPartnersPercent: number | null;

  @Field(() => [AgencyKindCount], {
    description:
      'SafeLives "referrals by agency": cases heard by the kind of agency that referred them; every kind listed, most first',
  })
  referralsByAgencyKind: AgencyKindCount[];

  @Field(() => Int, {
    description:
      'SafeLives "IDVA engagement", as the portal can see it: cases heard that a SUPPORT agency (the IDVA service) owns, is or was shared with, or holds an action on, by now',
  })
  supportEngaged: number;

  @Field(() => Float, { nullable: true, description: 'Support engaged ÷ cases heard' })
  supportEngagedPercent: number | null;

  @Field(() => Int, {
    description:
      'SafeLives "16–17 year old victims": cases heard whose victim was 16 or 17 on the day of referral (London), by the date of birth recorded',
  })
  victimsAged16To17: number;

  @Field(() => Int, {
    description: "Cases heard with a victim's date of birth recorded: the 16–17 figure can count no others",
  })
  victimsWithDateOfBirth: number;

  @Field(() => [MaracDatasetGap], { description: 'Dataset items the portal does not record, so gives no figure for' })
  notRecorded: MaracDatasetGap[];

  @Field(() => Int, { description: 'Actions agreed at these meetings that are due by now' })
  actionsDue: number;

  @Field(() => Int, { description: 'Of those, done by their due date' })
  actionsCompletedOnTime: number;

  @Field(() => Float, { nullable: true })
  actionsCompletedOnTimePercent: number | null;
}

/** Per 10,000, one decimal place. */
const per10k = (count: number, population: number) => Math.round((count / population) * 100_000) / 10;

export function toMaracStatistics(row: MaracFiguresRow, adultFemalePopulation: number | null): MaracStatistics {
  const byKind = new Map(row.by_kind.map((k) => [k.kind, k.count]));
  return {
    meetings: row.meetings,
    casesHeard: row.heard,
    adultFemalePopulation,
    casesPer10kAdultWomen: adultFemalePopulation ? per10k(row.heard, adultFemalePopulation) : null,
    repeatCases: row.repeats,
    repeatPercent: percent(row.repeats, row.heard),
    referredByPartners: row.by_partners,
    referredByPartnersPercent: percent(row.by_partners, row.heard),
    referralsByAgencyKind: Object.values(AgencyKind)
      .map((kind) => ({ kind, count: byKind.get(kind) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    supportEngaged: row.support_engaged,
    supportEngagedPercent: percent(row.support_engaged, row.heard),
    victimsAged16To17: row.victims_16_17,
    victimsWithDateOfBirth: row.victims_born_on_record,
    notRecorded: [...MARAC_NOT_RECORDED],
    actionsDue: row.actions_due,
    actionsCompletedOnTime: row.on_time,
    actionsCompletedOnTimePercent: percent(row.on_time, row.actions_due),
  };
}
