import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { subject } from '@casl/ability';
import { type PortalAbility, readGovernedFields, redact, type Relation } from '#libs/access';
import { ClockState, clockState } from '#libs/common';
import type { CaseReviewRow } from './case-reviews.repository.js';

@ObjectType({
  description:
    'Whether the ASB Case Review threshold is met for the victims and complainants of a case, counted over the cases where the reader may read the same person’s name',
})
export class CaseReviewThreshold {
  @Field(() => Int, {
    description: 'Qualifying complaints in the window; one incident reported to several agencies counts once',
  })
  complaints: number;

  @Field(() => Int)
  threshold: number;

  @Field(() => Int)
  windowMonths: number;

  @Field()
  met: boolean;

  @Field({ description: 'From the second complaint: tell the victim they may ask for an ASB Case Review' })
  tellVictimAboutReview: boolean;
}

@ObjectType({ description: 'One step of a statutory clock' })
export class ClockStep {
  @Field()
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @Field(() => ClockState)
  state: ClockState;
}

@ObjectType({ description: 'An ASB Case Review application, with its clock in working days (England and Wales)' })
export class CaseReview {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field()
  receivedAt: Date;

  @Field(() => ClockStep)
  acknowledge: ClockStep;

  @Field(() => ClockStep, { description: 'Deciding whether the threshold is met' })
  decide: ClockStep;

  @Field(() => ClockStep, {
    description: 'Holding the review: done when a CASE_REVIEW meeting with the case on its agenda has started',
  })
  meet: ClockStep;

  @Field(() => Boolean, { nullable: true })
  thresholdMet: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why the threshold was or was not met: owner and FULL shares' })
  decisionReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency of the single point of contact who logged it' })
  spocAgencyId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who applied: the single point of contact’s agency and the owners of the linked cases only',
  })
  applicantName: string | null;

  @Field(() => String, { nullable: true, description: 'How to contact the applicant: as applicantName' })
  applicantContact: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A third party applicant’s relationship to the victim: as applicantName',
  })
  applicantRelationship: string | null;

  @Field({ description: 'Whether a third party applied on the victim’s behalf (with the victim’s consent)' })
  thirdParty: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the victim’s consent to a third party application was recorded',
  })
  consentRecordedAt: Date | null;

  @Field(() => [ID], { description: 'The linked cases you may see (others are counted in linkedCaseCount)' })
  caseIds: string[];

  @Field(() => ID, { nullable: true, description: 'The CASE_REVIEW meeting where the application is heard' })
  meetingId: string | null;

  @Field(() => ClockStep, {
    nullable: true,
    description: 'Telling the applicant the outcome, in working days from receipt (CASE_REVIEW_TELL_DAYS)',
  })
  tell: ClockStep | null;

  @Field(() => String, { nullable: true, description: 'The review’s conclusion' })
  conclusion: string | null;

  @Field(() => Date, { nullable: true })
  outcomeAt: Date | null;

  @Field(() => [ID], { description: 'The case actions the review recommended, each assigned to an agency' })
  recommendationActionIds: string[];

  @Field(() => Date, { nullable: true, description: 'When the applicant was told the outcome' })
  toldAt: Date | null;

  @Field(() => String, { nullable: true, description: 'How the applicant was told (letter, email, call…)' })
  toldHow: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The last day the applicant may appeal: CASE_REVIEW_APPEAL_DAYS working days after being told',
  })
  appealBy: Date | null;

  @Field(() => Date, { nullable: true })
  appealedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the applicant appealed' })
  appealGrounds: string | null;

  @Field(() => ClockStep, {
    nullable: true,
    description: 'Hearing the appeal, by a different chair: CASE_REVIEW_APPEAL_HEAR_DAYS working days from the appeal',
  })
  appealHearing: ClockStep | null;

  @Field(() => ID, { nullable: true, description: 'The CASE_REVIEW meeting that heard the appeal' })
  appealMeetingId: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the appeal was upheld' })
  appealUpheld: boolean | null;

  @Field(() => String, { nullable: true, description: 'The appeal’s outcome' })
  appealOutcome: string | null;

  @Field({
    description: 'Whether you may take the application’s steps (acknowledge, decide, meeting, outcome, told, appeal)',
  })
  viewerCanProcess: boolean;

  @Field(() => [String], { description: 'Fields you may not read on this application (null above)' })
  redactedFields: string[];
}

@ObjectType({ description: 'The figures a council publishes each year about ASB Case Reviews (its own applications)' })
export class CaseReviewFigures {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Applications received in the year' })
  applications: number;

  @Field(() => Int, { description: 'Of those, applications where the threshold was decided met' })
  thresholdsMet: number;

  @Field(() => Int, { description: 'Of those, applications where the threshold was decided not met' })
  thresholdsNotMet: number;

  @Field(() => Int, { description: 'Of those, reviews held (their CASE_REVIEW meeting has started)' })
  reviewsHeld: number;

  @Field(() => Int, { description: 'Recommendations made by those reviews (each a case action given to an agency)' })
  recommendations: number;

  @Field(() => Int, { description: 'Appeals received against those reviews' })
  appealsReceived: number;

  @Field(() => Int, { description: 'Appeals upheld' })
  appealsUpheld: number;
}

export function step(dueAt: Date, doneAt: Date | null, now = Date.now()): ClockStep {
  return { dueAt, doneAt, state: clockState(dueAt, doneAt, now) };
}

const REVIEW_GOVERNED = readGovernedFields('CaseReview');

/** The applicant's details: read by the single point of contact's agency and linked cases' owners (ability.ts). */
const APPLICANT_FIELDS = ['applicantName', 'applicantContact', 'applicantRelationship'] as const;

/** The application as a row for the ability's CaseReview rules. */
export function reviewSubject(row: Pick<CaseReviewRow, 'spoc_agency_id' | 'linked_owner_agency_ids'>) {
  return subject('CaseReview', { spocAgencyId: row.spoc_agency_id, linkedOwnerAgencyIds: row.linked_owner_agency_ids });
}

/**
 * The reader's relation to an application, for its field rules: its own agency's (as single point of contact)
 * or one of its cases' owner reads as OWNER; otherwise the relation to the case it was read through.
 */
export function relationToReview(
  agencyId: string | undefined,
  relation: Relation,
  row: Pick<CaseReviewRow, 'spoc_agency_id' | 'linked_owner_agency_ids'>,
): Relation {
  if (agencyId && (row.spoc_agency_id === agencyId || row.linked_owner_agency_ids.includes(agencyId))) return 'OWNER';
  return relation;
}

/** The application as this reader may see it: the decision's reasons and the applicant only where the policy allows. */
export function toCaseReview(
  ability: PortalAbility,
  relation: Relation,
  row: CaseReviewRow,
  now = Date.now(),
): CaseReview {
  const target = reviewSubject(row);
  const view: CaseReview = {
    id: row.id,
    caseId: row.case_id,
    receivedAt: row.received_at,
    acknowledge: step(row.acknowledge_by, row.acknowledged_at, now),
    decide: step(row.decide_by, row.decided_at, now),
    meet: step(row.meet_by, row.met_at, now),
    thresholdMet: row.threshold_met,
    decisionReason: row.decision_reason,
    spocAgencyId: row.spoc_agency_id,
    applicantName: row.applicant_name,
    applicantContact: row.applicant_contact,
    applicantRelationship: row.applicant_relationship,
    thirdParty: row.third_party,
    consentRecordedAt: row.consent_recorded_at,
    caseIds: row.case_ids,
    meetingId: row.meeting_id,
    tell: row.tell_by ? step(row.tell_by, row.told_at, now) : null,
    conclusion: row.conclusion,
    outcomeAt: row.outcome_at,
    recommendationActionIds: row.recommendation_action_ids,
    toldAt: row.told_at,
    toldHow: row.told_how,
    appealBy: row.appeal_by,
    appealedAt: row.appealed_at,
    appealGrounds: row.appeal_grounds,
    appealHearing: row.appeal_heard_by ? step(row.appeal_heard_by, row.appeal_decided_at, now) : null,
    appealMeetingId: row.appeal_meeting_id,
    appealUpheld: row.appeal_upheld,
    appealOutcome: row.appeal_outcome,
    viewerCanProcess: ability.can('decideReview', target),
    redactedFields: [],
  };
  const redacted = redact(ability, 'CaseReview', view, { access: relation }, REVIEW_GOVERNED);
  if (!ability.can('readApplicant', target)) {
    for (const field of APPLICANT_FIELDS) {
      redacted.redactedFields.push(field);
      redacted[field] = null;
    }
  }
  return redacted;
}
